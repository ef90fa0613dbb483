import ExcelJS from 'exceljs';
import { writeConfigSheet, readConfigSheet } from '../../src/xlsx/config';
import { defaultConfig, CONFIG_SHEET_NAME, type SalesMetricsConfig } from '../../src/sheets/config';
import { saveAndReload } from './helpers';

const config: SalesMetricsConfig = {
  ...defaultConfig(),
  mappings: { orders: { date: 'Tanggal', amount: 'Pendapatan', customer: 'Pelanggan' }, sources: { orders: 'Data' } },
  goals: { revenue: { period: '2026', target: 1_200_000 } },
  cadences: { revenue: 'day', retention_rate: 'week' },
  benchmarks: { notes: '=not a formula, ' + 'é😀'.repeat(20000) }, // > 32,767 characters: several chunks
};

describe('config sheet in a workbook', () => {
  it('round-trips through a saved file, very hidden, in several chunks', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 'user';
    writeConfigSheet(wb, config);
    const back = await saveAndReload(wb);
    const ws = back.getWorksheet(CONFIG_SHEET_NAME)!;
    expect(ws.state).toBe('veryHidden');
    expect(ws.getCell('B1').value).toBeGreaterThan(1);
    expect(readConfigSheet(back)).toEqual({ config });
  });

  it('replaces the config on a second write', async () => {
    const wb = new ExcelJS.Workbook();
    writeConfigSheet(wb, config);
    writeConfigSheet(wb, defaultConfig());
    const back = await saveAndReload(wb);
    expect(readConfigSheet(back)).toEqual({ config: defaultConfig() });
    expect(back.worksheets.filter((w) => w.name === CONFIG_SHEET_NAME)).toHaveLength(1);
  });

  it('gives defaults and a warning when the sheet is missing or damaged', async () => {
    expect(readConfigSheet(new ExcelJS.Workbook()).warning).toMatch(/No saved configuration/);
    const wb = new ExcelJS.Workbook();
    writeConfigSheet(wb, config);
    const ws = wb.getWorksheet(CONFIG_SHEET_NAME)!;
    ws.getCell('A3').value = null; // a chunk lost
    const truncated = readConfigSheet(await saveAndReload(wb));
    expect(truncated.config).toEqual(defaultConfig());
    expect(truncated.warning).toMatch(/truncated/);
    ws.getCell('B1').value = null;
    ws.getCell('A2').value = '{"version":1,"goals":';
    expect(readConfigSheet(wb).warning).toMatch(/damaged/);
  });
});
