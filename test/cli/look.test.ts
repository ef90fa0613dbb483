/**
 * What a built workbook looks like to other programs: it opens on the Dashboard (one selected tab),
 * the Dashboard and the Review print landscape with their title rows and page breaks, every font
 * the product writes is named with a sans-serif family, and money carries the workbook's currency.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigSheet } from '../../src/xlsx/config';
import { FIXTURES, runCli } from './run';
import { sheetPart, unzipText } from '../xlsx/helpers';

const dir = mkdtempSync(join(tmpdir(), 'look-'));

async function parts(path: string): Promise<Map<string, string>> {
  return unzipText(readFileSync(path));
}

function sheetNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
}

function selectedTabs(p: Map<string, string>): string[] {
  const wb = p.get('xl/workbook.xml')!;
  return sheetNames(wb).filter((name) =>
    /<sheetView\b[^>]*tabSelected="1"/.test(p.get(sheetPart(p, name))!.slice(0, 4096)),
  );
}

describe('a built workbook', () => {
  const source = join(dir, 'sample.xlsx');
  const built = join(dir, 'built.xlsx');
  beforeAll(async () => {
    expect((await runCli(['sample', '--rows', '600', '--seed', '3', '--out', source, '-q'])).code).toBe(0);
    // The user left the Orders tab selected and gave it a print area of their own.
    const zip = await JSZip.loadAsync(readFileSync(source));
    const wb = (await zip.file('xl/workbook.xml')!.async('string')).replace(
      /<\/sheets>/,
      '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Orders!$A$1:$C$10</definedName></definedNames>',
    );
    zip.file('xl/workbook.xml', wb);
    const p = await unzipText(readFileSync(source));
    const orders = sheetPart(p, 'Orders');
    zip.file(
      orders,
      p
        .get(orders)!
        .replace(
          /<sheetView\b([^>]*?)(\/?)>/,
          (_m, a: string, close: string) =>
            `<sheetView${a.replace(/\stabSelected="[^"]*"/, '')} tabSelected="1"${close}>`,
        ),
    );
    writeFileSync(source, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = await runCli([
      'build',
      source,
      '--targets',
      source,
      '--as-of',
      '2025-11-19',
      '--out',
      built,
      '-q',
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it('opens on the Dashboard, the only selected tab', async () => {
    const p = await parts(built);
    const names = sheetNames(p.get('xl/workbook.xml')!);
    const active = Number(/<workbookView\b[^>]*activeTab="(\d+)"/.exec(p.get('xl/workbook.xml')!)![1]);
    expect(names[active]).toBe('Dashboard');
    expect(selectedTabs(p)).toEqual(['Dashboard']);
  });

  it("prints the Dashboard and the Review landscape, one page wide, title rows repeated, breaks between sections; the user's print area stays", async () => {
    const p = await parts(built);
    const wb = p.get('xl/workbook.xml')!;
    const names = sheetNames(wb);
    const defined = [...wb.matchAll(/<definedName name="([^"]+)"(?: localSheetId="(\d+)")?>([^<]*)</g)].map(
      (m) => ({
        name: m[1],
        sheet: m[2] === undefined ? undefined : names[Number(m[2])],
        ref: m[3].replace(/&apos;/g, "'"),
      }),
    );
    const review = names.find((n) => n.startsWith('Review '))!;
    for (const sheet of ['Dashboard', review]) {
      expect(defined).toContainEqual({ name: '_xlnm.Print_Titles', sheet, ref: `'${sheet}'!$1:$3` });
      expect(defined.find((d) => d.name === '_xlnm.Print_Area' && d.sheet === sheet)?.ref).toMatch(
        new RegExp(`^'${sheet}'!\\$A1?\\$?1?:\\$[HU]\\d+$`),
      );
      const xml = p.get(sheetPart(p, sheet))!;
      expect(xml).toMatch(/<pageSetup\b[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    }
    expect(p.get(sheetPart(p, 'Dashboard'))).toMatch(/<rowBreaks count="\d+"/);
    expect(defined).toContainEqual({ name: '_xlnm.Print_Area', sheet: 'Orders', ref: 'Orders!$A$1:$C$10' });
  });

  it('names every font it writes, with the sans-serif family as fallback', async () => {
    const p = await parts(built);
    const fonts = p.get('xl/styles.xml')!.match(/<font>[\s\S]*?<\/font>/g)!;
    const ours = fonts.filter((f) => /<sz val=/.test(f));
    expect(ours.length).toBeGreaterThan(5);
    for (const font of ours) expect(font).toMatch(/<name val="Calibri"\/>/);
    for (const font of ours) expect(font).toMatch(/<family val="2"\/>/);
  });

  it('review keeps the goal pace from the goals build saved, without --targets', async () => {
    const book = join(dir, 'review.xlsx');
    copyFileSync(built, book);
    const run = await runCli(['review', book, '--as-of', '2025-11-19', '--no-backup', '-q']);
    expect(run.err).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const sheet = wb.worksheets.find((w) => w.name.startsWith('Review '))!;
    let pace: unknown;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Revenue' && pace === undefined) pace = row.getCell(7).value;
    });
    expect(typeof pace).toBe('number');
    expect(pace as number).toBeGreaterThan(0);
    // Review does not move the tab people are on.
    expect(selectedTabs(await parts(book))).toEqual(['Dashboard']);
  });
});

describe("money in the workbook's currency", () => {
  it('is rupiah without decimals for amounts written in rupiah, and saved for the next refresh', async () => {
    const out = join(dir, 'penjualan.xlsx');
    const run = await runCli([
      'build',
      join(FIXTURES, 'penjualan.csv'),
      '--as-of',
      '2026-03-31',
      '--out',
      out,
      '-q',
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const formats = new Set<string>();
    wb.getWorksheet('Dashboard')!.eachRow((row) => row.eachCell((cell) => formats.add(cell.numFmt)));
    expect(formats).toContain('"Rp "#,##0');
    expect([...formats].filter((f) => /#,##0\.00/.test(f))).toEqual([]);
    expect(readConfigSheet(wb).config.settings?.currency).toEqual({ symbol: 'Rp', decimals: 0 });
  });

  it('follows --currency, and none means plain numbers', async () => {
    const out = join(dir, 'euro.xlsx');
    const run = await runCli([
      'build',
      join(FIXTURES, 'orders.csv'),
      '--as-of',
      '2026-03-31',
      '--currency',
      'EUR:0',
      '--out',
      out,
      '-q',
    ]);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const formats = new Set<string>();
    wb.getWorksheet('Dashboard')!.eachRow((row) => row.eachCell((cell) => formats.add(cell.numFmt)));
    expect(formats).toContain('"€"#,##0');
    const bad = await runCli([
      'build',
      join(FIXTURES, 'orders.csv'),
      '--currency',
      'Rp:9',
      '--out',
      out,
      '-q',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--currency must be a symbol or code/);
  });
});
