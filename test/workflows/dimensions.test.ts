/**
 * The dashboard's breakdown dimensions name a column header when one exists, the role otherwise,
 * as `metrics --by` does; an unknown name says which roles and headers there are.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { calendarOf, parseDay } from '../../src/core/periods';
import { buildDashboard, MemoryWorkbookPort } from '../../src/workflows';
import { parseCsv } from '../../src/xlsx/read-csv';

const rows = parseCsv(readFileSync(join(__dirname, '../fixtures/ingest/superstore.csv'), 'utf8')).rows;

interface Cell {
  readonly ref: string;
  readonly value?: unknown;
}

const rowOf = (ref: string): number => Number(/\d+/.exec(ref)![0]);

describe('dashboard breakdowns by header or role', () => {
  it('a section per name: City by header, region by role, Town unknown', async () => {
    const port = new MemoryWorkbookPort('superstore.xlsx', [{ name: 'Orders', rows }]);
    const built = await buildDashboard(port, {
      asOf: parseDay('2017-12-31')!,
      calendar: calendarOf(),
      refreshedAt: '2018-01-02 09:00',
      industry: null,
      dimensions: ['City', 'region', 'Town'],
    });
    const cells = built.plans[0].cells as readonly Cell[];
    const at = (ref: string) => cells.find((c) => c.ref === ref)?.value;
    /** The value in column B of the first row below `title` whose column A is `key`. */
    const revenueOf = (title: string, key: string) => {
      const top = rowOf(cells.find((c) => c.value === title)!.ref);
      const row = cells.find((c) => c.ref.startsWith('A') && rowOf(c.ref) > top && c.value === key)!;
      return at(`B${rowOf(row.ref)}`);
    };
    // December 2017: one order, Richardson (Central), 1,097.544 + 190.92.
    expect(revenueOf('Revenue by City — Dec 2017', 'Richardson')).toBeCloseTo(1288.464, 9);
    expect(revenueOf('Revenue by region — Dec 2017', 'Central')).toBeCloseTo(1288.464, 9);
    const town = cells.find((c) => c.value === 'Revenue by Town — Dec 2017')!;
    expect(at(`A${rowOf(town.ref) + 1}`)).toBe(
      "No breakdown: no column or role named 'Town' (roles: product, category, region, segment, customer; " +
        'headers: Product ID, Category, Region, Segment, Customer ID, Ship Mode, Customer Name, Country, City, ' +
        'State, Postal Code, Sub-Category, Product Name).',
    );
  });
});
