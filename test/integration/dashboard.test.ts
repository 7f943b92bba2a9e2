import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AlertKind, TaskStatus } from "@/lib/db/generated/enums";
import { startOfLondonDate } from "@/lib/alerts/london-time";
import {
  alertsPerDayByKind, alertsPerDayForLastDays, newestHighSeverityAlerts, openAlertsBySeverity, triageTimesPerWeek,
} from "@/lib/dashboard/data/alerts";
import { casesChangedToday, openCasesByStatusAndSeverity, overdueTasks } from "@/lib/dashboard/data/cases";
import { createAlert, createCase, createOrg, createViewer, type AlertOverrides } from "./support/fixtures";
import { useTestDb } from "./support/test-db";

const db = useTestDb();
const prisma = () => db().prisma as PrismaClient;
const H = 3_600_000;
const at = (iso: string) => new Date(iso);

/** An own organisation with an analyst (AMBER+STRICT, no vetting:read) and a lead (vetting:read). */
async function world() {
  const org = await createOrg(prisma());
  const other = await createOrg(prisma());
  const analyst = await createViewer(prisma(), org.id, "ANALYST");
  const lead = await createViewer(prisma(), org.id, "LEAD");
  return { org, other, analyst, lead };
}

async function alert(orgId: string, o: AlertOverrides & { triagedAt?: Date }) {
  const { triagedAt, ...rest } = o;
  const a = await createAlert(prisma(), orgId, rest);
  if (triagedAt) await prisma().alert.update({ where: { id: a.id }, data: { triagedAt } });
  return a;
}

describe("alertsPerDayByKind", () => {
  it("counts by UK day and kind, zero-fills every day, and cuts at UK midnight", async () => {
    const { org, analyst } = await world();
    const add = (iso: string, kind: AlertKind) => alert(org.id, { createdAt: at(iso), kind });
    await add("2026-07-12T23:30:00Z", "ADVISORY"); // 00:30 BST on 13 July: first day of the range
    await add("2026-07-12T22:30:00Z", "ADVISORY"); // 23:30 BST on 12 July: before the range
    await add("2026-07-14T23:30:00Z", "INCIDENT"); // 00:30 BST on 15 July
    await add("2026-07-15T09:00:00Z", "INCIDENT");
    await add("2026-07-15T10:00:00Z", "BALLOT");
    await add("2026-07-16T22:59:59Z", "BALLOT"); // 23:59 BST on 16 July: last day
    await add("2026-07-16T23:00:00Z", "BALLOT"); // midnight BST on 17 July: after the range

    const rows = await alertsPerDayByKind(analyst, { from: at("2026-07-13T12:00:00Z"), to: at("2026-07-16T12:00:00Z") });
    expect(rows).toEqual([
      { day: "2026-07-13", ADVISORY: 1, INCIDENT: 0, VETTING: 0, BALLOT: 0 },
      { day: "2026-07-14", ADVISORY: 0, INCIDENT: 0, VETTING: 0, BALLOT: 0 },
      { day: "2026-07-15", ADVISORY: 0, INCIDENT: 2, VETTING: 0, BALLOT: 1 },
      { day: "2026-07-16", ADVISORY: 0, INCIDENT: 0, VETTING: 0, BALLOT: 1 },
    ]);
  });

  it("uses GMT in winter", async () => {
    const { org, analyst } = await world();
    await alert(org.id, { createdAt: at("2026-01-14T23:30:00Z"), kind: "ADVISORY" }); // still 14 January in the UK
    const rows = await alertsPerDayByKind(analyst, { from: at("2026-01-14T00:00:00Z"), to: at("2026-01-15T00:00:00Z") });
    expect(rows.map((r) => [r.day, r.ADVISORY])).toEqual([["2026-01-14", 1], ["2026-01-15", 0]]);
  });

  it("never counts what the viewer may not see", async () => {
    const { org, other, analyst, lead } = await world();
    const createdAt = at("2026-03-10T12:00:00Z");
    await alert(org.id, { createdAt, kind: "INCIDENT" });
    await alert(other.id, { createdAt, kind: "INCIDENT" }); // another organisation
    await alert(org.id, { createdAt, kind: "INCIDENT", tlp: "RED" }); // RED, not a member
    await alert(org.id, { createdAt, kind: "VETTING" }); // vetting: analysts may not read it
    const kase = await createCase(prisma(), org.id, { tlp: "RED", memberIds: [analyst.userId] });
    await alert(org.id, { createdAt, kind: "ADVISORY", tlp: "RED", caseId: kase.id }); // RED, analyst is a member

    const range = { from: createdAt, to: createdAt };
    expect(await alertsPerDayByKind(analyst, range)).toEqual([{ day: "2026-03-10", ADVISORY: 1, INCIDENT: 1, VETTING: 0, BALLOT: 0 }]);
    // The lead reads vetting, but is neither cleared for RED nor a member of the RED case.
    expect(await alertsPerDayByKind(lead, range)).toEqual([{ day: "2026-03-10", ADVISORY: 0, INCIDENT: 1, VETTING: 1, BALLOT: 0 }]);
  });

  it("gives 30 or 90 rows for the overview toggle, ending today", async () => {
    const { analyst } = await world();
    const now = at("2026-11-21T23:30:00Z"); // GMT: still 21 November
    const rows = await alertsPerDayForLastDays(analyst, 30, now);
    expect(rows).toHaveLength(30);
    expect(rows[0]!.day).toBe("2026-10-23");
    expect(rows[29]!.day).toBe("2026-11-21");
    expect(await alertsPerDayForLastDays(analyst, 90, now)).toHaveLength(90);
  });
});

describe("openAlertsBySeverity", () => {
  it("counts open alerts by severity within visibility, every severity present", async () => {
    const { org, other, analyst } = await world();
    await alert(org.id, { severity: "HIGH", status: "NEW" });
    await alert(org.id, { severity: "HIGH", status: "ACKNOWLEDGED" });
    await alert(org.id, { severity: "CRITICAL", status: "TRIAGED" });
    await alert(org.id, { severity: "CRITICAL", status: "DISMISSED" }); // closed
    await alert(org.id, { severity: "LOW", status: "ESCALATED" }); // no longer open
    await alert(org.id, { severity: "LOW", status: "NEW", tlp: "RED" });
    await alert(org.id, { severity: "LOW", status: "NEW", kind: "VETTING" });
    await alert(other.id, { severity: "INFO", status: "NEW" });
    expect(await openAlertsBySeverity(analyst)).toEqual([
      { severity: "INFO", count: 0 }, { severity: "LOW", count: 0 }, { severity: "MEDIUM", count: 0 },
      { severity: "HIGH", count: 2 }, { severity: "CRITICAL", count: 1 },
    ]);
  });
});

describe("triageTimesPerWeek", () => {
  it("gives the median times per UK ISO week, every week present", async () => {
    const { org, other, analyst } = await world();
    const now = at("2026-07-15T12:00:00Z"); // Wednesday; weeks of 6 and 13 July
    const t = (iso: string, ackH: number | null, triH: number | null, o: AlertOverrides = {}) => {
      const createdAt = at(iso);
      return alert(org.id, {
        ...o, createdAt,
        acknowledgedAt: ackH === null ? null : new Date(createdAt.getTime() + ackH * H),
        triagedAt: triH === null ? undefined : new Date(createdAt.getTime() + triH * H),
      });
    };
    await t("2026-07-14T10:00:00Z", 1, 4);
    await t("2026-07-14T10:00:00Z", 3, null);
    await t("2026-07-12T22:30:00Z", 1, null); // acknowledged 00:30 BST Monday 13 July: the later week
    await t("2026-07-07T10:00:00Z", 2, null);
    await t("2026-07-14T10:00:00Z", 50, 50, { tlp: "RED" }); // not visible
    await t("2026-07-14T10:00:00Z", 50, 50, { kind: "VETTING" }); // not visible to analysts
    await alert(other.id, { createdAt: at("2026-07-14T10:00:00Z"), acknowledgedAt: at("2026-07-16T10:00:00Z") });

    expect(await triageTimesPerWeek(analyst, { weeks: 3 }, now)).toEqual([
      { week: "2026-06-29", medianAcknowledgeMs: null, acknowledged: 0, medianTriageMs: null, triaged: 0 },
      { week: "2026-07-06", medianAcknowledgeMs: 2 * H, acknowledged: 1, medianTriageMs: null, triaged: 0 },
      { week: "2026-07-13", medianAcknowledgeMs: 1 * H, acknowledged: 3, medianTriageMs: 4 * H, triaged: 1 },
    ]);
  });

  it("interpolates the median of an even count like percentile_cont", async () => {
    const { org, analyst } = await world();
    const now = at("2026-02-11T12:00:00Z");
    for (const h of [1, 2, 4, 10]) {
      const createdAt = at("2026-02-10T09:00:00Z");
      await alert(org.id, { createdAt, acknowledgedAt: new Date(createdAt.getTime() + h * H) });
    }
    const [week] = await triageTimesPerWeek(analyst, { weeks: 1 }, now);
    expect(week).toMatchObject({ week: "2026-02-09", medianAcknowledgeMs: 3 * H, acknowledged: 4 });
  });
});

describe("newestHighSeverityAlerts", () => {
  it("lists open HIGH and CRITICAL alerts newest first, within visibility", async () => {
    const { org, other, analyst } = await world();
    const a1 = await alert(org.id, { severity: "HIGH", createdAt: at("2026-05-01T10:00:00Z") });
    const a2 = await alert(org.id, { severity: "CRITICAL", status: "ACKNOWLEDGED", createdAt: at("2026-05-02T10:00:00Z") });
    await alert(org.id, { severity: "MEDIUM", createdAt: at("2026-05-03T10:00:00Z") });
    await alert(org.id, { severity: "CRITICAL", status: "DISMISSED", createdAt: at("2026-05-03T10:00:00Z") });
    await alert(org.id, { severity: "CRITICAL", tlp: "RED", createdAt: at("2026-05-03T10:00:00Z") });
    await alert(org.id, { severity: "CRITICAL", kind: "VETTING", createdAt: at("2026-05-03T10:00:00Z") });
    await alert(other.id, { severity: "CRITICAL", createdAt: at("2026-05-03T10:00:00Z") });
    const rows = await newestHighSeverityAlerts(analyst, 10);
    expect(rows.map((r) => r.id)).toEqual([a2.id, a1.id]);
    expect(rows[0]).toMatchObject({ severity: "CRITICAL", status: "ACKNOWLEDGED", kind: "INCIDENT", tlp: "AMBER" });
    expect(await newestHighSeverityAlerts(analyst, 1)).toHaveLength(1);
  });
});

describe("openCasesByStatusAndSeverity", () => {
  it("counts visible open cases by status and severity, zero-filled", async () => {
    const { org, other, analyst } = await world();
    await createCase(prisma(), org.id, { status: "OPEN", severity: "HIGH" });
    await createCase(prisma(), org.id, { status: "OPEN", severity: "HIGH" });
    await createCase(prisma(), org.id, { status: "INVESTIGATING", severity: "CRITICAL" });
    await createCase(prisma(), org.id, { status: "CLOSED", severity: "HIGH" }); // closed
    await createCase(prisma(), org.id, { status: "OPEN", severity: "LOW", tlp: "RED" }); // RED, not a member
    await createCase(prisma(), other.id, { status: "OPEN", severity: "LOW" }); // another organisation's
    await createCase(prisma(), other.id, { status: "CONTAINED", severity: "MEDIUM", tlp: "GREEN", sharedWith: [org.id] }); // shared
    const zero = { INFO: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
    expect(await openCasesByStatusAndSeverity(analyst)).toEqual([
      { status: "OPEN", total: 2, ...zero, HIGH: 2 },
      { status: "INVESTIGATING", total: 1, ...zero, CRITICAL: 1 },
      { status: "CONTAINED", total: 1, ...zero, MEDIUM: 1 },
    ]);
  });
});

describe("overdueTasks", () => {
  it("lists own-organisation tasks past their UK due day in visible cases, most overdue first", async () => {
    const { org, other, analyst } = await world();
    const kase = await createCase(prisma(), org.id, { title: "Lookalike domains" });
    const red = await createCase(prisma(), org.id, { tlp: "RED" });
    const theirs = await createCase(prisma(), other.id, { tlp: "GREEN", sharedWith: [org.id] });
    const task = (caseId: string, organisationId: string, title: string, due: string | null, status: TaskStatus = "TODO") =>
      prisma().task.create({ data: { organisationId, caseId, title, status, dueAt: due ? startOfLondonDate(due) : null } });
    const t1 = await task(kase.id, org.id, "Takedown request", "2026-07-10");
    const t2 = await task(kase.id, org.id, "Brief the officers", "2026-07-15", "BLOCKED");
    await task(kase.id, org.id, "Due today", "2026-07-16");
    await task(kase.id, org.id, "Done already", "2026-07-01", "DONE");
    await task(kase.id, org.id, "No due date", null);
    await task(red.id, org.id, "In a RED case", "2026-07-01");
    await task(theirs.id, other.id, "Shared case's internal task", "2026-07-01");

    // 00:30 BST on 16 July: the task due 15 July is overdue though it is still the 15th in UTC.
    const result = await overdueTasks(analyst, at("2026-07-15T23:30:00Z"));
    expect(result.count).toBe(2);
    expect(result.rows).toEqual([
      { id: t1.id, title: "Takedown request", status: "TODO", dueDate: "2026-07-10", caseId: kase.id, caseTitle: "Lookalike domains", assignee: null },
      { id: t2.id, title: "Brief the officers", status: "BLOCKED", dueDate: "2026-07-15", caseId: kase.id, caseTitle: "Lookalike domains", assignee: null },
    ]);
    expect((await overdueTasks(analyst, at("2026-07-15T22:30:00Z"))).count).toBe(1);
  });
});

describe("casesChangedToday", () => {
  it("lists visible cases updated since UK midnight", async () => {
    const { org, other, analyst } = await world();
    const now = new Date();
    const today = await createCase(prisma(), org.id, { title: "Changed today" });
    const old = await createCase(prisma(), org.id, { title: "Changed last week" });
    await prisma().$executeRaw`UPDATE "Case" SET "updatedAt" = now() - interval '7 days' WHERE id = ${old.id}::uuid`;
    await createCase(prisma(), org.id, { tlp: "RED" });
    await createCase(prisma(), other.id);
    const result = await casesChangedToday(analyst, now);
    expect(result.count).toBe(1);
    expect(result.rows.map((r) => r.id)).toEqual([today.id]);
  });
});
