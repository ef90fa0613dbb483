import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithLibreOffice, recalculate } from '../support/libreoffice';
import { FIXTURES, runCli } from './run';

/** Every formula cell of a sheet with the value cached in the file. */
async function formulaResults(path: string, sheet: string): Promise<Map<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const out = new Map<string, unknown>();
  workbook.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as { formula?: string; sharedFormula?: string; result?: unknown } | null;
      if (value && typeof value === 'object' && (value.formula || value.sharedFormula)) {
        const result =
          value.result instanceof Date ? value.result.getTime() / 86400000 + 25569 : value.result;
        out.set(cell.address, result);
      }
    }),
  );
  return out;
}

describeWithLibreOffice('workbooks built by the CLI, recalculated by LibreOffice', () => {
  it("native formulas over the Data sheet and over a user workbook give the engine's values", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-lo-'));
    const fromCsv = join(dir, 'from-csv.xlsx');
    const sample = join(dir, 'sample.xlsx');
    const fromXlsx = join(dir, 'from-xlsx.xlsx');
    expect(
      (await runCli(['build', join(FIXTURES, 'orders.csv'), '--as-of', '2026-03-31', '--out', fromCsv, '-q']))
        .code,
    ).toBe(0);
    expect((await runCli(['sample', '--rows', '800', '--seed', '5', '--out', sample, '-q'])).code).toBe(0);
    expect((await runCli(['build', sample, '--as-of', '2025-10-15', '--out', fromXlsx, '-q'])).code).toBe(0);
    // Control: the same workbook with one amount changed behind the cached results; a real
    // recalculation must move the January revenue by exactly the change.
    const tampered = join(dir, 'tampered.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(fromCsv);
    expect(book.getWorksheet('Data')!.getCell('E2').value).toBe(100);
    book.getWorksheet('Data')!.getCell('E2').value = 1000;
    await book.xlsx.writeFile(tampered);
    const [csvRecalc, xlsxRecalc, tamperedRecalc] = await recalculate(
      [fromCsv, fromXlsx, tampered],
      join(dir, 'recalc'),
    );
    const before = await formulaResults(csvRecalc, 'Dashboard');
    const after = await formulaResults(tamperedRecalc, 'Dashboard');
    const moved = [...before].filter(
      ([address, value]) => typeof value === 'number' && after.get(address) !== value,
    );
    expect(moved.length).toBeGreaterThan(0);
    expect(
      moved.some(
        ([address, value]) => Math.abs((after.get(address) as number) - (value as number) - 900) < 1e-9,
      ),
    ).toBe(true);
    for (const [written, recalculated] of [
      [fromCsv, csvRecalc],
      [fromXlsx, xlsxRecalc],
    ]) {
      const engine = await formulaResults(written, 'Dashboard');
      const office = await formulaResults(recalculated, 'Dashboard');
      expect(engine.size).toBeGreaterThan(10);
      let compared = 0;
      for (const [address, value] of engine) {
        if (typeof value !== 'number') continue;
        const other = office.get(address);
        expect({ address, value: typeof other === 'number' ? Number(other.toFixed(6)) : other }).toEqual({
          address,
          value: Number(value.toFixed(6)),
        });
        compared++;
      }
      expect(compared).toBeGreaterThan(10);
    }
  });
});
