import type { Role, Tlp } from "@/lib/db/generated/enums";

// Demo sign-ins, one per role. The passwords are printed on every start of a seeded demo, so
// they protect nothing: never seed a real deployment (the start script only seeds an empty one).

export type DemoUserKey = "admin" | "lead" | "analyst" | "vetting" | "viewer" | "reviewer" | "tfLead";

export interface DemoUser {
  key: DemoUserKey;
  email: string;
  password: string;
  name: string;
  role: Role;
  org: "party" | "taskforce";
  clearance: Tlp;
}

export const DEMO_USERS: ReadonlyArray<DemoUser> = [
  { key: "admin", email: "admin@vigil.demo", password: "vigil-demo-admin", name: "Imogen Thackray", role: "ADMIN", org: "party", clearance: "RED" },
  { key: "lead", email: "lead@vigil.demo", password: "vigil-demo-lead", name: "Marcus Oyelaran", role: "LEAD", org: "party", clearance: "RED" },
  { key: "analyst", email: "analyst@vigil.demo", password: "vigil-demo-analyst", name: "Freya Lindqvist-Hale", role: "ANALYST", org: "party", clearance: "AMBER_STRICT" },
  { key: "vetting", email: "vetting@vigil.demo", password: "vigil-demo-vetting", name: "Rhys Penhallow", role: "VETTING", org: "party", clearance: "AMBER_STRICT" },
  { key: "viewer", email: "viewer@vigil.demo", password: "vigil-demo-viewer", name: "Aisha Carraway", role: "VIEWER", org: "party", clearance: "GREEN" },
  { key: "reviewer", email: "reviewer@taskforce.vigil.demo", password: "vigil-demo-reviewer", name: "Gareth Wynstanley", role: "REVIEWER", org: "taskforce", clearance: "AMBER" },
  { key: "tfLead", email: "lead@taskforce.vigil.demo", password: "vigil-demo-taskforce-lead", name: "Nadia Fairbrook", role: "LEAD", org: "taskforce", clearance: "RED" },
];

export function demoUser(key: DemoUserKey): DemoUser {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`Unknown demo user ${key}`);
  return user;
}

/** A plain-text table of the demo sign-ins, printed by the seed and start scripts. */
export function formatDemoLogins(): string {
  const rows = DEMO_USERS.map((u) => [u.role, u.org === "party" ? "Party" : "Task force", u.email, u.password]);
  const header = ["Role", "Organisation", "E-mail", "Password"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
