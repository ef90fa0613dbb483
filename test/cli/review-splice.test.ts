/**
 * `review` refreshes in place by splicing the review and the configuration into the package:
 * typed Actions cells survive every refresh and the user's sheets' parts stay byte for byte.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSheetRef } from '../../src/sheets/a1';
import { readConfigSheet } from '../../src/xlsx/config';
import { MAX_BUILD_WORKBOOK_BYTES } from '../../src/xlsx/file-port';
import { areaRangeName } from '../../src/xlsx/render';
import { packageSheets } from '../../src/xlsx/render-package';
import { openWorkbook, worksheetRows } from '../../src/xlsx/read-workbook';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'review-splice-'));
const USER_SHEETS = ['Orders', 'Pipeline', 'Spend', 'Targets'];
const SHEET = 'Review 2025-W47';

/** The bytes of the listed sheets' parts (and their relationships) in a package. */
async function sheetParts(path: string, names: readonly string[]): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const { sheets } = await packageSheets(zip);
  const out = new Map<string, Buffer>();
  for (const sheet of sheets.filter((s) => names.includes(s.name))) {
    out.set(sheet.name, await zip.file(sheet.part)!.async('nodebuffer'));
    const rels = zip.file(sheet.part.replace(/([^/]+)$/, '_rels/$1.rels'));
    if (rels) out.set(`${sheet.name} rels`, await rels.async('nodebuffer'));
  }
  return out;
}

function actionsTopLeft(workbook: ExcelJS.Workbook, sheet: string): { row: number; column: number } {
  const ranges = workbook.definedNames.getRanges(areaRangeName(sheet, 'actions')).ranges;
  expect(ranges).toHaveLength(1);
  const parsed = parseSheetRef(ranges[0])!;
  return { row: parsed.range.top, column: parsed.range.left };
}

describe('sales-metrics review refreshes in place through the package', () => {
  const source = join(dir, 'sample.xlsx');
  const book = join(dir, 'sample-dashboard.xlsx');
  beforeAll(async () => {
    expect((await runCli(['sample', '--rows', '400', '--seed', '5', '--out', source, '-q'])).code).toBe(0);
    const run = await runCli(['build', source, '--targets', source, '--as-of', '2025-11-19', '-q']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it('keeps every typed Actions cell over three refreshes and leaves the user sheets byte-identical', async () => {
    // Three rounds of edits: new rows, then changes to earlier ones; each round typed with ExcelJS.
    const rounds: Array<Array<[number, number, string | number]>> = [
      [
        [0, 0, 'revenue'],
        [0, 1, 'Jakarta slowed'],
        [0, 2, 'Call top 10 accounts'],
        [0, 3, 'Ani'],
        [0, 5, 'open'],
        [0, 6, '=not a formula'],
      ],
      [
        [1, 0, 'aov'],
        [1, 2, 'Extend the bundle offer'],
        [1, 3, 'Budi'],
        [1, 5, 'done'],
        [0, 6, 'called 4 of 10'],
      ],
      [
        [2, 2, 'Review discount levels'],
        [2, 3, 'Citra'],
        [2, 5, 'open'],
        [0, 3, 'Ani & Dewi'],
        [1, 6, 42],
      ],
    ];
    const expected = new Map<string, string | number>();
    for (const [i, edits] of rounds.entries()) {
      const workbook = await openWorkbook(book);
      const { row, column } = actionsTopLeft(workbook, SHEET);
      const ws = workbook.getWorksheet(SHEET)!;
      for (const [r, c, value] of edits) {
        ws.getCell(row + r, column + c).value = value;
        expected.set(`${r},${c}`, value);
      }
      await workbook.xlsx.writeFile(book);
      const input = join(dir, `input-${i}.xlsx`);
      copyFileSync(book, input);

      const run = await runCli(['review', book, '--as-of', '2025-11-20', '-q']);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/^refreshed "Review 2025-W47"/);
      // The .bak is the file as it was before this refresh.
      expect(readFileSync(`${book}.bak`).equals(readFileSync(input))).toBe(true);

      const before = await sheetParts(input, [...USER_SHEETS, 'Dashboard']);
      const after = await sheetParts(book, [...USER_SHEETS, 'Dashboard']);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [name, bytes] of before)
        expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });

      const refreshed = await openWorkbook(book);
      const top = actionsTopLeft(refreshed, SHEET);
      const sheet = refreshed.getWorksheet(SHEET)!;
      for (const [key, value] of expected) {
        const [r, c] = key.split(',').map(Number);
        expect({ key, value: sheet.getCell(top.row + r, top.column + c).value }).toEqual({ key, value });
      }
      expect(refreshed.worksheets.map((w) => w.name)).toEqual([
        ...USER_SHEETS,
        'Dashboard',
        SHEET,
        '_sales_metrics',
      ]);
      const { config } = readConfigSheet(refreshed);
      expect(config.mappings.sources).toEqual({ orders: 'Orders', targets: 'Targets' });
      // The build's two refreshes, then one per review.
      const refreshes = config.cadences.refreshes as { day: string; sheet: string; metrics: string[] }[];
      expect(refreshes.map((r) => r.sheet)).toEqual(['Dashboard', SHEET, ...Array(i + 1).fill(SHEET)]);
      expect(refreshes[refreshes.length - 1]).toMatchObject({
        day: '2026-11-28',
        metrics: expect.arrayContaining(['revenue']),
      });
    }
  });

  it("carries the latest review's open actions into a new week's sheet", async () => {
    const run = await runCli(['review', book, '--week', '2025-W48', '--no-backup', '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^wrote "Review 2025-W48" .*2 open actions carried over\)/);
    const workbook = await openWorkbook(book);
    const top = actionsTopLeft(workbook, 'Review 2025-W48');
    const carried = worksheetRows(workbook.getWorksheet('Review 2025-W48')!)
      .slice(top.row - 1, top.row + 2)
      .map((r) => r[top.column + 1]);
    expect(carried.slice(0, 2)).toEqual(['Call top 10 accounts', 'Review discount levels']);
    expect(workbook.worksheets.map((w) => w.name)).toContain(SHEET);
  });

  it('reports a corrupt, a missing and an oversized workbook in one line, writing nothing', async () => {
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
        /big\.xlsx is 81 MB; review reads workbooks up to 80 MB \(a full sheet of 1,048,576 rows of about eight columns\)\. Save the orders as CSV/,
      ],
    ];
    for (const [path, message] of cases) {
      const run = await runCli(['review', path, '--as-of', '2025-11-20', '-q']);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(existsSync(`${path}.bak`)).toBe(false);
    }
  });
});

describe('an action typed in the row right under the Actions table', () => {
  const source = join(dir, 'below-sample.xlsx');
  const book = join(dir, 'below-sample-dashboard.xlsx');
  beforeAll(async () => {
    expect((await runCli(['sample', '--rows', '300', '--seed', '9', '--out', source, '-q'])).code).toBe(0);
    expect((await runCli(['build', source, '--as-of', '2025-11-19', '-q'])).code).toBe(0);
  });

  /** The Actions area's range as the workbook's defined name records it. */
  function actionsRange(workbook: ExcelJS.Workbook) {
    const ranges = workbook.definedNames.getRanges(areaRangeName(SHEET, 'actions')).ranges;
    expect(ranges).toHaveLength(1);
    return parseSheetRef(ranges[0])!.range;
  }

  it('joins the area and is kept over two refreshes, as are the rows typed under it later', async () => {
    const typed = async (texts: readonly string[]) => {
      const workbook = await openWorkbook(book);
      const range = actionsRange(workbook);
      const ws = workbook.getWorksheet(SHEET)!;
      texts.forEach((text, i) => {
        ws.getCell(range.bottom + 1 + i, range.left + 2).value = text;
        ws.getCell(range.bottom + 1 + i, range.left + 3).value = 'Budi';
      });
      await workbook.xlsx.writeFile(book);
      return range.bottom;
    };
    const refresh = async () => {
      const run = await runCli(['review', book, '--as-of', '2025-11-20', '--no-backup', '-q']);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
    };
    const bottom = await typed(['Call Ani about the Bali order']);
    await refresh();
    await refresh();
    let workbook = await openWorkbook(book);
    let range = actionsRange(workbook);
    // The area grew by the typed row, which still holds what was typed after two refreshes.
    expect(range.bottom).toBe(bottom + 1);
    let ws = workbook.getWorksheet(SHEET)!;
    expect(ws.getCell(bottom + 1, range.left + 2).value).toBe('Call Ani about the Bali order');
    expect(ws.getCell(bottom + 1, range.left + 3).value).toBe('Budi');

    // Two more rows under the grown area, then a refresh: all three are kept, in order.
    await typed(['Visit the Surabaya stores', 'Price check on bundles']);
    await refresh();
    workbook = await openWorkbook(book);
    range = actionsRange(workbook);
    ws = workbook.getWorksheet(SHEET)!;
    expect(range.bottom).toBe(bottom + 3);
    expect([1, 2, 3].map((i) => ws.getCell(bottom + i, range.left + 2).value)).toEqual([
      'Call Ani about the Bali order',
      'Visit the Surabaya stores',
      'Price check on bundles',
    ]);
  });
});
