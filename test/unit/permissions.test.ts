import { describe, expect, it } from "vitest";
import { Role, Tlp } from "@/lib/db/generated/enums";
import { ForbiddenError, ROLE_LABELS, assertCan, can, capabilitiesOf, type Capability, type UserViewer } from "@/lib/auth/permissions";
import { TLP_LABELS, TLP_ORDER, tlpsUpTo } from "@/lib/auth/tlp";

const ROLES = Object.values(Role);
const as = (role: Role): UserViewer => ({
  kind: "user", userId: "u", sessionId: "s", organisationId: "o", organisationName: "Org", name: "N", email: "e@x", role, clearance: "AMBER",
});

describe("role capabilities", () => {
  it("lets every role read alerts and cases", () => {
    for (const role of ROLES) {
      expect(can(as(role), "alert:read"), role).toBe(true);
      expect(can(as(role), "case:read"), role).toBe(true);
    }
  });

  it("keeps REVIEWER and VIEWER read-only", () => {
    const writes: Capability[] = [
      "alert:triage", "alert:assign-others", "case:write", "case:close", "case:share", "briefing:write", "admin:users",
    ];
    for (const role of [Role.REVIEWER, Role.VIEWER]) {
      for (const capability of writes) expect(can(as(role), capability), `${role} ${capability}`).toBe(false);
      expect([...capabilitiesOf(role)].sort()).toEqual(["alert:read", "case:read"]);
    }
  });

  it("lets analysts and vetting officers triage, but not close, share or assign to others", () => {
    for (const role of [Role.ANALYST, Role.VETTING]) {
      expect(can(as(role), "alert:triage"), role).toBe(true);
      expect(can(as(role), "case:close"), role).toBe(false);
      expect(can(as(role), "case:share"), role).toBe(false);
      expect(can(as(role), "alert:assign-others"), role).toBe(false);
    }
    expect(can(as(Role.ANALYST), "case:write")).toBe(true);
    expect(can(as(Role.VETTING), "case:write")).toBe(false);
  });

  it("gives vetting data only to vetting officers, leads and admins", () => {
    const allowed = ROLES.filter((role) => can(as(role), "vetting:read")).sort();
    expect(allowed).toEqual([Role.ADMIN, Role.LEAD, Role.VETTING].sort());
  });

  it("reserves user administration for ADMIN, and ADMIN can do everything LEAD can", () => {
    expect(ROLES.filter((role) => can(as(role), "admin:users"))).toEqual([Role.ADMIN]);
    for (const capability of capabilitiesOf(Role.LEAD)) expect(can(as(Role.ADMIN), capability), capability).toBe(true);
    expect(can(as(Role.LEAD), "case:close")).toBe(true);
    expect(can(as(Role.LEAD), "audit:read")).toBe(true);
  });

  it("has a label for every role", () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });
});

describe("assertCan", () => {
  it("returns quietly when the role has the capability", () => {
    expect(() => assertCan(as(Role.ANALYST), "alert:triage")).not.toThrow();
  });

  it("throws a ForbiddenError naming the capability otherwise", () => {
    let caught: unknown;
    try {
      assertCan(as(Role.VIEWER), "alert:triage");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ForbiddenError);
    expect(caught).toMatchObject({ name: "ForbiddenError", capability: "alert:triage" });
    expect((caught as Error).message).toContain("alert:triage");
  });
});

describe("TLP", () => {
  it("orders TLP levels as the database enum does (least to most restrictive)", () => {
    expect(TLP_ORDER).toEqual(Object.values(Tlp));
    expect(TLP_ORDER).toEqual(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"]);
  });

  it("tlpsUpTo lists every level at or below the given one", () => {
    expect(tlpsUpTo("CLEAR")).toEqual(["CLEAR"]);
    expect(tlpsUpTo("GREEN")).toEqual(["CLEAR", "GREEN"]);
    expect(tlpsUpTo("AMBER")).toEqual(["CLEAR", "GREEN", "AMBER"]);
    expect(tlpsUpTo("AMBER_STRICT")).toEqual(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT"]);
    expect(tlpsUpTo("RED")).toEqual(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"]);
  });

  it("returns a fresh array that callers may change", () => {
    const list = tlpsUpTo("GREEN");
    list.push("RED");
    expect(tlpsUpTo("GREEN")).toEqual(["CLEAR", "GREEN"]);
  });

  it("labels levels the TLP 2.0 way", () => {
    expect(TLP_LABELS.AMBER_STRICT).toBe("TLP:AMBER+STRICT");
    expect(TLP_LABELS.CLEAR).toBe("TLP:CLEAR");
    expect(Object.keys(TLP_LABELS)).toEqual(TLP_ORDER);
  });
});
