import { describe, expect, it } from "vitest";
import { parseCsvRecords, parseTimelineCsv, timelineToCsv, timelineToJson, type ExportableEvent } from "@/lib/timeline/csv";

const HEADER = "occurredAt,precision,title,detail,source,confidence,tags,tlp,key";

describe("parseTimelineCsv", () => {
  it("reads good rows in every date shape, with quoting, tags and PHIA words", () => {
    const csv = [
      HEADER,
      '24/08/2021,,First access through Exchange,"Web shells, installed",ICO,almost certain,first-access; persistence,CLEAR,yes',
      "2022-10,MONTH,Intrusion detected,,ICO,LIKELY,detection,TLP:AMBER,true",
      "2021,,Tracking e-mails sent,,Hansard,,,GREEN,",
      '2021-08-24 14:05,,"Quoted ""title""",,,,,AMBER+STRICT,0',
      "",
    ].join("\r\n");
    const { rows, errors, total } = parseTimelineCsv(csv);
    expect(errors).toEqual([]);
    expect(total).toBe(4);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0]!.event).toMatchObject({
      precision: "DAY", title: "First access through Exchange", detail: "Web shells, installed", confidence: "ALMOST_CERTAIN",
      tags: ["first-access", "persistence"], tlp: "CLEAR", key: true,
    });
    expect(rows[1]!.event).toMatchObject({ precision: "MONTH", tlp: "AMBER", confidence: "LIKELY", key: true });
    expect(rows[2]!.event).toMatchObject({ precision: "YEAR", confidence: null, tags: [], key: false });
    expect(rows[3]!.event).toMatchObject({ precision: "MINUTE", title: 'Quoted "title"', tlp: "AMBER_STRICT" });
    expect(rows[3]!.event.occurredAt.toISOString()).toBe("2021-08-24T13:05:00.000Z");
  });

  it("reports each bad row by row number and column", () => {
    const csv = [
      HEADER,
      "2021-08-24,,Good row,,,,,CLEAR,",
      "31/02/2022,,Bad date,,,,,CLEAR,",
      "2022-10,DAY,Too precise,,,,,CLEAR,",
      "2022-01-01,,x,,,SURE,Bad Tag!,PURPLE,maybe",
      "2022-01-01,,Too many cells,,,,,CLEAR,,extra",
    ].join("\n");
    const { rows, errors } = parseTimelineCsv(csv);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: "occurredAt", message: "Not a real date" },
        expect.objectContaining({ row: 4, column: "occurredAt" }),
        expect.objectContaining({ row: 5, column: "title" }),
        expect.objectContaining({ row: 5, column: "confidence" }),
        expect.objectContaining({ row: 5, column: "tags" }),
        expect.objectContaining({ row: 5, column: "tlp" }),
        expect.objectContaining({ row: 5, column: "key" }),
        expect.objectContaining({ row: 6, column: "" }),
      ]),
    );
  });

  it("rejects a bad header, an unclosed quote and too many rows", () => {
    expect(parseTimelineCsv("when,title,tlp\n2021,x,CLEAR").errors).toEqual([
      expect.objectContaining({ row: 1, column: "when", message: expect.stringMatching(/^Unknown column/) }),
      { row: 1, column: "occurredAt", message: "Missing column" },
    ]);
    expect(parseTimelineCsv(`${HEADER}\n2021,,"never closed,,,,,CLEAR,`).errors[0]!.message).toMatch(/never closed/);
    const many = [HEADER, ...Array.from({ length: 4 }, (_, i) => `2021,,Row ${i},,,,,CLEAR,`)].join("\n");
    expect(parseTimelineCsv(many, 3)).toMatchObject({ rows: [], errors: [{ row: 1, message: expect.stringMatching(/at most 3/) }] });
    expect(parseTimelineCsv("").errors[0]!.message).toBe("The file is empty");
  });

  it("parses RFC 4180 records with line breaks inside quotes and a BOM", () => {
    expect(parseCsvRecords('\uFEFFa,b\r\n"x\ny",z').records).toEqual([["a", "b"], ["x\ny", "z"]]);
  });
});

describe("export", () => {
  const events: ExportableEvent[] = [
    {
      // Stored as an import stores it: the start of October in UK time (BST).
      id: "e1", occurredAt: new Date("2022-09-30T23:00:00Z"), precision: "MONTH", recordedAt: new Date("2026-01-01T10:00:00Z"),
      title: "=HYPERLINK(\"http://evil\")", detail: "Line 1\nLine 2", source: "ICO", confidence: "ALMOST_CERTAIN",
      tags: ["detection", "key"], tlp: "CLEAR", key: true, alertId: null, entities: [{ id: "x", name: "Electoral Commission" }],
    },
    {
      id: "e2", occurredAt: new Date("2021-08-24T13:05:00Z"), precision: "MINUTE", recordedAt: new Date("2026-01-01T10:00:00Z"),
      title: "Minute event", detail: "", source: "", confidence: null, tags: [], tlp: "AMBER", key: false, alertId: "a1", entities: [],
    },
  ];

  it("writes formula-safe CSV that imports again unchanged", () => {
    const csv = timelineToCsv(events);
    expect(csv.split("\r\n")[0]).toBe(`${HEADER},id,recordedAt,alertId,entities`);
    expect(csv).toContain(`2022-10,MONTH,"'=HYPERLINK(""http://evil"")","Line 1\nLine 2",ICO,ALMOST_CERTAIN,detection;key,CLEAR,true,e1`);
    const back = parseTimelineCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => r.event)).toEqual([
      { occurredAt: events[0]!.occurredAt, precision: "MONTH", title: events[0]!.title, detail: "Line 1\nLine 2", source: "ICO", confidence: "ALMOST_CERTAIN", tags: ["detection", "key"], tlp: "CLEAR", key: true },
      { occurredAt: events[1]!.occurredAt, precision: "MINUTE", title: "Minute event", detail: "", source: "", confidence: null, tags: [], tlp: "AMBER", key: false },
    ]);
  });

  it("writes JSON with the date as known", () => {
    const json = timelineToJson({ id: "c1", title: "Case" }, events, new Date("2026-01-02T00:00:00Z"));
    expect(json.events[0]).toMatchObject({ date: "2022-10", precision: "MONTH", entities: [{ id: "x", name: "Electoral Commission" }] });
    expect(json).toMatchObject({ case: { id: "c1" }, exportedAt: "2026-01-02T00:00:00.000Z" });
  });
});
