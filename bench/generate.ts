/** The part of pg.Client and PGlite that the generator needs. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

// Synthetic data generated inside the database (generate_series), so that 10⁶ alerts load in
// minutes rather than hours. Deterministic: the same N gives the same rows apart from ids.

export interface Fixture {
  organisationId: string;
  otherOrganisationId: string;
  userId: string;
}

const KINDS = "ARRAY['ADVISORY','INCIDENT','VETTING','BALLOT']::\"AlertKind\"[]";
const SEVERITIES = "ARRAY['INFO','LOW','MEDIUM','HIGH','CRITICAL']::\"Severity\"[]";
const TLPS = "ARRAY['CLEAR','GREEN','AMBER','AMBER','AMBER_STRICT']::\"Tlp\"[]";
const STATUSES = "ARRAY['NEW','ACKNOWLEDGED','TRIAGED','TRIAGED','DISMISSED','ESCALATED']::\"AlertStatus\"[]";
const WORDS = "ARRAY['phishing','beacon','donation','ballot','lookalike','credential','exchange','forwarding','sanctions','proxyshell']";
const SOURCES = "ARRAY['mail-gateway','edr','ncsc-advisories','ballot-monitor','vetting-screening','identity-provider']";

export async function createFixture(client: Sql): Promise<Fixture> {
  const org = await client.query<{ id: string }>(
    `INSERT INTO "Organisation"(id, slug, name, kind) VALUES (gen_random_uuid(), 'bench-party', 'Bench Party', 'PARTY') RETURNING id`,
  );
  const other = await client.query<{ id: string }>(
    `INSERT INTO "Organisation"(id, slug, name, kind) VALUES (gen_random_uuid(), 'bench-other', 'Other Party', 'PARTY') RETURNING id`,
  );
  const organisationId = org.rows[0]!.id;
  const user = await client.query<{ id: string }>(
    `INSERT INTO "User"(id, "organisationId", email, name, role, clearance, "passwordHash", "updatedAt")
     VALUES (gen_random_uuid(), $1, 'bench-analyst@bench.invalid', 'Bench Analyst', 'ANALYST', 'AMBER_STRICT', 'x', now()) RETURNING id`,
    [organisationId],
  );
  return { organisationId, otherOrganisationId: other.rows[0]!.id, userId: user.rows[0]!.id };
}

/**
 * Inserts `count` alerts spread over the last 365 days (90 % in the bench organisation), 2,000
 * entities with aliases, and links for a third of the alerts. The AlertEntity search trigger is
 * switched off during the bulk load and the affected search vectors rebuilt in one statement.
 */
export async function generateAlerts(client: Sql, fx: Fixture, count: number, log: (s: string) => void): Promise<void> {
  const chunk = 100_000;
  for (let start = 1; start <= count; start += chunk) {
    const end = Math.min(count, start + chunk - 1);
    await client.query(
      `INSERT INTO "Alert"(id, "organisationId", kind, title, summary, severity, tlp, status, source, "sourceRef",
         fingerprint, "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt", "assigneeId", occurrences, "acknowledgedAt", "triagedAt")
       SELECT gen_random_uuid(),
              CASE WHEN g % 10 = 0 THEN $2::uuid ELSE $1::uuid END,
              (${KINDS})[1 + g % 4],
              'Synthetic ' || (${WORDS})[1 + g % 10] || ' alert ' || g || ' ' || substr(md5(g::text), 1, 8),
              'Observed ' || (${WORDS})[1 + (g / 10) % 10] || ' activity near ' || substr(md5((g * 7)::text), 1, 12),
              (${SEVERITIES})[1 + (g / 3) % 5],
              (${TLPS})[1 + (g / 7) % 5],
              (${STATUSES})[1 + (g / 11) % 6],
              (${SOURCES})[1 + g % 6],
              'bench-' || g,
              md5('bench-' || g),
              ts, ts, ts, ts,
              CASE WHEN g % 3 = 0 THEN $3::uuid ELSE NULL END,
              1 + g % 3,
              -- Triage timestamps for the dashboard's weekly medians: every status past NEW was
              -- acknowledged (within 10 h), and every status past ACKNOWLEDGED triaged (within 40 h).
              CASE WHEN (g / 11) % 6 >= 1 THEN ts + (g % 600) * interval '1 minute' END,
              CASE WHEN (g / 11) % 6 >= 2 THEN ts + (g % 600 + g % 1800) * interval '1 minute' END
         FROM generate_series($4::int, $5::int) g,
              LATERAL (SELECT now() - ((g::float8 / $6::float8) * interval '365 days') AS ts) t`,
      [fx.organisationId, fx.otherOrganisationId, fx.userId, start, end, count],
    );
    log(`  alerts ${end.toLocaleString("en-GB")} / ${count.toLocaleString("en-GB")}`);
  }
  await client.query(
    `INSERT INTO "Entity"(id, "organisationId", kind, name, aliases, "updatedAt")
     SELECT gen_random_uuid(), $1, 'THREAT_ACTOR', 'Actor ' || g, ARRAY['Alias' || g, 'Group ' || g], now()
       FROM generate_series(1, 2000) g`,
    [fx.organisationId],
  );
  await client.query(`ALTER TABLE "AlertEntity" DISABLE TRIGGER "AlertEntity_search_vector"`);
  await client.query(
    `INSERT INTO "AlertEntity"("alertId", "entityId")
     SELECT a.id, e.id
       FROM (SELECT id, row_number() OVER () AS n FROM "Alert" WHERE "organisationId" = $1) a
       JOIN (SELECT id, row_number() OVER () AS n FROM "Entity" WHERE "organisationId" = $1) e
         ON e.n = 1 + (a.n % 2000)
      WHERE a.n % 3 = 0`,
    [fx.organisationId],
  );
  await client.query(`ALTER TABLE "AlertEntity" ENABLE TRIGGER "AlertEntity_search_vector"`);
  await client.query(
    `UPDATE "Alert" SET "searchVector" = vigil_alert_search_vector(id, title, summary)
      WHERE id IN (SELECT "alertId" FROM "AlertEntity")`,
  );
  log("  entities and links done; analysing");
  await client.query("ANALYZE");
}
