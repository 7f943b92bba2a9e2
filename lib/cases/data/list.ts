import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { CaseStatus, Severity, Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { assertCan, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import type { CaseListQuery } from "../schema";
import { CASE_STATUS_ORDER } from "../status-rules";
import { caseVisibility } from "./visibility";

export const CASE_PAGE_SIZE = 25;

export interface CaseRow {
  id: string;
  title: string;
  status: CaseStatus;
  severity: Severity;
  tlp: Tlp;
  tags: string[];
  updatedAt: Date;
  owner: string | null;
  /** The owning organisation's name when the case is shared with the viewer's organisation. */
  sharedBy: string | null;
}

export interface CasePage {
  rows: CaseRow[];
  /** Pass as `after` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Matching cases by status, ignoring the status filter (for the status counts). */
  counts: Record<CaseStatus, number>;
  /** Matching cases with every filter applied. */
  total: number;
}

/** A cursor is the last row's updatedAt and id; a malformed one starts from the top. */
function decodeCursor(cursor: string | undefined): { updatedAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(updatedAt.getTime())) return null;
  return { updatedAt, id };
}

function encodeCursor(row: { updatedAt: Date; id: string }): string {
  return Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`, "utf8").toString("base64url");
}

function filterWhere(viewer: Viewer, query: CaseListQuery): Prisma.CaseWhereInput[] {
  const and: Prisma.CaseWhereInput[] = [caseVisibility(viewer)];
  if (query.severity) and.push({ severity: query.severity });
  if (query.tlp) and.push({ tlp: query.tlp });
  if (query.owner) and.push({ ownerId: query.owner === "me" ? (viewerUserId(viewer) ?? "00000000-0000-0000-0000-000000000000") : query.owner });
  if (query.tag) and.push({ tags: { has: query.tag } });
  if (query.q) {
    and.push({ OR: [{ title: { contains: query.q, mode: "insensitive" } }, { summary: { contains: query.q, mode: "insensitive" } }] });
  }
  return and;
}

/**
 * Cases the viewer may see (their organisation's, and those shared with it, TLP-filtered),
 * newest-updated first, a page at a time.
 */
export async function listCases(viewer: Viewer, query: CaseListQuery): Promise<CasePage> {
  assertCan(viewer, "case:read");
  const db = getDb();
  const base = filterWhere(viewer, query);
  const filtered: Prisma.CaseWhereInput[] = query.status ? [...base, { status: query.status }] : base;
  const cursor = decodeCursor(query.after);
  const page: Prisma.CaseWhereInput[] = cursor
    ? [...filtered, { OR: [{ updatedAt: { lt: cursor.updatedAt } }, { updatedAt: cursor.updatedAt, id: { lt: cursor.id } }] }]
    : filtered;

  const [rows, ...statusCounts] = await Promise.all([
    db.case.findMany({
      where: { AND: page },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: CASE_PAGE_SIZE + 1,
      select: {
        id: true, title: true, status: true, severity: true, tlp: true, tags: true, updatedAt: true, organisationId: true,
        owner: { select: { name: true } },
        organisation: { select: { name: true } },
      },
    }),
    ...CASE_STATUS_ORDER.map((status) => db.case.count({ where: { AND: [...base, { status }] } })),
  ]);
  const counts = Object.fromEntries(CASE_STATUS_ORDER.map((s, i) => [s, statusCounts[i] ?? 0])) as Record<CaseStatus, number>;
  const more = rows.length > CASE_PAGE_SIZE;
  const shown = rows.slice(0, CASE_PAGE_SIZE);
  return {
    rows: shown.map((r) => ({
      id: r.id, title: r.title, status: r.status, severity: r.severity, tlp: r.tlp, tags: r.tags, updatedAt: r.updatedAt,
      owner: r.owner?.name ?? null,
      sharedBy: r.organisationId === viewer.organisationId ? null : r.organisation.name,
    })),
    nextCursor: more ? encodeCursor(shown[shown.length - 1]!) : null,
    counts,
    total: query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

/** People of the viewer's organisation, for the owner filter. */
export async function listCaseOwnerOptions(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  assertCan(viewer, "case:read");
  return getDb().user.findMany({
    where: { organisationId: viewer.organisationId, disabled: false },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, name: true },
  });
}
