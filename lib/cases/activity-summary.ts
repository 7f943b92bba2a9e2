// Pure: turns a case audit summary ({ before, after, reason, … }) into short readable lines.

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function describeAuditSummary(summary: Record<string, unknown> | null): string[] {
  if (!summary) return [];
  const before = asRecord(summary.before);
  const after = asRecord(summary.after);
  const lines: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    if (key.endsWith("Id") && key !== "organisationId") continue;
    if (key === "organisationId") continue;
    if (key in before && key in after) lines.push(`${key}: ${show(before[key])} → ${show(after[key])}`);
    else if (key in after) lines.push(`${key}: ${show(after[key])}`);
    else lines.push(`${key} was ${show(before[key])}`);
  }
  if (typeof summary.reason === "string") lines.push(`reason: ${show(summary.reason)}`);
  const items = asRecord(summary.itemsAboveTlp);
  if (Object.keys(items).length) lines.push(`left above the new TLP: ${show(items.timelineEvents)} timeline events, ${show(items.notes)} notes`);
  return lines;
}
