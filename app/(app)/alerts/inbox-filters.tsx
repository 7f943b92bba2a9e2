import Link from "next/link";
import type { Assignee } from "@/lib/alerts/data/list";
import type { AlertListQuery } from "@/lib/alerts/schema";
import { TLP_LABELS, TLP_ORDER } from "@/lib/auth/tlp";
import { humanise } from "@/lib/format";

const KINDS = ["ADVISORY", "INCIDENT", "VETTING", "BALLOT"] as const;
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"] as const;
const STATUSES = ["NEW", "ACKNOWLEDGED", "TRIAGED", "ESCALATED", "DISMISSED", "MERGED"] as const;

/** A plain GET form: every filter lands in the URL, so a view can be bookmarked and shared. */
export function InboxFilters({ query, assignees }: { query: AlertListQuery; assignees: Assignee[] }) {
  return (
    <form className="filters" method="get" action="/alerts" role="search" aria-label="Filter alerts">
      <label className="field">
        <span>Search</span>
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Title or summary" maxLength={200} />
      </label>
      <Select name="kind" label="Kind" value={query.kind?.[0]} options={KINDS.map((k) => [k, humanise(k)])} />
      <Select name="severity" label="Severity" value={query.severity?.[0]} options={SEVERITIES.map((s) => [s, humanise(s)])} />
      <Select name="status" label="Status" value={query.status?.[0]} options={STATUSES.map((s) => [s, humanise(s)])} />
      <Select name="tlp" label="TLP" value={query.tlp?.[0]} options={TLP_ORDER.map((t) => [t, TLP_LABELS[t]])} />
      <Select
        name="assignee"
        label="Assignee"
        value={query.assignee}
        options={[["me", "Me"], ["unassigned", "Unassigned"], ...assignees.map((a): [string, string] => [a.id, a.name])]}
      />
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
