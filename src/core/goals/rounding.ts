/**
 * Splitting a total into parts that add up to it exactly after rounding (largest-remainder,
 * also called Hamilton's method).
 */

/**
 * Parts of `total` in proportion to `weights`, each rounded to `decimals` places, that sum to
 * `total`: every part is first rounded down to the unit (0.01 for cents), then the units left
 * over go one each to the parts with the largest remainders (ties: the earlier part).
 *
 * The sum is exact in units: Σ round(part × 10^decimals) = round(total × 10^decimals). When
 * `total` itself has more decimals than `decimals`, the sub-unit rest is added to the part with
 * the largest weight, so the parts still sum to `total`. Weights must be ≥ 0 and not all 0
 * (otherwise the total is spread evenly).
 * @example largestRemainder(100, [1, 1, 1]) // [33.34, 33.33, 33.33]
 */
export function largestRemainder(total: number, weights: readonly number[], decimals = 2): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  let weightSum = clean.reduce((a, b) => a + b, 0);
  const used = weightSum > 0 ? clean : clean.map(() => 1);
  weightSum = weightSum > 0 ? weightSum : n;

  const scale = 10 ** decimals;
  const totalUnits = Math.round(total * scale);
  const raw = used.map((w) => (totalUnits * w) / weightSum);
  const units = raw.map((r) => Math.floor(r));
  let left = totalUnits - units.reduce((a, b) => a + b, 0);

  // Order by remainder, largest first; ties keep the earlier part first (stable sort).
  const order = raw.map((r, i) => i).sort((a, b) => raw[b] - units[b] - (raw[a] - units[a]));
  // `left` lies in [0, n] up to floating-point noise; loop to be safe either way.
  for (let k = 0; left > 0; k++, left--) units[order[k % n]] += 1;
  for (let k = n - 1; left < 0; k--, left++) units[order[((k % n) + n) % n]] -= 1;

  const parts = units.map((u) => u / scale);
  const rest = total - totalUnits / scale;
  if (rest !== 0) {
    let largest = 0;
    for (let i = 1; i < n; i++) if (used[i] > used[largest]) largest = i;
    parts[largest] += rest;
  }
  return parts;
}
