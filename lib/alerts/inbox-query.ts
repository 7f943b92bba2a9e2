// The inbox query as a URL: one canonical order of plain parameter names, so that pagination
// links, saved views and the CSV export link all describe a view the same way. Pure.
import type { AlertListQuery } from "./schema";
import { startOfLondonDate } from "./london-time";

export const INBOX_PAGE_SIZE = 50;

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The half-open createdAt interval [gte, lt) of a query's from/to, both ends inclusive for the
 * user: a bare date covers that whole UK day; an instant is taken to the millisecond (the
 * database keeps milliseconds).
 */
export function createdAtRange(query: { from?: string; to?: string }): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (query.from) range.gte = DAY_ONLY.test(query.from) ? startOfLondonDate(query.from) : new Date(query.from);
  if (query.to) {
    if (DAY_ONLY.test(query.to)) {
      const [y, m, d] = query.to.split("-").map(Number) as [number, number, number];
      const next = new Date(Date.UTC(y, m - 1, d + 1));
      range.lt = startOfLondonDate(next.toISOString().slice(0, 10));
    } else {
      range.lt = new Date(new Date(query.to).getTime() + 1);
    }
  }
  return range;
}

const LIST_KEYS = ["kind", "severity", "status", "tlp"] as const;
const SINGLE_KEYS = ["source", "assignee", "entity", "from", "to"] as const;

export interface PageCursor {
  after?: string;
  before?: string;
}

/**
 * URL parameters for a view: filters and sort, plus a page cursor when given. Defaults (newest
 * first, the standard page size) are left out so that equal views have equal URLs.
 */
export function inboxSearchParams(query: Partial<AlertListQuery>, cursor: PageCursor = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of LIST_KEYS) for (const value of query[key] ?? []) params.append(key, value);
  for (const key of SINGLE_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort && query.sort !== "newest") params.set("sort", query.sort);
  if (query.limit !== undefined && query.limit !== INBOX_PAGE_SIZE) params.set("limit", String(query.limit));
  if (cursor.after) params.set("after", cursor.after);
  else if (cursor.before) params.set("before", cursor.before);
  return params;
}

/** Whether a query narrows the inbox at all (sort and paging do not). */
export function isFiltered(query: AlertListQuery): boolean {
  return !!(
    query.kind || query.severity || query.status || query.tlp || query.source || query.assignee ||
    query.entity || query.from || query.to || query.q
  );
}
