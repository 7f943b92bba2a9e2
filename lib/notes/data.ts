import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tlp } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/data";
import { can, capabilitiesOf, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { tlpsUpTo } from "@/lib/auth/tlp";
import { loadCaseAccess, type CaseAccess } from "@/lib/cases/data/visibility";
import { visibleTlps } from "@/lib/cases/rules";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { publishCaseChange } from "@/lib/events/publish";
import { createNotifications } from "@/lib/notifications/data";
import { extractMentionHandles, mentionDirectory } from "./mentions";
import type { CreateNoteInput, DeleteNoteInput, UpdateNoteInput } from "./schema";

type Tx = Prisma.TransactionClient;

export interface NoteRow {
  id: string;
  body: string;
  tlp: Tlp;
  shareable: boolean;
  author: { id: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** The viewer may edit and delete it (its author, or a LEAD/ADMIN, on an open case of their own). */
  canEdit: boolean;
}

export interface NoteList {
  notes: NoteRow[];
  /** The viewer may add notes. */
  canWrite: boolean;
  /** TLPs the viewer may give a note. */
  allowedTlps: Tlp[];
  /** Handle → display name of every mentionable colleague (own organisation only; else empty). */
  people: Record<string, string>;
}

const NOTE_SELECT = {
  id: true, body: true, tlp: true, shareable: true, createdAt: true, updatedAt: true, version: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.NoteSelect;
type NoteRecord = Prisma.NoteGetPayload<{ select: typeof NOTE_SELECT }>;

const CONFLICT = "Someone else changed this note. Review the current version, then reload or re-apply your edit.";

function canWriteNotes(viewer: Viewer, access: CaseAccess): boolean {
  return access.standing.ownOrganisation && access.status !== "CLOSED" && can(viewer, "case:write");
}

function mayEdit(viewer: Viewer, access: CaseAccess, authorId: string): boolean {
  if (!canWriteNotes(viewer, access)) return false;
  return viewerUserId(viewer) === authorId || (viewer.kind === "user" && (viewer.role === "LEAD" || viewer.role === "ADMIN"));
}

function toRow(viewer: Viewer, access: CaseAccess, n: NoteRecord): NoteRow {
  return { ...n, canEdit: mayEdit(viewer, access, n.author.id) };
}

/** Own organisation: notes within the viewer's TLPs; a shared organisation: shareable ones only. */
function noteVisibility(access: CaseAccess): Prisma.NoteWhereInput {
  return {
    caseId: access.id,
    organisationId: access.organisationId,
    tlp: { in: access.visibleTlps },
    ...(access.standing.ownOrganisation ? {} : { shareable: true }),
  };
}

/** TLPs the author may give a note: within their clearance and what they can see in this case. */
function allowedTlps(viewer: Viewer, access: CaseAccess): Tlp[] {
  const cleared = tlpsUpTo(viewer.clearance);
  return access.visibleTlps.filter((t) => cleared.includes(t));
}

function assertTlpAllowed(viewer: Viewer, access: CaseAccess, tlp: Tlp): void {
  if (!allowedTlps(viewer, access).includes(tlp)) {
    throw new InvalidStateError("You cannot mark a note with a TLP above your clearance or one you could not read yourself.");
  }
}

async function activeUsers(db: Tx, organisationId: string) {
  return db.user.findMany({
    where: { organisationId, disabled: false },
    select: { id: true, email: true, name: true, role: true, clearance: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** Notes of a case the viewer may read, newest first. */
export async function listNotes(viewer: Viewer, caseId: string): Promise<NoteList> {
  const db = getDb();
  const access = await loadCaseAccess(db, viewer, caseId, "read");
  const rows = await db.note.findMany({
    where: noteVisibility(access),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: NOTE_SELECT,
  });
  const people: Record<string, string> = {};
  if (access.standing.ownOrganisation) {
    for (const [handle, user] of mentionDirectory(await activeUsers(db, access.organisationId))) people[handle] = user.name;
  }
  const canWrite = canWriteNotes(viewer, access);
  return { notes: rows.map((n) => toRow(viewer, access, n)), canWrite, allowedTlps: canWrite ? allowedTlps(viewer, access) : [], people };
}

function notePath(caseId: string, noteId: string): string {
  return `/cases/${caseId}/notes#note-${noteId}`;
}

/**
 * Notifies colleagues mentioned in the body who have not yet been told about this note — and only
 * those who could open it themselves (active, in the owning organisation, able to see both the
 * case and the note's TLP), so a notification never leaks a note its reader cannot see.
 */
async function notifyMentions(tx: Tx, viewer: Viewer, access: CaseAccess, note: { id: string; tlp: Tlp; body: string }): Promise<string[]> {
  const handles = extractMentionHandles(note.body);
  if (handles.length === 0) return [];
  const directory = mentionDirectory(await activeUsers(tx, access.organisationId));
  const self = viewerUserId(viewer);
  const mentioned = handles.map((h) => directory.get(h)).filter((u) => u !== undefined && u.id !== self);
  if (mentioned.length === 0) return [];
  const members = new Set((await tx.caseMember.findMany({ where: { caseId: access.id }, select: { userId: true } })).map((m) => m.userId));
  const eligible = mentioned.filter((u) => {
    if (!capabilitiesOf(u!.role).includes("case:read")) return false;
    const tlps = visibleTlps(u!.clearance, { ownOrganisation: true, member: members.has(u!.id) });
    return tlps.includes(access.tlp) && tlps.includes(note.tlp);
  });
  if (eligible.length === 0) return [];
  const href = notePath(access.id, note.id);
  const told = new Set(
    (await tx.notification.findMany({ where: { kind: "mention", href, userId: { in: eligible.map((u) => u!.id) } }, select: { userId: true } }))
      .map((n) => n.userId),
  );
  const fresh = eligible.filter((u) => !told.has(u!.id));
  const actorName = viewer.name;
  await createNotifications(tx, fresh.map((u) => ({
    organisationId: access.organisationId,
    userId: u!.id,
    kind: "mention",
    title: `${actorName} mentioned you in a note on “${access.title}”`,
    href,
    caseId: access.id,
    actorLabel: actorName,
  })));
  return fresh.map((u) => u!.id);
}

export async function createNote(viewer: Viewer, input: CreateNoteInput): Promise<NoteRow> {
  const authorId = viewerUserId(viewer);
  if (!authorId) throw new InvalidStateError("Notes are written by people, not API tokens.");
  return getDb().$transaction(async (tx) => {
    const access = await loadCaseAccess(tx, viewer, input.caseId, "write");
    assertTlpAllowed(viewer, access, input.tlp);
    const note = await tx.note.create({
      data: { organisationId: access.organisationId, caseId: access.id, authorId, body: input.body, tlp: input.tlp, shareable: input.shareable },
      select: NOTE_SELECT,
    });
    const notified = await notifyMentions(tx, viewer, access, note);
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
    await recordAudit(tx, viewer, {
      action: "note.create",
      targetType: "Note",
      targetId: note.id,
      summary: { caseId: access.id, after: { tlp: note.tlp, shareable: note.shareable, length: note.body.length }, notified },
    });
    return toRow(viewer, access, note);
  });
}

/** A visible note of the viewer's organisation, through its case's write access; checks author and version. */
async function loadForWrite(tx: Tx, viewer: Viewer, noteId: string, version: number) {
  const found = await tx.note.findFirst({ where: { id: noteId, organisationId: viewer.organisationId }, select: { caseId: true } });
  if (!found) throw new NotFoundError("Note");
  const access = await loadCaseAccess(tx, viewer, found.caseId, "write");
  const note = await tx.note.findFirst({ where: { AND: [{ id: noteId }, noteVisibility(access)] }, select: NOTE_SELECT });
  if (!note) throw new NotFoundError("Note");
  if (!mayEdit(viewer, access, note.author.id)) throw new InvalidStateError("Only the note's author or a security lead can change or delete it.");
  if (note.version !== version) throw new ConflictError<NoteRow>(CONFLICT, toRow(viewer, access, note));
  return { access, note };
}

async function stale(tx: Tx, viewer: Viewer, access: CaseAccess, noteId: string): Promise<never> {
  const current = await tx.note.findFirst({ where: { AND: [{ id: noteId }, noteVisibility(access)] }, select: NOTE_SELECT });
  if (!current) throw new NotFoundError("Note");
  throw new ConflictError<NoteRow>(CONFLICT, toRow(viewer, access, current));
}

export async function updateNote(viewer: Viewer, input: UpdateNoteInput): Promise<NoteRow> {
  return getDb().$transaction(async (tx) => {
    const { access, note } = await loadForWrite(tx, viewer, input.noteId, input.version);
    assertTlpAllowed(viewer, access, input.tlp);
    const { count } = await tx.note.updateMany({
      where: { id: note.id, version: input.version },
      data: { body: input.body, tlp: input.tlp, shareable: input.shareable, version: { increment: 1 } },
    });
    if (count !== 1) await stale(tx, viewer, access, note.id);
    const notified = await notifyMentions(tx, viewer, access, { id: note.id, tlp: input.tlp, body: input.body });
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
    await recordAudit(tx, viewer, {
      action: "note.update",
      targetType: "Note",
      targetId: note.id,
      summary: {
        caseId: access.id,
        before: { tlp: note.tlp, shareable: note.shareable, length: note.body.length },
        after: { tlp: input.tlp, shareable: input.shareable, length: input.body.length },
        bodyChanged: note.body !== input.body,
        notified,
      },
    });
    const updated = await tx.note.findUniqueOrThrow({ where: { id: note.id }, select: NOTE_SELECT });
    return toRow(viewer, access, updated);
  });
}

export async function deleteNote(viewer: Viewer, input: DeleteNoteInput): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const { access, note } = await loadForWrite(tx, viewer, input.noteId, input.version);
    const { count } = await tx.note.deleteMany({ where: { id: note.id, version: input.version } });
    if (count !== 1) await stale(tx, viewer, access, note.id);
    await publishCaseChange(tx, { caseId: access.id, organisationIds: [access.organisationId], kind: "updated" });
    await recordAudit(tx, viewer, {
      action: "note.delete",
      targetType: "Note",
      targetId: note.id,
      summary: { caseId: access.id, before: { tlp: note.tlp, shareable: note.shareable, authorId: note.author.id, length: note.body.length } },
    });
  });
}

