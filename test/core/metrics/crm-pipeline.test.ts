/**
 * Real data: the Maven Analytics CRM pipeline (8,800 opportunities, 2016–2017), ingested from its
 * CSV text as a file reader hands it over, checked against plain loops over the raw text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ingestPipeline } from '../../../src/core/ingest';
import { computeSuite } from '../../../src/core/metrics';
import type { MetricId } from '../../../src/core/metrics';
import { daysFromCivil, parsePeriodKey } from '../../../src/core/periods';

const FILE = path.resolve(__dirname, '../../../../shared/data/crm_sales_pipeline.csv');
const lines = fs.readFileSync(FILE, 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
const [header, ...raw] = lines;
const col = (name: string) => header.indexOf(name);

/** m/d/yyyy → epoch day, by hand. */
function mdy(text: string): number {
  const [m, d, y] = text.split('/').map(Number);
  return daysFromCivil(y, m, d);
}

interface Deal { stage: string; engage: number; close: number; value: number }
const deals: Deal[] = raw
  .filter((r) => r[col('engage_date')] !== '')
  .map((r) => ({
    stage: r[col('deal_stage')], engage: mdy(r[col('engage_date')]),
    close: r[col('close_date')] ? mdy(r[col('close_date')]) : NaN, value: Number(r[col('close_value')] || NaN),
  }));

/** Independent figures for the deals closed in [start, end). */
function expected(start: number, end: number) {
  let won = 0, lost = 0, wonValue = 0;
  const cycles: number[] = [];
  for (const d of deals) {
    if (!(d.close >= start && d.close < end)) continue;
    if (d.stage === 'Won') {
      won++;
      wonValue += d.value;
      cycles.push(d.close - d.engage);
    } else if (d.stage === 'Lost') lost++;
  }
  cycles.sort((a, b) => a - b);
  const mid = cycles.length >> 1;
  return {
    winRate: won / (won + lost), avgDeal: wonValue / won,
    cycleMean: cycles.reduce((a, b) => a + b, 0) / cycles.length,
    cycleMedian: cycles.length % 2 ? cycles[mid] : (cycles[mid - 1] + cycles[mid]) / 2,
  };
}

describe('CRM pipeline (real data)', () => {
  const ingested = ingestPipeline(lines);
  const table = ingested.table!;
  const ids: MetricId[] = ['win_rate', 'avg_deal_size', 'sales_cycle_days', 'sales_cycle_days_median', 'leads'];
  const keys = ['2017-03', '2017-06', '2017-09', '2017-12', '2017-Q2', '2017'];
  const periods = keys.map((k) => parsePeriodKey(k)!);
  const asOf = daysFromCivil(2017, 12, 31);
  const suite = computeSuite({ pipeline: table }, ids, periods, { asOf });

  test('ingestion keeps every engaged opportunity and reports the 500 prospects without a date', () => {
    expect(ingested.error).toBeUndefined();
    expect(table.length).toBe(deals.length);
    expect(ingested.report.rowsSkipped).toBe(raw.length - deals.length);
  });

  test.each(keys.map((k, i) => [k, i]))('%s: win rate, average won deal and cycle length match plain loops', (_key, i) => {
    const p = periods[i as number];
    const e = expected(p.start, p.end);
    const [winRate, avgDeal, cycleMean, cycleMedian] = suite.values[i as number];
    expect(winRate).toBeCloseTo(e.winRate, 12);
    expect(avgDeal).toBeCloseTo(e.avgDeal, 9);
    expect(cycleMean).toBeCloseTo(e.cycleMean, 9);
    expect(cycleMedian).toBe(e.cycleMedian);
  });

  test('2017 as a whole: about 63% of closed deals won', () => {
    const [winRate] = suite.values[keys.indexOf('2017')];
    expect(winRate).toBeGreaterThan(0.6);
    expect(winRate).toBeLessThan(0.66);
  });
});
