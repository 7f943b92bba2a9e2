import { describe, expect, it } from "vitest";
import { highestSeverity, mostRestrictiveTlp, visibleTlps } from "@/lib/cases/rules";

describe("visibleTlps", () => {
  it("gives the owning organisation up to AMBER+STRICT by clearance, and RED only to members", () => {
    expect(visibleTlps("RED", { ownOrganisation: true, member: false })).toEqual(["CLEAR", "GREEN", "AMBER", "AMBER_STRICT"]);
    expect(visibleTlps("AMBER", { ownOrganisation: true, member: false })).toEqual(["CLEAR", "GREEN", "AMBER"]);
    expect(visibleTlps("GREEN", { ownOrganisation: true, member: true })).toEqual(["CLEAR", "GREEN", "RED"]);
  });

  it("gives shared organisations CLEAR and GREEN, AMBER to members, never AMBER+STRICT or RED", () => {
    expect(visibleTlps("RED", { ownOrganisation: false, member: false })).toEqual(["CLEAR", "GREEN"]);
    expect(visibleTlps("RED", { ownOrganisation: false, member: true })).toEqual(["CLEAR", "GREEN", "AMBER"]);
    expect(visibleTlps("GREEN", { ownOrganisation: false, member: true })).toEqual(["CLEAR", "GREEN"]);
  });
});

describe("grading a case from its alerts", () => {
  it("takes the most restrictive TLP and the highest severity, ignoring missing values", () => {
    expect(mostRestrictiveTlp(["GREEN", undefined, "AMBER_STRICT", "CLEAR"])).toBe("AMBER_STRICT");
    expect(mostRestrictiveTlp([])).toBe("CLEAR");
    expect(highestSeverity(["LOW", "CRITICAL", undefined, "HIGH"])).toBe("CRITICAL");
    expect(highestSeverity([undefined])).toBe("INFO");
  });
});
