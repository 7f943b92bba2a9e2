import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type TokenViewer, type UserViewer } from "@/lib/auth/permissions";
import { InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { purgeIdempotencyKeys } from "@/lib/idempotency/data";
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/tokens/data";
import { createApiTokenSchema, type CreateApiTokenInput } from "@/lib/tokens/schema";
import { createOrg, createViewer } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();

let orgA: string, orgB: string;
let adminA: UserViewer, amberAdmin: UserViewer, leadA: UserViewer, adminB: UserViewer;

const input = (o: Partial<CreateApiTokenInput> = {}): CreateApiTokenInput => ({
  name: "SIEM feed",
  capabilities: ["alert:read", "alert:triage"],
  clearance: "AMBER",
  expiresInDays: undefined,
  ...o,
});

beforeAll(async () => {
  const { prisma } = db();
  orgA = (await createOrg(prisma, "Party A")).id;
  orgB = (await createOrg(prisma, "Party B")).id;
  adminA = await createViewer(prisma, orgA, "ADMIN", "RED");
  amberAdmin = await createViewer(prisma, orgA, "ADMIN", "AMBER");
  leadA = await createViewer(prisma, orgA, "LEAD", "RED");
  adminB = await createViewer(prisma, orgB, "ADMIN", "RED");
});

describe("createApiToken", () => {
  it("returns the secret once and stores only its SHA-256 and a short prefix", async () => {
    const { prisma } = db();
    const { token, secret } = await createApiToken(adminA, { ...input(), capabilities: ["alert:triage"], expiresInDays: 30 });
    expect(secret).toMatch(/^vgl_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "SIEM feed", prefix: secret.slice(4, 12), capabilities: ["alert:triage"], clearance: "AMBER", status: "active" });
    expect(token).not.toHaveProperty("tokenHash");
    expect(token.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(row.createdById).toBe(adminA.userId);
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "api-token.create", targetId: token.id } });
    expect(audit.organisationId).toBe(orgA);
    expect(JSON.stringify(audit.summary)).not.toContain(secret.slice(12));
  });

  it("is for administrators only", async () => {
    await expect(createApiToken(leadA, input())).rejects.toBeInstanceOf(ForbiddenError);
    // A token can never mint tokens, whatever it is given.
    const machine: TokenViewer = { kind: "token", tokenId: "x", organisationId: orgA, name: "m", capabilities: ["alert:triage"], clearance: "RED" };
    await expect(createApiToken(machine, input())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a clearance above the creator's, in the schema and in the data function", async () => {
    const schema = createApiTokenSchema(amberAdmin.clearance);
    const parsed = schema.safeParse({ name: "x", capabilities: ["alert:read"], clearance: "RED" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["clearance"]);
    await expect(createApiToken(amberAdmin, input({ clearance: "RED" }))).rejects.toBeInstanceOf(InvalidStateError);
    await expect(createApiToken(amberAdmin, input({ clearance: "AMBER" }))).resolves.toBeTruthy();
  });
});

describe("listApiTokens", () => {
  it("lists the organisation's own tokens, without hashes, for administrators only", async () => {
    const mine = await createApiToken(adminA, input({ name: "mine" }));
    const theirs = await createApiToken(adminB, input({ name: "theirs" }));
    const list = await listApiTokens(adminA);
    expect(list.map((t) => t.id)).toContain(mine.token.id);
    expect(list.map((t) => t.id)).not.toContain(theirs.token.id);
    for (const row of list) expect(Object.keys(row)).not.toContain("tokenHash");
    await expect(listApiTokens(leadA)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("revokeApiToken and authenticateApiToken", () => {
  it("authenticates a live token as a token viewer of its organisation", async () => {
    const { secret, token } = await createApiToken(adminA, input({ capabilities: ["alert:read"], clearance: "GREEN" }));
    const viewer = await authenticateApiToken(secret);
    expect(viewer).toEqual({ kind: "token", tokenId: token.id, organisationId: orgA, name: "SIEM feed", capabilities: ["alert:read"], clearance: "GREEN" });
    expect(await authenticateApiToken(secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await authenticateApiToken("vgl_short")).toBeNull();
    expect(await authenticateApiToken("")).toBeNull();
  });

  it("records lastUsedAt at most once a minute", async () => {
    const { prisma } = db();
    const { secret, token } = await createApiToken(adminA, input());
    await authenticateApiToken(secret);
    const first = (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateApiToken(secret);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(first);
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await authenticateApiToken(secret);
    const later = (await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt!;
    expect(Date.now() - later.getTime()).toBeLessThan(10_000);
  });

  it("stops a token at once when revoked, and audits the revocation", async () => {
    const { prisma } = db();
    const { secret, token } = await createApiToken(adminA, input());
    expect(await authenticateApiToken(secret)).not.toBeNull();
    await expect(revokeApiToken(leadA, token.id)).rejects.toBeInstanceOf(ForbiddenError);
    await revokeApiToken(adminA, token.id);
    expect(await authenticateApiToken(secret)).toBeNull();
    await expect(revokeApiToken(adminA, token.id)).rejects.toBeInstanceOf(InvalidStateError);
    expect((await listApiTokens(adminA)).find((t) => t.id === token.id)?.status).toBe("revoked");
    expect(await prisma.auditEvent.count({ where: { action: "api-token.revoke", targetId: token.id } })).toBe(1);
  });

  it("refuses expired tokens", async () => {
    const { prisma } = db();
    const { secret, token } = await createApiToken(adminA, input({ expiresInDays: 1 }));
    await prisma.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await authenticateApiToken(secret)).toBeNull();
    expect((await listApiTokens(adminA)).find((t) => t.id === token.id)?.status).toBe("expired");
  });

  it("answers not found for another organisation's token, which keeps working", async () => {
    const { secret, token } = await createApiToken(adminB, input());
    await expect(revokeApiToken(adminA, token.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await authenticateApiToken(secret)).toMatchObject({ organisationId: orgB });
  });
});

describe("purgeIdempotencyKeys", () => {
  it("deletes stored responses older than the cut-off only", async () => {
    const { prisma } = db();
    await prisma.idempotencyKey.createMany({
      data: [
        { organisationId: orgA, key: "old", requestHash: "h", status: 201, response: {}, createdAt: new Date(Date.now() - 25 * 3_600_000) },
        { organisationId: orgA, key: "new", requestHash: "h", status: 201, response: {} },
      ],
    });
    expect(await purgeIdempotencyKeys()).toBe(1);
    expect((await prisma.idempotencyKey.findMany({ where: { organisationId: orgA } })).map((k) => k.key)).toEqual(["new"]);
  });
});
