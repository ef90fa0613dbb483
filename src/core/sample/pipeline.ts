/**
 * A pipeline sheet (leads / opportunities) as Excel hands it over: created and closed dates as
 * serials, a stage text, a deal value, rep, lead source and region. Cycles are gamma-like around
 * six weeks; deals still running at the end of the data are open with a blank close date and an
 * expected close date 27–63 days after creation.
 */
import type { CellValue } from '../cell';
import { demandCurve, excelSerial, sampleDay } from './calendar';
import { CHANNELS, REGIONS, REPS, REPS_PER_REGION } from './names';
import type { SampleOptions } from './orders';
import { mulberry32, normal, randomInt } from './random';

export const PIPELINE_HEADER = [
  'Opportunity ID',
  'Created',
  'Stage',
  'Closed',
  'Value',
  'Sales Rep',
  'Source',
  'Region',
  'Expected Close',
] as const;

const OPEN_STAGES = ['Prospecting', 'Qualified', 'Proposal', 'Negotiation'] as const;

/**
 * @example generatePipeline({ rows: 500, seed: 3 })[1] // ['OPP-000001', 44929, 'Won', 44975, 12500, 'Ayu Lestari', 'Referral', 'Jakarta', '']
 */
export function generatePipeline(options: SampleOptions): CellValue[][] {
  const rows = Math.max(0, Math.floor(options.rows));
  const random = mulberry32((options.seed ?? 1) ^ 0x5eed);
  // The expected close of open deals draws from a generator of its own: the other columns stay as they were.
  const expecting = mulberry32((options.seed ?? 1) ^ 0xc105e);
  const curve = demandCurve(options.startYear ?? 2023, options.years ?? 3);
  const repStart = REPS_PER_REGION.map((_, r) => REPS_PER_REGION.slice(0, r).reduce((a, b) => a + b, 0));
  const created = Int32Array.from({ length: rows }, () => sampleDay(curve, random)).sort();
  const out: CellValue[][] = [[...PIPELINE_HEADER]];
  for (let i = 0; i < rows; i++) {
    const region = randomInt(random, REGIONS.length);
    const rep = REPS[repStart[region] + randomInt(random, REPS_PER_REGION[region])];
    const source = CHANNELS[randomInt(random, CHANNELS.length)];
    // Sum of three exponentials: a gamma(3) cycle with a mean of 45 days.
    const cycle = Math.max(
      1,
      Math.round(-15 * (Math.log(1 - random()) + Math.log(1 - random()) + Math.log(1 - random()))),
    );
    const value = Math.round(Math.exp(8.5 + 0.8 * normal(random)) / 10) * 10;
    const closedDay = created[i] + cycle;
    const id = `OPP-${String(i + 1).padStart(6, '0')}`;
    if (closedDay >= curve.days) {
      out.push([
        id,
        excelSerial(curve.start + created[i]),
        OPEN_STAGES[randomInt(random, OPEN_STAGES.length)],
        '',
        value,
        rep,
        source,
        REGIONS[region],
        excelSerial(curve.start + created[i] + Math.round(45 * (0.6 + 0.8 * expecting()))),
      ]);
      continue;
    }
    // Bigger deals are a little harder to win.
    const won = random() < 0.52 - 0.06 * Math.log10(value / 1000);
    out.push([
      id,
      excelSerial(curve.start + created[i]),
      won ? 'Won' : 'Lost',
      excelSerial(curve.start + closedDay),
      value,
      rep,
      source,
      REGIONS[region],
      '',
    ]);
  }
  return out;
}
