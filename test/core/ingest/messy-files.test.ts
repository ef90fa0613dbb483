/**
 * The corpus of files people really have (test/fixtures/ingest), read the way the command line
 * reads them (file reader, then ingestion with the file's separator), each with its expected
 * table, notes and skipped rows worked out by hand. Workbooks are made here with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestOrders, type IngestOptions } from '../../../src/core/ingest';
import { dictValue, type OrdersTable } from '../../../src/core/table';
import { readTableFile } from '../../../src/xlsx/read';

const FIXTURES = join(__dirname, '../../fixtures/ingest');
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

async function ingestFile(path: string, options: IngestOptions = {}) {
  const read = await readTableFile(path);
  const result = ingestOrders(read.rows, {
    ...options,
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
  });
  return { read, result, table: result.table as OrdersTable, report: result.report };
}

const fixture = (name: string) => join(FIXTURES, name);

describe('semicolon-ID.csv: 75.000 in a ; file with day-first dates', () => {
  it('reads seventy-five thousand, and says why', async () => {
    const { read, table, report } = await ingestFile(fixture('semicolon-ID.csv'));
    expect(read.delimiter).toBe(';');
    // 75,000 + 125,000 + 450,000 = 650,000 (read as decimals: 650).
    expect(Array.from(table.amount)).toEqual([75000, 125000, 450000]);
    expect(sum(table.amount)).toBe(650000);
    // 13/10/2026 has a day above 12: the column is day-first.
    expect(Array.from(table.date)).toEqual([utc(2026, 10, 5), utc(2026, 10, 12), utc(2026, 10, 13)]);
    expect(report.notes).toEqual([
      "'Tanggal': dates read as day/month/year.",
      "'Total': amounts like 75.000 fit two readings; read with ',' as the decimal separator " +
        "(75.000 = 75000), as the file separates fields with ';' and dates are written day first.",
    ]);
  });

  it('reads decimals when the user says the point is the decimal separator', async () => {
    const { table, report } = await ingestFile(fixture('semicolon-ID.csv'), { numberStyle: 'dot-decimal' });
    expect(sum(table.amount)).toBe(650);
    expect(report.notes).toEqual(["'Tanggal': dates read as day/month/year."]);
  });
});

describe('idr-words.csv: rupiah written with either separator', () => {
  it('reads IDR 75,000 as seventy-five thousand', async () => {
    const { table, report } = await ingestFile(fixture('idr-words.csv'));
    // 75,000 + 125,000 + 50,000 + 1,250,000 = 1,500,000 (before: 75 + 125 + 50,000 + 1,250,000 = 1,300,200).
    expect(Array.from(table.amount)).toEqual([75000, 125000, 50000, 1250000]);
    expect(report.notes).toEqual([
      "'Amount': amounts like IDR 75,000 read as 75000, as amounts in IDR carry no cents " +
        "('.' or ',' before three digits groups thousands).",
    ]);
  });
});

describe('total-row.csv: Subtotal, a keyless sum and Grand Total between the orders', () => {
  it('skips the three total rows with their reasons', async () => {
    const { table, report } = await ingestFile(fixture('total-row.csv'));
    // Orders: 100 + 250 + 150 + 50 = 550 (before, with the totals 350, 200 and 550: 1,650 from 7 rows).
    expect(Array.from(table.amount)).toEqual([100, 250, 150, 50]);
    expect(report).toMatchObject({ rowsRead: 7, rowsUsed: 4, rowsSkipped: 3 });
    expect(report.issues.map((i) => `row ${i.row}, ${i.column}: ${i.reason}`)).toEqual([
      "row 4, Customer: a total row ('Subtotal'), not an order",
      'row 7, Amount: a total row: no order id or customer, and 200 is the sum of the 2 rows above it',
      "row 8, Customer: a total row ('Grand Total'), not an order",
    ]);
    expect(table.customer!.dictionary).toEqual(['Budi', 'Sari', 'Andi', 'Dewi']);
  });
});

describe('unquoted-thousands.csv: 1,000 without quotes in a , file', () => {
  it('skips the split row instead of reading 1', async () => {
    const { table, report } = await ingestFile(fixture('unquoted-thousands.csv'));
    // 250 + 2,500 = 2,750 (before: the split row counted 1, total 2,751).
    expect(Array.from(table.amount)).toEqual([250, 2500]);
    expect(report.issues).toEqual([
      {
        row: 2,
        column: 'Column E',
        value: '000',
        reason: 'more fields than the header (5 for 4): an unquoted 1,000?',
        severity: 'skipped',
      },
    ]);
    expect(report.notes).toContain(
      "'Amount': amounts like 2,500 fit two readings; read with '.' as the decimal point (2,500 = 2500), " +
        "as the file separates fields with ','.",
    );
    expect(table.mapping).toEqual({
      date: 'Date',
      order_id: 'Order ID',
      customer: 'Customer',
      amount: 'Amount',
    });
  });
});

describe('title rows above the header', () => {
  it('title-rows.csv: two title lines, a blank line, then the header', async () => {
    const { table, report } = await ingestFile(fixture('title-rows.csv'));
    expect(table.mapping).toEqual({ date: 'Tanggal', rep: 'Sales', customer: 'Pelanggan', amount: 'Total' });
    expect(Array.from(table.sourceRow)).toEqual([5, 6]);
    expect(sum(table.amount)).toBe(300);
    expect([0, 1].map((i) => dictValue(table.dimensions.rep!, i))).toEqual(['Budi', 'Sari']);
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 2, rowsSkipped: 0 });
  });

  it('title-rows.xlsx: a merged title, a shop and printed-on line, then the header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messy-'));
    const path = join(dir, 'title-rows.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Penjualan');
    ws.addRow(['Laporan Penjualan Oktober 2026']);
    ws.mergeCells('A1:D1');
    ws.addRow(['Toko Maju Jaya', null, null, 'Dicetak 01/11/2026']);
    ws.addRow([]);
    ws.addRow(['Tanggal', 'Sales', 'Pelanggan', 'Total']);
    ws.addRow([new Date(Date.UTC(2026, 9, 5)), 'Budi', 'Ani', 100000]);
    ws.addRow([new Date(Date.UTC(2026, 9, 6)), 'Sari', 'Citra', 200000]);
    ws.getColumn(1).numFmt = 'dd/mm/yyyy';
    await wb.xlsx.writeFile(path);
    const { table } = await ingestFile(path);
    expect(table.mapping).toEqual({ date: 'Tanggal', rep: 'Sales', customer: 'Pelanggan', amount: 'Total' });
    expect(Array.from(table.date)).toEqual([utc(2026, 10, 5), utc(2026, 10, 6)]);
    expect(sum(table.amount)).toBe(300000);
  });
});

describe('total-row.xlsx: a Jumlah row with a date under the orders', () => {
  it('is skipped with its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'messy-'));
    const path = join(dir, 'total-row.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Penjualan');
    ws.addRow(['Tanggal', 'No Faktur', 'Pelanggan', 'Total']);
    ws.addRow([new Date(Date.UTC(2026, 9, 5)), 'F-001', 'Budi', 75000]);
    ws.addRow([new Date(Date.UTC(2026, 9, 12)), 'F-002', 'Sari', 125000]);
    ws.addRow([new Date(Date.UTC(2026, 9, 31)), null, 'Jumlah', 200000]);
    ws.addRow([new Date(Date.UTC(2026, 9, 31)), 'TOTAL KESELURUHAN', null, 200000]);
    await wb.xlsx.writeFile(path);
    const { table, report } = await ingestFile(path);
    // 75,000 + 125,000 = 200,000 (before: 600,000 with both total rows).
    expect(Array.from(table.amount)).toEqual([75000, 125000]);
    expect(report.issues.map((i) => `row ${i.row}, ${i.column}: ${i.reason}`)).toEqual([
      "row 4, Pelanggan: a total row ('Jumlah'), not an order",
      "row 5, No Faktur: a total row ('TOTAL KESELURUHAN'), not an order",
    ]);
  });
});

describe('excel-serial-dates.csv: serial numbers in a CSV date column', () => {
  it('reads them as dates, with a note', async () => {
    const { table, report } = await ingestFile(fixture('excel-serial-dates.csv'));
    // 46000 = 2025-12-09; 46001.5 = 2025-12-10 at noon; then an ISO date (before: two rows skipped).
    expect(Array.from(table.date)).toEqual([utc(2025, 12, 9), utc(2025, 12, 10) + 0.5, utc(2025, 12, 11)]);
    expect(sum(table.amount)).toBe(600);
    expect(report.notes).toContain(
      "'Date': numbers like 46000 read as Excel serial dates (46000 = 2025-12-09).",
    );
  });
});

describe('duplicate-headers.csv: two Amount columns', () => {
  it('names both in a note and reads the first unless told', async () => {
    const { table, report } = await ingestFile(fixture('duplicate-headers.csv'), {
      hints: { mapping: '--map {role}="{header}"' },
    });
    expect(sum(table.amount)).toBe(300);
    expect(report.notes).toContain(
      "'Amount' heads columns C and E (named 'Amount' and 'Amount (2)'); amount is read from C " +
        '(to read it from E: --map amount="Amount (2)").',
    );
  });

  it.each(['Amount (2)', 'Column E', 'column e'])('reads the second with the mapping %p', async (target) => {
    const { table, report } = await ingestFile(fixture('duplicate-headers.csv'), {
      mapping: { amount: target },
    });
    // 90 + 180 = 270.
    expect(sum(table.amount)).toBe(270);
    expect(report.notes).toContain(
      "'Amount' heads columns C and E (named 'Amount' and 'Amount (2)'); amount is read from E.",
    );
  });
});

describe('no-usable-rows.csv', () => {
  it('gives an empty table whose report says why each row was left out', async () => {
    const { table, report } = await ingestFile(fixture('no-usable-rows.csv'));
    expect(table.length).toBe(0);
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 0, rowsSkipped: 3 });
    expect(report.issues.map((i) => `row ${i.row}, ${i.column}: ${i.reason}`)).toEqual([
      "row 2, Date: 'not yet' is not a date",
      'row 3, Date: blank',
      "row 4, Date: 'TOTAL' is not a date",
    ]);
  });
});

describe('control-chars.csv', () => {
  it('keeps the text as it is in the table and report (the command line escapes it)', async () => {
    const { table, report } = await ingestFile(fixture('control-chars.csv'));
    expect(table.mapping.region).toBe('Region\u0007');
    expect(report.issues[0]).toMatchObject({ row: 3, value: '\u001b]0;pwned\u0007' });
    expect(dictValue(table.customer!, 1)).toBe('Andi\rX');
  });
});
