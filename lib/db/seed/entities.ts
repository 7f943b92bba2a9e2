import type { EntityKind } from "@/lib/db/generated/enums";
import type { OrgKey, SeedContext } from "./context";

// Real actors, organisations and sanctions designations come from FACTS.md (public sources).
// Every person, company and domain marked "fictional" exists only in this demo.

interface EntitySpec {
  key: string;
  orgs: readonly OrgKey[];
  kind: EntityKind;
  name: string;
  aliases?: string[];
  description: string;
  externalIds?: { system: string; value: string }[];
}

const ENTITIES: readonly EntitySpec[] = [
  {
    key: "apt31", orgs: ["party", "taskforce"], kind: "THREAT_ACTOR", name: "APT31",
    aliases: ["ZIRCONIUM", "Violet Typhoon", "Judgment Panda"],
    description:
      "China state-affiliated cyber-espionage group. The UK attributed the 2021 reconnaissance of parliamentarians to APT31 on 25 Mar 2024 (\"almost certainly\"). ATT&CK techniques include T1598.003 (web beacons in e-mail), T1566.002, T1204.001 and T1583.001.",
    externalIds: [{ system: "mitre-attack", value: "G0128" }],
  },
  {
    key: "starBlizzard", orgs: ["party", "taskforce"], kind: "THREAT_ACTOR", name: "Star Blizzard",
    aliases: ["SEABORGIUM", "Callisto", "COLDRIVER", "TA446"],
    description:
      "Russian FSB Centre 18 actor (joint advisory, 7 Dec 2023). Spear-phishing of MPs since at least 2015 and the 2019 trade-documents leak. Impersonates known contacts, registers lookalike domains, bypasses MFA with EvilGinx, sets mail-forwarding rules and targets personal e-mail.",
    externalIds: [{ system: "mitre-attack", value: "G1033" }],
  },
  {
    key: "electoralCommission", orgs: ["party", "taskforce"], kind: "ORGANISATION", name: "Electoral Commission",
    description:
      "UK elections regulator. Its systems were breached from Aug 2021 to Oct 2022 through unpatched on-premises Exchange; announced 8 Aug 2023; ICO reprimand in 2024.",
  },
  {
    key: "wuhanXrz", orgs: ["party"], kind: "ORGANISATION", name: "Wuhan Xiaoruizhi Science and Technology Company Limited",
    aliases: ["WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED"],
    description: "Designated by the UK on 25 Mar 2024 under the Cyber sanctions regime as a front company for APT31 (OFSI group 16460).",
    externalIds: [{ system: "ofsi-group", value: "16460" }],
  },
  {
    key: "trackingHost", orgs: ["party"], kind: "INFRASTRUCTURE", name: "track.example-newsletter.net",
    description: "Fictional tracking-pixel host seen in e-mails to party MPs; requests leak the reader's IP address, location and device.",
  },
  {
    key: "lookalikeDomain", orgs: ["party"], kind: "INFRASTRUCTURE", name: "progressivereform-members.example",
    description: "Fictional lookalike of the party's members' portal, registered through a privacy proxy.",
  },
  {
    key: "guessingSubnet", orgs: ["party"], kind: "INFRASTRUCTURE", name: "198.51.100.0/24",
    description: "Documentation address range standing in for the network behind the 2026 ballot security-code guessing.",
  },
  {
    key: "candidate", orgs: ["party"], kind: "PERSON", name: "Daniel Ashcombe",
    description: "Fictional would-be parliamentary candidate on the approved-candidates longlist.",
  },
  {
    key: "donorAgent", orgs: ["party"], kind: "PERSON", name: "Oliver Tremayne",
    description: "Fictional donor and fundraiser who introduces other donors to the party.",
  },
  {
    key: "staffer", orgs: ["party"], kind: "PERSON", name: "Sophie Kellaway",
    description: "Fictional policy adviser in the party's parliamentary office.",
  },
  {
    key: "foreignCompany", orgs: ["party"], kind: "ORGANISATION", name: "Tallowby Harbour Investments Limited",
    description: "Fictional company incorporated outside the UK; not a permissible donor under PPERA 2000.",
  },
  {
    key: "nearMatchSupplier", orgs: ["party"], kind: "ORGANISATION", name: "Xiaorui Digital Services Ltd",
    description: "Fictional UK events supplier whose name near-matches a sanctioned entity.",
  },
];

/** Creates the entities and their external ids; fills ctx.entities. */
export async function seedEntities(ctx: SeedContext): Promise<void> {
  const rows = ENTITIES.flatMap((spec) =>
    spec.orgs.map((org) => ({
      organisationId: ctx.orgs[org],
      kind: spec.kind,
      name: spec.name,
      aliases: spec.aliases ?? [],
      description: spec.description,
      createdAt: ctx.now,
    })),
  );
  await ctx.tx.entity.createMany({ data: rows, skipDuplicates: true });

  // Read ids back rather than trusting createMany: an entity may already have existed.
  const stored = await ctx.tx.entity.findMany({
    where: { organisationId: { in: Object.values(ctx.orgs) } },
    select: { id: true, organisationId: true, kind: true, name: true },
  });
  const externalIds: { entityId: string; system: string; value: string }[] = [];
  for (const spec of ENTITIES) {
    for (const org of spec.orgs) {
      const row = stored.find((e) => e.organisationId === ctx.orgs[org] && e.kind === spec.kind && e.name === spec.name);
      if (!row) throw new Error(`Entity ${spec.name} was not stored`);
      ctx.entities.set(`${org}:${spec.key}`, row.id);
      for (const ext of spec.externalIds ?? []) externalIds.push({ entityId: row.id, ...ext });
    }
  }
  await ctx.tx.entityExternalId.createMany({ data: externalIds, skipDuplicates: true });
}
