import Link from "next/link";
import type { CaseListQuery } from "@/lib/cases/schema";
import { CASE_STATUS_LABELS, CASE_STATUS_ORDER } from "@/lib/cases/status-rules";
import { TLP_LABELS, TLP_ORDER } from "@/lib/auth/tlp";
import { SEVERITY_LABELS } from "@/components/ui/badges";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"] as const;

interface Props {
  query: CaseListQuery;
  owners: { id: string; name: string }[];
}

/** A plain GET form: every filter lands in the URL with a plain name, so a view can be shared. */
export function CaseFilters({ query, owners }: Props) {
  const ownerOptions: [string, string][] = [["me", "Me"], ...owners.map((o): [string, string] => [o.id, o.name])];
  if (query.owner && !ownerOptions.some(([v]) => v === query.owner)) ownerOptions.push([query.owner, "Someone else"]);
  return (
    <form className="filters" method="get" action="/cases" role="search" aria-label="Filter cases">
      <label className="field">
        <span>Search</span>
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Title or summary" maxLength={200} />
      </label>
      <Select name="status" label="Status" value={query.status} options={CASE_STATUS_ORDER.map((s) => [s, CASE_STATUS_LABELS[s]])} />
      <Select name="severity" label="Severity" value={query.severity} options={SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]])} />
      <Select name="tlp" label="TLP" value={query.tlp} options={TLP_ORDER.map((t) => [t, TLP_LABELS[t]])} />
      <Select name="owner" label="Owner" value={query.owner} options={ownerOptions} />
      <label className="field">
        <span>Tag</span>
        <input type="text" name="tag" defaultValue={query.tag ?? ""} maxLength={40} placeholder="e.g. apt31" />
      </label>
      <div className="row">
        <button type="submit" className="btn btn-primary">Apply</button>
        <Link href="/cases" className="btn btn-ghost">Clear</Link>
      </div>
    </form>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: [string, string][] }) {
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
