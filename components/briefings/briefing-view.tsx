import type { ReactNode } from "react";
import { AlertsPerDayChart } from "@/components/charts/alerts-per-day-chart";
import { SeverityChart } from "@/components/charts/severity-chart";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import { ALERT_KIND_LABELS, ALERT_STATUS_LABELS, SeverityBadge, TlpBadge } from "@/components/ui/badges";
import { TLP_LABELS } from "@/lib/auth/tlp";
import type { Tlp } from "@/lib/db/generated/enums";
import { formatDate, formatDateTime, humanise } from "@/lib/format";
import { printTlpName, sortSnapshotEvents } from "@/lib/briefings/present";
import type { BriefingSnapshot, SnapshotSection } from "@/lib/briefings/snapshot";
import { formatEventDate } from "@/lib/timeline/dates";
import { CONFIDENCE_LABELS } from "@/lib/timeline/labels";
import styles from "./briefing-view.module.css";

// A published briefing as a document (read page, previews, print) and as slides (present mode).
// Everything comes from the frozen snapshot; nothing here reads the database.

const TLP_CLASS: Record<Tlp, string> = {
  CLEAR: styles.tlpClear!,
  GREEN: styles.tlpGreen!,
  AMBER: styles.tlpAmber!,
  AMBER_STRICT: styles.tlpAmber!,
  RED: styles.tlpRed!,
};

/** The TLP 2.0 marking: coloured text on black, full width. */
export function TlpBanner({ tlp, className }: { tlp: Tlp; className?: string }) {
  return (
    <p className={[styles.banner, TLP_CLASS[tlp], className].filter(Boolean).join(" ")} data-tlp={tlp}>
      {TLP_LABELS[tlp]}
    </p>
  );
}

function Cover({ snapshot, headingLevel }: { snapshot: BriefingSnapshot; headingLevel: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <header className={styles.cover}>
      <Heading className={styles.title}>{snapshot.title}</Heading>
      <p className={styles.audience}>
        {snapshot.organisation}
        {snapshot.audience ? <> → {snapshot.audience}</> : null}
      </p>
      <p className={styles.meta}>
        Version {snapshot.version} · published by {snapshot.publishedBy} on{" "}
        <time dateTime={snapshot.publishedAt}>{formatDateTime(new Date(snapshot.publishedAt))}</time>
      </p>
    </header>
  );
}

function CaseSummary({ section }: { section: Extract<SnapshotSection, { kind: "case-summary" }> }) {
  return (
    <>
      <p className={styles.caseLine}>
        <strong>{section.caseTitle}</strong> <SeverityBadge severity={section.severity} /> <TlpBadge tlp={section.tlp} />
      </p>
      <dl className={styles.facts}>
        <div><dt>Status</dt><dd>{humanise(section.status)}</dd></div>
        <div><dt>Opened</dt><dd>{formatDate(new Date(section.openedAt))}</dd></div>
        {section.owner ? <div><dt>Owner</dt><dd>{section.owner}</dd></div> : null}
      </dl>
      {section.summary ? <SafeMarkdown source={section.summary} className={styles.prose} /> : null}
      {section.facts.length > 0 ? (
        <ul className={styles.factList}>
          {section.facts.map((fact, i) => <li key={i}>{fact}</li>)}
        </ul>
      ) : null}
    </>
  );
}

function CaseTimeline({ section }: { section: Extract<SnapshotSection, { kind: "case-timeline" }> }) {
  const events = sortSnapshotEvents(section.events);
  const range = section.from || section.to
    ? `${section.from ? formatDate(new Date(section.from)) : "the start"} to ${section.to ? formatDate(new Date(section.to)) : "the latest event"}`
    : null;
  return (
    <>
      <p className={styles.meta}>
        {section.caseTitle}
        {range ? <> · {range}</> : null} · {events.length} {events.length === 1 ? "event" : "events"}
      </p>
      {events.length === 0 ? (
        <p>No events in this range.</p>
      ) : (
        <ol className={styles.timeline}>
          {events.map((e, i) => (
            <li key={i} className={e.key ? styles.keyEvent : undefined}>
              <time className={styles.when} dateTime={e.occurredAt}>{formatEventDate(new Date(e.occurredAt), e.precision)}</time>
              <div className={styles.what}>
                <span className={styles.eventTitle}>
                  {e.key ? <span className={styles.keyMark}>Key event: </span> : null}
                  {e.title}
                </span>
                {e.detail ? <span className={styles.eventDetail}>{e.detail}</span> : null}
                <span className={styles.eventMeta}>
                  {[e.source, e.confidence ? CONFIDENCE_LABELS[e.confidence] : null].filter(Boolean).join(" · ")}
                  {e.tlp !== "CLEAR" ? <> <TlpBadge tlp={e.tlp} /></> : null}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Chart({ section }: { section: Extract<SnapshotSection, { kind: "chart" }> }) {
  return (
    <>
      <p className={styles.meta}>
        {formatDate(new Date(section.from))} to {formatDate(new Date(section.to))}
      </p>
      <div className={styles.chart}>
        {section.chart === "alerts-per-day" ? (
          <AlertsPerDayChart rows={section.rows as never} height={280} />
        ) : (
          <SeverityChart rows={section.rows as never} />
        )}
      </div>
    </>
  );
}

function AlertList({ section }: { section: Extract<SnapshotSection, { kind: "alert-list" }> }) {
  return (
    <>
      <p className={styles.meta}>From the saved view “{section.viewName}” · {section.alerts.length} alerts</p>
      {section.alerts.length === 0 ? (
        <p>No alerts.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Alert</th>
              <th scope="col">Kind</th>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col">TLP</th>
              <th scope="col">Raised</th>
            </tr>
          </thead>
          <tbody>
            {section.alerts.map((a, i) => (
              <tr key={i}>
                <td>{a.title}</td>
                <td>{ALERT_KIND_LABELS[a.kind]}</td>
                <td><SeverityBadge severity={a.severity} /></td>
                <td>{ALERT_STATUS_LABELS[a.status]}</td>
                <td><TlpBadge tlp={a.tlp} /></td>
                <td><time dateTime={a.createdAt}>{formatDate(new Date(a.createdAt))}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function SectionBody({ section }: { section: SnapshotSection }): ReactNode {
  switch (section.kind) {
    case "text":
      return <SafeMarkdown source={section.markdown} className={styles.prose} />;
    case "case-summary":
      return <CaseSummary section={section} />;
    case "case-timeline":
      return <CaseTimeline section={section} />;
    case "chart":
      return <Chart section={section} />;
    case "alert-list":
      return <AlertList section={section} />;
  }
}

/** Short sections stay on one printed page; timelines, lists and text flow (rows never split). */
const KEEP_TOGETHER: ReadonlySet<SnapshotSection["kind"]> = new Set(["case-summary", "chart"]);

export interface BriefingViewProps {
  snapshot: BriefingSnapshot;
  /** The document's heading level: 1 on a page of its own, 2 inside another page (previews). */
  headingLevel?: 1 | 2;
}

/**
 * The briefing as a document. In print (see the CSS module and the @page rules in
 * app/globals.css) it lays out on A4 with the TLP marking in a running header and footer.
 */
export function BriefingView({ snapshot, headingLevel = 1 }: BriefingViewProps) {
  const SectionHeading = headingLevel === 1 ? "h2" : "h3";
  return (
    <article className={styles.document} data-print-tlp={printTlpName(snapshot.tlp)} aria-label={snapshot.title}>
      <TlpBanner tlp={snapshot.tlp} />
      <Cover snapshot={snapshot} headingLevel={headingLevel} />
      {snapshot.sections.map((section, i) => (
        <section key={i} className={[styles.section, KEEP_TOGETHER.has(section.kind) ? styles.keepTogether : null].filter(Boolean).join(" ")} aria-labelledby={`briefing-section-${i}`}>
          <SectionHeading id={`briefing-section-${i}`} className={styles.sectionTitle}>{section.title}</SectionHeading>
          <SectionBody section={section} />
        </section>
      ))}
      <TlpBanner tlp={snapshot.tlp} className={styles.bannerEnd} />
    </article>
  );
}

export interface BriefingSlideProps {
  snapshot: BriefingSnapshot;
  /** 0 is the cover; n is section n - 1. */
  index: number;
}

/** One slide of present mode: the TLP banner, then the cover or one section. */
export function BriefingSlide({ snapshot, index }: BriefingSlideProps) {
  const section = index > 0 ? snapshot.sections[index - 1] : undefined;
  return (
    <div className={styles.slide} data-slide={index}>
      <TlpBanner tlp={snapshot.tlp} className={styles.slideBanner} />
      <div className={[styles.slideBody, section ? null : styles.slideCover].filter(Boolean).join(" ")}>
        {section ? (
          <>
            <h2 className={styles.slideTitle}>{section.title}</h2>
            <SectionBody section={section} />
          </>
        ) : (
          <Cover snapshot={snapshot} headingLevel={2} />
        )}
      </div>
      <TlpBanner tlp={snapshot.tlp} className={styles.slideBanner} />
    </div>
  );
}
