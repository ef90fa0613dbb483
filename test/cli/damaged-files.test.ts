/**
 * Every command refuses a damaged workbook with one line and exit code 1, and reads a workbook
 * whose parts another program stored in a different order.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawZip, type RawEntry } from '../support/raw-zip';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'damaged-'));

async function ordersWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  ws.addRow(['Order ID', 'Date', 'Customer', 'Amount']);
  for (let i = 0; i < 1500; i++) {
    ws.addRow([`O-${i}`, new Date(Date.UTC(2026, i % 11, 1 + (i % 27))), `C-${i % 90}`, 10 + (i % 40)]);
    ws.getCell(`B${i + 2}`).numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('damaged and foreign-written workbooks on the command line', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await ordersWorkbook();
  });

  it.each(['metrics', 'clv', 'goals', 'rfm', 'cohorts', 'build', 'review'])(
    '%s exits 1 with one line on a workbook cut at 40, 60 and 80 %%',
    async (command) => {
      for (const share of [0.4, 0.6, 0.8]) {
        const path = join(dir, `cut-${command}-${share}.xlsx`);
        writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * share)));
        const extra =
          command === 'goals'
            ? ['--goal', 'metric=revenue,period=2026,target=1000']
            : command === 'build'
              ? ['--out', join(dir, `never-${share}.xlsx`)]
              : [];
        const asOf = command === 'clv' ? ['--calibration-end', '2026-11-28'] : ['--as-of', '2026-11-28'];
        const run = await runCli([command, path, ...extra, ...asOf, '-q']);
        expect(run.code).toBe(1);
        expect(run.out).toBe('');
        const lines = run.err.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/is damaged: the zip package is incomplete/);
      }
    },
  );

  it('reads a workbook whose sheet parts come before the workbook part, by sheet name too', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const entries: RawEntry[] = [];
    for (const name of Object.keys(zip.files))
      if (!zip.files[name].dir) entries.push({ name, data: await zip.file(name)!.async('nodebuffer') });
    entries.sort(
      (a, b) => Number(!a.name.startsWith('xl/worksheets/')) - Number(!b.name.startsWith('xl/worksheets/')),
    );
    const path = join(dir, 'sheets-first.xlsx');
    writeFileSync(path, rawZip(entries));
    const run = await runCli(['metrics', path, '--sheet', 'Orders', '--as-of', '2026-11-28', '--json', '-q']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(JSON.stringify(json)).toContain('"Orders"');
  });
});
