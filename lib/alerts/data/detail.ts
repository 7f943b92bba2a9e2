import "server-only";
import type { EntityKind } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { assertCan, type Viewer } from "@/lib/auth/permissions";
import { caseVisibility } from "@/lib/cases/data/visibility";
import { NotFoundError } from "@/lib/http/errors";
import { rowSelect, type AlertRow } from "./list";
import { alertVisibility } from "./visibility";

export interface AlertDetail extends AlertRow {
  summary: string;
  sourceRef: string | null;
  statusReason: string | null;
  firstSeenAt: Date;
  acknowledgedAt: Date | null;
  triagedAt: Date | null;
  closedAt: Date | null;
  version: number;
  case: { id: string; title: string } | null;
  entities: { id: string; kind: EntityKind; name: string; aliases: string[]; externalIds: { system: string; value: string }[] }[];
  history: { id: string; action: string; actorLabel: string; summary: unknown; createdAt: Date }[];
}

export async function getAlert(viewer: Viewer, alertId: string): Promise<AlertDetail> {
  assertCan(viewer, "alert:read");
  const db = getDb();
  const alert = await db.alert.findFirst({
    where: { AND: [{ id: alertId }, alertVisibility(viewer)] },
    select: {
      ...rowSelect,
      summary: true, sourceRef: true, statusReason: true, firstSeenAt: true, acknowledgedAt: true,
      triagedAt: true, closedAt: true, version: true,
      caseId: true,
      entities: {
        where: { entity: { organisationId: viewer.organisationId } },
        select: {
          entity: {
            select: {
              id: true, kind: true, name: true, aliases: true,
              externalIds: { select: { system: true, value: true } },
            },
          },
        },
        orderBy: { entity: { name: "asc" } },
      },
    },
  });
  if (!alert) throw new NotFoundError("Alert");
  const history = await db.auditEvent.findMany({
    where: { organisationId: viewer.organisationId, targetType: "Alert", targetId: alert.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, action: true, actorLabel: true, summary: true, createdAt: true },
  });
  const { caseId, entities, ...rest } = alert;
  // A case the viewer cannot open (e.g. TLP:RED without membership) is not named here.
  const linkedCase = caseId
    ? await db.case.findFirst({ where: { AND: [{ id: caseId }, caseVisibility(viewer)] }, select: { id: true, title: true } })
    : null;
  return {
    ...rest,
    case: linkedCase ? { id: linkedCase.id, title: linkedCase.title } : null,
    entities: entities.map((e) => e.entity),
    history,
  };
}
