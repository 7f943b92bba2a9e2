import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("vigil-timing-equaliser");
  try {
    const ok = await verify(hashed ?? (await dummyHash), password);
    return ok && hashed !== null;
  } catch {
    return false;
  }
}
