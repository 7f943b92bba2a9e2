import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsvCell, toCsvRow } from "@/lib/csv";

describe("toCsvCell: RFC 4180 quoting", () => {
  it("leaves plain text alone", () => {
    expect(toCsvCell("APT31 reconnaissance")).toBe("APT31 reconnaissance");
    expect(toCsvCell("")).toBe("");
  });

  it("quotes commas, quotes, CR and LF, doubling quotes", () => {
    expect(toCsvCell("a,b")).toBe('"a,b"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(toCsvCell("line 1\r\nline 2")).toBe('"line 1\r\nline 2"');
    expect(toCsvCell('"')).toBe('""""');
  });

  it("writes null and undefined as empty, dates as ISO 8601 UTC, numbers and booleans as is", () => {
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(undefined)).toBe("");
    expect(toCsvCell(new Date(Date.UTC(2026, 2, 25, 9, 30)))).toBe("2026-03-25T09:30:00.000Z");
    expect(toCsvCell(new Date(Number.NaN))).toBe("");
    expect(toCsvCell(42)).toBe("42");
    // Our own numbers are data, not attacker text: a negative number stays a number.
    expect(toCsvCell(-3)).toBe("-3");
    expect(toCsvCell(true)).toBe("true");
  });

  it("keeps non-ASCII text intact", () => {
    expect(toCsvCell("Électoral — “quoted” 中文")).toBe("Électoral — “quoted” 中文");
  });
});

describe("formula injection", () => {
  it.each(["=1+1", "+44 20 7946 0000", "-2+3", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\",\"y\")"])(
    "prefixes an apostrophe to %j",
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );

  it("treats a leading tab, CR, LF or NUL as a trigger on its own", () => {
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("\rx")).toBe("'\rx");
    expect(neutraliseFormula("\nx")).toBe("'\nx");
    expect(neutraliseFormula("\0x")).toBe("'\0x");
  });

  it("looks past leading spaces (some importers trim them before evaluating)", () => {
    expect(neutraliseFormula("  =1+1")).toBe("'  =1+1");
    expect(neutraliseFormula(" @cmd")).toBe("' @cmd");
    expect(neutraliseFormula("  plain")).toBe("  plain");
  });

  it("covers full-width trigger characters", () => {
    expect(neutraliseFormula("＝1+1")).toBe("'＝1+1");
    expect(neutraliseFormula("＠SUM(1)")).toBe("'＠SUM(1)");
  });

  it("leaves triggers that are not at the start alone", () => {
    expect(neutraliseFormula("a=b")).toBe("a=b");
    expect(neutraliseFormula("user@example.org")).toBe("user@example.org");
    expect(neutraliseFormula("APT31 - update")).toBe("APT31 - update");
  });

  it("neutralises first, then quotes", () => {
    expect(toCsvCell('=cmd|"/c calc"!A1')).toBe('"\'=cmd|""/c calc""!A1"');
    expect(toCsvCell("-1,2")).toBe('"\'-1,2"');
    expect(toCsvCell("\r\n=1")).toBe('"\'\r\n=1"');
  });
});

describe("toCsvRow", () => {
  it("joins cells with commas and ends the record with CRLF", () => {
    expect(toCsvRow(["a", 1, null, "b,c", "=x"])).toBe('a,1,,"b,c",\'=x\r\n');
    expect(toCsvRow([])).toBe("\r\n");
  });
});
