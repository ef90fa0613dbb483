/**
 * `metrics --by NAME`: a column header when one exists (case-insensitive, role column or not),
 * the role otherwise; an unknown name lists the roles and headers. Figures by hand from the
 * Superstore fixture's 2017 rows.
 */
import { runCli, runJson } from './run';

const SUPERSTORE = '../ingest/superstore.csv';
const YEAR_2017 = ['--as-of', '2017-12-31', '--period', 'year', '--last', '1'];

const keyed = (rows: any[], metric: string) =>
  Object.fromEntries(rows.map((r: any) => [r.key, r.metrics[metric]]));

describe('sales-metrics metrics --by on the Superstore layout', () => {
  it('breaks down by headers of columns with no role (City, Sub-Category) and by a role (region)', async () => {
    const doc = await runJson([
      'metrics',
      SUPERSTORE,
      ...YEAR_2017,
      '--by',
      'City',
      '--by',
      'sub-category',
      '--by',
      'region',
      '--metrics',
      'revenue,gross_margin',
    ]);
    expect(doc.mapping).toMatchObject({ region: 'Region', customer: 'Customer ID', profit: 'Profit' });
    expect(Object.keys(doc.breakdowns)).toEqual(['City', 'sub-category', 'region']);
    // 2017 lines: Richardson 1,097.544 + 190.92; Henderson 147.168; Philadelphia 71.372;
    // Houston 29.472; Concord 15.552.
    const city = keyed(doc.breakdowns.City, 'revenue');
    expect(city.Richardson).toBeCloseTo(1288.464, 9);
    expect(city.Henderson).toBeCloseTo(147.168, 9);
    expect(city.Philadelphia).toBeCloseTo(71.372, 9);
    expect(city.Houston).toBeCloseTo(29.472, 9);
    expect(city.Concord).toBeCloseTo(15.552, 9);
    // Phones: two lines, 1,097.544 + 147.168 of sales and 123.4737 + 16.5564 of profit.
    const phones = doc.breakdowns['sub-category'].find((r: any) => r.key === 'Phones');
    expect(phones.metrics.revenue).toBeCloseTo(1244.712, 9);
    expect(phones.metrics.gross_margin).toBeCloseTo(140.0301 / 1244.712, 12);
    const region = keyed(doc.breakdowns.region, 'revenue');
    expect(region.Central).toBeCloseTo(1288.464 + 29.472, 9);
    expect(region.South).toBeCloseTo(147.168 + 15.552, 9);
    expect(region.East).toBeCloseTo(71.372, 9);
    // Gross margin of the year from Sales − Profit: 6.4375 of profit on 1,552.028 of sales.
    expect(doc.periods[0].metrics.gross_margin).toBeCloseTo(6.4375 / 1552.028, 12);
  });

  it('prints a header-named breakdown in the table and says why each column was chosen', async () => {
    const run = await runCli(['metrics', SUPERSTORE, ...YEAR_2017, '--by', 'City', '--metrics', 'revenue']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/by City, 2017/);
    expect(run.out).toMatch(/Richardson\s+1,288\.46/);
    expect(run.out).toContain(
      "note: region: 'Region' chosen over 'City', 'Country', 'State' (its header is the role's name).",
    );
    expect(run.out).toContain(
      "note: customer: 'Customer ID' chosen over 'Customer Name' (an id column is preferred to a name).",
    );
    expect(run.out).toContain("note: cost is 'Sales' minus 'Profit' on each row (no cost column).");
    expect(run.out).toMatch(
      /mapping: date=Order Date, amount=Sales, order_id=Order ID, customer=Customer ID,/,
    );
  });

  it('a header comes before a role of the same name', async () => {
    // The region role read from City; `--by region` is still the column headed Region.
    const doc = await runJson([
      'metrics',
      SUPERSTORE,
      ...YEAR_2017,
      '--map',
      'region=City',
      '--by',
      'region',
      '--by',
      'CITY',
      '--metrics',
      'revenue',
    ]);
    expect(doc.mapping.region).toBe('City');
    expect(doc.breakdowns.region.map((r: any) => r.key).sort()).toEqual(['Central', 'East', 'South', 'West']);
    expect(doc.breakdowns.CITY.map((r: any) => r.key)).toContain('Richardson');
  });

  it('an unknown name is a usage error listing the roles and headers', async () => {
    const run = await runCli(['metrics', SUPERSTORE, ...YEAR_2017, '--by', 'Town', '-q']);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      "sales-metrics: --by Town: no column or role named 'Town' (roles: product, category, region, segment, customer; " +
        'headers: Product ID, Category, Region, Segment, Customer ID, Ship Mode, Customer Name, Country, City, State, ' +
        'Postal Code, Sub-Category, Product Name)\n',
    );
  });
});
