// CSV for spreadsheets: RFC 4180 quoting, and neutralised formulas (CSV/formula injection).
// Pure: no I/O.
//
// Formula injection: Excel, LibreOffice Calc and Google Sheets evaluate a cell that starts with
// = + - or @ (and some treat a leading tab, CR or LF, or a full-width ＝＋－＠, the same way).
// Alert titles and sources come from outside systems, so a hostile "=HYPERLINK(…)" is expected
// input. Following OWASP, such a text cell gets a leading apostrophe, which spreadsheets show as
// text and hide. Decisions:
// - Leading spaces do not protect a cell: some importers trim them before evaluating, so the
//   first character after any leading whitespace is checked, and the apostrophe goes first.
// - Only strings are changed. Numbers, dates and booleans are written by us, not by an attacker,
//   so -3 stays a number.
// - The apostrophe is visible to a program that parses the CSV; that is the documented trade.

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const CONTROL_START = /^[\t\r\n\0]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text that a spreadsheet will not evaluate as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) || CONTROL_START.test(text) ? `'${text}` : text;
}

/** One cell: formula-safe, quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : value.toISOString();
  else if (typeof value === "string") text = neutraliseFormula(value);
  else text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ending in CRLF as RFC 4180 prescribes. */
export function toCsvRow(values: readonly CsvValue[]): string {
  return `${values.map(toCsvCell).join(",")}\r\n`;
}

/** Byte order mark: tells Excel the file is UTF-8 (otherwise it guesses a legacy code page). */
export const CSV_BOM = "\uFEFF";
