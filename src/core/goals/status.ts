/**
 * Goal status from actual against expected: on track / at risk / off track, with thresholds the
 * user sets. Both directions use one number, the pace attainment:
 *
 * - higher is better: actual / expected (on track when at or above pace);
 * - lower is better: expected / actual (on track when at or below pace).
 *
 * With the default thresholds (on track ≥ 1.00, at risk ≥ 0.90) a revenue goal at 95 % of pace
 * is at risk; a CAC of 105 against a goal of 100 (100/105 = 0.95) is at risk too. Where the
 * ratio is undefined (expected ≤ 0 for higher-is-better, actual ≤ 0 for lower-is-better) the
 * status is on track when actual is on the good side of expected and off track otherwise.
 * The status never improves when the actual moves the wrong way (tested as a property).
 */

export type GoalStatus = 'on track' | 'at risk' | 'off track';

export interface StatusThresholds {
  /** Pace attainment at or above which a goal is on track (default 1). */
  readonly onTrack: number;
  /** Pace attainment at or above which a goal is at risk rather than off track (default 0.9). */
  readonly atRisk: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 1, atRisk: 0.9 };

/**
 * Thresholds with unusable values replaced by the defaults (both must be > 0, at risk ≤ on track).
 * @example statusThresholds({ onTrack: 0.95 }) // { onTrack: 0.95, atRisk: 0.9 }
 */
export function statusThresholds(partial: Partial<StatusThresholds> = {}): StatusThresholds {
  const onTrack =
    Number.isFinite(partial.onTrack) && partial.onTrack! > 0 ? partial.onTrack! : DEFAULT_THRESHOLDS.onTrack;
  const atRiskRaw =
    Number.isFinite(partial.atRisk) && partial.atRisk! > 0 ? partial.atRisk! : DEFAULT_THRESHOLDS.atRisk;
  return { onTrack, atRisk: Math.min(atRiskRaw, onTrack) };
}

/**
 * Pace attainment (±Infinity where the ratio is undefined: +∞ on the good side, −∞ on the bad).
 * @example paceRatio(90, 100, 'higher') // 0.9
 * @example paceRatio(125, 100, 'lower') // 0.8
 */
export function paceRatio(actual: number, expected: number, better: 'higher' | 'lower'): number {
  if (better === 'higher') {
    if (expected > 0) return actual / expected;
    return actual >= expected ? Infinity : -Infinity;
  }
  if (actual > 0) return expected / actual;
  return actual <= expected ? Infinity : -Infinity;
}

/**
 * On track / at risk / off track.
 * @example goalStatus(95, 100, 'higher') // 'at risk'
 * @example goalStatus(80, 100, 'lower')  // 'on track' (CAC below its goal)
 */
export function goalStatus(
  actual: number,
  expected: number,
  better: 'higher' | 'lower',
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): GoalStatus {
  const ratio = paceRatio(actual, expected, better);
  if (ratio >= thresholds.onTrack) return 'on track';
  if (ratio >= thresholds.atRisk) return 'at risk';
  return 'off track';
}
