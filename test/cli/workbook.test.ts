import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSheetRef } from '../../src/sheets/a1';
import { readConfigSheet } from '../../src/xlsx/config';
import { MAX_BUILD_WORKBOOK_BYTES } from '../../src/xlsx/file-port';
import { areaRangeName } from '../../src/xlsx/render';
import { openWorkbook, worksheetRows } from '../../src/xlsx/read-workbook';
import { FIXTURES, runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'workbook-'));

/** The first cell address of a review's Actions area (through its workbook name). */
function actionsTopLeft(workbook: ExcelJS.Workbook, sheet: string): { row: number; column: number } {
  const ranges = workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges;
  expect(ranges).toHaveLength(1);
  const parsed = parseSheetRef(ranges[0])!;
  return { row: parsed.range.top, column: parsed.range.left };
}

describe('sales-metrics build from a CSV', () => {
  const out = join(dir, 'orders-dashboard.xlsx');
  let run: { code: number; out: string; err: string };
  beforeAll(async () => {
    run = await runCli(['build', join(FIXTURES, 'orders.csv'), '--as-of', '2026-03-04', '--out', out, '-q']);
  });

  it("writes Data, Dashboard, the week's Review and the hidden configuration", async () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('sheets: Dashboard, Review 2026-W10, _sales_metrics (hidden), Data');
    expect(run.out).toContain('7 rows read, 6 used, 1 skipped (first: row 8 Date:');
    const workbook = await openWorkbook(out);
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual(
      expect.arrayContaining([
        ['Data', 'visible'],
        ['Dashboard', 'visible'],
        ['Review 2026-W10', 'visible'],
        ['_sales_metrics', 'veryHidden'],
      ]),
    );
  });

  it('types the dates and amounts of used rows and keeps everything else as text', async () => {
    const workbook = await openWorkbook(out);
    const rows = worksheetRows(workbook.getWorksheet('Data')!);
    expect(rows[0]).toEqual(['Order ID', 'Date', 'Customer', 'Region', 'Amount']);
    expect(rows[1]).toEqual(['A1', new Date(Date.UTC(2026, 0, 5)), 'C1', 'North', 100]);
    expect(rows[4]).toEqual(['A4', new Date(Date.UTC(2026, 1, 10)), 'C3', 'South', 1000]);
    expect(rows[5][4]).toBe(-100);
    // The skipped row stays as typed, so formulas leave it out as the engine does.
    expect(rows[7]).toEqual(['A7', 'not a date', 'C4', 'North', '10']);
  });

  it('writes headline figures as native formulas over the Data sheet', async () => {
    const workbook = await openWorkbook(out);
    const formulas: string[] = [];
    workbook.getWorksheet('Dashboard')!.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string } | null;
        if (value && typeof value === 'object' && value.formula) formulas.push(value.formula);
      }),
    );
    expect(formulas.some((f) => /^SUMIFS\(Data!\$E\$2:\$E\$8,Data!\$B\$2:\$B\$8,">="&/.test(f))).toBe(true);
  });

  it('leaves the rows out with --values-only (as it does above 100,000 rows)', async () => {
    const values = join(dir, 'values.xlsx');
    const run = await runCli([
      'build',
      join(FIXTURES, 'orders.csv'),
      '--as-of',
      '2026-03-04',
      '--out',
      values,
      '--values-only',
      '-q',
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      "figures as values: the CSV's 7 rows were not copied into the workbook (--values-only)",
    );
    const workbook = await openWorkbook(values);
    expect(workbook.getWorksheet('Data')).toBeUndefined();
    let formulas = 0;
    workbook.getWorksheet('Dashboard')!.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string } | null;
        if (value && typeof value === 'object' && /SUMIFS|COUNTIFS/.test(value.formula ?? '')) formulas++;
      }),
    );
    expect(formulas).toBe(0);
  });

  it('is idempotent: building twice gives the same sheet content', async () => {
    const again = join(dir, 'again.xlsx');
    expect(
      (await runCli(['build', join(FIXTURES, 'orders.csv'), '--as-of', '2026-03-04', '--out', again, '-q']))
        .code,
    ).toBe(0);
    const [first, second] = await Promise.all([openWorkbook(out), openWorkbook(again)]);
    for (const name of ['Data', 'Dashboard', 'Review 2026-W10', '_sales_metrics']) {
      expect(worksheetRows(second.getWorksheet(name)!)).toEqual(worksheetRows(first.getWorksheet(name)!));
    }
  });

  it('refuses to overwrite its input and needs one input', async () => {
    const same = await runCli(['build', 'orders.csv', '--out', 'orders.csv']);
    expect(same.code).toBe(2);
    const none = await runCli(['build']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/build needs one input file/);
  });
});

describe('sales-metrics build from a workbook, then review', () => {
  const source = join(dir, 'sample.xlsx');
  const built = join(dir, 'sample-dashboard.xlsx');
  beforeAll(async () => {
    expect((await runCli(['sample', '--rows', '600', '--seed', '3', '--out', source, '-q'])).code).toBe(0);
    const run = await runCli([
      'build',
      source,
      '--targets',
      source,
      '--industry',
      'ecommerce-retail',
      '--as-of',
      '2025-11-19',
      '-q',
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it("keeps the user's sheets as they were and adds ours", async () => {
    const before = await openWorkbook(source);
    const after = await openWorkbook(built);
    for (const name of ['Orders', 'Pipeline', 'Spend', 'Targets']) {
      expect(worksheetRows(after.getWorksheet(name)!)).toEqual(worksheetRows(before.getWorksheet(name)!));
    }
    expect(after.worksheets.map((ws) => ws.name)).toEqual([
      'Orders',
      'Pipeline',
      'Spend',
      'Targets',
      'Dashboard',
      'Review 2025-W47',
      '_sales_metrics',
    ]);
  });

  it('fills goal pacing from the Targets sheet, benchmarks from the industry, and records the checks', async () => {
    const after = await openWorkbook(built);
    const texts: string[] = [];
    after.getWorksheet('Dashboard')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    // The sample's Targets hold yearly and quarterly revenue goals per region; 2025 and 2025-Q4 are active.
    expect(texts).toContain('Goal pacing (most at risk first)');
    expect(texts.filter((t) => /^Revenue \(.+\)$/.test(t)).length).toBeGreaterThanOrEqual(16);
    expect(texts.some((t) => /No goals set yet/.test(t))).toBe(false);
    expect(texts.some((t) => /No benchmarks/i.test(t))).toBe(false);
    const { config } = readConfigSheet(after);
    expect(config.mappings.sources).toEqual({ orders: 'Orders', targets: 'Targets' });
    // The refresh is recorded (for the schedule) and the goals are saved (for later reviews).
    expect(config.cadences.refreshes).toEqual([
      expect.objectContaining({
        day: '2026-11-28',
        sheet: 'Dashboard',
        metrics: expect.arrayContaining(['revenue']),
      }),
      expect.objectContaining({ day: '2026-11-28', sheet: 'Review 2025-W47' }),
    ]);
    expect((config.goals.list as unknown[]).length).toBeGreaterThanOrEqual(16);
  });

  it('keeps typed actions on refresh and carries open ones into next week', async () => {
    const book = join(dir, 'review.xlsx');
    copyFileSync(built, book);
    // People type two actions into this week's Actions table.
    const workbook = await openWorkbook(book);
    const sheet = 'Review 2025-W47';
    const { row, column } = actionsTopLeft(workbook, sheet);
    const ws = workbook.getWorksheet(sheet)!;
    const typed = [
      ['revenue', 'Jakarta slowed', 'Call top 10 accounts', 'Ani', null, 'open', '=not a formula'],
      ['aov', 'Bundles sell', 'Extend the bundle offer', 'Budi', null, 'done', ''],
    ];
    typed.forEach((values, r) =>
      values.forEach((value, c) => {
        if (value !== null && value !== '') ws.getCell(row + r, column + c).value = value;
      }),
    );
    await workbook.xlsx.writeFile(book);

    for (let refresh = 0; refresh < 2; refresh++) {
      const again = await runCli(['review', book, '--as-of', '2025-11-20', '-q']);
      expect(again.code).toBe(0);
      expect(again.out).toMatch(/^refreshed "Review 2025-W47"/);
    }
    expect(existsSync(`${book}.bak`)).toBe(true);
    const refreshed = (await openWorkbook(book)).getWorksheet(sheet)!;
    expect(refreshed.getCell(row, column + 2).value).toBe('Call top 10 accounts');
    expect(refreshed.getCell(row, column + 6).value).toBe('=not a formula');
    expect(refreshed.getCell(row + 1, column + 5).value).toBe('done');

    const next = await runCli(['review', book, '--week', '2025-W48', '--no-backup', '-q']);
    expect(next.code).toBe(0);
    expect(next.out).toMatch(/^wrote "Review 2025-W48" .*\(as of 2025-11-30, 1 open action carried over\)/);
    const nextBook = await openWorkbook(book);
    const nextTop = actionsTopLeft(nextBook, 'Review 2025-W48');
    const carried = nextBook.getWorksheet('Review 2025-W48')!;
    expect(carried.getCell(nextTop.row, nextTop.column + 2).value).toBe('Call top 10 accounts');
    expect(carried.getCell(nextTop.row + 1, nextTop.column + 2).value).not.toBe('Extend the bundle offer');
    // The user's data is untouched by reviews.
    expect(worksheetRows(nextBook.getWorksheet('Orders')!)).toEqual(
      worksheetRows((await openWorkbook(source)).getWorksheet('Orders')!),
    );
  });

  it('builds again from a built workbook: our sheets replaced in place, typed actions kept', async () => {
    const book = join(dir, 'rebuilt-source.xlsx');
    copyFileSync(built, book);
    const workbook = await openWorkbook(book);
    const sheet = 'Review 2025-W47';
    const { row, column } = actionsTopLeft(workbook, sheet);
    workbook.getWorksheet(sheet)!.getCell(row, column + 2).value = 'Visit Bandung stores';
    workbook.getWorksheet(sheet)!.getCell(row, column + 5).value = 'open';
    await workbook.xlsx.writeFile(book);
    const rebuilt = join(dir, 'rebuilt.xlsx');
    // Two days later, without --targets: the goals come from the configuration.
    const run = await runCli(
      ['build', book, '--industry', 'ecommerce-retail', '--as-of', '2025-11-19', '--out', rebuilt, '-q'],
      new Date(Date.UTC(2026, 10, 30, 12)),
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const after = await openWorkbook(rebuilt);
    expect(after.worksheets.map((ws) => ws.name)).toEqual([
      'Orders',
      'Pipeline',
      'Spend',
      'Targets',
      'Dashboard',
      'Review 2025-W47',
      '_sales_metrics',
    ]);
    const top = actionsTopLeft(after, sheet);
    expect(after.getWorksheet(sheet)!.getCell(top.row, top.column + 2).value).toBe('Visit Bandung stores');
    const first = await openWorkbook(built);
    expect(worksheetRows(after.getWorksheet('Orders')!)).toEqual(
      worksheetRows(first.getWorksheet('Orders')!),
    );
    // The saved configuration was read back: the schedule shows the first build's refresh, and
    // goal pacing the saved goals.
    const dashboardRows = worksheetRows(after.getWorksheet('Dashboard')!);
    const revenueCheck = dashboardRows.find((r) => r[0] === 'Revenue' && r[1] === 'day');
    expect(revenueCheck?.slice(2, 6)).toEqual(['2026-11-30', '2026-11-28', '2026-12-01', '2 of 3 days']);
    expect(dashboardRows.filter((r) => /^Revenue \(.+\)$/.test(String(r[0]))).length).toBeGreaterThanOrEqual(
      16,
    );
    // Built without --targets: no Targets sheet is recorded, so a review keeps to the saved goals too.
    expect(readConfigSheet(after).config.mappings.sources).toEqual({ orders: 'Orders' });
  });

  it('reports a corrupt, a missing and an oversized workbook in one line', async () => {
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const big = join(dir, 'big.xlsx');
    // Sparse: one megabyte over the limit without writing it.
    writeFileSync(big, '');
    truncateSync(big, MAX_BUILD_WORKBOOK_BYTES + 1024 * 1024);
    const cases: [string, RegExp][] = [
      [broken, /broken\.xlsx is damaged: the zip package is incomplete/],
      [join(dir, 'none.xlsx'), /file not found: .*none\.xlsx/],
      [
        big,
        /big\.xlsx is 81 MB; build reads workbooks up to 80 MB \(a full sheet of 1,048,576 rows of about eight columns\)\. Save the orders as CSV/,
      ],
    ];
    for (const [path, message] of cases) {
      const run = await runCli(['build', path, '--out', join(dir, 'never.xlsx'), '-q']);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
      expect(run.err.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
  });

  it('rejects a bad week and a CSV', async () => {
    const week = await runCli(['review', built, '--week', '2025-13']);
    expect(week.code).toBe(2);
    expect(week.err).toMatch(/--week must be a week like 2026-W48/);
    const csv = await runCli(['review', 'orders.csv']);
    expect(csv.code).toBe(2);
  });
});
