/**
 * A tiny seeded PRNG for the demo library (sfc32 seeded through splitmix32). Pure: the same seed gives the same
 * sequence on every platform; no Math.random anywhere.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One value of a non-empty list of [value, weight] pairs (weights ≥ 0, at least one > 0). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A new array with the elements in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one's state and a label (for sub-streams). */
  fork(label: number): Rng;
}

/** splitmix32: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded generator. Any finite number is a valid seed (it is reduced to 32 bits). */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.trunc(seed) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init() | 1;

  // sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG), 32-bit.
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / 4294967296;

  const rng: Rng = {
    next,
    int(min, max) {
      if (!(max >= min)) throw new RangeError(`int(${min}, ${max})`);
      return min + Math.floor(next() * (max - min + 1));
    },
    float(min, max) {
      return min + next() * (max - min);
    },
    chance(p) {
      return next() < p;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of items) total += w > 0 ? w : 0;
      if (!(total > 0)) throw new RangeError('weighted: no positive weight');
      let r = next() * total;
      for (const [value, w] of items) {
        if (w <= 0) continue;
        r -= w;
        if (r < 0) return value;
      }
      // Floating-point leftovers: the last positive entry.
      for (let i = items.length - 1; i >= 0; i--) if (items[i]![1] > 0) return items[i]![0];
      throw new RangeError('weighted: unreachable');
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out;
    },
    fork(label) {
      return createRng((nextU32() ^ Math.imul(label >>> 0, 0x9e3779b1)) >>> 0);
    },
  };
  return rng;
}
