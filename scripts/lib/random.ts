/** Small deterministic randomness helpers: no Math.random, no clocks. */

/** mulberry32: a fast 32-bit seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units, then a final avalanche: a 32-bit seed from any text. */
export function hashSeed(...parts: (string | number)[]): number {
  const text = parts.join('\u0000');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export type Rng = () => number;

/** A PRNG seeded from a label, so independent streams do not shift each other. */
export function stream(...parts: (string | number)[]): Rng {
  return mulberry32(hashSeed(...parts));
}

export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** Index into `weights` chosen in proportion to the weights. */
export function weighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const weight of weights) total += weight;
  let u = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Samples ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s. */
export function zipfSampler(n: number, s = 1): (rng: Rng) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cumulative[k] = total += 1 / Math.pow(k + 1, s);
  return (rng) => {
    const u = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Zipf draws over a ranked pool that still use every item at least once when there
 * are enough draws: each draw is a not-yet-used item (in rank order) with probability
 * unused / draws left, else a Zipf draw. With many draws it is plain Zipf with a long tail.
 */
export class CoveringZipf<T> {
  readonly items: readonly T[];
  private readonly sample: (rng: Rng) => number;
  private readonly used: Uint8Array;
  private usedCount = 0;
  private nextUnused = 0;
  private drawsLeft: number;

  constructor(items: readonly T[], plannedDraws: number, s = 1) {
    this.items = items;
    this.sample = zipfSampler(Math.max(items.length, 1), s);
    this.used = new Uint8Array(items.length);
    this.drawsLeft = plannedDraws;
  }

  draw(rng: Rng, exclude: ReadonlySet<number> = new Set()): number {
    const unused = this.items.length - this.usedCount;
    let index = -1;
    if (unused > 0 && rng() < unused / Math.max(this.drawsLeft, 1)) {
      while (this.nextUnused < this.items.length && this.used[this.nextUnused]) this.nextUnused++;
      for (let j = this.nextUnused; j < this.items.length; j++) {
        if (!this.used[j] && !exclude.has(j)) {
          index = j;
          break;
        }
      }
    }
    for (let attempt = 0; index < 0 || (exclude.has(index) && attempt < 50); attempt++) index = this.sample(rng);
    this.drawsLeft--;
    if (!this.used[index]) {
      this.used[index] = 1;
      this.usedCount++;
    }
    return index;
  }

  get distinctUsed(): number {
    return this.usedCount;
  }
}
