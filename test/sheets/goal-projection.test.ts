/** The weekly review's goal projection sentences. */
import { weekProjectionNotes } from '../../src/sheets/goal-projection';
import { etsOutlook } from '../../src/core/analyses/period-forecast';
import { ingestOrders } from '../../src/core/ingest';
import { daysFromCivil, periodOf } from '../../src/core/periods';
import type { OrdersTable } from '../../src/core/table';
import { sampleOrders, AS_OF } from './fixtures';

const sample = sampleOrders();
const week = periodOf(AS_OF, 'week'); // Mon 16 – Sun 22 Nov 2026; 18 Nov: 3 of 7 days
const pct = (v: number) => Math.round(v * 100);

describe('weekProjectionNotes', () => {
  it('projects a flow with enough weeks by ETS, as etsOutlook gives the whole week', () => {
    const inputs = { orders: sample.table };
    const outlook = etsOutlook('revenue', inputs, { asOf: AS_OF, unit: 'week', horizon: 0, levels: [0.8] });
    if (!('points' in outlook)) throw new Error(outlook.reason);
    const p = outlook.points[0];
    const goal = p.mean / 0.95; // 95 % of the goal: at risk
    const [line] = weekProjectionNotes(
      inputs,
      week,
      AS_OF,
      { revenue: goal, aov: 250 },
      ['revenue', 'aov'],
      [123, 250],
    );
    expect(line).toBe(
      `Revenue: projected to reach 95 % of the week's goal (interval ${pct(p.lower[0] / goal)}–${pct(p.upper[0] / goal)} %), at risk — ${outlook.result.name} on ${outlook.series.length} complete weeks: revenue to date + the forecast of the 4 days left.`,
    );
  });

  it('falls back to the run rate on a short history, by hand: 700 in 3 of 7 days → 1,633.33', () => {
    const rows = [
      ['Date', 'Customer', 'Amount'],
      ...sample.rows
        .filter((r) => (r[0] as number) - 25569 >= daysFromCivil(2026, 10, 1))
        .map((r) => [r[0], r[1], r[2]]),
    ];
    const inputs = { orders: ingestOrders(rows).table as OrdersTable };
    // Goal 2,000: 1,633.33 / 2,000 = 82 %; pace 700 / (2,000 × 3/7 = 857.14) = 0.82 → off track.
    expect(weekProjectionNotes(inputs, week, AS_OF, { revenue: 2000 }, ['revenue'], [700])).toEqual([
      "Revenue: projected to reach 82 % of the week's goal at the run rate, off track (6 complete weeks of history, 8 needed for a forecast).",
    ]);
  });

  it('says nothing for rates, without a goal, or once the week is over', () => {
    const inputs = { orders: sample.table };
    expect(weekProjectionNotes(inputs, week, AS_OF, { aov: 250 }, ['revenue', 'aov'], [100, 250])).toEqual(
      [],
    );
    expect(weekProjectionNotes(inputs, week, AS_OF, undefined, ['revenue'], [100])).toEqual([]);
    expect(weekProjectionNotes(inputs, week, week.end - 1, { revenue: 1 }, ['revenue'], [100])).toEqual([]);
  });
});
