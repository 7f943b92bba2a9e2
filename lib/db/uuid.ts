import { randomBytes } from "node:crypto";

// UUIDv7 (RFC 9562) for rows written with raw SQL: Prisma's uuid(7) default is applied by the
// client, not the database, so bulk INSERTs must bring their own ids. Time-ordered ids keep the
// (createdAt, id) keyset and the primary-key index append-mostly.

export function uuidV7(ms: number = Date.now()): string {
  const bytes = randomBytes(16);
  const time = BigInt(ms);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
