/** Ordinary least squares for goal projections (tiny, so goals need no analysis module). */

export interface Line {
  readonly intercept: number;
  readonly slope: number;
}

/**
 * The least-squares line through (x, y), or null with fewer than two distinct x.
 * @example fitLine([0, 1, 2], [1, 3, 5]) // { intercept: 1, slope: 2 }
 */
export function fitLine(x: readonly number[], y: readonly number[]): Line | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope };
}
