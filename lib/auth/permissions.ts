import type { Role, Tlp } from "@/lib/db/generated/enums";

// The one map from role to capability. Data functions call assertCan(); pages call can() only to
// decide what to show.
const CAPABILITIES = [
  "alert:read",
  "alert:triage",
  "alert:assign-others",
  "vetting:read",
  "case:read",
  "case:write",
  "case:close",
  "case:share",
  "briefing:write",
  "audit:read",
  "admin:users",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  ADMIN: CAPABILITIES,
  LEAD: [
    "alert:read", "alert:triage", "alert:assign-others", "vetting:read", "case:read", "case:write",
    "case:close", "case:share", "briefing:write", "audit:read",
  ],
  ANALYST: ["alert:read", "alert:triage", "case:read", "case:write"],
  VETTING: ["alert:read", "alert:triage", "vetting:read", "case:read"],
  // Task-force readers: read what is shared with them, change nothing.
  REVIEWER: ["alert:read", "case:read"],
  VIEWER: ["alert:read", "case:read"],
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrator",
  LEAD: "Security lead",
  ANALYST: "Analyst",
  VETTING: "Vetting officer",
  REVIEWER: "Task-force reviewer",
  VIEWER: "Viewer",
};

export interface Viewer {
  kind: "user";
  userId: string;
  sessionId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  role: Role;
  /** Highest TLP readable without being named on a case. */
  clearance: Tlp;
}

export class ForbiddenError extends Error {
  constructor(public readonly capability: Capability) {
    super(`Your role may not do this (${capability}).`);
    this.name = "ForbiddenError";
  }
}

export function capabilitiesOf(role: Role): readonly Capability[] {
  return ROLE_CAPABILITIES[role];
}

export function can(viewer: Pick<Viewer, "role">, capability: Capability): boolean {
  return ROLE_CAPABILITIES[viewer.role].includes(capability);
}

export function assertCan(viewer: Pick<Viewer, "role">, capability: Capability): void {
  if (!can(viewer, capability)) throw new ForbiddenError(capability);
}
