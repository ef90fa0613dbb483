/**
 * Refreshes do not grow the shared strings: our sheets write their text inline, strings only a
 * replaced sheet used (written by an earlier version) are dropped and identical ones merged, a
 * package whose replaced sheets used none is left as it is (its sheets not even read), and every
 * cell still shows its text.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyPlan, textCell, type SheetPlan } from '../../src/sheets/plan';
import { openSheetsOf, writeIntoPackage } from '../../src/xlsx/render-package';
import { sharedStringRefs } from '../../src/xlsx/splice-strings';
import { runCli } from '../cli/run';
import { reload } from './helpers';

const isOurs = (name: string) => name === 'Dashboard';

/** A workbook whose sheets hold the given texts in column A, in this tab order. */
async function workbookOf(sheets: Record<string, string[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, texts] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    texts.forEach((text, i) => (ws.getCell(`A${i + 1}`).value = text));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function dashboard(texts: string[]): SheetPlan {
  return {
    ...emptyPlan('Dashboard'),
    cells: texts.map((text, i) => textCell(`A${i + 1}`, text)),
    areas: [{ ref: 'A1:A1', owner: 'computed', name: 'dashboard' }],
  };
}

/** The `<si>` texts of a package, in order, with the root's counts. */
async function sharedStrings(buffer: Buffer): Promise<{ items: string[]; count: number; unique: number }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const items = [...xml.matchAll(/<si>(?:<t[^>]*>([\s\S]*?)<\/t>)?<\/si>/g)].map((m) => m[1] ?? '');
  return {
    items,
    count: Number(/\scount="(\d+)"/.exec(xml)?.[1]),
    unique: Number(/\suniqueCount="(\d+)"/.exec(xml)?.[1]),
  };
}

/** Shared-string cells of every sheet of a package, counted the plain way (`t="s"` with a value). */
async function stringCellCount(buffer: Buffer): Promise<{ refs: number; indexes: Set<number> }> {
  const zip = await JSZip.loadAsync(buffer);
  const indexes = new Set<number>();
  let refs = 0;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    for (const m of xml.matchAll(/<c\b[^>]*\st="s"[^>]*><v>(\d+)<\/v>/g)) {
      refs++;
      indexes.add(Number(m[1]));
    }
  }
  return { refs, indexes };
}

function columnA(wb: ExcelJS.Workbook, sheet: string): unknown[] {
  const ws = wb.getWorksheet(sheet)!;
  const out: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push(ws.getCell(`A${r}`).value);
  return out;
}

async function refresh(buffer: Buffer, texts: string[]): Promise<Buffer> {
  return writeIntoPackage(buffer, await openSheetsOf(buffer, isOurs), [dashboard(texts)]);
}

describe('sharedStringRefs', () => {
  it('finds shared-string cells with prefixes, single quotes and formulas, and skips the rest', () => {
    const xml =
      '<x:c r="A1" t="s"><x:v>3</x:v></x:c><c r="A2" s="1"/><c r="A3" t=\'s\'><f>B1</f><v> 12 </v></c>' +
      '<c r="A4" t="str"><v>7</v></c><c r="A5" t="s"/><col min="1"/><c r="A6"><v>9</v></c>' +
      '<c r="A7" s="2" t="s"><v>0</v></c><c r="A8" t="inlineStr"><is><t>a t="s" b</t></is></c>';
    const refs = sharedStringRefs(Buffer.from(xml))!;
    expect(refs.map((r) => r.index)).toEqual([3, 12, 0]);
    expect(refs.map((r) => xml.slice(r.start, r.end))).toEqual(['3', '12', '0']);
  });

  it('gives up on a cell cut off and on spacing around the type', () => {
    expect(sharedStringRefs(Buffer.from('<c r="A1" t="s"'))).toBeUndefined();
    expect(sharedStringRefs(Buffer.from('<c r="A1" t="s"><v>'))).toBeUndefined();
    expect(sharedStringRefs(Buffer.from('<c r="A1" t = "s"><v>3</v></c>'))).toBeUndefined();
  });
});

describe('splicing keeps the shared strings to what the sheets use', () => {
  it('drops the replaced sheet’s strings and writes ours inline', async () => {
    const user = await workbookOf({ Orders: ['Bali', 'Java'], Dashboard: ['old one', 'old two', 'Bali'] });
    expect((await sharedStrings(user)).items).toEqual(['Bali', 'Java', 'old one', 'old two']);
    const out = await refresh(user, ['new', 'Java', 'Bali']);
    const strings = await sharedStrings(out);
    expect(strings.items).toEqual(['Bali', 'Java']);
    expect(strings.unique).toBe(2);
    expect(strings.count).toBe(2); // two cells in Orders; the Dashboard's are inline
    expect((await stringCellCount(out)).refs).toBe(2);
    const wb = await reload(out);
    expect(columnA(wb, 'Orders')).toEqual(['Bali', 'Java']);
    expect(columnA(wb, 'Dashboard')).toEqual(['new', 'Java', 'Bali']);
  });

  it('renumbers a user sheet whose strings come after dropped ones', async () => {
    const user = await workbookOf({ Dashboard: ['old', 'older'], Orders: ['Bali', 'Java', 'Bali'] });
    expect((await sharedStrings(user)).items).toEqual(['old', 'older', 'Bali', 'Java']);
    const out = await refresh(user, ['fresh']);
    expect((await sharedStrings(out)).items).toEqual(['Bali', 'Java']);
    const wb = await reload(out);
    expect(columnA(wb, 'Orders')).toEqual(['Bali', 'Java', 'Bali']);
    expect(columnA(wb, 'Dashboard')).toEqual(['fresh']);
  });

  /** The user's package with `Bali` twice and an unused string in its shared strings. */
  async function doubled(sheets: Record<string, string[]>): Promise<Buffer> {
    const zip = await JSZip.loadAsync(await workbookOf(sheets));
    const path = 'xl/sharedStrings.xml';
    const xml = (await zip.file(path)!.async('string')).replace(
      /<\/sst>/,
      '<si><t>Bali</t></si><si><t>unused</t></si></sst>',
    );
    zip.file(path, xml);
    const sheet = 'xl/worksheets/sheet1.xml';
    const count = (await sharedStrings(await workbookOf(sheets))).items.length;
    zip.file(
      sheet,
      (await zip.file(sheet)!.async('string')).replace('</row>', `<c r="B1" t="s"><v>${count}</v></c></row>`),
    );
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('merges identical strings a package already repeats when a replaced sheet used strings', async () => {
    const out = await refresh(await doubled({ Orders: ['Bali'], Dashboard: ['old'] }), ['Bali']);
    expect((await sharedStrings(out)).items).toEqual(['Bali']);
    const wb = await reload(out);
    expect(wb.getWorksheet('Orders')!.getCell('B1').value).toBe('Bali');
    expect(columnA(wb, 'Dashboard')).toEqual(['Bali']);
  });

  it('leaves the strings and the user’s sheets as they are when no replaced sheet used a string', async () => {
    const user = await doubled({ Orders: ['Bali'] });
    const first = await refresh(user, ['Bali', 'new']);
    const again = await refresh(first, ['newer']);
    const parts = async (buffer: Buffer) => {
      const zip = await JSZip.loadAsync(buffer);
      return Promise.all(
        ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'].map((p) => zip.file(p)!.async('string')),
      );
    };
    expect(await parts(first)).toEqual(await parts(user));
    expect(await parts(again)).toEqual(await parts(user));
    expect((await sharedStrings(again)).items).toEqual(['Bali', 'Bali', 'unused']);
    const wb = await reload(again);
    expect(wb.getWorksheet('Orders')!.getCell('B1').value).toBe('Bali');
    expect(columnA(wb, 'Dashboard')).toEqual(['newer']);
  });

  it('keeps every string when a sheet cannot be read for its references', async () => {
    const user = await workbookOf({ Orders: ['Bali'], Dashboard: ['old'] });
    const zip = await JSZip.loadAsync(user);
    const sheet = 'xl/worksheets/sheet1.xml';
    // A type written with spaces around `=`: the sheet's references are not told apart.
    zip.file(
      sheet,
      (await zip.file(sheet)!.async('string')).replace('</row>', '<c r="C1" t = "s"><v>0</v></c></row>'),
    );
    const out = await refresh(await zip.generateAsync({ type: 'nodebuffer' }), ['new']);
    expect((await sharedStrings(out)).items).toEqual(['Bali', 'old']);
  });
});

describe('sales-metrics review does not grow the workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shared-strings-'));
  const source = join(dir, 'sample.xlsx');
  const book = join(dir, 'sample-dashboard.xlsx');

  it('keeps one copy of each string in use over ten refreshes', async () => {
    expect((await runCli(['sample', '--rows', '300', '--seed', '11', '--out', source, '-q'])).code).toBe(0);
    expect((await runCli(['build', source, '--as-of', '2025-11-19', '-q'])).code).toBe(0);
    const days = ['2025-11-18', '2025-11-19', '2025-11-20'];
    const counts: number[] = [];
    const original = await sharedStrings(readFileSync(source));
    const originalRefs = (await stringCellCount(readFileSync(source))).refs;
    for (let i = 0; i < 10; i++) {
      const run = await runCli(['review', book, '--as-of', days[i % 3], '-q', '--no-backup']);
      expect(run.err).toBe('');
      const buffer = readFileSync(book);
      const strings = await sharedStrings(buffer);
      const cells = await stringCellCount(buffer);
      // Every string is used by some cell, none twice, and the counts say so.
      expect(new Set(strings.items).size).toBe(strings.items.length);
      expect(cells.indexes.size).toBe(strings.items.length);
      expect(strings.unique).toBe(strings.items.length);
      // Our sheets' text is inline: the shared strings are the sample's, untouched.
      expect(strings).toEqual(original);
      expect(cells.refs).toBe(originalRefs);
      counts.push(strings.items.length);
    }
    // The same day gives the same strings, however many refreshes came between.
    for (let i = 3; i < counts.length; i++) expect(counts[i]).toBe(counts[i - 3]);
  }, 120_000);
});
