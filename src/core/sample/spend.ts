/**
 * Marketing spend (monthly, per channel) and revenue targets (yearly and quarterly, per region;
 * quarterly per rep) in the shapes people keep them in Excel.
 */
import type { CellValue } from '../cell';
import { daysFromCivil } from '../periods';
import { excelSerial } from './calendar';
import { CHANNELS, REGION_WEIGHTS, REGIONS, REPS, REPS_PER_REGION } from './names';
import { cents, mulberry32 } from './random';

export interface PeriodSampleOptions {
  readonly seed?: number;
  readonly startYear?: number;
  readonly years?: number;
}

export const SPEND_HEADER = ['Month', 'Channel', 'Spend'] as const;

/** Monthly budget per channel at the start (grows ~15% a year, busier in Q4). */
const CHANNEL_BUDGET = [9000, 7000, 4000, 1500, 6000, 2500];

/**
 * One row per month and channel, the month as the serial of its first day.
 * @example generateSpend({ seed: 1 }).length // 1 + 36 × 6
 */
export function generateSpend(
  options: PeriodSampleOptions & { readonly scale?: number } = {},
): CellValue[][] {
  const random = mulberry32((options.seed ?? 1) ^ 0xad5);
  const startYear = options.startYear ?? 2023;
  const years = options.years ?? 3;
  const scale = options.scale ?? 1;
  const out: CellValue[][] = [[...SPEND_HEADER]];
  for (let m = 0; m < years * 12; m++) {
    const month = m % 12;
    const season = month >= 9 ? 1.3 : month === 1 ? 0.85 : 1;
    for (let c = 0; c < CHANNELS.length; c++) {
      const spend = CHANNEL_BUDGET[c] * scale * Math.pow(1.15, m / 12) * season * (0.85 + 0.3 * random());
      out.push([excelSerial(daysFromCivil(startYear, m + 1, 1)), CHANNELS[c], cents(spend)]);
    }
  }
  return out;
}

export const TARGETS_HEADER = ['Metric', 'Period', 'Region', 'Target', 'Sales Rep'] as const;

/**
 * Revenue targets per region: yearly (`2024`) and quarterly (`2024-Q1`). From the orders sheet
 * when given (last year's actual × 1.15, the first year at actual), otherwise from `yearlyRevenue`.
 * Then quarterly quotas per rep (the `Sales Rep` column, region blank), after the regional rows.
 * @example generateTargets({ seed: 1, yearlyRevenue: 1e6 })[1] // ['revenue', '2023', 'Jakarta', 240000, '']
 */
export function generateTargets(
  options: PeriodSampleOptions & { readonly orders?: CellValue[][]; readonly yearlyRevenue?: number } = {},
): CellValue[][] {
  const random = mulberry32((options.seed ?? 1) ^ 0x7a9);
  const startYear = options.startYear ?? 2023;
  const years = options.years ?? 3;
  const actual = options.orders ? revenueByRegionQuarter(options.orders, startYear, years) : null;
  const quarterShare = [0.22, 0.23, 0.24, 0.31];
  const out: CellValue[][] = [[...TARGETS_HEADER]];
  const regionQuarters: number[][] = [];
  for (let y = 0; y < years; y++) {
    for (let r = 0; r < REGIONS.length; r++) {
      const quarters = [0, 1, 2, 3].map((q) => {
        if (actual)
          return (y === 0 ? actual[0][r][q] : actual[y - 1][r][q] * 1.15) * (0.97 + 0.06 * random());
        return (options.yearlyRevenue ?? 1_000_000) * Math.pow(1.2, y) * REGION_WEIGHTS[r] * quarterShare[q];
      });
      const rounded = quarters.map((v) => Math.round(v / 100) * 100);
      out.push(['revenue', String(startYear + y), REGIONS[r], rounded.reduce((a, b) => a + b, 0), '']);
      rounded.forEach((v, q) => out.push(['revenue', `${startYear + y}-Q${q + 1}`, REGIONS[r], v, '']));
      regionQuarters.push(rounded);
    }
  }
  out.push(...repQuotas(regionQuarters, options.orders, options.seed ?? 1, startYear, years));
  return out;
}

/**
 * Quarterly revenue quotas per rep, the region left blank. From the orders when given, as the
 * regional targets: last year's same quarter of the rep's own orders × 1.15 (the first year at
 * actual), × 0.97–1.03; otherwise each region's quarterly target shared evenly among its reps,
 * × 0.9–1.1. Drawn from a generator of their own, so the regional targets stay what they were.
 */
function repQuotas(
  regionQuarters: readonly number[][],
  orders: CellValue[][] | undefined,
  seed: number,
  startYear: number,
  years: number,
): CellValue[][] {
  const random = mulberry32(seed ^ 0x9a07a);
  const actual = orders ? revenueByQuarter(orders, startYear, years, 'Sales Rep', REPS) : null;
  const out: CellValue[][] = [];
  for (let y = 0; y < years; y++) {
    for (let q = 0; q < 4; q++) {
      let first = 0;
      REPS_PER_REGION.forEach((count, r) => {
        for (let k = 0; k < count; k++) {
          const rep = first + k;
          const quota = actual
            ? (y === 0 ? actual[0][rep][q] : actual[y - 1][rep][q] * 1.15) * (0.97 + 0.06 * random())
            : (regionQuarters[y * REGIONS.length + r][q] / count) * (0.9 + 0.2 * random());
          out.push(['revenue', `${startYear + y}-Q${q + 1}`, '', Math.round(quota / 100) * 100, REPS[rep]]);
        }
        first += count;
      });
    }
  }
  return out;
}

/** Revenue [year][region][quarter] from a generated orders sheet (columns by header name). */
function revenueByRegionQuarter(orders: CellValue[][], startYear: number, years: number): number[][][] {
  return revenueByQuarter(orders, startYear, years, 'Region', REGIONS);
}

/** Revenue [year][name][quarter] of the orders whose `keyHeader` column holds one of `names`. */
function revenueByQuarter(
  orders: CellValue[][],
  startYear: number,
  years: number,
  keyHeader: string,
  names: readonly string[],
): number[][][] {
  const header = orders[0] ?? [];
  const dateCol = header.indexOf('Order Date');
  const regionCol = header.indexOf(keyHeader);
  const amountCol = header.indexOf('Amount');
  const sums = Array.from({ length: years }, () => names.map(() => [0, 0, 0, 0]));
  const regionIndex = new Map<CellValue, number>(names.map((name, i) => [name, i]));
  const quarterStarts = Array.from({ length: years * 4 + 1 }, (_, k) =>
    excelSerial(daysFromCivil(startYear, k * 3 + 1, 1)),
  );
  for (let i = 1; i < orders.length; i++) {
    const serial = orders[i][dateCol] as number;
    const r = regionIndex.get(orders[i][regionCol]);
    if (r === undefined || !(serial >= quarterStarts[0] && serial < quarterStarts[years * 4])) continue;
    let k = Math.floor(
      ((serial - quarterStarts[0]) / (quarterStarts[years * 4] - quarterStarts[0])) * years * 4,
    );
    while (k > 0 && serial < quarterStarts[k]) k--;
    while (k < years * 4 - 1 && serial >= quarterStarts[k + 1]) k++;
    sums[Math.floor(k / 4)][r][k % 4] += cents(orders[i][amountCol] as number);
  }
  return sums;
}
