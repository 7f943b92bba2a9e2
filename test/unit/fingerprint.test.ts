import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alertFingerprint, normaliseTitle } from "@/lib/alerts/fingerprint";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("alertFingerprint", () => {
  it("uses the source reference when there is one, whatever the content", () => {
    const a = alertFingerprint({ kind: "INCIDENT", source: "siem", sourceRef: "42", title: "One" });
    expect(a).toBe(sha("ref\0siem\x0042"));
    expect(alertFingerprint({ kind: "ADVISORY", source: "siem", sourceRef: "42", title: "Two" })).toBe(a);
    expect(alertFingerprint({ kind: "INCIDENT", source: "other", sourceRef: "42", title: "One" })).not.toBe(a);
  });

  it("falls back to kind, source and the normalised title", () => {
    const a = alertFingerprint({ kind: "ADVISORY", source: "ncsc", title: "Patch  Ivanti\tNOW " });
    expect(a).toBe(sha("content\0ADVISORY\0ncsc\0patch ivanti now"));
    expect(alertFingerprint({ kind: "ADVISORY", source: "ncsc", sourceRef: null, title: "patch ivanti now" })).toBe(a);
    expect(alertFingerprint({ kind: "ADVISORY", source: "ncsc", sourceRef: "", title: "patch ivanti now" })).toBe(a);
    expect(alertFingerprint({ kind: "INCIDENT", source: "ncsc", title: "patch ivanti now" })).not.toBe(a);
  });

  it("keeps fields apart: no concatenation of values collides with another", () => {
    const x = alertFingerprint({ kind: "INCIDENT", source: "a", title: "b c" });
    const y = alertFingerprint({ kind: "INCIDENT", source: "a b", title: "c" });
    expect(x).not.toBe(y);
    // A reference can never equal a content fingerprint.
    expect(alertFingerprint({ kind: "INCIDENT", source: "s", sourceRef: "t", title: "" })).not.toBe(alertFingerprint({ kind: "INCIDENT", source: "s", title: "t" }));
  });

  it("normalises titles to lower case, single spaces and NFC", () => {
    expect(normaliseTitle("  Électoral\u00a0 COMMISSION\n breach ")).toBe("électoral commission breach");
    expect(normaliseTitle("E\u0301")).toBe(normaliseTitle("\u00c9"));
  });
});
