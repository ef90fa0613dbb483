/**
 * The real product sheets (dashboard, weekly review, configuration) rendered through Office.js
 * into the recording fake: everything the plans say is on the sheets, the round trips do not grow
 * with the data, every request stays under Excel on the web's 5 MB, people's actions survive a
 * refresh, and a failed refresh leaves the sheets (and references to them) as they were.
 */
import { renderPlansInExcel, areaRangeName } from '../../src/excel/render';
import { ALL_CAPABILITIES } from '../../src/excel/capabilities';
import { buildDashboardPlan } from '../../src/sheets/dashboard';
import { buildReviewPlan, ACTIONS_AREA } from '../../src/sheets/review';
import { configSheetPlan, defaultConfig, CONFIG_SHEET_NAME } from '../../src/sheets/config';
import { mergePeopleAreas } from '../../src/sheets/merge';
import { parseRange, toA1 } from '../../src/sheets/a1';
import type { SheetPlan } from '../../src/sheets/plan';
import { ingestOrders } from '../../src/core/ingest';
import type { OrdersTable } from '../../src/core/table';
import { generateOrders, ORDERS_HEADER } from '../../src/core/sample';
import { daysFromCivil } from '../../src/core/periods';
import type { OrdersSource } from '../../src/sheets/sources';
import { createExcelFake, PAYLOAD_LIMIT, type ExcelFake } from '../support/excel-fake';
import { comparable, expectedNames, expectedSheet } from '../support/excel-fake/plan-match';
import { sampleOrders, AS_OF } from '../sheets/fixtures';

const capabilities = ALL_CAPABILITIES;

function demoPlans(
  table: OrdersTable,
  source: OrdersSource,
  asOf: number,
  extra: { reviewActions?: number } = {},
): SheetPlan[] {
  const dashboard = buildDashboardPlan({
    inputs: { orders: table },
    asOf,
    source,
    sourceLabel: source.label,
    refreshedAt: '2026-11-18 09:00',
    targets: {
      revenue: { goal: 9000, benchmark: 8000, benchmarkSource: 'Example benchmark 2025' },
      aov: { goal: 250 },
    },
  });
  const review = buildReviewPlan({
    inputs: { orders: table },
    asOf,
    sourceLabel: source.label,
    weeklyGoals: { revenue: 2500, aov: 250 },
    carryOver: [['revenue', 'West slow', 'Call top 5 accounts', 'Dewi', 46345, 'open', null]],
    ...(extra.reviewActions ? { blankActionRows: extra.reviewActions } : {}),
  });
  return [dashboard, review, configSheetPlan(defaultConfig())];
}

function fixturePlans(): SheetPlan[] {
  const sample = sampleOrders();
  return demoPlans(sample.table, sample.source, AS_OF);
}

/** 200,000 generated orders: the plans are the same size as for 600. */
function largePlans(): SheetPlan[] {
  const rows = generateOrders({ rows: 200_000, seed: 7, startYear: 2024, years: 3 });
  const { table } = ingestOrders(rows);
  const source: OrdersSource = {
    sheet: 'Data',
    firstRow: 2,
    lastRow: rows.length,
    formulaReady: true,
    label: 'sample.xlsx — Data',
    columns: { date: 'B', customer: 'C', amount: 'K', region: 'F', rep: 'G', product: 'D', order_id: 'A' },
  };
  expect(rows[0]).toEqual([...ORDERS_HEADER]);
  return demoPlans(table as OrdersTable, source, daysFromCivil(2026, 11, 18));
}

function workbookWithData(): ExcelFake {
  const fake = createExcelFake();
  fake.addSheet('Data');
  fake.typeInto('Data', 'A1', 'Date');
  return fake;
}

function expectPlansRendered(fake: ExcelFake, plans: readonly SheetPlan[]): void {
  for (const plan of plans) {
    expect(comparable(fake.dump(plan.name))).toEqual(expectedSheet(plan, capabilities));
    const names = fake.names();
    for (const [name, ref] of Object.entries(expectedNames(plan, areaRangeName)))
      expect([name, names[name]]).toEqual([name, ref]);
  }
}

describe('the demo plans in Excel', () => {
  const plans = fixturePlans();

  it('renders every cell, format, style, conditional format, chart, table and name of each plan', async () => {
    const fake = workbookWithData();
    const result = await renderPlansInExcel(fake.context, plans, { capabilities });
    expect(result.sheets).toEqual(['Dashboard', 'Review 2026-W47', CONFIG_SHEET_NAME]);
    expectPlansRendered(fake, plans);
    expect(fake.sheetNames()).toEqual(['Data', 'Dashboard', 'Review 2026-W47', CONFIG_SHEET_NAME]);
    expect(fake.dump('Dashboard').active).toBe(true);
    expect(fake.dump(CONFIG_SHEET_NAME).visibility).toBe('VeryHidden');
    // Texts like '+0' (the dashboard's point changes) stayed text.
    const plusTexts = plans[0].cells.filter((c) => typeof c.value === 'string' && c.value.startsWith('+'));
    expect(plusTexts.length).toBeGreaterThan(0);
    for (const cell of plusTexts) expect(fake.dump('Dashboard').cells[cell.ref].value).toBe(cell.value);
  });

  it('takes the same round trips (at most 4) for 600 and 200,000 orders, every batch under 5 MB, calculation suspended while writing', async () => {
    const small = workbookWithData();
    const first = await renderPlansInExcel(small.context, plans, { capabilities });
    const again = await renderPlansInExcel(small.context, plans, { capabilities });
    const large = workbookWithData();
    const big = largePlans();
    const firstLarge = await renderPlansInExcel(large.context, big, { capabilities });
    const againLarge = await renderPlansInExcel(large.context, big, { capabilities });
    expect([first.syncs, again.syncs]).toEqual([firstLarge.syncs, againLarge.syncs]);
    expect(first.syncs).toBe(3); // a first build has no product sheet to read
    expect(again.syncs).toBe(4);
    expect(small.syncs()).toBe(first.syncs + again.syncs);
    for (const fake of [small, large]) {
      for (const batch of fake.batches) {
        expect(batch.bytes).toBeLessThan(PAYLOAD_LIMIT);
        expect(batch.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
        const writes = batch.ops.some((op) => /\.(formulas|set|add)$/.test(op.label));
        if (writes) expect(batch.suspended).toBe(true);
      }
    }
    expectPlansRendered(large, big);
    // The demo's largest request is 110–140 kB whatever the data size: far from the limit.
    for (const fake of [small, large])
      expect(Math.max(...fake.batches.map((b) => b.bytes))).toBeLessThan(250_000);
  });

  it('keeps the actions people typed (texts, numbers, dates, a formula) when a refresh moves them down', async () => {
    const fake = workbookWithData();
    await renderPlansInExcel(fake.context, plans, { capabilities });
    const review = plans[1];
    const body = parseRange(review.areas.find((a) => a.name === ACTIONS_AREA)!.ref)!;
    const sheet = review.name;
    const r = body.top + 1; // the first blank row under the carried action
    fake.typeInto(sheet, toA1(r, 1), 'aov');
    fake.typeInto(sheet, toA1(r, 2), '=looks like a formula? no, typed with a quote');
    fake.typeInto(sheet, toA1(r, 2), "'=not a formula");
    fake.typeInto(sheet, toA1(r, 3), 'Bundle offer');
    fake.typeInto(sheet, toA1(r, 4), '120');
    fake.typeInto(sheet, toA1(r, 5), '2026-11-25');
    fake.typeInto(sheet, toA1(r, 6), `=D${r}*2`);
    fake.typeInto(sheet, toA1(body.top, 7), 'called twice');

    // The next refresh has a longer computed part: the Actions area moves down three rows.
    const grown: SheetPlan = shiftDown(review, body.top - 2, 3);
    await renderPlansInExcel(fake.context, [plans[0], grown, plans[2]], { capabilities });
    const dump = fake.dump(sheet);
    const n = r + 3;
    expect(dump.cells[toA1(n, 1)].value).toBe('aov');
    expect(dump.cells[toA1(n, 2)].value).toBe('=not a formula');
    expect(dump.cells[toA1(n, 3)].value).toBe('Bundle offer');
    expect(dump.cells[toA1(n, 4)].value).toBe(120);
    expect(dump.cells[toA1(n, 5)]).toMatchObject({ value: 46351, numberFormat: 'yyyy-mm-dd' });
    expect(dump.cells[toA1(n, 6)].formula).toBe(`=D${n}*2`);
    expect(dump.cells[toA1(body.top + 3, 7)].value).toBe('called twice');
    expect(dump.cells[toA1(body.top + 3, 3)].value).toBe('Call top 5 accounts');
    expect(fake.names()[areaRangeName(sheet, ACTIONS_AREA)]).toBe(
      `='${sheet}'!$A$${body.top + 3}:$G$${body.bottom + 3}`,
    );
    expect(dump.tables[0]).toMatchObject({
      name: 'Actions_2026_W47',
      ref: `A${body.top + 2}:G${body.bottom + 3}`,
    });
    expect(dump.validations[0].ref).toBe(`F${body.top + 3}:F${body.bottom + 3}`);
  });

  it('leaves the old sheets intact when a refresh fails part-way through its trial', async () => {
    const fake = workbookWithData();
    await renderPlansInExcel(fake.context, plans, { capabilities });
    const before = plans.map((p) => fake.dump(p.name));
    const names = fake.names();
    fake.failOn((op) => op.label === 'ChartCollection.add' && op.batch > 5, 'GeneralException');
    await expect(renderPlansInExcel(fake.context, plans, { capabilities })).rejects.toMatchObject({
      code: 'failed',
    });
    expect(plans.map((p) => fake.dump(p.name))).toEqual(before);
    expect(fake.names()).toEqual(names);
    expect(fake.sheetNames()).toEqual(['Data', 'Dashboard', 'Review 2026-W47', CONFIG_SHEET_NAME]);
  });

  it("keeps another sheet's formula pointing at Dashboard!B7 through a refresh (the same sheet object)", async () => {
    const fake = workbookWithData();
    await renderPlansInExcel(fake.context, plans, { capabilities });
    fake.addSheet('Notes');
    fake.typeInto('Notes', 'A1', '=Dashboard!B7');
    const id = fake.dump('Dashboard').id;
    await renderPlansInExcel(fake.context, plans, { capabilities });
    expect(fake.dump('Notes').cells.A1.formula).toBe('=Dashboard!B7');
    expect(fake.dump('Dashboard').id).toBe(id);
    expectPlansRendered(fake, plans);
  });

  it('keeps every request under 5 MB for a review with 20,000 action rows', async () => {
    const sample = sampleOrders();
    const [, review] = demoPlans(sample.table, sample.source, AS_OF, { reviewActions: 20_000 });
    const fake = workbookWithData();
    await renderPlansInExcel(fake.context, [review], { capabilities });
    for (let i = 0; i < 20_000; i += 997)
      fake.typeInto(
        review.name,
        toA1(parseRange(review.areas[1].ref)!.top + i, 3),
        `Action ${i} — ${'x'.repeat(40)}`,
      );
    const result = await renderPlansInExcel(fake.context, [review], { capabilities });
    for (const batch of fake.batches) {
      expect(batch.bytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(batch.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
    }
    expect(result.syncs).toBeGreaterThan(4);
    const body = parseRange(review.areas[1].ref)!;
    expect(fake.dump(review.name).cells[toA1(body.top + 997, 3)].value).toBe(
      `Action 997 — ${'x'.repeat(40)}`,
    );
    const merged = mergePeopleAreas(review, []);
    expect(comparable(fake.dump(review.name)).tables).toEqual(expectedSheet(merged, capabilities).tables);
  });
});

/** The plan with every row from `after + 1` down moved `by` rows (a longer computed part above). */
function shiftDown(plan: SheetPlan, after: number, by: number): SheetPlan {
  const move = (ref: string): string =>
    ref.replace(/([A-Z]+)(\d+)/g, (all, col: string, row: string) =>
      Number(row) > after ? `${col}${Number(row) + by}` : all,
    );
  return {
    ...plan,
    cells: plan.cells.map((c) => ({ ...c, ref: move(c.ref) })),
    areas: plan.areas.map((a) => ({ ...a, ref: move(a.ref) })),
    tables: plan.tables?.map((t) => ({ ...t, ref: move(t.ref) })),
    validations: plan.validations?.map((v) => ({ ...v, ref: move(v.ref) })),
    conditionalFormats: plan.conditionalFormats.map((cf) => ({ ...cf, ref: move(cf.ref) })),
    rowHeights: plan.rowHeights?.map((r) => ({ ...r, index: r.index > after ? r.index + by : r.index })),
  };
}
