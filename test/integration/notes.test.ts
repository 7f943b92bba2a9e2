import { beforeAll, describe, expect, it } from "vitest";
import type { Tlp } from "@/lib/db/generated/enums";
import { createNote, deleteNote, listNotes, updateNote } from "@/lib/notes/data";
import { mentionHandle } from "@/lib/notes/mentions";
import { createNoteSchema, updateNoteSchema } from "@/lib/notes/schema";
import { countMyUnreadNotifications, listMyNotifications, markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/data";
import { ForbiddenError, type UserViewer } from "@/lib/auth/permissions";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { createCase, createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let partyId: string, taskforceId: string, otherId: string;
let lead: UserViewer, analyst: UserViewer, nonMember: UserViewer, green: UserViewer, reviewer: UserViewer, viewer: UserViewer;
let disabled: UserViewer, tfAnalyst: UserViewer, tfReviewer: UserViewer, tfMember: UserViewer, outsider: UserViewer;
let caseId: string, closedCaseId: string;

beforeAll(async () => {
  const { prisma } = db();
  partyId = (await createOrg(prisma, "Party")).id;
  taskforceId = (await createOrg(prisma, "Task force")).id;
  otherId = (await createOrg(prisma, "Other party")).id;
  lead = await createViewer(prisma, partyId, "LEAD", "RED");
  analyst = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  nonMember = await createViewer(prisma, partyId, "ANALYST", "AMBER_STRICT");
  green = await createViewer(prisma, partyId, "ANALYST", "GREEN");
  reviewer = await createViewer(prisma, partyId, "REVIEWER", "AMBER");
  viewer = await createViewer(prisma, partyId, "VIEWER", "AMBER");
  disabled = await createViewer(prisma, partyId, "ANALYST", "RED");
  tfAnalyst = await createViewer(prisma, taskforceId, "ANALYST", "RED");
  tfReviewer = await createViewer(prisma, taskforceId, "REVIEWER", "AMBER");
  tfMember = await createViewer(prisma, taskforceId, "REVIEWER", "RED");
  outsider = await createViewer(prisma, otherId, "ADMIN", "RED");
  caseId = (await createCase(prisma, partyId, {
    tlp: "GREEN", memberIds: [lead.userId, analyst.userId, disabled.userId, tfMember.userId, tfAnalyst.userId], sharedWith: [taskforceId],
  })).id;
  closedCaseId = (await createCase(prisma, partyId, { tlp: "GREEN", status: "CLOSED", memberIds: [lead.userId, analyst.userId] })).id;
  await prisma.user.update({ where: { id: disabled.userId }, data: { disabled: true } });
});

const at = (v: UserViewer) => `@${mentionHandle(v.email)}`;
const note = (tlp: Tlp, body: string, shareable = false, forCase = caseId) =>
  createNoteSchema.parse({ caseId: forCase, body, tlp, ...(shareable ? { shareable: "on" } : {}) });

describe("notes: visibility by organisation, membership, TLP and sharing", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.clearShared = (await createNote(lead, note("CLEAR", "clear shared", true))).id;
    ids.green = (await createNote(lead, note("GREEN", "green internal"))).id;
    ids.amberShared = (await createNote(lead, note("AMBER", "amber shared", true))).id;
    ids.strict = (await createNote(lead, note("AMBER_STRICT", "amber strict"))).id;
    ids.red = (await createNote(lead, note("RED", "red members only"))).id;
  });
  const seen = async (v: UserViewer) => {
    const mine = new Set(Object.values(ids));
    return (await listNotes(v, caseId)).notes.filter((n) => mine.has(n.id)).map((n) => n.body).sort();
  };

  it("own organisation: by clearance, RED for named members only", async () => {
    const all = ["amber shared", "amber strict", "clear shared", "green internal", "red members only"];
    expect(await seen(lead)).toEqual(all);
    expect(await seen(analyst)).toEqual(all);
    expect(await seen(nonMember)).toEqual(["amber shared", "amber strict", "clear shared", "green internal"]);
    expect(await seen(green)).toEqual(["clear shared", "green internal"]);
    expect(await seen(reviewer)).toEqual(["amber shared", "clear shared", "green internal"]);
  });

  it("shared organisation: shareable notes within its TLPs only; never AMBER+STRICT or RED", async () => {
    expect(await seen(tfReviewer)).toEqual(["clear shared"]);
    expect(await seen(tfMember)).toEqual(["amber shared", "clear shared"]);
    const list = await listNotes(tfMember, caseId);
    expect(list.canWrite).toBe(false);
    expect(list.people).toEqual({});
    expect(list.notes.every((n) => !n.canEdit)).toBe(true);
  });

  it("other organisations: the case is not found", async () => {
    await expect(listNotes(outsider, caseId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot share AMBER+STRICT or RED notes, nor mark above one's clearance", async () => {
    expect(createNoteSchema.safeParse({ caseId, body: "x", tlp: "RED", shareable: "on" }).success).toBe(false);
    expect(createNoteSchema.safeParse({ caseId, body: "x", tlp: "AMBER", extra: "1" }).success).toBe(false);
    expect(createNoteSchema.safeParse({ caseId, body: " ", tlp: "AMBER" }).success).toBe(false);
    await expect(createNote(green, note("AMBER", "too high"))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createNote(nonMember, note("RED", "not a member"))).rejects.toBeInstanceOf(InvalidStateError);
  });
});

describe("notes: writes", () => {
  it("are refused to REVIEWER/VIEWER, shared and other organisations, and on closed cases", async () => {
    await expect(createNote(reviewer, note("GREEN", "x"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createNote(viewer, note("GREEN", "x"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createNote(tfAnalyst, note("GREEN", "x"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createNote(outsider, note("GREEN", "x"))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createNote(analyst, note("GREEN", "x", false, closedCaseId))).rejects.toBeInstanceOf(InvalidStateError);

    const n = await createNote(analyst, note("GREEN", "mine"));
    const edit = updateNoteSchema.parse({ noteId: n.id, version: 1, body: "changed", tlp: "GREEN" });
    await expect(updateNote(tfAnalyst, edit)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateNote(outsider, edit)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateNote(reviewer, edit)).rejects.toBeInstanceOf(ForbiddenError);
    // Another analyst is not the author; a LEAD may.
    await expect(updateNote(nonMember, edit)).rejects.toBeInstanceOf(InvalidStateError);
    await expect(deleteNote(nonMember, { noteId: n.id, version: 1 })).rejects.toBeInstanceOf(InvalidStateError);
    expect(await updateNote(lead, edit)).toMatchObject({ body: "changed", version: 2 });
    await deleteNote(lead, { noteId: n.id, version: 2 });
    const { prisma } = db();
    expect(await prisma.note.count({ where: { id: n.id } })).toBe(0);
    const audits = await prisma.auditEvent.findMany({ where: { targetType: "Note", targetId: n.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["note.create", "note.update", "note.delete"]);
    for (const a of audits) expect(a.summary).toMatchObject({ caseId });
  });

  it("a stale version gets a conflict with the current note, and nothing is lost", async () => {
    const { prisma } = db();
    const n = await createNote(analyst, note("GREEN", "first"));
    await updateNote(analyst, updateNoteSchema.parse({ noteId: n.id, version: 1, body: "second", tlp: "GREEN" }));
    const error = await updateNote(lead, updateNoteSchema.parse({ noteId: n.id, version: 1, body: "stale", tlp: "GREEN" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ body: string; version: number }>).current).toMatchObject({ body: "second", version: 2 });
    expect((await prisma.note.findUniqueOrThrow({ where: { id: n.id } })).body).toBe("second");

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => updateNote(analyst, updateNoteSchema.parse({ noteId: n.id, version: 2, body: `race ${i}`, tlp: "GREEN" }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect((await prisma.note.findUniqueOrThrow({ where: { id: n.id } })).version).toBe(3);
  });
});

describe("mentions and notifications", () => {
  const mentionsOf = async (v: UserViewer, noteId: string) =>
    (await listMyNotifications(v)).items.filter((i) => i.href.endsWith(`#note-${noteId}`));

  it("notify only mentioned colleagues who can open the note, once per note", async () => {
    const body = `Please look ${at(analyst)} ${at(nonMember)} ${at(green)} ${at(disabled)} ${at(tfMember)} ${at(lead)} and \`${at(reviewer)}\``;
    const n = await createNote(lead, note("AMBER_STRICT", body));
    expect(await mentionsOf(analyst, n.id)).toHaveLength(1);
    expect(await mentionsOf(nonMember, n.id)).toHaveLength(1); // AMBER+STRICT clearance, own organisation
    expect(await mentionsOf(green, n.id)).toHaveLength(0); // clearance GREEN: cannot open it
    expect(await mentionsOf(disabled, n.id)).toHaveLength(0);
    expect(await mentionsOf(tfMember, n.id)).toHaveLength(0); // another organisation
    expect(await mentionsOf(lead, n.id)).toHaveLength(0); // not oneself
    expect(await mentionsOf(reviewer, n.id)).toHaveLength(0); // inside code
    const [item] = await mentionsOf(analyst, n.id);
    expect(item).toMatchObject({ kind: "mention", caseId, href: `/cases/${caseId}/notes#note-${n.id}`, readAt: null });

    // Editing: only newly added mentions are notified; nobody twice.
    await updateNote(lead, updateNoteSchema.parse({ noteId: n.id, version: 1, body: `${body} and ${at(reviewer)}`, tlp: "AMBER_STRICT" }));
    expect(await mentionsOf(analyst, n.id)).toHaveLength(1);
    expect(await mentionsOf(reviewer, n.id)).toHaveLength(0); // REVIEWER clearance AMBER < AMBER+STRICT
    await updateNote(lead, updateNoteSchema.parse({ noteId: n.id, version: 2, body: `${body} and ${at(reviewer)}`, tlp: "AMBER" }));
    expect(await mentionsOf(reviewer, n.id)).toHaveLength(1); // now they can open it
    await updateNote(lead, updateNoteSchema.parse({ noteId: n.id, version: 3, body: `${at(analyst)} again`, tlp: "AMBER" }));
    expect(await mentionsOf(analyst, n.id)).toHaveLength(1);
    expect(await mentionsOf(reviewer, n.id)).toHaveLength(1);
  });

  it("never notify about a RED note anyone but named members", async () => {
    const n = await createNote(lead, note("RED", `${at(analyst)} ${at(nonMember)}`));
    expect(await mentionsOf(analyst, n.id)).toHaveLength(1);
    expect(await mentionsOf(nonMember, n.id)).toHaveLength(0);
  });

  it("are private to their user", async () => {
    const { prisma } = db();
    const n = await createNote(lead, note("GREEN", `${at(analyst)} ${at(green)}`));
    const [mine] = await mentionsOf(analyst, n.id);
    expect(mine).toBeDefined();
    expect((await listMyNotifications(green)).items.some((i) => i.id === mine!.id)).toBe(false);
    expect((await listMyNotifications(outsider)).items).toHaveLength(0);
    await expect(markNotificationRead(green, { notificationId: mine!.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markNotificationRead(outsider, { notificationId: mine!.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: mine!.id } })).readAt).toBeNull();

    const greenUnread = await countMyUnreadNotifications(green);
    expect(greenUnread).toBeGreaterThan(0);
    const before = await countMyUnreadNotifications(analyst);
    await markNotificationRead(analyst, { notificationId: mine!.id });
    await markNotificationRead(analyst, { notificationId: mine!.id }); // idempotent
    expect(await countMyUnreadNotifications(analyst)).toBe(before - 1);
    const list = await listMyNotifications(analyst);
    expect(list.unreadCount).toBe(before - 1);
    expect(list.items.map((i) => i.createdAt.getTime())).toEqual([...list.items.map((i) => i.createdAt.getTime())].sort((a, b) => b - a));

    await markAllNotificationsRead(analyst);
    expect(await countMyUnreadNotifications(analyst)).toBe(0);
    expect(await countMyUnreadNotifications(green)).toBe(greenUnread);
  });
});
