import argon2 from "argon2";

// OWASP-recommended argon2id parameters (19 MiB, 2 passes).
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("vigil-timing-equaliser");
  try {
    const ok = await argon2.verify(hash ?? (await dummyHash), password);
    return ok && hash !== null;
  } catch {
    return false;
  }
}
