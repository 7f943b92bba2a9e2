import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { assertCan, can, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { normaliseInboxQueryString, type SaveViewInput } from "../schema";

// Saved inbox views: a name and the inbox's URL query string, private to their owner or shared
// with the owner's organisation. Another organisation's views, and other people's private ones,
// are not found.

export interface SavedViewRow {
  id: string;
  name: string;
  /** Canonical inbox query string, e.g. "kind=VETTING&severity=HIGH"; link to `/alerts?${query}`. */
  query: string;
  shared: boolean;
  owner: { id: string; name: string };
  mine: boolean;
  canDelete: boolean;
}

/** Per person; views are bookmarks, not a data store. */
export const MAX_SAVED_VIEWS_PER_USER = 100;

const viewSelect = {
  id: true, name: true, query: true, shared: true, owner: { select: { id: true, name: true } },
} satisfies Prisma.SavedViewSelect;

type ViewRecord = Prisma.SavedViewGetPayload<{ select: typeof viewSelect }>;

/** Deleting someone else's shared view is tidying the team's list: leads and admins only. */
function mayDeleteOthersShared(viewer: Viewer): boolean {
  return can(viewer, "alert:assign-others");
}

function toRow(viewer: Viewer, view: ViewRecord): SavedViewRow {
  const mine = view.owner.id === viewerUserId(viewer);
  return { ...view, mine, canDelete: mine || (view.shared && mayDeleteOthersShared(viewer)) };
}

/** The viewer's own views and the views shared in their organisation, by name. */
export async function listSavedViews(viewer: Viewer): Promise<SavedViewRow[]> {
  assertCan(viewer, "alert:read");
  const userId = viewerUserId(viewer);
  const views = await getDb().savedView.findMany({
    where: { organisationId: viewer.organisationId, OR: [{ shared: true }, ...(userId ? [{ ownerId: userId }] : [])] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
    select: viewSelect,
  });
  return views.map((view) => toRow(viewer, view));
}

/**
 * Saves the current inbox view under a name; saving again under the same name replaces it. The
 * query string is re-parsed and stored in canonical form (no page cursor); a parameter that is
 * not valid is refused rather than silently dropped.
 */
export async function saveView(viewer: Viewer, input: SaveViewInput): Promise<SavedViewRow> {
  assertCan(viewer, "alert:read");
  const ownerId = viewerUserId(viewer);
  if (!ownerId) throw new InvalidStateError("Saved views belong to people; an API token cannot save one.");
  const { query, ignored } = normaliseInboxQueryString(input.query);
  if (ignored.length > 0) {
    throw new z.ZodError([
      { code: "custom", path: ["query"], message: `Not valid in an inbox view: ${ignored.join(", ")}`, input: input.query },
    ]);
  }
  return getDb().$transaction(async (tx) => {
    const key = { organisationId: viewer.organisationId, ownerId, name: input.name };
    const existing = await tx.savedView.findUnique({ where: { organisationId_ownerId_name: key }, select: viewSelect });
    let view: ViewRecord;
    if (existing) {
      view = await tx.savedView.update({ where: { id: existing.id }, data: { query, shared: input.shared }, select: viewSelect });
    } else {
      const count = await tx.savedView.count({ where: { organisationId: viewer.organisationId, ownerId } });
      if (count >= MAX_SAVED_VIEWS_PER_USER) {
        throw new InvalidStateError(`You have ${MAX_SAVED_VIEWS_PER_USER} saved views; delete one before saving another.`);
      }
      view = await tx.savedView.create({ data: { ...key, query, shared: input.shared }, select: viewSelect });
    }
    await recordAudit(tx, viewer, {
      action: existing ? "savedView.update" : "savedView.create",
      targetType: "SavedView",
      targetId: view.id,
      summary: {
        ...(existing ? { before: { query: existing.query, shared: existing.shared } } : {}),
        after: { name: view.name, query: view.query, shared: view.shared },
      },
    });
    return toRow(viewer, view);
  });
}

/** Deletes a view: its owner may; a lead or admin may also delete a shared one. */
export async function deleteSavedView(viewer: Viewer, id: string): Promise<void> {
  assertCan(viewer, "alert:read");
  const userId = viewerUserId(viewer);
  await getDb().$transaction(async (tx) => {
    const view = await tx.savedView.findFirst({
      where: { id, organisationId: viewer.organisationId, OR: [{ shared: true }, ...(userId ? [{ ownerId: userId }] : [])] },
      select: viewSelect,
    });
    if (!view) throw new NotFoundError("Saved view");
    if (view.owner.id !== userId) assertCan(viewer, "alert:assign-others");
    await tx.savedView.delete({ where: { id: view.id } });
    await recordAudit(tx, viewer, {
      action: "savedView.delete",
      targetType: "SavedView",
      targetId: view.id,
      summary: { before: { name: view.name, query: view.query, shared: view.shared, ownerId: view.owner.id } },
    });
  });
}
