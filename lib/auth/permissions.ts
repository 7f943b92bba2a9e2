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

/** A signed-in person. */
export interface UserViewer {
  kind: "user";
  userId: string;
  sessionId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  role: Role;
  /** Highest TLP readable without being a named case member. */
  clearance: Tlp;
}

/** Another program calling the API with a token. */
export interface TokenViewer {
  kind: "token";
  tokenId: string;
  organisationId: string;
  /** The token's name, for audit labels. */
  name: string;
  capabilities: readonly Capability[];
  clearance: Tlp;
}

/** Whoever is asking: every data function takes one and scopes its work by it. */
export type Viewer = UserViewer | TokenViewer;

export class ForbiddenError extends Error {
  constructor(public readonly capability: Capability) {
    super(`Your role may not do this (${capability}).`);
    this.name = "ForbiddenError";
  }
}

export function capabilitiesOf(role: Role): readonly Capability[] {
  return ROLE_CAPABILITIES[role];
}

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}

/** Capabilities an API token may be given: machine work, never administration. */
export const TOKEN_CAPABILITIES: readonly Capability[] = ["alert:read", "alert:triage", "vetting:read", "case:read"];

export function can(viewer: Viewer, capability: Capability): boolean {
  return viewer.kind === "user" ? ROLE_CAPABILITIES[viewer.role].includes(capability) : viewer.capabilities.includes(capability);
}

/** The person behind a viewer, or null for an API token. */
export function viewerUserId(viewer: Viewer): string | null {
  return viewer.kind === "user" ? viewer.userId : null;
}

export function assertCan(viewer: Viewer, capability: Capability): void {
  if (!can(viewer, capability)) throw new ForbiddenError(capability);
}
