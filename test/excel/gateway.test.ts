import { OfficeMockObject } from 'office-addin-mock';
import type { CellValue } from '../../src/core/cell';
import { ExcelWorkbookGateway, WorkbookReadError } from '../../src/excel/gateway';
import { MAX_CELLS_PER_CHUNK, TARGET_CHUNK_BYTES, planChunkRows } from '../../src/excel/read-range';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface FakeRange {
  readonly address: string;
  readonly values: CellValue[][];
}

/**
 * An Excel object model on office-addin-mock: range properties are readable only after
 * `load` + `context.sync()`, as in Excel. Collections and null objects are plain objects around
 * the mocked ranges (the mock library has no collections).
 */
function mockExcel(tables: Record<string, FakeRange>, selection: FakeRange | null) {
  const rangeData: Record<string, object> = {};
  const names = Object.keys(tables);
  names.forEach((name, i) => (rangeData[`table${i}`] = shape(tables[name])));
  if (selection) rangeData.selection = shape(selection);
  const mock = new OfficeMockObject({
    context: { workbook: { ranges: rangeData, tables: { items: [] } } },
    run: async function (this: any, callback: (context: any) => Promise<unknown>) {
      return callback(this.context);
    },
  }) as any;

  const context = mock.context;
  const ranges = context.workbook.ranges;
  const chunkReads: number[] = [];
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await sync();
  };

  // Chunks are mocks added under their range, so the context's sync reaches them.
  const withChunks = (rangeMock: any, data: FakeRange) => {
    rangeMock.getRow = (start: number) => ({
      getResizedRange: (deltaRows: number, deltaColumns: number) => {
        expect(deltaColumns).toBe(0);
        const key = `rows_${start}_${deltaRows}`;
        if (!rangeMock[key]) {
          rangeMock.addMock(key);
          rangeMock[key].populate({ values: data.values.slice(start, start + deltaRows + 1) });
          chunkReads.push(deltaRows + 1);
        }
        return rangeMock[key];
      },
    });
    rangeMock.isNullObject = false;
    return rangeMock;
  };
  names.forEach((name, i) => withChunks(ranges[`table${i}`], tables[name]));
  if (selection) withChunks(ranges.selection, selection);

  const tableObjects = names.map((name, i) => ({ name, getRange: () => ranges[`table${i}`] }));
  const tablesMock = context.workbook.tables;
  tablesMock.load = (what: string) => {
    expect(what).toBe('items/name');
    tablesMock.items = tableObjects;
    return tablesMock;
  };
  tablesMock.getItemOrNullObject = (name: string) => {
    const found = tableObjects.find((t) => t.name === name);
    return found ? { isNullObject: false, getRange: found.getRange } : { isNullObject: true };
  };
  context.workbook.getSelectedRange = () => ({
    getUsedRangeOrNullObject: (valuesOnly: boolean) => {
      expect(valuesOnly).toBe(true);
      return selection ? ranges.selection : { isNullObject: true, load: () => undefined };
    },
  });

  (global as any).Excel = mock;
  return { chunkReads, syncs: () => syncs };
}

function shape(range: FakeRange) {
  return {
    address: range.address,
    rowCount: range.values.length,
    columnCount: range.values[0]?.length ?? 0,
  };
}

function ordersRows(count: number, columns = 4): CellValue[][] {
  const header = ['Date', 'Customer', 'Amount', 'Note'].slice(0, columns);
  const body = Array.from({ length: count }, (_, i) =>
    [45658 + (i % 365), `C${i % 97}`, (i * 7) % 1000, i % 5 === 0 ? '' : 'ok'].slice(0, columns),
  );
  return [header, ...body];
}

afterEach(() => {
  delete (global as any).Excel;
});

describe('ExcelWorkbookGateway', () => {
  it('lists tables with their addresses', async () => {
    mockExcel(
      {
        Orders: { address: 'Sheet1!A1:D11', values: ordersRows(10) },
        Pipeline: {
          address: 'Pipe!A1:C3',
          values: [
            ['Id', 'Created', 'Status'],
            [1, 45000, 'Won'],
            [2, 45001, 'Open'],
          ],
        },
      },
      null,
    );
    await expect(new ExcelWorkbookGateway().listTables()).resolves.toEqual([
      { name: 'Orders', address: 'Sheet1!A1:D11' },
      { name: 'Pipeline', address: 'Pipe!A1:C3' },
    ]);
  });

  it('reads a small table in one chunk: one sync for the size, one for the values', async () => {
    const values = ordersRows(10);
    const excel = mockExcel({ Orders: { address: 'Sheet1!A1:D11', values } }, null);
    const data = await new ExcelWorkbookGateway().readTable('Orders');
    expect(data).toEqual({ address: 'Sheet1!A1:D11', values });
    expect(excel.chunkReads).toEqual([11]);
    // getItemOrNullObject, size, one chunk.
    expect(excel.syncs()).toBe(3);
  });

  it('reads a large table in row chunks, reporting progress, with every row once and in order', async () => {
    const values = ordersRows(30_000);
    const excel = mockExcel({ Orders: { address: 'Sheet1!A1:D30001', values } }, null);
    const progress: number[] = [];
    const data = await new ExcelWorkbookGateway().readTable('Orders', {
      onProgress: (p) => {
        expect(p.totalRows).toBe(30_001);
        progress.push(p.rowsRead);
      },
    });
    expect(data.values).toEqual(values);
    expect(excel.chunkReads.length).toBeGreaterThan(1);
    expect(excel.chunkReads.reduce((a, b) => a + b, 0)).toBe(30_001);
    // Each chunk within the cell budget; one sync per chunk plus the lookup and the size.
    for (const rows of excel.chunkReads) expect(rows * 4).toBeLessThanOrEqual(MAX_CELLS_PER_CHUNK);
    expect(excel.syncs()).toBe(2 + excel.chunkReads.length);
    expect(progress[progress.length - 1]).toBe(30_001);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('keeps each chunk under the payload target when cells hold long texts', async () => {
    const longText = 'x'.repeat(2_000);
    const values: CellValue[][] = [
      ['Customer', 'Note'],
      ...Array.from({ length: 3_000 }, (_, i) => [`C${i}`, longText]),
    ];
    const excel = mockExcel({ Notes: { address: 'Notes!A1:B3001', values } }, null);
    const data = await new ExcelWorkbookGateway().readTable('Notes');
    expect(data.values).toHaveLength(3_001);
    const bytesPerRow = JSON.stringify(values[1]).length;
    // After the first (size-unknown) chunk, chunks shrink to fit the byte target.
    for (const rows of excel.chunkReads.slice(1))
      expect(rows * bytesPerRow).toBeLessThanOrEqual(TARGET_CHUNK_BYTES * 1.01);
    // Even the first chunk stays under Excel on the web's 5 MB limit.
    expect(excel.chunkReads[0] * bytesPerRow).toBeLessThan(5 * 1024 * 1024);
  });

  it('rejects an unknown table with a message for the user', async () => {
    mockExcel({ Orders: { address: 'Sheet1!A1:D2', values: ordersRows(1) } }, null);
    const read = new ExcelWorkbookGateway().readTable('Sales');
    await expect(read).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(read).rejects.toThrow('There is no table named "Sales"');
  });

  it('reads the used part of the selection', async () => {
    const values = ordersRows(5, 3);
    mockExcel({}, { address: 'Sheet2!B2:D7', values });
    await expect(new ExcelWorkbookGateway().readSelection()).resolves.toEqual({
      address: 'Sheet2!B2:D7',
      values,
    });
  });

  it('rejects an empty selection', async () => {
    mockExcel({}, null);
    await expect(new ExcelWorkbookGateway().readSelection()).rejects.toMatchObject({
      code: 'empty-selection',
    });
  });
});

describe('planChunkRows', () => {
  it('fills the cell budget when nothing is known about the row size', () => {
    expect(planChunkRows(10)).toBe(MAX_CELLS_PER_CHUNK / 10);
    expect(planChunkRows(0)).toBe(MAX_CELLS_PER_CHUNK);
  });

  it('shrinks for long rows and never goes below one row', () => {
    expect(planChunkRows(10, 2_500)).toBe(Math.floor(TARGET_CHUNK_BYTES / 2_500));
    expect(planChunkRows(10, 10_000_000)).toBe(1);
    expect(planChunkRows(1_000_000)).toBe(1);
  });
});

describe('reading the selection on a host that reports its areas', () => {
  afterEach(() => {
    delete (global as any).Office;
  });

  it('refuses several separate blocks with a message, and reads one block', async () => {
    (global as any).Office = { context: { requirements: { isSetSupported: () => true } } };
    mockExcel(
      {},
      {
        address: 'Sheet2!B2:C4',
        values: [
          ['Region', 'Revenue'],
          ['West', 10],
          ['East', 20],
        ],
      },
    );
    const context = (global as any).Excel.context;
    let areaCount = 2;
    context.workbook.getSelectedRanges = () => ({
      load: () => ({
        get areaCount() {
          return areaCount;
        },
      }),
    });
    const gateway = new ExcelWorkbookGateway();
    await expect(gateway.readSelection()).rejects.toMatchObject({
      code: 'multi-area-selection',
      message:
        '2 separate blocks of cells are selected. Select one block that holds your data, its header row first.',
    });
    areaCount = 1;
    await expect(gateway.readSelection()).resolves.toMatchObject({ address: 'Sheet2!B2:C4' });
  });
});
