/**
 * A small seeded PRNG (mulberry32) and the draws the generators need. Deterministic across
 * platforms: the same seed gives the same workbook.
 */

export type Random = () => number;

/** mulberry32: 32-bit state, uniform in [0, 1). @example mulberry32(1)() // 0.6270739405881613 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Standard normal (Box–Muller). */
export function normal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Walker's alias table: O(1) draws from a discrete distribution with the given weights.
 * @example const pick = aliasSampler([1, 3]); pick(mulberry32(7)) // 0 or 1, 1 three times as often
 */
export function aliasSampler(weights: ArrayLike<number>): (random: Random) => number {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (weights[i] * n) / total;
    (prob[i] < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    alias[s] = l;
    prob[l] -= 1 - prob[s];
    if (prob[l] < 1) small.push(large.pop()!);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (random) => {
    const u = random() * n;
    const i = Math.min(n - 1, Math.floor(u));
    return u - i < prob[i] ? i : alias[i];
  };
}

/** Rounds to cents. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
