import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { can, viewerUserId, type Viewer } from "@/lib/auth/permissions";
import { tlpsUpTo } from "@/lib/auth/tlp";

// The same rule as alertVisibility() in ./visibility.ts, as a SQL condition for the queries
// Prisma cannot express (full-text search, row-value keysets, percentiles). The two must agree:
// test/integration/alerts-visibility-sql.test.ts checks them against each other for every role
// and clearance. Every fragment here expects the Alert table under the alias `a`.

/** `column IN (v1::"Type", v2::"Type", …)`: enum values as typed parameters. */
export function enumIn(column: Prisma.Sql, enumType: "AlertKind" | "Severity" | "AlertStatus" | "Tlp", values: readonly string[]): Prisma.Sql {
  if (values.length === 0) return Prisma.sql`FALSE`;
  const type = Prisma.raw(`"${enumType}"`);
  return Prisma.sql`${column} IN (${Prisma.join(values.map((value) => Prisma.sql`${value}::${type}`))})`;
}

/**
 * What a viewer may see of alerts: their own organisation only; TLP up to their clearance, and
 * TLP:RED beyond it only as assignee or named member of the alert's case (people only, never
 * API tokens); vetting alerts only for viewers that may read vetting data.
 */
export function alertVisibilitySql(viewer: Viewer): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`a."organisationId" = ${viewer.organisationId}::uuid`];
  const userId = viewerUserId(viewer);
  if (viewer.clearance !== "RED") {
    const cleared = enumIn(Prisma.sql`a."tlp"`, "Tlp", tlpsUpTo(viewer.clearance));
    and.push(
      userId
        ? Prisma.sql`(${cleared} OR (a."tlp" = 'RED' AND (a."assigneeId" = ${userId}::uuid OR EXISTS (
            SELECT 1 FROM "CaseMember" cm WHERE cm."caseId" = a."caseId" AND cm."userId" = ${userId}::uuid))))`
        : cleared,
    );
  }
  if (!can(viewer, "vetting:read")) and.push(Prisma.sql`a."kind" <> 'VETTING'`);
  return Prisma.join(and, " AND ");
}
