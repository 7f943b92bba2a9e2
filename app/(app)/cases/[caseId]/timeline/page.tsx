import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { TlpBadge } from "@/components/ui/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { NotFoundError } from "@/lib/http/errors";
import { formatEventDateForInput } from "@/lib/timeline/dates";
import { listTimeline, listTimelineAlertChoices, type TimelineEventView, type TimelineView } from "@/lib/timeline/data/list";
import { CONFIDENCE_LABELS, CONFIDENCE_RANGES } from "@/lib/timeline/labels";
import { layoutTimeline, type IntervalMetric } from "@/lib/timeline/layout";
import { timelineFilterSchema, type TimelineFilter } from "@/lib/timeline/schema";
import { AddFromAlertsForm } from "./alerts-form";
import { DeleteEventButton } from "./delete-event";
import { EventForm } from "./event-form";
import { ImportCsvForm } from "./import-form";
import styles from "./timeline.module.css";

// The case timeline: what happened when, how sure we are, and how long the intruder went unseen.
// Read-only for organisations the case is shared with (TLP-filtered in the data layer).

type Params = Promise<{ caseId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const HIGHLIGHT_TAGS = new Set(["first-access", "detection", "disclosure", "containment", "attribution"]);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function load(caseId: string, filter: TimelineFilter) {
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(caseId).success) notFound();
  try {
    const view = await listTimeline(viewer, caseId, filter);
    const alerts = view.canWrite ? await listTimelineAlertChoices(viewer, caseId) : [];
    return { view, alerts };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

// Static: loading the case here as well would read (and, for shared readers, audit) it twice.
export const metadata: Metadata = { title: "Timeline" };

function query(filter: TimelineFilter, extra: Record<string, string> = {}): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value) out.set(key, value);
  const text = out.toString();
  return text ? `?${text}` : "";
}

function Metric({ label, metric, hint }: { label: string; metric: IntervalMetric | null; hint: string }) {
  return (
    <div className={styles.metric}>
      <dt>{label}</dt>
      {metric ? (
        <dd>
          <span className={styles.metricValue}>{metric.label}</span>
          <span className={styles.metricDetail}>{metric.detail}</span>
          <span className={styles.metricDetail}>{metric.fromLabel} → {metric.toLabel}</span>
        </dd>
      ) : (
        <dd><span className={styles.metricEmpty}>Not measured</span> <span className={styles.metricDetail}>{hint}</span></dd>
      )}
    </div>
  );
}

function MetricsStrip({ view }: { view: TimelineView }) {
  const { dwellTime, timeToDisclose, exposureToDisclosure } = view.metrics;
  return (
    <dl className={styles.metrics} aria-label="Timeline metrics">
      <Metric label="Dwell time (first access → detection)" metric={dwellTime} hint="Tag events first-access and detection." />
      <Metric label="Time to disclose (detection → disclosure)" metric={timeToDisclose} hint="Tag events detection and disclosure." />
      <Metric label="First access → disclosure" metric={exposureToDisclosure} hint="Tag events first-access and disclosure." />
    </dl>
  );
}

function Filters({ view, filter, caseId }: { view: TimelineView; filter: TimelineFilter; caseId: string }) {
  const { entities, sources, tags } = view.filterOptions;
  return (
    <form method="get" className="filters" aria-label="Filter the timeline">
      <label className="field">
        <span>Entity</span>
        <select name="entity" defaultValue={filter.entity ?? ""}>
          <option value="">Any</option>
          {entities.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Source</span>
        <select name="source" defaultValue={filter.source ?? ""}>
          <option value="">Any</option>
          {sources.map((s) => <option key={s} value={s}>{s.length > 60 ? `${s.slice(0, 57)}…` : s}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Tag</span>
        <select name="tag" defaultValue={filter.tag ?? ""}>
          <option value="">Any</option>
          {tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Group by</span>
        <select name="group" defaultValue={filter.group ?? ""}>
          <option value="">Automatic</option>
          <option value="YEAR">Year</option>
          <option value="MONTH">Month</option>
          <option value="DAY">Day</option>
        </select>
      </label>
      <button type="submit" className="btn">Apply</button>
      {filter.entity || filter.source || filter.tag || filter.group ? <Link className="btn btn-ghost" href={`/cases/${caseId}/timeline`}>Clear</Link> : null}
    </form>
  );
}

function EventCard({ event, dateLabel, view, entities }: { event: TimelineEventView; dateLabel: string; view: TimelineView; entities: { id: string; name: string }[] }) {
  return (
    <li className={event.key ? `${styles.event} ${styles.key}` : styles.event}>
      <time className={styles.gutter} dateTime={event.occurredAt.toISOString()}>{dateLabel}</time>
      <span className={styles.dot} aria-hidden="true" />
      <article className={styles.card}>
        <header className={styles.cardHead}>
          <h4 className={styles.title}>
            {event.key ? <span className={styles.keyMark}>Key event<span className="sr-only">:</span></span> : null}
            {event.title}
          </h4>
          <TlpBadge tlp={event.tlp} />
        </header>
        <div className={styles.meta}>
          {event.confidence ? (
            <span className={styles.confidence} title={`PHIA yardstick: ${CONFIDENCE_RANGES[event.confidence]}`}>
              <span className="sr-only">Confidence: </span>{CONFIDENCE_LABELS[event.confidence]} <span className="muted">({CONFIDENCE_RANGES[event.confidence]})</span>
            </span>
          ) : null}
          {event.tags.map((t) => (
            <span key={t} className={HIGHLIGHT_TAGS.has(t) ? `${styles.tag} ${styles.tagStrong}` : styles.tag}>{t}</span>
          ))}
        </div>
        {event.detail ? <p className={`prewrap ${styles.detail}`}>{event.detail}</p> : null}
        <dl className={styles.facts}>
          {event.source ? (<><dt>Source</dt><dd>{event.source}</dd></>) : null}
          {event.entities.length ? (<><dt>Entities</dt><dd>{event.entities.map((e) => e.name).join(", ")}</dd></>) : null}
          {event.alert ? (<><dt>Alert</dt><dd><Link href={`/alerts/${event.alert.id}`}>{event.alert.title}</Link></dd></>) : null}
          <dt>Recorded</dt>
          <dd><time dateTime={event.recordedAt.toISOString()}>{formatDateTime(event.recordedAt)}</time></dd>
        </dl>
        {view.canWrite ? (
          <div className={styles.eventActions}>
            <details className={styles.edit}>
              <summary className="btn btn-sm btn-ghost">Edit</summary>
              <EventForm
                caseId={view.caseId}
                tlps={view.visibleTlps}
                entities={entities}
                event={{
                  id: event.id, version: event.version, occurredAt: formatEventDateForInput(event.occurredAt, event.precision), precision: event.precision,
                  title: event.title, detail: event.detail, source: event.source, confidence: event.confidence, tags: event.tags, tlp: event.tlp,
                  key: event.key, entityIds: event.entities.map((e) => e.id),
                }}
              />
            </details>
            <DeleteEventButton caseId={view.caseId} eventId={event.id} version={event.version} title={event.title} />
          </div>
        ) : null}
      </article>
    </li>
  );
}

export default async function CaseTimelinePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { caseId } = await params;
  const raw = await searchParams;
  const filter = timelineFilterSchema.parse({
    entity: single(raw.entity), source: single(raw.source), tag: single(raw.tag), group: single(raw.group),
  });
  const { view, alerts } = await load(caseId, filter);
  const layout = layoutTimeline(view.events, { grouping: filter.group });
  const filtered = view.events.length !== view.totalVisible;
  const { group: _group, ...exportFilter } = filter;
  void _group;
  const entities = view.caseEntities;

  return (
    <div className={`stack ${styles.root}`}>
      <div className="toolbar">
        <div>
          <h2 className={styles.heading}>Timeline</h2>
          <p className="muted">
            {filtered ? `${view.events.length} of ${view.totalVisible} events` : `${view.totalVisible} event${view.totalVisible === 1 ? "" : "s"}`}
            {view.shared ? " · shared read-only; you see only what its TLP allows" : ""}
            {view.caseStatus === "CLOSED" ? " · case closed" : ""}
          </p>
        </div>
        <div className="row">
          <a className="btn btn-sm" href={`/cases/${caseId}/timeline/export${query(exportFilter, { format: "csv" })}`} download>Export CSV</a>
          <a className="btn btn-sm" href={`/cases/${caseId}/timeline/export${query(exportFilter, { format: "json" })}`} download>Export JSON</a>
        </div>
      </div>

      <MetricsStrip view={view} />
      <Filters view={view} filter={filter} caseId={caseId} />

      <div className={view.canWrite ? "detail-grid" : undefined}>
        <section aria-label="Events">
          {layout.items.length === 0 ? (
            <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
              {filtered ? <Link href={`/cases/${caseId}/timeline`}>Show all events</Link> : view.canWrite ? <p>Add an event, add the case’s alerts, or import a CSV.</p> : null}
            </EmptyState>
          ) : (
            <ol className={styles.timeline} data-grouping={layout.grouping.toLowerCase()}>
              {layout.items.map((item) => {
                if (item.kind === "group") {
                  return (
                    <li key={item.key} className={item.unit === "YEAR" ? `${styles.group} ${styles.groupYEAR}` : styles.group}>
                      <h3>{item.label}</h3>
                    </li>
                  );
                }
                if (item.kind === "gap") {
                  return (
                    <li key={item.key} className={styles.gap}>
                      <span className={styles.gapLabel}>{item.label}</span>
                    </li>
                  );
                }
                return <EventCard key={item.key} event={item.event} dateLabel={item.dateLabel} view={view} entities={entities} />;
              })}
            </ol>
          )}
        </section>

        {view.canWrite ? (
          <aside className="stack" aria-label="Add to the timeline">
            <section className="card stack">
              <h3>Add event</h3>
              <EventForm caseId={caseId} tlps={view.visibleTlps} entities={entities} />
            </section>
            <section className="card stack">
              <h3>Add from alerts</h3>
              <AddFromAlertsForm
                caseId={caseId}
                alerts={alerts.filter((a) => !a.onTimeline).map((a) => ({ id: a.id, title: a.title, tlp: a.tlp, firstSeen: formatDateTime(a.firstSeenAt) }))}
              />
            </section>
            <section className="card stack">
              <h3>Import CSV</h3>
              <ImportCsvForm caseId={caseId} />
            </section>
          </aside>
        ) : null}
      </div>
    </div>
  );
}
