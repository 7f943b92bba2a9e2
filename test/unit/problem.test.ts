import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ForbiddenError } from "@/lib/auth/permissions";
import { isJsonContentType, readJsonBody } from "@/lib/http/body";
import { ConflictError, InvalidStateError, NotFoundError } from "@/lib/http/errors";
import { ApiProblem, errorToProblem, problem, withApiErrors, zodProblem } from "@/lib/http/problem";

afterEach(() => vi.restoreAllMocks());

describe("problem responses", () => {
  it("are application/problem+json with standard members, extensions and headers", async () => {
    const res = problem(401, "Unauthorized", { detail: "No token", headers: { "WWW-Authenticate": "Bearer" }, errorId: "x", title: "ignored" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ type: "about:blank", title: "Unauthorized", status: 401, detail: "No token", errorId: "x" });
  });

  it("map zod issues to field paths, unknown keys included", async () => {
    const schema = z.strictObject({ alerts: z.array(z.strictObject({ severity: z.enum(["LOW"]) })) });
    const error = schema.safeParse({ alerts: [{ severity: "LOW" }, { severity: "X", other: 1 }] }).error!;
    const body = await zodProblem(error).json();
    expect(body.status).toBe(422);
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["alerts[1].other", "alerts[1].severity"]);
  });
});

describe("errorToProblem / withApiErrors", () => {
  it("maps the data layer's errors to their statuses", () => {
    expect(errorToProblem(new NotFoundError("Alert")).status).toBe(404);
    expect(errorToProblem(new ForbiddenError("alert:triage")).status).toBe(403);
    expect(errorToProblem(new ConflictError("stale")).status).toBe(409);
    expect(errorToProblem(new InvalidStateError("no")).status).toBe(422);
    expect(errorToProblem(new ApiProblem(413, "Content Too Large")).status).toBe(413);
  });

  it("turns anything else into a generic 500 without the message or stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = withApiErrors(async () => {
      throw new Error("relation \"Secret\" does not exist at db.ts:42");
    });
    const res = await handler(new Request("http://x/"), {});
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("Secret");
    expect(text).not.toContain("db.ts");
    expect(JSON.parse(text).errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(log).toHaveBeenCalled();
  });
});

describe("readJsonBody", () => {
  const req = (body: BodyInit, type = "application/json") => new Request("http://x/", { method: "POST", body, headers: { "content-type": type } });

  it("accepts JSON with or without a UTF-8 charset, nothing else", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=UTF-8")).toBe(true);
    expect(isJsonContentType("application/json; charset=iso-8859-1")).toBe(false);
    expect(isJsonContentType("application/jsonp")).toBe(false);
    expect(isJsonContentType("text/json")).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });

  it("returns the value and the raw bytes; 400 for bad JSON or bad UTF-8; 413 past the cap", async () => {
    const ok = await readJsonBody(req('{"a":1}'));
    expect(ok.value).toEqual({ a: 1 });
    expect(new TextDecoder().decode(ok.raw)).toBe('{"a":1}');
    await expect(readJsonBody(req("{"))).rejects.toMatchObject({ status: 400 });
    await expect(readJsonBody(req(new Uint8Array([0x22, 0xff, 0x22])))).rejects.toMatchObject({ status: 400 });
    await expect(readJsonBody(req('"' + "x".repeat(100) + '"'), 50)).rejects.toMatchObject({ status: 413 });
    await expect(readJsonBody(req("{}", "text/plain"))).rejects.toMatchObject({ status: 415 });
  });
});
