// Seed data must be identical on every run (apart from being relative to `now`), so that demos,
// screenshots and end-to-end tests see the same inbox. Math.random() is therefore off limits here.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick() from an empty list");
      return item;
    },
    chance: (probability) => next() < probability,
  };
}

/**
 * A UUIDv7 for a given instant. The schema's default is uuid(7); building ids from each row's own
 * timestamp keeps id order consistent with createdAt, as if the rows had been created live.
 */
export function uuidV7(ms: number, rng: Random): string {
  const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, "0");
  const time = hex(ms, 12);
  const randA = hex(rng.int(0, 0xfff), 3);
  const variant = hex(0x8000 | rng.int(0, 0x3fff), 4);
  const tail = hex(rng.int(0, 0xffffff), 6) + hex(rng.int(0, 0xffffff), 6);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randA}-${variant}-${tail}`;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Historical dates are stored at midday UTC so that no UK time-zone offset moves the day. */
export function utcDay(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day, 12, 0, 0));
}
