import type { CellValue } from '../core/cell';

/**
 * Excel on the web rejects a request or response larger than 5 MB. A chunk is sized to stay
 * far below that: at most this many cells, and after the first chunk, as many rows as fit in
 * `TARGET_CHUNK_BYTES` given the bytes per row actually seen (long texts shrink the chunk).
 */
export const MAX_CELLS_PER_CHUNK = 50_000;
/** About a quarter of the 5 MB limit, so one unusually wide row cannot push a chunk over it. */
export const TARGET_CHUNK_BYTES = 1_250_000;

export interface ChunkedRead {
  readonly address: string;
  readonly values: CellValue[][];
  /** How many `context.sync()` calls the read took (one for the size, one per chunk). */
  readonly syncs: number;
}

/**
 * Rows per chunk for a range `columnCount` wide. With `bytesPerRow` (measured on an earlier
 * chunk) the chunk also fits `TARGET_CHUNK_BYTES`; never less than one row.
 *
 * @example
 * planChunkRows(10);          // 5000: the cell budget alone
 * planChunkRows(10, 2_500);   // 500: long rows, so fewer of them
 */
export function planChunkRows(columnCount: number, bytesPerRow?: number): number {
  const byCells = Math.floor(MAX_CELLS_PER_CHUNK / Math.max(1, columnCount));
  const byBytes = bytesPerRow && bytesPerRow > 0 ? Math.floor(TARGET_CHUNK_BYTES / bytesPerRow) : byCells;
  return Math.max(1, Math.min(byCells, byBytes));
}

/** UTF-8 bytes of the serialized block, the measure the web payload limit applies to. */
function payloadBytes(values: readonly CellValue[][]): number {
  const text = JSON.stringify(values);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** True for Excel's "the request or response is too large" errors. */
function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** Thrown when the person cancelled a read. */
export class ReadCancelled extends Error {
  override readonly name = 'ReadCancelled';
  constructor() {
    super('The read was cancelled.');
  }
}

/**
 * Reads `range` top to bottom in row chunks, one `context.sync()` per chunk, so each response
 * stays well under Excel on the web's 5 MB payload limit however large the range is.
 *
 * @example
 * await Excel.run(async (context) => {
 *   const range = context.workbook.tables.getItem('Orders').getRange();
 *   const { values } = await readRangeInChunks(context, range, (read, total) => show(read, total));
 * });
 */
export async function readRangeInChunks(
  context: Excel.RequestContext,
  range: Excel.Range,
  onProgress?: (rowsRead: number, totalRows: number) => void,
  signal?: { readonly aborted: boolean },
): Promise<ChunkedRead> {
  range.load('address,rowCount,columnCount');
  await context.sync();
  const { address, rowCount, columnCount } = range;
  let syncs = 1;

  const values: CellValue[][] = [];
  // The first chunk is small: nothing is known yet about how long the texts are.
  let chunkRows = Math.min(planChunkRows(columnCount), 1_000);
  while (values.length < rowCount) {
    if (signal?.aborted) throw new ReadCancelled();
    const start = values.length;
    const rows = Math.min(chunkRows, rowCount - start);
    const chunk = range.getRow(start).getResizedRange(rows - 1, 0);
    chunk.load('values');
    try {
      // Chunks must be read one after another: each size depends on the previous chunk's bytes.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Longer texts than the chunk was sized for: read the same rows in halves.
      if (!isPayloadError(error) || rows === 1) throw error;
      syncs++;
      chunkRows = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    syncs++;
    const block = chunk.values as CellValue[][];
    if (block.length === 0) throw new Error(`Excel returned no rows for ${address} from row ${start + 1}.`);
    for (const row of block) values.push(row);
    chunkRows = planChunkRows(columnCount, payloadBytes(block) / Math.max(1, block.length));
    onProgress?.(values.length, rowCount);
  }
  return { address, values, syncs };
}
