/**
 * Delimited text files (CSV, TSV, `;`/`|` files and whitespace-separated columns) to rows of strings.
 *
 * RFC 4180: quoted fields, `""` escapes, line breaks inside quotes, CRLF/LF/CR line ends, a
 * leading BOM. Every field stays text, so ids like `0012` survive; ingestion parses numbers and
 * dates. The parser is incremental: it takes the file in chunks and builds rows as it goes, so a
 * million-row file never exists as one big string. Blank lines are kept as `['']` so a row's
 * index + 1 is the line number the user sees (trailing blank lines are dropped).
 */
import { createReadStream } from 'node:fs';
import type { Delimiter } from './read-sniff';
import { sniffDelimiter } from './read-sniff';

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just saw a `"` inside a quoted field: an escape if another `"` follows, else the closing quote. */
const QUOTE_IN_QUOTED = 3;

/**
 * Incremental parser: `push` chunks of text, then `finish`; rows accumulate in `rows`.
 * @example
 * const parser = new CsvRowParser(',');
 * parser.push('a,"b ""q"""\r\n1,');
 * parser.push('2\n');
 * parser.finish().rows // [['a', 'b "q"'], ['1', '2']]
 */
export class CsvRowParser {
  readonly rows: string[][] = [];
  private row: string[] = [];
  /** Text of the current field gathered so far (from earlier chunks or around escapes). */
  private field = '';
  private state = FIELD_START;
  /** A CR ended the last row; an LF right after it belongs to the same line end. */
  private skipLf = false;
  private started = false;
  /** Whitespace mode: the unfinished last line of the previous chunk. */
  private partialLine = '';
  private readonly delimiterCode: number;

  constructor(readonly delimiter: Delimiter) {
    this.delimiterCode = delimiter === 'whitespace' ? -1 : delimiter.charCodeAt(0);
  }

  push(chunk: string): this {
    // An empty chunk must not reset the state carried between chunks (a CR waiting for its LF).
    if (chunk.length === 0) return this;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.delimiter === 'whitespace') this.pushWhitespace(chunk);
    else this.pushDelimited(chunk);
    return this;
  }

  /** Ends the input: the last row is completed even without a final line break. */
  finish(): this {
    if (this.delimiter === 'whitespace') {
      if (this.partialLine !== '') this.rows.push(splitWhitespace(this.partialLine));
      this.partialLine = '';
    } else if (this.row.length > 0 || this.field !== '' || this.state !== FIELD_START) {
      this.endRow('');
    }
    while (this.rows.length > 0 && isBlankRow(this.rows[this.rows.length - 1])) this.rows.pop();
    return this;
  }

  private endField(tail: string): void {
    this.row.push(this.field === '' ? tail : this.field + tail);
    this.field = '';
  }

  private endRow(tail: string): void {
    this.endField(tail);
    this.rows.push(this.row);
    this.row = [];
    this.state = FIELD_START;
  }

  private pushDelimited(chunk: string): void {
    const delimiter = this.delimiterCode;
    const n = chunk.length;
    let state = this.state;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (n > 0 && chunk.charCodeAt(0) === LF) i = 1;
    }
    let start = i;
    while (i < n) {
      if (state === QUOTED) {
        const quote = chunk.indexOf('"', i);
        if (quote < 0) {
          this.field += chunk.slice(start);
          start = n;
          i = n;
          break;
        }
        this.field += chunk.slice(start, quote);
        i = quote + 1;
        start = i;
        state = QUOTE_IN_QUOTED;
        continue;
      }
      const code = chunk.charCodeAt(i);
      if (state === QUOTE_IN_QUOTED) {
        if (code === QUOTE) {
          this.field += '"';
          i++;
          start = i;
          state = QUOTED;
          continue;
        }
        // Text after a closing quote (`"a"b`) is kept rather than lost: lenient like Excel.
        state = UNQUOTED;
      }
      if (code === delimiter) {
        this.endField(chunk.slice(start, i));
        state = FIELD_START;
        start = ++i;
      } else if (code === LF || code === CR) {
        this.endRow(chunk.slice(start, i));
        state = FIELD_START;
        i++;
        if (code === CR) {
          if (i < n) {
            if (chunk.charCodeAt(i) === LF) i++;
          } else {
            this.skipLf = true;
          }
        }
        start = i;
      } else if (code === QUOTE && state === FIELD_START) {
        state = QUOTED;
        start = ++i;
      } else {
        state = UNQUOTED;
        i++;
      }
    }
    if (start < n) this.field += chunk.slice(start);
    this.state = state;
  }

  private pushWhitespace(chunk: string): void {
    let text = this.partialLine + chunk;
    let start = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    for (;;) {
      let end = start;
      while (end < text.length) {
        const code = text.charCodeAt(end);
        if (code === LF || code === CR) break;
        end++;
      }
      if (end >= text.length) break;
      this.rows.push(splitWhitespace(text.slice(start, end)));
      start = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (start < text.length) {
          if (text.charCodeAt(start) === LF) start++;
        } else {
          this.skipLf = true;
        }
      }
    }
    text = text.slice(start);
    this.partialLine = text;
  }
}

function splitWhitespace(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [''] : trimmed.split(/[ \t]+/);
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((field) => field.trim() === '');
}

export interface CsvReadOptions {
  /** Field separator; sniffed from the first 64 KB when absent. */
  readonly delimiter?: Delimiter;
  /** Called with the number of rows read so far, every `progressEvery` rows or so and at the end. */
  readonly onProgress?: (rowsRead: number) => void;
  readonly progressEvery?: number;
}

export interface CsvReadResult {
  readonly rows: string[][];
  readonly delimiter: Delimiter;
}

/**
 * Parses delimited text held in memory.
 * @example parseCsv('customer;amount\n0012;1,50\n').rows // [['customer', 'amount'], ['0012', '1,50']]
 */
export function parseCsv(text: string, options: Omit<CsvReadOptions, 'onProgress'> = {}): CsvReadResult {
  const delimiter = options.delimiter ?? sniffDelimiter(text.slice(0, 65536), text.length <= 65536);
  return { rows: new CsvRowParser(delimiter).push(text).finish().rows, delimiter };
}

const SNIFF_BYTES = 65536;

/**
 * Reads a delimited text file in chunks (UTF-8), sniffing the delimiter from its first chunk.
 * Rejects with the file system's error (e.g. `ENOENT`) when it cannot be read.
 * @example const { rows, delimiter } = await readCsvFile('orders.csv', { onProgress: (n) => log(n) });
 */
export async function readCsvFile(path: string, options: CsvReadOptions = {}): Promise<CsvReadResult> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const every = options.progressEvery ?? 100_000;
  let parser: CsvRowParser | undefined;
  let buffered = '';
  let nextReport = every;
  for await (const chunk of stream as AsyncIterable<string>) {
    if (!parser) {
      buffered += chunk;
      if (buffered.length < SNIFF_BYTES) continue;
      parser = new CsvRowParser(options.delimiter ?? sniffDelimiter(buffered.slice(0, SNIFF_BYTES * 4)));
      parser.push(buffered);
      buffered = '';
    } else {
      parser.push(chunk);
    }
    if (options.onProgress && parser.rows.length >= nextReport) {
      options.onProgress(parser.rows.length);
      nextReport = parser.rows.length + every;
    }
  }
  if (!parser) {
    parser = new CsvRowParser(options.delimiter ?? sniffDelimiter(buffered, true));
    parser.push(buffered);
  }
  parser.finish();
  options.onProgress?.(parser.rows.length);
  return { rows: parser.rows, delimiter: parser.delimiter };
}
