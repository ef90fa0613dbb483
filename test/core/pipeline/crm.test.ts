/**
 * The public CRM pipeline (/work/shared/data, Maven Analytics "CRM Sales Opportunities"): open,
 * stale and due deals checked against the same rules applied to the CSV's own fields here.
 * The file's open deals (Engaging) carry no value, so the figures are counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ingestPipeline } from '../../../src/core/ingest';
import { parseDay, periodOf } from '../../../src/core/periods';
import { openPipeline, summarisePipeline } from '../../../src/core/pipeline';

const FILE = '/work/shared/data/crm_sales_pipeline.csv';
const run = existsSync(FILE) ? describe : describe.skip;

run('the public CRM pipeline', () => {
  const lines = existsSync(FILE) ? readFileSync(FILE, 'utf8').trim().split('\n') : [];
  const rows = lines.map((l) => l.split(','));
  const table = ingestPipeline(rows).table!;
  /** m/d/yyyy → epoch day, straight from the text. */
  const day = (text: string) => {
    const [m, d, y] = text.split('/').map(Number);
    return Date.UTC(y, m - 1, d) / 86400000;
  };
  const fields = rows.slice(1).map(([, , , , stage, engage, close]) => ({ stage, engage, close }));
  const won = fields.filter((f) => f.stage === 'Won' && f.engage && f.close);
  const cycles = won.map((f) => day(f.close) - day(f.engage)).sort((a, b) => a - b);
  const median = (cycles[(cycles.length - 1) >> 1] + cycles[cycles.length >> 1]) / 2;
  const engaging = fields.filter((f) => f.stage === 'Engaging' && f.engage);

  it('as of 2017-12-31: median cycle 57 days, 1,403 of 1,589 open deals stale (3 exactly at 114 days are not)', () => {
    const asOf = parseDay('2017-12-31')!;
    const ages = engaging.map((f) => asOf - day(f.engage));
    expect(median).toBe(57);
    expect(engaging).toHaveLength(1589);
    const open = openPipeline(table, asOf);
    expect(open.medianCycleDays).toBe(median);
    expect(open.staleAfterDays).toBe(114);
    expect(open.deals).toHaveLength(1589);
    expect(open.deals.filter((d) => d.stale)).toHaveLength(ages.filter((a) => a > 114).length);
    expect(ages.filter((a) => a > 114)).toHaveLength(1403);
    expect(open.deals.filter((d) => d.ageDays === 114).every((d) => !d.stale)).toBe(true);
    expect(ages.filter((a) => a === 114)).toHaveLength(3);

    const q4 = periodOf(asOf, 'quarter');
    const s = summarisePipeline(table, open, q4);
    // Due: not stale, expected a median cycle after creation (or on the as-of day once passed).
    const due = engaging.filter(
      (f) => asOf - day(f.engage) <= 114 && Math.max(day(f.engage) + 57, asOf) < q4.end,
    );
    expect(s.due.count).toBe(due.length);
    expect(s.due.count).toBe(139);
    expect(s.due.withoutValue).toBe(139);
    const wonQ4 = won.filter((f) => day(f.close) >= q4.start && day(f.close) <= asOf);
    expect(s.closedWon.count).toBe(wonQ4.length);
    expect(s.closedWon.value).toBe(2802496);
  });

  it('as of 2026-12-05 every one of the 1,589 deals is stale and none counts', () => {
    const asOf = parseDay('2026-12-05')!;
    const open = openPipeline(table, asOf);
    const s = summarisePipeline(table, open, periodOf(asOf, 'quarter'));
    expect([s.open.count, s.stale.count, s.counted.count, s.due.count]).toEqual([1589, 1589, 0, 0]);
    const all = summarisePipeline(
      table,
      openPipeline(table, asOf, { includeStale: true }),
      periodOf(asOf, 'quarter'),
    );
    expect(all.due.count).toBe(1589);
  });
});
