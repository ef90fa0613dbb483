/**
 * The season length m that goes with a period unit: the number of periods in a year (a week for
 * days). Weeks use 52: ISO years with a week 53 shift the pattern by one week every five or six
 * years, which a model that keeps updating its seasonal indices absorbs.
 */
import type { PeriodUnit } from '../periods';

const SEASON_LENGTHS: Readonly<Record<PeriodUnit, number>> = {
  day: 7,
  week: 52,
  month: 12,
  quarter: 4,
  year: 1,
};

/**
 * @example seasonLengthOf('month') // 12
 * @example seasonLengthOf('year') // 1 (no season)
 */
export function seasonLengthOf(unit: PeriodUnit): number {
  return SEASON_LENGTHS[unit];
}

/**
 * The season length to use on n values: m when the values hold two full seasons, else 1 with the
 * reason (seasonal indices cannot be told from noise in less).
 * @example usableSeason(12, 35) // { seasonLength: 12 }
 * @example usableSeason(12, 18).note // 'fewer than two full seasons (18 of 24 periods): no seasonal models'
 */
export function usableSeason(m: number, n: number): { seasonLength: number; note?: string } {
  if (!(m > 1)) return { seasonLength: 1 };
  if (n < 2 * m)
    return {
      seasonLength: 1,
      note: `fewer than two full seasons (${n} of ${2 * m} periods): no seasonal models`,
    };
  return { seasonLength: m };
}
