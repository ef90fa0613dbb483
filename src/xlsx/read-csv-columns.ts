/**
 * Delimited text straight to columns: the bytes of a CSV file become, per column, a code per row
 * into the column's distinct values (`ColumnarCells`), without a string per field or an array per
 * row. A field's bytes are hashed while they are scanned and looked up among the column's distinct
 * byte strings; a string is made only for a value not seen before. Quoted fields (`""` escapes,
 * line breaks inside quotes, text after the closing quote) are unescaped into a scratch buffer
 * first. The rows are exactly those of {@link CsvRowParser}: the same fields, blank lines kept as
 * one empty field (so a row's index + 1 is its line number), trailing blank lines dropped.
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import type { CellValue } from '../core/cell';
import type { ColumnarCells, IdNumbers } from '../core/ingest';
import { SpareMemory } from '../core/spare-memory';
import { ColumnarBuilder, idText, lazyEntries, withoutTrailingBlankRows } from '../core/ingest';
import { type CsvReadOptions, CsvRowParser } from './read-csv';
import { type CsvPartRequest, CsvPartReader } from './read-csv-split';
import { type Delimiter, sniffDelimiter } from './read-sniff';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** FNV-1a. */
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/**
 * Memory outside the JavaScript heap that grows by more than 64 MB starts a full garbage
 * collection in V8; a `SharedArrayBuffer`'s does not count (see `columnArena` in ingestion), so
 * the large code arrays are made from one where the runtime has it.
 */
const CodeBuffer: new (bytes: number) => ArrayBufferLike =
  typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;

/**
 * The rows of a stretch of a file read on its own (by another thread), for {@link
 * CsvColumnParser.append}: codes into the stretch's own distinct values, with their bytes.
 */
export interface CsvPart {
  readonly rowCount: number;
  readonly widths: Int32Array;
  readonly columns: readonly CsvPartColumn[];
}

export interface CsvPartColumn {
  readonly codes: Int32Array;
  /**
   * Number of distinct values; value `k`'s bytes are `pool[spans[2k] … spans[2k + 1])`, or for an
   * id kept as its number (`ids.numbers[k]` = number + 1), `ids.prefix` then its `ids.digits` digits.
   */
  readonly count: number;
  readonly pool: Uint8Array;
  readonly spans: Int32Array;
  readonly ids?: { readonly prefix: Uint8Array; readonly digits: number; readonly numbers: Int32Array };
}

function int32s(length: number): Int32Array {
  return new Int32Array(new CodeBuffer(4 * length));
}

/** Node's Buffer decoders behind `toString('latin1' | 'utf8', start, end)`. */
interface SlicedBuffer extends Buffer {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/**
 * The text of bytes `[start, end)` (`ascii`: no byte ≥ 0x80): the slice `toString` calls, without
 * its checks of arguments that are valid here.
 */
function textOf(source: Buffer, start: number, end: number, ascii: boolean): string {
  const sliced = source as SlicedBuffer;
  return ascii ? sliced.latin1Slice(start, end) : sliced.utf8Slice(start, end);
}

/** One column's distinct byte strings, their texts and the codes of the rows read so far. */
class ByteColumn {
  codes: Int32Array;
  /**
   * The values' texts by code up to the first id kept as its number (see {@link idOf}), which has
   * no text; the texts of later codes are in `laterTexts` under their codes in `laterCodes`, and
   * {@link cellValues} makes the array of all values once, at its size (an array grown by an entry
   * per id is copied over and over: for a million ids, tens of MB of fresh memory). None for a
   * part (see {@link CsvColumnParser.append}).
   */
  private readonly values: string[] = [];
  private readonly laterTexts: string[] = [];
  private readonly laterCodes: number[] = [];
  /** Values given a code (those merged from a part included). */
  private valueCount = 0;
  private count = 0;
  /** Open addressing, two numbers a slot: code + 1 (0 = empty) and the value's hash. */
  private slots: Int32Array = new Int32Array(2 * 1024);
  private mask = 1023;
  /** Where each value's bytes are in `pool`: start and end, two numbers a value. */
  private spans: Int32Array = new Int32Array(2 * 256);
  private pool: Buffer = Buffer.allocUnsafe(1 << 14);
  private poolLength = 0;
  /** Values in the hash table. */
  private hashedCount = 0;
  /**
   * Ids of one shape (a fixed prefix then a fixed number of digits, see {@link idShape}) are found
   * by their number in a table indexed by it: order numbers come in runs, so its memory is read in
   * order where a hash table's is read at random. −1: no shape chosen yet.
   */
  private idLength = -1;
  private idPrefix: Buffer = Buffer.alloc(0);
  private idDigits = 0;
  /** Code + 1 of id `idLow + i` at `i` (0 = not seen). */
  private ids: Int32Array = new Int32Array(1024);
  private idLow = 0;
  /** Ids of the shape kept in the hash table (the id table would have grown too large). */
  private idsHashed = 0;
  /**
   * Number + 1 of each value (by code) that is an id kept as its number: it has no text or bytes
   * of its own (they are the prefix then the number's digits); 0 for other values.
   */
  private idOf: Int32Array = new Int32Array(0);
  private idCount = 0;

  /**
   * `capacity`: rows the codes have room for (the parser grows every column's codes together);
   * the first `rows` rows, read before the column's first field, have none.
   */
  constructor(
    capacity: number,
    rows: number,
    private readonly texts: boolean,
  ) {
    this.codes = int32s(capacity);
    this.codes.fill(-1, 0, rows);
  }

  /** Code of the bytes `[start, end)` of `source` whose hash is `hash`; `ascii`: no byte ≥ 0x80. */
  codeOf(source: Buffer, start: number, end: number, hash: number, ascii: boolean): number {
    if (end - start === this.idLength) {
      const n = this.idNumber(source, start, end);
      if (n >= 0) return this.idCode(n, source, start, end, hash, ascii);
    }
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[2 * slot];
      if (entry === 0) break;
      const code = entry - 1;
      if (slots[2 * slot + 1] === hash && this.holds(code, source, start, end)) return code;
      slot = (slot + 1) & mask;
    }
    if (this.texts) this.pushValue(textOf(source, start, end, ascii));
    const code = this.add(source, start, end);
    this.index(code, hash, slot);
    if (this.idLength < 0) this.chooseIdShape(source, start, end, code);
    return code;
  }

  /**
   * The code of an id of the column's shape (its number `n`): found in the id table, else (when
   * some ids of the shape live in the hash table) there, else a new value, kept in the id table.
   */
  private idCode(
    n: number,
    source: Buffer,
    start: number,
    end: number,
    hash: number,
    ascii: boolean,
  ): number {
    const slot = n - this.idLow;
    const ids = this.ids;
    if (slot >= 0 && slot < ids.length) {
      const entry = ids[slot];
      if (entry !== 0) return entry - 1;
    }
    if (this.idsHashed > 0) {
      const found = this.hashed(source, start, end, hash);
      if (found >= 0) return found;
    }
    const code = this.count;
    if (this.setId(n, code)) {
      // An id kept as its number: no bytes, and its text is made only if it is read.
      this.count++;
      if (2 * code + 1 >= this.spans.length) this.spans = grow(this.spans, 2 * code + 2);
      this.spans[2 * code] = this.spans[2 * code + 1] = 0;
      this.markId(code, n);
      if (this.texts) this.pushValue(undefined);
      return code;
    }
    if (this.texts) this.pushValue(textOf(source, start, end, ascii));
    const added = this.add(source, start, end);
    this.index(added, hash, this.freeSlot(hash));
    this.idsHashed++;
    return added;
  }

  /** Gives the next code to a value: its text, or `undefined` for an id kept as its number. */
  private pushValue(text: string | undefined): void {
    const code = this.valueCount++;
    if (text === undefined) return;
    if (code === this.values.length) this.values.push(text);
    else {
      this.laterTexts.push(text);
      this.laterCodes.push(code);
    }
  }

  /** Records that value `code` is id `n`, kept as its number. */
  private markId(code: number, n: number): void {
    if (code >= this.idOf.length) {
      const grown = new Int32Array(Math.max(1024, 2 * code));
      grown.set(this.idOf);
      this.idOf = grown;
    }
    this.idOf[code] = n + 1;
    this.idCount++;
  }

  /**
   * The column's values for the cells: their texts, those of ids kept as numbers made on first
   * read, with the ids' numbers (see `CellColumn.ids`).
   */
  cellValues(): { values: readonly CellValue[]; ids?: IdNumbers } {
    const count = this.valueCount;
    let values: (string | undefined)[] = this.values;
    if (values.length !== count) {
      values = new Array<string | undefined>(count);
      const leading = this.values;
      for (let code = 0; code < leading.length; code++) values[code] = leading[code];
      for (let code = leading.length; code < count; code++) values[code] = undefined;
      const { laterTexts, laterCodes } = this;
      for (let k = 0; k < laterTexts.length; k++) values[laterCodes[k]] = laterTexts[k];
    }
    if (this.idCount === 0) return { values: values as string[] };
    const shape = { prefix: this.idPrefix.toString('latin1'), digits: this.idDigits };
    const numbers = new Int32Array(count);
    const idOf = this.idOf;
    for (let code = 0; code < count; code++) numbers[code] = code < idOf.length ? idOf[code] - 1 : -1;
    return {
      values: lazyEntries(values, (code) => idText(shape, numbers[code])),
      ids: { ...shape, numbers },
    };
  }

  /** The code of bytes `[start, end)` in the hash table, or −1. */
  private hashed(source: Buffer, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[2 * slot];
      if (entry === 0) return -1;
      if (slots[2 * slot + 1] === hash && this.holds(entry - 1, source, start, end)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** The empty slot where a value of hash `hash` not in the table goes. */
  private freeSlot(hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash & mask;
    while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** The code of a value already in the column, or −1 (the id table first, then the hash table). */
  private find(source: Buffer, start: number, end: number, hash: number): number {
    if (end - start === this.idLength) {
      const n = this.idNumber(source, start, end);
      if (n >= 0) {
        const slot = n - this.idLow;
        if (slot >= 0 && slot < this.ids.length && this.ids[slot] !== 0) return this.ids[slot] - 1;
        if (this.idsHashed === 0) return -1;
      }
    }
    return this.hashed(source, start, end, hash);
  }

  /**
   * The id shape of the column, from the first value that has one (see {@link idShape}), with
   * that value (`code`) as the id table's first entry. No value before it has the shape, so none
   * of the hash table's values has it.
   */
  private chooseIdShape(source: Buffer, start: number, end: number, code: number): void {
    const digits = idShape(source, start, end);
    if (digits === 0) return;
    // An ASCII prefix: an id's text is then the prefix's characters followed by its digits.
    for (let i = start; i < end - digits; i++) if (source[i] >= 0x80) return;
    this.idPrefix = Buffer.from(source.subarray(start, end - digits));
    this.idLength = end - start;
    this.idDigits = digits;
    const n = this.idNumber(source, start, end);
    this.idLow = Math.max(0, n - 512);
    this.setId(n, code);
  }

  /** The number of bytes `[start, end)` (of the id length) when they have the column's id shape, else −1. */
  private idNumber(source: Buffer, start: number, end: number): number {
    const prefix = this.idPrefix;
    const digitsAt = end - this.idDigits;
    for (let i = start, k = 0; i < digitsAt; i++, k++) if (source[i] !== prefix[k]) return -1;
    let n = 0;
    for (let i = digitsAt; i < end; i++) {
      const d = source[i] - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  }

  /** Files id `n` under `code` in the id table; false when the table would grow past its limit. */
  private setId(n: number, code: number): boolean {
    let ids = this.ids;
    let slot = n - this.idLow;
    if (slot < 0 || slot >= ids.length) {
      const low = Math.min(this.idLow, n);
      const high = Math.max(this.idLow + ids.length, n + 1);
      // Double the span so that growth is amortised, towards the side that overflowed.
      const size = Math.max(2 * ids.length, high - low);
      if (size > MAX_ID_TABLE) return false;
      const newLow = n < this.idLow ? high - size : low;
      const grown = int32s(size);
      grown.set(ids, this.idLow - newLow);
      this.ids = ids = grown;
      this.idLow = newLow;
      slot = n - newLow;
    }
    ids[slot] = code + 1;
    return true;
  }

  /**
   * Codes in this column of a part's values (read from the rows that end the file), adding the
   * values this column has not seen, in their order: the codes a single reading would have given.
   * The added values are not indexed: the column reads nothing after them.
   */
  merge(part: CsvPartColumn): Int32Array {
    const { spans, count, ids } = part;
    const partPool = Buffer.from(part.pool.buffer, part.pool.byteOffset, part.pool.length);
    const codes = new Int32Array(count);
    let idBytes: Buffer | undefined;
    // Ids of this column's own shape are found by number (unless some of them are hashed).
    const byNumber =
      ids !== undefined &&
      this.idsHashed === 0 &&
      this.idLength === ids.prefix.length + ids.digits &&
      this.idDigits === ids.digits &&
      this.idPrefix.equals(ids.prefix);
    for (let k = 0; k < count; k++) {
      let pool = partPool;
      let start = spans[2 * k];
      let end = spans[2 * k + 1];
      const id = ids === undefined ? 0 : ids.numbers[k];
      if (id > 0 && byNumber) {
        const slot = id - 1 - this.idLow;
        let code = slot >= 0 && slot < this.ids.length ? this.ids[slot] - 1 : -1;
        if (code < 0) {
          code = this.valueCount;
          this.markId(code, id - 1);
          this.pushValue(undefined);
        }
        codes[k] = code;
        continue;
      }
      if (id > 0 && ids !== undefined) {
        // An id the part kept as its number: its bytes are its prefix and digits.
        idBytes ??= Buffer.alloc(ids.prefix.length + ids.digits);
        idBytes.set(ids.prefix);
        let n = id - 1;
        for (let i = idBytes.length - 1; i >= ids.prefix.length; i--, n = Math.floor(n / 10))
          idBytes[i] = 48 + (n % 10);
        pool = idBytes;
        start = 0;
        end = idBytes.length;
      }
      let hash = HASH_SEED;
      let high = 0;
      for (let i = start; i < end; i++) {
        hash = Math.imul(hash ^ pool[i], HASH_PRIME);
        high |= pool[i];
      }
      let code = this.find(pool, start, end, hash);
      if (code < 0) {
        code = this.valueCount;
        const n = end - start === this.idLength ? this.idNumber(pool, start, end) : -1;
        if (n >= 0) {
          this.markId(code, n);
          this.pushValue(undefined);
        } else this.pushValue(textOf(pool, start, end, high < 0x80));
      }
      codes[k] = code;
    }
    return codes;
  }

  /** The column's first `rowCount` codes with its values' bytes, to send to another thread. */
  part(rowCount: number): CsvPartColumn {
    let ids: CsvPartColumn['ids'];
    if (this.idCount > 0) {
      const numbers = new Int32Array(this.count);
      numbers.set(this.idOf.subarray(0, Math.min(this.count, this.idOf.length)));
      ids = { prefix: new Uint8Array(this.idPrefix), digits: this.idDigits, numbers };
    }
    return {
      codes: this.codes.subarray(0, rowCount),
      count: this.count,
      pool: this.pool.subarray(0, this.poolLength),
      spans: this.spans.subarray(0, 2 * this.count),
      ids,
    };
  }

  /** True when value `code` has exactly the bytes `[start, end)` of `source`. */
  private holds(code: number, source: Buffer, start: number, end: number): boolean {
    let at = this.spans[2 * code];
    if (this.spans[2 * code + 1] - at !== end - start) return false;
    const pool = this.pool;
    for (let i = start; i < end; i++, at++) if (pool[at] !== source[i]) return false;
    return true;
  }

  /** Adds a value not seen before (its bytes and code; see {@link index} for the hash table). */
  private add(source: Buffer, start: number, end: number): number {
    const length = end - start;
    const code = this.count++;
    if (2 * code + 1 >= this.spans.length) this.spans = grow(this.spans, 2 * code + 2);
    if (this.poolLength + length > this.pool.length) {
      const pool = Buffer.allocUnsafe(Math.max(2 * this.pool.length, this.poolLength + length));
      this.pool.copy(pool, 0, 0, this.poolLength);
      this.pool = pool;
    }
    // Values are short: a loop beats `Buffer.copy`'s call.
    const pool = this.pool;
    for (let i = start, at = this.poolLength; i < end; i++, at++) pool[at] = source[i];
    this.spans[2 * code] = this.poolLength;
    this.spans[2 * code + 1] = this.poolLength + length;
    this.poolLength += length;
    return code;
  }

  /** Files value `code` (of hash `hash`) in the hash table's empty `slot`. */
  private index(code: number, hash: number, slot: number): void {
    this.slots[2 * slot] = code + 1;
    this.slots[2 * slot + 1] = hash;
    this.hashedCount++;
    if (2 * this.hashedCount > this.mask) this.rehash();
  }

  /** A table four times larger (fewer rehashes for columns of many distinct values). */
  private rehash(): void {
    const size = 4 * (this.mask + 1);
    const slots = int32s(2 * size);
    const mask = size - 1;
    const old = this.slots;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] === 0) continue;
      let slot = old[s + 1] & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[s];
      slots[2 * slot + 1] = old[s + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Largest id table (slots of 4 bytes): 16 MB. */
const MAX_ID_TABLE = 1 << 22;

/** Longest id prefix; more digits than 9 would not fit a 32-bit number. */
const MAX_ID_PREFIX = 16;
const MIN_ID_DIGITS = 3;
const MAX_ID_DIGITS = 9;

/**
 * Digits ending bytes `[start, end)` when they make an id shape: 3 to 9 digits after a prefix of at
 * most 16 bytes that does not end with a digit (`SO-0001234`, `CUST-00042`, `100234`); 0 when not.
 * A value has the shape of a prefix and digit count exactly when it has that prefix and that many
 * digits after it.
 */
function idShape(source: Buffer, start: number, end: number): number {
  let i = end;
  while (i > start && source[i - 1] >= 48 && source[i - 1] <= 57) i--;
  const digits = end - i;
  return digits >= MIN_ID_DIGITS && digits <= MAX_ID_DIGITS && i - start <= MAX_ID_PREFIX ? digits : 0;
}

function grow(array: Int32Array, least: number): Int32Array {
  let size = 2 * array.length;
  while (size < least) size *= 2;
  const grown = int32s(size);
  grown.set(array);
  return grown;
}

/**
 * Incremental byte parser: `push` chunks of a UTF-8 file, then `finish`.
 * @example
 * const parser = new CsvColumnParser(',');
 * parser.push(Buffer.from('a,"b ""q"""\r\n1,'));
 * parser.push(Buffer.from('2\n'));
 * columnarRows(parser.finish()) // [['a', 'b "q"'], ['1', '2']]
 */
export class CsvColumnParser {
  private columns: ByteColumn[] = [];
  private widths: Int32Array;
  private rows = 0;
  /** The unfinished last row of the previous chunk, at the start of `work`. */
  private work: Buffer = Buffer.allocUnsafe(1 << 16);
  private carried = 0;
  private started = false;
  private readonly part: boolean;
  /** True once the rows that end the file were appended (see {@link append}). */
  private appended = false;
  private scratch = Buffer.allocUnsafe(1 << 12);
  private readonly delimiter: number;
  /** 1 for the bytes that end an unquoted field: the delimiter, LF and CR. */
  private readonly stops = new Uint8Array(256);

  /**
   * `expectedRows`: room to make at the start (an estimate from the file's size saves regrowing);
   * `part`: the bytes are a part of a file from a row start, read for another parser's {@link
   * append} with {@link finishPart} (no byte-order mark; no texts made, the other parser makes
   * those it lacks).
   */
  constructor(delimiter: string, expectedRows = 1024, part = false) {
    this.started = part;
    this.part = part;
    if (delimiter.length !== 1)
      throw new Error(`CsvColumnParser: a one-character delimiter, got ${delimiter}`);
    this.delimiter = delimiter.charCodeAt(0);
    this.stops[this.delimiter] = 1;
    this.stops[LF] = 1;
    this.stops[CR] = 1;
    this.widths = int32s(Math.max(16, Math.min(expectedRows, 1 << 26)));
  }

  /** Columns seen so far (fields of the widest row). */
  get columnCount(): number {
    return this.columns.length;
  }

  /** Rows completed so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** True when the bytes pushed so far end with a complete row (the next byte starts a row). */
  get atRowStart(): boolean {
    return this.started && this.carried === 0;
  }

  /**
   * Reads a chunk. The chunk is not kept (its unfinished last row is copied), so the caller may
   * reuse its buffer.
   */
  push(chunk: Uint8Array): this {
    if (this.appended) throw new Error('CsvColumnParser.push: the rest of the file was appended');
    if (chunk.length === 0) return this;
    let bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.carried > 0) {
      // The unfinished row waits at the start of the work buffer; the chunk goes after it.
      this.reserve(this.carried + bytes.length);
      bytes.copy(this.work, this.carried);
      bytes = this.work.subarray(0, this.carried + bytes.length);
      this.carried = 0;
    }
    if (!this.started) {
      if (bytes.length < 3 && bytes[0] === 0xef) {
        // Too short to tell a byte-order mark from text: wait for more.
        this.keep(bytes, 0);
        return this;
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    this.keep(bytes, this.parse(bytes, false));
    return this;
  }

  /** The work buffer holding at least `length` bytes, its first `carried` bytes kept. */
  private reserve(length: number): void {
    if (length <= this.work.length) return;
    const grown = Buffer.allocUnsafe(Math.max(length, 2 * this.work.length));
    this.work.copy(grown, 0, 0, this.carried);
    this.work = grown;
  }

  /** Keeps `bytes[from…]` (an unfinished row) at the start of the work buffer. */
  private keep(bytes: Buffer, from: number): void {
    const length = bytes.length - from;
    if (length <= 0) return;
    if (bytes.buffer === this.work.buffer && bytes.byteOffset === this.work.byteOffset) {
      this.work.copyWithin(0, from, bytes.length);
    } else {
      this.carried = 0;
      this.reserve(length);
      bytes.copy(this.work, 0, from);
    }
    this.carried = length;
  }

  /** Ends the input (the last row is completed even without a final line break) and gives the cells. */
  finish(): ColumnarCells {
    if (this.part) throw new Error('CsvColumnParser.finish: a part is finished with finishPart');
    this.end();
    const rowCount = this.rows;
    const cells: ColumnarCells = {
      rowCount,
      widths: this.widths.subarray(0, rowCount),
      columns: this.columns.map((column) => ({
        codes: column.codes.subarray(0, rowCount),
        ...column.cellValues(),
      })),
    };
    return withoutTrailingBlankRows(cells);
  }

  /**
   * The shared memory this parser writes from now on: every column's codes and the row widths
   * (for another thread to map in ahead, see `read-csv-split.ts`).
   */
  sharedBuffers(): SharedArrayBuffer[] {
    const arrays = [...this.columns.map((column) => column.codes), this.widths];
    return arrays.flatMap((array) => (array.buffer instanceof SharedArrayBuffer ? [array.buffer] : []));
  }

  /**
   * Ends the input and gives the rows as a part for another parser's {@link append} (trailing
   * blank rows kept: the file's last rows are judged once the parts are together).
   */
  finishPart(): CsvPart {
    this.end();
    const rowCount = this.rows;
    return {
      rowCount,
      widths: this.widths.subarray(0, rowCount),
      columns: this.columns.map((column) => column.part(rowCount)),
    };
  }

  /**
   * Adds the rows of `part`, read from the bytes that follow those pushed so far (which must end
   * at a row start, see {@link atRowStart}) to the end of the file: the same cells as pushing
   * those bytes here. Nothing can be pushed after it.
   */
  append(part: CsvPart): this {
    if (!this.atRowStart) throw new Error('CsvColumnParser.append: the bytes pushed end inside a row');
    this.appended = true;
    const base = this.rows;
    const total = base + part.rowCount;
    if (total > this.widths.length) this.growRows(total);
    this.widths.set(part.widths.subarray(0, part.rowCount), base);
    const width = Math.max(this.columns.length, part.columns.length);
    for (let c = 0; c < width; c++) {
      const column = this.column(c);
      const codes = column.codes;
      if (c >= part.columns.length) {
        codes.fill(-1, base, total);
        continue;
      }
      remap(part.columns[c].codes, column.merge(part.columns[c]), codes, base, part.rowCount);
    }
    this.rows = total;
    return this;
  }

  /** Reads what is left of the input, the last row completed even without a final line break. */
  private end(): void {
    const rest = this.work.subarray(0, this.carried);
    this.carried = 0;
    if (rest.length > 0) {
      let bytes = rest;
      if (!this.started) {
        this.started = true;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      if (bytes.length > 0) this.parse(bytes, true);
    }
  }

  /**
   * Reads the complete rows of `bytes` (all of them when `final`); returns where the first
   * incomplete row starts.
   */
  private parse(bytes: Buffer, final: boolean): number {
    const n = bytes.length;
    const delimiter = this.delimiter;
    const stops = this.stops;
    let rowStart = 0;
    let p = 0;
    for (;;) {
      if (p >= n) return n;
      // One row, its codes written in place (a row left incomplete is read again from its start).
      const r = this.rows;
      if (r >= this.widths.length) this.growRows(r + 1);
      let field = 0;
      let complete = false;
      for (;;) {
        let hash = HASH_SEED;
        let high = 0;
        const column = this.column(field);
        if (bytes[p] === QUOTE) {
          const quoted = this.quotedField(bytes, p, final);
          if (quoted < 0) return rowStart;
          p = quoted;
          column.codes[r] = column.codeOf(
            this.scratch,
            0,
            this.scratchLength,
            this.scratchHash,
            this.scratchAscii,
          );
        } else {
          const start = p;
          while (p < n) {
            const b = bytes[p];
            if (stops[b] !== 0) break;
            hash = Math.imul(hash ^ b, HASH_PRIME);
            high |= b;
            p++;
          }
          if (p >= n && !final) return rowStart;
          column.codes[r] = column.codeOf(bytes, start, p, hash, high < 0x80);
        }
        field++;
        if (p >= n) {
          complete = true;
          break;
        }
        const b = bytes[p];
        if (b === delimiter) {
          p++;
          if (p >= n && !final) return rowStart;
          continue;
        }
        // A line end: CR LF, LF or CR. A CR at the end of a chunk may have its LF in the next.
        if (b === CR) {
          if (p + 1 >= n && !final) return rowStart;
          p++;
          if (p < n && bytes[p] === LF) p++;
        } else p++;
        complete = true;
        break;
      }
      if (complete) this.commitRow(field);
      rowStart = p;
    }
  }

  private scratchLength = 0;
  private scratchHash = HASH_SEED;
  private scratchAscii = true;

  /**
   * Unescapes the quoted field starting at `p` (then any text up to the next delimiter or line end)
   * into the scratch buffer; returns where the field ends, or −1 when it runs past the chunk.
   */
  private quotedField(bytes: Buffer, p: number, final: boolean): number {
    const n = bytes.length;
    const delimiter = this.delimiter;
    let length = 0;
    let i = p + 1;
    let quoted = true;
    while (i < n) {
      const b = bytes[i];
      if (quoted) {
        if (b === QUOTE) {
          if (i + 1 >= n) {
            if (!final) return -1;
            i++;
            quoted = false;
            break;
          }
          if (bytes[i + 1] === QUOTE) {
            length = this.scratchByte(length, QUOTE);
            i += 2;
          } else {
            quoted = false;
            i++;
          }
          continue;
        }
        length = this.scratchByte(length, b);
        i++;
      } else {
        // Text after the closing quote (`"a"b`) is kept, as Excel does.
        if (b === delimiter || b === LF || b === CR) break;
        length = this.scratchByte(length, b);
        i++;
      }
    }
    if (i >= n && !final) return -1;
    let hash = HASH_SEED;
    let high = 0;
    const scratch = this.scratch;
    for (let k = 0; k < length; k++) {
      hash = Math.imul(hash ^ scratch[k], HASH_PRIME);
      high |= scratch[k];
    }
    this.scratchLength = length;
    this.scratchHash = hash;
    this.scratchAscii = high < 0x80;
    return i;
  }

  private scratchByte(length: number, b: number): number {
    if (length >= this.scratch.length) {
      const grown = Buffer.allocUnsafe(2 * this.scratch.length);
      this.scratch.copy(grown, 0, 0, length);
      this.scratch = grown;
    }
    this.scratch[length] = b;
    return length + 1;
  }

  private column(c: number): ByteColumn {
    while (this.columns.length <= c)
      this.columns.push(new ByteColumn(this.widths.length, this.rows, !this.part));
    return this.columns[c];
  }

  /** Room for at least `rows` rows in the widths and every column's codes. */
  private growRows(rows: number): void {
    this.widths = grow(this.widths, rows);
    for (const column of this.columns) column.codes = padded(column.codes, this.widths.length);
  }

  /** Ends the row being read, whose first `fields` codes are set. */
  private commitRow(fields: number): void {
    const r = this.rows;
    this.widths[r] = fields;
    const columns = this.columns;
    // New code arrays are not filled ahead: a row shorter than others marks its absent fields.
    for (let c = fields; c < columns.length; c++) columns[c].codes[r] = -1;
    this.rows = r + 1;
  }
}

/** `to[at + r] = map[from[r]]` for the first `count` codes of `from` (−1 stays −1). */
function remap(from: Int32Array, map: Int32Array, to: Int32Array, at: number, count: number): void {
  for (let r = 0; r < count; r++) {
    const code = from[r];
    to[at + r] = code < 0 ? -1 : map[code];
  }
}

/** `codes` lengthened to `length` (the new rows' codes are set as they are read). */
function padded(codes: Int32Array, length: number): Int32Array {
  const grown = int32s(Math.max(length, codes.length));
  grown.set(codes);
  return grown;
}

export interface CsvColumnsResult {
  readonly cells: ColumnarCells;
  readonly delimiter: Delimiter;
  /** Threads that read the file: 2 when a worker read its second half (see `read-csv-split.ts`). */
  readonly threads: 1 | 2;
}

/** Rows parsed as strings (whitespace-separated files) into columns. */
function columnsOfRows(rows: readonly string[][]): ColumnarCells {
  const builder = new ColumnarBuilder();
  for (const row of rows) builder.pushRow(row);
  return builder.finish();
}

/**
 * Parses delimited text held in memory into columns (the same rows as `parseCsv`).
 * @example columnarRows(parseCsvColumns('customer;amount\n0012;1,50\n').cells) // [['customer', 'amount'], ['0012', '1,50']]
 */
export function parseCsvColumns(
  text: string | Uint8Array,
  options: { readonly delimiter?: Delimiter } = {},
): CsvColumnsResult {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const head = typeof text === 'string' ? text.slice(0, SNIFF_BYTES) : decodeHead(bytes);
  const delimiter = options.delimiter ?? sniffDelimiter(head, bytes.length <= SNIFF_BYTES);
  if (delimiter === 'whitespace') {
    const source = typeof text === 'string' ? text : Buffer.from(bytes).toString('utf8');
    const rows = new CsvRowParser(delimiter).push(source).finish().rows;
    return { cells: columnsOfRows(rows), delimiter, threads: 1 };
  }
  return { cells: new CsvColumnParser(delimiter).push(bytes).finish(), delimiter, threads: 1 };
}

function decodeHead(bytes: Uint8Array): string {
  return new StringDecoder('utf8').write(
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)),
  );
}

const SNIFF_BYTES = 65536;

/** Rows a file of `size` bytes may hold, from the line length of its beginning (a little over). */
function expectedRows(size: number, head: string): number {
  let lines = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 10) lines++;
  return lines === 0 ? 1024 : Math.ceil((1.05 * lines * size) / Buffer.byteLength(head)) + 16;
}

/** Bytes read at a time. */
const CHUNK_BYTES = 1 << 20;

/** Files from this size on are read on two threads (below it a worker's start costs more than it saves). */
const SPLIT_BYTES = 8 << 20;

/**
 * True when a second thread would find a core free: the last minute's load average (this
 * process's own reading included) is below the cores plus a half; always true where the system
 * gives no load average. On a busy machine the second thread gets no more time than the first
 * would, and only adds the cost of merging its part.
 */
function spareCore(): boolean {
  return loadavg()[0] < availableParallelism() + 0.5;
}

/**
 * The chunks of bytes `[start, end)` of a file, read ahead into two buffers used in turn: the next
 * read runs while the caller parses the current chunk, and no buffer is allocated per chunk (large
 * short-lived buffers would each count towards the memory that starts a full garbage collection).
 * A chunk is valid until the next one is asked for.
 */
async function* fileChunks(path: string, start = 0, end = Infinity): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let turn = 0;
    let position = start;
    const read = () =>
      handle.read(buffers[turn], 0, Math.max(0, Math.min(CHUNK_BYTES, end - position)), position);
    let next = read();
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) return;
      position += bytesRead;
      turn ^= 1;
      next = read();
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * The share of a split file this thread reads: half. The worker's part is merged once both halves
 * are read (ids by number, other values once each), so the reading ends soonest when the two
 * halves take as long; the worker's start is short beside its half of a large file.
 */
const FIRST_PART = 0.5;

/** True when a file of `size` bytes is large enough to be read on two threads. */
function splits(size: number, splitAbove: number): boolean {
  return size >= Math.max(splitAbove, CHUNK_BYTES + 1);
}

/**
 * Where a file of `size` bytes is split for two threads: the start of the first line after
 * {@link FIRST_PART} of it, or `size` (no split) for a small file. The first part holds at least
 * the first chunk, so the delimiter is sniffed from the same bytes as on one thread.
 */
async function splitPoint(path: string, size: number, splitAbove: number): Promise<number> {
  if (!splits(size, splitAbove)) return size;
  const at = Math.max(CHUNK_BYTES, Math.floor(size * FIRST_PART));
  const handle = await open(path, 'r');
  try {
    const window = Buffer.allocUnsafe(1 << 16);
    const { bytesRead } = await handle.read(window, 0, window.length, at);
    const lineEnd = window.subarray(0, bytesRead).indexOf(LF);
    return lineEnd < 0 ? size : Math.min(size, at + lineEnd + 1);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file from byte `start`, which starts a row, to its end into a part for
 * {@link CsvColumnParser.append} (the work of the second thread).
 */
export async function readCsvPart(request: CsvPartRequest): Promise<CsvPart> {
  const parser = new CsvColumnParser(request.delimiter, request.expectedRows, true);
  for await (const chunk of fileChunks(request.path, request.start)) parser.push(chunk);
  return parser.finishPart();
}

/**
 * Bytes per row set aside for the table (see `SpareMemory`): {@link COLUMN_BYTES} a column for
 * its columns, up to {@link SPARE_COLUMNS} columns, and {@link DERIVED_BYTES} for the per-row
 * arrays metrics derive from them. What is set aside and not used is mapped in for nothing, so
 * these are what an orders file uses, not bounds: what does not fit is allocated as usual.
 */
const COLUMN_BYTES = 5;
/** Columns set aside for at most: ingestion reads those with a role and those broken down by. */
const SPARE_COLUMNS = 12;
/**
 * What the orders metrics allocate per row (days, order keys, row lists, customer histories and
 * gaps), measured on a million rows.
 */
const DERIVED_BYTES = 60;
/** Most bytes set aside. */
const MAX_SPARE_BYTES = 1 << 30;

/**
 * Memory set aside for the table made of a split file's cells, `rows` rows (about) of `columns`
 * columns, which the worker that read the second half maps in (its last request); `undefined`
 * when there is none to set aside.
 */
function spareMemory(rest: CsvPartReader, rows: number, columns: number): SpareMemory | undefined {
  const perRow = COLUMN_BYTES * Math.min(columns, SPARE_COLUMNS) + DERIVED_BYTES;
  let spare: SharedArrayBuffer | undefined;
  try {
    spare = new SharedArrayBuffer(Math.min(MAX_SPARE_BYTES, Math.ceil(rows * perRow)));
  } catch {
    // The table's memory is then allocated as usual.
  }
  rest.warm({ warm: spare ? [spare] : [], last: true });
  return spare && new SpareMemory(spare);
}

export interface CsvColumnsOptions extends CsvReadOptions {
  /**
   * Files of at least this many bytes are read on two threads. Default: 8 MB when a core is
   * spare (see `spareCore`), else never.
   */
  readonly splitAbove?: number;
}

/**
 * Reads a delimited text file (UTF-8) in chunks straight into columns, sniffing the delimiter from
 * its beginning exactly as `readCsvFile` does. A large file is read on two threads (see
 * `read-csv-split.ts`) into exactly the same cells. Rejects with the file system's error (e.g.
 * `ENOENT`) when it cannot be read.
 * @example const { cells, delimiter } = await readCsvColumns('orders.csv', { onProgress: (n) => log(n) });
 */
export async function readCsvColumns(
  path: string,
  options: CsvColumnsOptions = {},
): Promise<CsvColumnsResult> {
  const { size } = await stat(path);
  const splitAbove = options.splitAbove ?? (spareCore() ? SPLIT_BYTES : Infinity);
  // Started now, the worker gets its runtime going while this thread finds the split and sniffs.
  const spare = splits(size, splitAbove) ? CsvPartReader.spawn() : undefined;
  const split = await splitPoint(path, size, splitAbove);
  const every = options.progressEvery ?? 100_000;
  const decoder = new StringDecoder('utf8');
  let delimiter: Delimiter | undefined;
  let parser: CsvColumnParser | undefined;
  let words: CsvRowParser | undefined;
  let rest: CsvPartReader | undefined;
  let memory: SpareMemory | undefined;
  let onOneThread = split >= size;
  let buffered = '';
  let pending: Buffer[] = [];
  let nextReport = every;
  const start = (sniffed: Delimiter): void => {
    delimiter = sniffed;
    if (sniffed === 'whitespace') {
      words = new CsvRowParser(sniffed).push(buffered);
    } else {
      parser = new CsvColumnParser(sniffed, expectedRows(size, buffered));
      if (!onOneThread) {
        const partRows = expectedRows(size - split, buffered);
        rest = spare?.read({ path, start: split, delimiter: sniffed, expectedRows: partRows });
      }
      for (const chunk of pending) parser.push(chunk);
      // Their second half is written when the worker's part is appended.
      rest?.warm({ warm: parser.sharedBuffers() });
    }
    buffered = '';
    pending = [];
  };
  const read = async (from: number, to: number): Promise<void> => {
    for await (const chunk of fileChunks(path, from, to)) {
      if (delimiter === undefined) {
        buffered += decoder.write(chunk);
        // Kept until the delimiter is known: a copy, as the chunk's buffer is reused.
        pending.push(Buffer.from(chunk));
        if (buffered.length < SNIFF_BYTES) continue;
        start(options.delimiter ?? sniffDelimiter(buffered.slice(0, SNIFF_BYTES * 4)));
      } else if (parser) parser.push(chunk);
      else words?.push(decoder.write(chunk));
      const rows = parser ? parser.rowCount : (words?.rows.length ?? 0);
      if (options.onProgress && rows >= nextReport) {
        options.onProgress(rows);
        nextReport = rows + every;
      }
    }
  };
  let threads: 1 | 2 = 1;
  try {
    await read(0, onOneThread ? Infinity : split);
    if (rest === undefined) spare?.cancel();
    if (!onOneThread) {
      if (rest && parser?.atRowStart) {
        // The second half holds about as many rows per byte as the first.
        const rows = (parser.rowCount * size) / split;
        memory = spareMemory(rest, rows, parser.columnCount);
      }
      // The worker's part counts only when this thread's rows end where it started.
      const part = rest && parser?.atRowStart ? await rest.result : undefined;
      if (part && parser) {
        parser.append(part);
        threads = 2;
      } else {
        rest?.cancel();
        onOneThread = true;
        await read(split, Infinity);
      }
    }
  } catch (error) {
    spare?.cancel();
    throw error;
  }
  if (delimiter === undefined) {
    buffered += decoder.end();
    start(options.delimiter ?? sniffDelimiter(buffered, true));
  } else if (words) words.push(decoder.end());
  let cells = parser ? parser.finish() : columnsOfRows((words as CsvRowParser).finish().rows);
  if (memory && threads === 2) cells = { ...cells, memory };
  options.onProgress?.(cells.rowCount);
  return { cells, delimiter: delimiter as Delimiter, threads };
}
