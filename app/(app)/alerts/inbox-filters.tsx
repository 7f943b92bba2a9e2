import Link from "next/link";
import type { AlertEntityOption } from "@/lib/alerts/data/filter-options";
import type { Assignee } from "@/lib/alerts/data/list";
import { londonDate } from "@/lib/alerts/london-time";
import type { AlertListQuery, AlertSort } from "@/lib/alerts/schema";
import { TLP_LABELS, TLP_ORDER } from "@/lib/auth/tlp";
import { humanise } from "@/lib/format";

const KINDS = ["ADVISORY", "INCIDENT", "VETTING", "BALLOT"] as const;
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"] as const;
const STATUSES = ["NEW", "ACKNOWLEDGED", "TRIAGED", "ESCALATED", "DISMISSED", "MERGED"] as const;
const SORTS: [AlertSort, string][] = [["newest", "Newest first"], ["severity", "Severity"], ["lastSeen", "Last seen"]];

interface Props {
  query: AlertListQuery;
  assignees: Assignee[];
  sources: string[];
  entities: AlertEntityOption[];
}

/** A date input shows days; a link may carry an exact instant, shown here as its UK day. */
function dayValue(value: string | undefined): string {
  if (!value) return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : londonDate(new Date(value));
}

/** Keeps the current choice selectable even when it is not (or no longer) among the options. */
function withCurrent(options: [string, string][], current: string | undefined, label: string): [string, string][] {
  return current && !options.some(([value]) => value === current) ? [...options, [current, label]] : options;
}

/** A plain GET form: every filter lands in the URL, so a view can be bookmarked and shared. */
export function InboxFilters({ query, assignees, sources, entities }: Props) {
  return (
    <form className="filters" method="get" action="/alerts" role="search" aria-label="Filter alerts">
      <label className="field">
        <span>Search</span>
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Title, summary, entity or alias"
          maxLength={200}
          aria-describedby="search-hint"
        />
        <span id="search-hint" className="field-hint">Whole words; &quot;exact phrase&quot;, or, -exclude</span>
      </label>
      <Select name="kind" label="Kind" value={query.kind?.[0]} options={KINDS.map((k) => [k, humanise(k)])} />
      <Select name="severity" label="Severity" value={query.severity?.[0]} options={SEVERITIES.map((s) => [s, humanise(s)])} />
      <Select name="status" label="Status" value={query.status?.[0]} options={STATUSES.map((s) => [s, humanise(s)])} />
      <Select name="tlp" label="TLP" value={query.tlp?.[0]} options={TLP_ORDER.map((t) => [t, TLP_LABELS[t]])} />
      <Select
        name="source"
        label="Source"
        value={query.source}
        options={withCurrent(sources.map((s) => [s, s]), query.source, query.source ?? "")}
      />
      <Select
        name="assignee"
        label="Assignee"
        value={query.assignee}
        options={withCurrent(
          [["me", "Me"], ["unassigned", "Unassigned"], ...assignees.map((a): [string, string] => [a.id, a.name])],
          query.assignee,
          "Someone else",
        )}
      />
      <Select
        name="entity"
        label="Entity"
        value={query.entity}
        options={withCurrent(entities.map((e) => [e.id, `${e.name} (${humanise(e.kind)})`]), query.entity, "Chosen entity")}
      />
      <label className="field">
        <span>From</span>
        <input type="date" name="from" defaultValue={dayValue(query.from)} />
      </label>
      <label className="field">
        <span>To</span>
        <input type="date" name="to" defaultValue={dayValue(query.to)} />
      </label>
      <label className="field">
        <span>Sort</span>
        <select name="sort" defaultValue={query.sort}>
          {SORTS.map(([value, text]) => (
            <option key={value} value={value}>{text}</option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit" className="btn btn-primary">Apply</button>
        <Link href="/alerts" className="btn btn-ghost">Clear</Link>
      </div>
    </form>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
    </label>
  );
}
