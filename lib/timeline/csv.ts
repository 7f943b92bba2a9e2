import type { Confidence, TimePrecision, Tlp } from "@/lib/db/generated/enums";
import { toCsvRow } from "@/lib/csv";
import { formatEventDateForExport } from "./dates";
import { CSV_IMPORT_MAX_ROWS, timelineCsvRowSchema, type TimelineEventInput } from "./schema";

// Timeline events to and from CSV. Import: a header row naming the columns (any order), one event
// per record, RFC 4180 quoting; each bad row is reported by row number and column. Export: the
// same columns (so an export re-imports), then id, recorded and alert. Pure: no I/O.

export const TIMELINE_CSV_COLUMNS = ["occurredAt", "precision", "title", "detail", "source", "confidence", "tags", "tlp", "key"] as const;
/** Written by export and ignored by import, so an exported file imports unchanged. */
const EXPORT_ONLY_COLUMNS = ["id", "recordedAt", "alertId", "entities"] as const;
const REQUIRED = ["occurredAt", "title", "tlp"] as const;

export interface CsvRowError {
  /** Spreadsheet row number: the header is row 1, the first event row 2. */
  row: number;
  /** The column at fault, or "" for the row (or the file) as a whole. */
  column: string;
  message: string;
}

export interface ParsedTimelineCsv {
  rows: { row: number; event: TimelineEventInput }[];
  errors: CsvRowError[];
  /** Data rows read (blank lines not counted). */
  total: number;
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsvRecords(text: string): { records: string[][]; unterminated: boolean } {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return { records, unterminated: quoted };
}

const isBlank = (record: string[]) => record.every((cell) => cell.trim() === "");

/** A spreadsheet may have neutralised a formula-like cell with a leading apostrophe (as our export does). */
const unneutralise = (cell: string) => (/^'[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/.test(cell) ? cell.slice(1) : cell);

export function parseTimelineCsv(text: string, maxRows = CSV_IMPORT_MAX_ROWS): ParsedTimelineCsv {
  const { records, unterminated } = parseCsvRecords(text);
  const errors: CsvRowError[] = [];
  const rows: ParsedTimelineCsv["rows"] = [];
  const fail = (message: string, column = "", row = 1) => ({ rows: [], errors: [...errors, { row, column, message }], total: 0 });
  if (unterminated) return fail("A quoted field is never closed (missing \")", "", records.length);
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return fail("The file is empty");
  const header = records[headerIndex]!.map((h) => h.trim());
  const known = new Set<string>([...TIMELINE_CSV_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
  for (const name of header) {
    if (!known.has(name)) errors.push({ row: headerIndex + 1, column: name, message: `Unknown column; expected ${TIMELINE_CSV_COLUMNS.join(",")}` });
  }
  for (const name of REQUIRED) if (!header.includes(name)) errors.push({ row: headerIndex + 1, column: name, message: "Missing column" });
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) errors.push({ row: headerIndex + 1, column: dup, message: "Column appears twice" });
  if (errors.length) return { rows: [], errors, total: 0 };

  const data = records.slice(headerIndex + 1).map((record, i) => ({ record, row: headerIndex + 2 + i })).filter((r) => !isBlank(r.record));
  if (data.length > maxRows) {
    return fail(`${data.length.toLocaleString("en-GB")} rows; import at most ${maxRows.toLocaleString("en-GB")} at a time`, "", headerIndex + 1);
  }
  for (const { record, row } of data) {
    if (record.length > header.length) {
      errors.push({ row, column: "", message: `${record.length} cells but ${header.length} columns` });
      continue;
    }
    const input: Record<string, string> = {};
    header.forEach((name, i) => {
      if ((TIMELINE_CSV_COLUMNS as readonly string[]).includes(name)) input[name] = unneutralise(record[i] ?? "");
    });
    const parsed = timelineCsvRowSchema.safeParse(input);
    if (parsed.success) {
      const { occurredAt, precision, title, detail, source, confidence, tags, tlp, key } = parsed.data;
      rows.push({ row, event: { occurredAt, precision, title, detail, source, confidence, tags, tlp, key } });
    } else {
      for (const issue of parsed.error.issues) errors.push({ row, column: String(issue.path[0] ?? ""), message: issue.message });
    }
  }
  return { rows, errors, total: data.length };
}

// ---- Export ----

export interface ExportableEvent {
  id: string;
  occurredAt: Date;
  precision: TimePrecision;
  recordedAt: Date;
  title: string;
  detail: string;
  source: string;
  confidence: Confidence | null;
  tags: readonly string[];
  tlp: Tlp;
  key: boolean;
  alertId: string | null;
  entities: readonly { id: string; name: string }[];
}

export function timelineCsvHeader(): string {
  return toCsvRow([...TIMELINE_CSV_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
}

export function timelineCsvRecord(e: ExportableEvent): string {
  return toCsvRow([
    formatEventDateForExport(e.occurredAt, e.precision), e.precision, e.title, e.detail, e.source, e.confidence ?? "",
    e.tags.join(";"), e.tlp, e.key, e.id, e.recordedAt, e.alertId ?? "", e.entities.map((x) => x.name).join(";"),
  ]);
}

export function timelineToCsv(events: readonly ExportableEvent[]): string {
  return timelineCsvHeader() + events.map(timelineCsvRecord).join("");
}

export interface TimelineJson {
  case: { id: string; title: string };
  exportedAt: string;
  events: {
    id: string;
    occurredAt: string;
    /** The date as known, e.g. "2022-10" for a month. */
    date: string;
    precision: TimePrecision;
    recordedAt: string;
    title: string;
    detail: string;
    source: string;
    confidence: Confidence | null;
    tags: string[];
    tlp: Tlp;
    key: boolean;
    alertId: string | null;
    entities: { id: string; name: string }[];
  }[];
}

export function timelineToJson(kase: { id: string; title: string }, events: readonly ExportableEvent[], now: Date): TimelineJson {
  return {
    case: { id: kase.id, title: kase.title },
    exportedAt: now.toISOString(),
    events: events.map((e) => ({
      id: e.id, occurredAt: e.occurredAt.toISOString(), date: formatEventDateForExport(e.occurredAt, e.precision), precision: e.precision,
      recordedAt: e.recordedAt.toISOString(), title: e.title, detail: e.detail, source: e.source, confidence: e.confidence,
      tags: [...e.tags], tlp: e.tlp, key: e.key, alertId: e.alertId, entities: e.entities.map((x) => ({ id: x.id, name: x.name })),
    })),
  };
}
