/**
 * The column route of the `.xlsx` reader against its row route: on random sheets (typed cells,
 * blanks, ragged rows, gaps between rows, shared and inline strings, date-styled serials, `-0`,
 * sheets the fast scan hands over to the full parser) the cells by column read back as exactly the
 * rows, and ingestion of either gives the same table, report, detection, formats and notes.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/core/cell';
import { columnarRows, ingestOrders } from '../../src/core/ingest';
import { readTableFile } from '../../src/xlsx/read';
import { readXlsxColumns, readXlsxFile } from '../../src/xlsx/read-xlsx';
import { SheetColumns } from '../../src/xlsx/sheet-columns';
import { rawZip, workbookParts } from '../support/raw-zip';

const dir = mkdtempSync(join(tmpdir(), 'read-columns-'));

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`;

/** Shared strings: repeated texts, an empty one, one with an entity. */
const STRINGS = ['Date', 'Amount', 'Customer', 'Bali', 'Jakarta', 'Bali', '', 'a &amp; b', ' '];

type Cell =
  | { kind: 'n'; value: number; date: boolean }
  | { kind: 's'; index: number }
  | { kind: 'inline'; text: string }
  | { kind: 'b'; value: boolean }
  | { kind: 'e'; value: string }
  | { kind: 'f'; value: number }
  | { kind: 'iso'; day: number }
  | { kind: 'blank' }
  | { kind: 'skip' };

const escapeXml = (text: string) =>
  text.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);

function columnName(index: number): string {
  let name = '';
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

function cellXml(cell: Cell, ref: string): string {
  const r = ` r="${ref}"`;
  switch (cell.kind) {
    case 'skip':
      return '';
    case 'blank':
      return `<c${r}/>`;
    case 'n':
      return `<c${r}${cell.date ? ' s="1"' : ' s="2"'}><v>${Object.is(cell.value, -0) ? '-0' : cell.value}</v></c>`;
    case 's':
      return `<c${r} t="s"><v>${cell.index}</v></c>`;
    case 'inline':
      return `<c${r} t="inlineStr"><is><t>${escapeXml(cell.text)}</t></is></c>`;
    case 'b':
      return `<c${r} t="b"><v>${cell.value ? 1 : 0}</v></c>`;
    case 'e':
      return `<c${r} t="e"><v>${cell.value}</v></c>`;
    case 'f':
      return `<c${r}><f>SUM(A1:A2)</f><v>${cell.value}</v></c>`;
    case 'iso':
      return `<c${r} t="d"><v>${new Date(Date.UTC(2026, 0, 1 + cell.day)).toISOString().slice(0, 10)}</v></c>`;
  }
}

function sheetXml(rows: readonly { number: number; cells: readonly Cell[] }[], handOver: boolean): string {
  return rows
    .map(({ number, cells }, i) => {
      const inner = cells.map((cell, c) => cellXml(cell, `${columnName(c)}${number}`)).join('');
      // A comment is outside the fast scan's form: the full parser reads the rest.
      const note = handOver && i === Math.floor(rows.length / 2) ? '<!-- checked -->' : '';
      return `${note}<row r="${number}">${inner}</row>`;
    })
    .join('');
}

let files = 0;
function save(xml: string): string {
  const path = join(dir, `sheet-${files++}.xlsx`);
  writeFileSync(path, rawZip(workbookParts([{ name: 'Orders', xml }], { strings: STRINGS, styles: STYLES })));
  return path;
}

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({
    kind: fc.constant('n' as const),
    value: fc.oneof(
      fc.constantFrom(0, -0, 1, 46027, 46028.5, -20),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    ),
    date: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('s' as const), index: fc.integer({ min: 0, max: STRINGS.length - 1 }) }),
  fc.record({
    kind: fc.constant('inline' as const),
    text: fc.string({ unit: fc.constantFrom('a', 'é', '&', '<', ' ', '1', '.', ','), maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('b' as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant('e' as const), value: fc.constantFrom('#N/A', '#DIV/0!') }),
  fc.record({ kind: fc.constant('f' as const), value: fc.integer({ min: -100, max: 100 }) }),
  fc.record({ kind: fc.constant('iso' as const), day: fc.integer({ min: 0, max: 40 }) }),
  fc.constant({ kind: 'blank' as const }),
  fc.constant({ kind: 'skip' as const }),
);

const sheet = fc.record({
  rows: fc.array(
    fc.record({ gap: fc.integer({ min: 1, max: 3 }), cells: fc.array(cell, { maxLength: 6 }) }),
    { maxLength: 12 },
  ),
  handOver: fc.boolean(),
});

/** Numbered rows from gaps. */
function numbered(rows: readonly { gap: number; cells: readonly Cell[] }[]) {
  let number = 0;
  return rows.map(({ gap, cells }) => ({ number: (number += gap), cells }));
}

/** Same cells, `-0` told from `0` and dates compared by time. */
function expectSameRows(
  actual: readonly (readonly CellValue[])[],
  expected: readonly (readonly CellValue[])[],
) {
  expect(actual).toEqual(expected);
  for (let r = 0; r < expected.length; r++) {
    expect(actual[r].length).toBe(expected[r].length);
    for (let c = 0; c < expected[r].length; c++) {
      const [a, e] = [actual[r][c], expected[r][c]];
      if (e instanceof Date) expect((a as Date).getTime()).toBe(e.getTime());
      else expect(Object.is(a, e)).toBe(true);
    }
  }
}

describe('SheetColumns', () => {
  it('keeps one value per distinct date, -0 apart from 0, and rows as pushed', () => {
    const columns = new SheetColumns();
    const day = () => new Date(Date.UTC(2026, 0, 5));
    columns.push(['Date', 'Amount']);
    columns.push([day(), -0]);
    columns.push([]);
    columns.push([day(), 0, null]);
    const cells = columns.finish();
    expect(cells.columns[0].values).toEqual(['Date', day()]);
    expect(cells.columns[1].values).toEqual(['Amount', -0, 0]);
    expectSameRows(columnarRows(cells), [['Date', 'Amount'], [day(), -0], [], [day(), 0, null]]);
  });

  it('grows past its first room', () => {
    const columns = new SheetColumns();
    const rows: CellValue[][] = [];
    for (let r = 0; r < 3000; r++)
      rows.push(r % 7 === 0 ? [] : Array.from({ length: r % 5 }, (_, c) => (r * c) % 11));
    for (const row of rows) columns.push(row);
    expectSameRows(columnarRows(columns.finish()), rows);
  });
});

describe('readXlsxColumns', () => {
  it('reads exactly the rows readXlsxFile reads (property)', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async ({ rows, handOver }) => {
        const path = save(sheetXml(numbered(rows), handOver));
        const byRow = await readXlsxFile(path);
        const byColumn = await readXlsxColumns(path);
        expect(byColumn.sheet).toBe(byRow.sheet);
        expect(byColumn.sheetNames).toEqual(byRow.sheetNames);
        expect(byColumn.cells.rowCount).toBe(byRow.rows.length);
        expectSameRows(columnarRows(byColumn.cells), byRow.rows);
      }),
      { numRuns: 120 },
    );
  });

  it('ingests orders exactly as from the rows: table, report, detection, formats and notes (property)', async () => {
    const dataRow = fc.tuple(
      fc.oneof(
        fc.record({
          kind: fc.constant('n' as const),
          value: fc.integer({ min: 45000, max: 46100 }),
          date: fc.constant(true),
        }),
        fc.record({
          kind: fc.constant('n' as const),
          value: fc.integer({ min: 45000, max: 46100 }),
          date: fc.constant(false),
        }),
        fc.record({ kind: fc.constant('iso' as const), day: fc.integer({ min: 0, max: 40 }) }),
        fc.record({
          kind: fc.constant('inline' as const),
          text: fc.constantFrom('2026-01-05', '05/01/2026', 'soon', ''),
        }),
        cell,
      ),
      fc.oneof(
        fc.record({
          kind: fc.constant('s' as const),
          index: fc.integer({ min: 3, max: STRINGS.length - 1 }),
        }),
        fc.record({
          kind: fc.constant('inline' as const),
          text: fc.constantFrom('Ani', 'Budi', 'Citra', ''),
        }),
        cell,
      ),
      fc.oneof(
        fc.record({
          kind: fc.constant('n' as const),
          value: fc.double({ min: -500, max: 5000, noNaN: true }),
          date: fc.constant(false),
        }),
        fc.record({
          kind: fc.constant('inline' as const),
          text: fc.constantFrom('1.250,50', '1,250.50', 'Rp 12.000', '-', '12'),
        }),
        cell,
      ),
      fc.array(cell, { maxLength: 2 }),
    );
    const header: Cell[] = [
      { kind: 's', index: 0 },
      { kind: 'inline', text: 'Customer' },
      { kind: 's', index: 1 },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ gap: fc.integer({ min: 1, max: 2 }), row: dataRow }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.boolean(),
        async (data, handOver) => {
          const rows = numbered([
            { gap: 1, cells: header },
            ...data.map(({ gap, row: [date, customer, amount, rest] }) => ({
              gap,
              cells: [date, customer, amount, ...rest],
            })),
          ]);
          const path = save(sheetXml(rows, handOver));
          const byRow = ingestOrders((await readXlsxFile(path)).rows);
          const read = await readTableFile(path);
          const byColumn = ingestOrders(read.cells);
          expect(byColumn).toEqual(byRow);
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('readTableFile on a workbook', () => {
  it('gives the cells by column, their rows on demand and a grid over them', async () => {
    const path = save(
      sheetXml(
        numbered([
          {
            gap: 1,
            cells: [
              { kind: 's', index: 0 },
              { kind: 's', index: 1 },
            ],
          },
          {
            gap: 2,
            cells: [
              { kind: 'n', value: 46027, date: true },
              { kind: 'n', value: 12.5, date: false },
            ],
          },
        ]),
        false,
      ),
    );
    const read = await readTableFile(path);
    expect(read.format).toBe('xlsx');
    expect(read.sheet).toBe('Orders');
    expect(read.rowCount).toBe(3);
    expect(read.rows).toEqual([['Date', 'Amount'], [], [new Date(Date.UTC(2026, 0, 5)), 12.5]]);
    expect(read.grid.columnCount).toBe(2);
    expect(read.grid.cell(2, 1)).toBe(12.5);
    expect(read.grid.cell(1, 0)).toBeUndefined();
  });
});
