/**
 * Reads the columns that got a role: chooses each column's format from a sample (date order,
 * number style) unless the options fix it, then runs the column's reader. Required roles are read
 * first, so optional columns only look at rows that survive.
 */
import type { ColumnRole, DictColumn, TableKind } from '../table';
import { REQUIRED_ROLES } from '../table';
import { type DateOrder, inferDateOrderEvidence } from './dates';
import { type NumberStyle, inferCurrencyMarker, inferNumberStyle } from './numbers';
import { type Frame, columnSample } from './frame';
import { type RoleDetection, ROLES_BY_KIND, VALUE_KIND } from './roles';
import type { IngestOptions } from './ingest';
import {
  amountReader,
  cellReader,
  dateReader,
  dictReader,
  statusReader,
  type ColumnReader,
  type ColumnSpec,
} from './readers';
import { periodKeyOf } from './targets';
import { detectIdPattern } from './int-codes';

/** How one column was read. */
export interface ColumnFormat {
  readonly role: ColumnRole;
  readonly column: number;
  readonly header: string;
  readonly dateOrder?: DateOrder;
  readonly numberStyle?: NumberStyle;
  /** The currency marker most of an amount column's text carries (`Rp`, `$`, `€`), if any. */
  readonly currency?: string;
}

export type RoleColumn =
  | { readonly type: 'date' | 'number'; readonly data: Float64Array }
  | { readonly type: 'dict'; readonly data: DictColumn }
  | { readonly type: 'status'; readonly data: Uint8Array }
  | { readonly type: 'period'; readonly data: readonly (string | undefined)[] };

const ORDER_WORDS: Readonly<Record<DateOrder, string>> = {
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
};

function chooseDateOrder(frame: Frame, spec: ColumnSpec, options: IngestOptions, notes: string[]): DateOrder {
  if (options.dateOrder) return options.dateOrder;
  const evidence = inferDateOrderEvidence(
    columnSample(frame, spec.column),
    options.defaultDateOrder ?? 'mdy',
  );
  if (evidence.conflicting) {
    notes.push(
      `'${spec.header}': dates read as ${ORDER_WORDS[evidence.order]} by majority ` +
        `(${evidence.dmyVotes} sampled cells are day-first only, ${evidence.mdyVotes} month-first only); ` +
        'cells that do not fit are reported.',
    );
  } else if (!evidence.fallback && evidence.order !== (options.defaultDateOrder ?? 'mdy')) {
    notes.push(`'${spec.header}': dates read as ${ORDER_WORDS[evidence.order]}.`);
  }
  return evidence.order;
}

function chooseNumberStyle(
  frame: Frame,
  spec: ColumnSpec,
  options: IngestOptions,
  notes: string[],
): NumberStyle {
  if (options.numberStyle) return options.numberStyle;
  const style = inferNumberStyle(columnSample(frame, spec.column));
  if (style === 'comma-decimal') notes.push(`'${spec.header}': amounts read with comma decimals (1.250,00).`);
  return style;
}

/**
 * The output columns' memory. V8 starts a full garbage collection, marking the whole heap (at a
 * million rows mostly the input's row arrays), when memory outside the heap grows by more than
 * 64 MB since the last one; the output columns of a million-row orders sheet alone are about that
 * much, and that collection cost ingestion more time than reading all its columns (about 400 ms
 * of 1,000, measured). Memory of a `SharedArrayBuffer` is not counted towards that limit, so where
 * the runtime offers one (Node, cross-origin-isolated pages) the columns are carved from it, and
 * from an `ArrayBuffer` elsewhere. The views behave the same either way (only their `.buffer`'s
 * type differs, which nothing reads), and the memory is freed with the table as usual.
 */
const ColumnBuffer: new (bytes: number) => ArrayBufferLike =
  typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;

/**
 * One buffer for all output columns: each large typed array allocated on its own can start a
 * garbage collection (see {@link ColumnBuffer}), so they are carved from one.
 */
function columnArena(count: number, kinds: readonly (string | undefined)[], extraCount: number) {
  const float64s = kinds.filter((k) => k === 'date' || k === 'number').length;
  const int32s = kinds.filter((k) => k === 'id' || k === 'label').length + extraCount;
  const buffer = new ColumnBuffer(count * (8 * float64s + 4 * int32s));
  // Float64 views first (their offsets must be multiples of 8), Int32 views after them.
  let float64Offset = 0;
  let int32Offset = 8 * count * float64s;
  return {
    float64(): Float64Array {
      const view = new Float64Array(buffer, float64Offset, count);
      float64Offset += 8 * count;
      return view;
    },
    int32(): Int32Array {
      const view = new Int32Array(buffer, int32Offset, count);
      int32Offset += 4 * count;
      return view;
    },
  };
}

/** Rows per block: every reader runs over one block before the next, while its rows are in cache. */
const BLOCK_ROWS = 1024;

/**
 * Reads every role column of the detection and the extra text columns; returns the columns
 * (not yet compacted) and their formats.
 */
export function readRoleColumns(
  frame: Frame,
  kind: TableKind,
  detection: RoleDetection,
  options: IngestOptions,
  notes: string[],
  extraColumns: readonly { column: number; header: string }[] = [],
): {
  columns: Partial<Record<ColumnRole, RoleColumn>>;
  extras: Map<string, DictColumn>;
  formats: ColumnFormat[];
  /** Length of the longest data row (rows of every fate), for the caller's width check. */
  widest: number;
} {
  const required = REQUIRED_ROLES[kind];
  const order = [...required, ...ROLES_BY_KIND[kind].filter((role) => !required.includes(role))];
  const formats: ColumnFormat[] = [];
  // Required columns come first in `readers`, so within a block optional columns only read rows
  // that survived.
  const readers: ColumnReader<unknown>[] = [];
  const finishers: (() => void)[] = [];
  const columns: Partial<Record<ColumnRole, RoleColumn>> = {};
  const arena = columnArena(
    frame.count,
    order.map((role) => (detection.roles[role] ? VALUE_KIND[role] : undefined)),
    extraColumns.length,
  );
  for (const role of order) {
    const guess = detection.roles[role];
    if (!guess) continue;
    const spec: ColumnSpec = {
      column: guess.column,
      header: guess.header,
      required: required.includes(role),
    };
    const kindOfValue = VALUE_KIND[role];
    if (kindOfValue === 'date') {
      const dateOrder = chooseDateOrder(frame, spec, options, notes);
      const reader = dateReader(
        frame,
        spec,
        { order: dateOrder, system: options.dateSystem },
        arena.float64(),
      );
      readers.push(reader);
      finishers.push(() => {
        columns[role] = { type: 'date', data: reader.result() };
      });
      formats.push({ role, column: spec.column, header: spec.header, dateOrder });
    } else if (kindOfValue === 'number') {
      const numberStyle = chooseNumberStyle(frame, spec, options, notes);
      const reader = amountReader(frame, spec, numberStyle, arena.float64());
      readers.push(reader);
      finishers.push(() => {
        columns[role] = { type: 'number', data: reader.result() };
      });
      const currency = role === 'amount' ? inferCurrencyMarker(columnSample(frame, spec.column)) : undefined;
      formats.push({
        role,
        column: spec.column,
        header: spec.header,
        numberStyle,
        ...(currency ? { currency } : {}),
      });
    } else if (kindOfValue === 'status') {
      const reader = statusReader(frame, spec);
      readers.push(reader);
      finishers.push(() => {
        const { codes, unknown } = reader.result();
        if (unknown > 0)
          notes.push(`'${spec.header}': ${unknown} row(s) with an unknown status were counted as open.`);
        columns[role] = { type: 'status', data: codes };
      });
      formats.push({ role, column: spec.column, header: spec.header });
    } else if (kindOfValue === 'period') {
      const reader = cellReader(frame, spec, periodKeyOf);
      readers.push(reader);
      finishers.push(() => {
        columns[role] = { type: 'period', data: reader.result() };
      });
      formats.push({ role, column: spec.column, header: spec.header });
    } else {
      const reader = dictReader(
        frame,
        spec,
        true,
        detectIdPattern(columnSample(frame, spec.column)),
        arena.int32(),
      );
      readers.push(reader);
      finishers.push(() => {
        columns[role] = { type: 'dict', data: reader.result() };
      });
      formats.push({ role, column: spec.column, header: spec.header });
    }
  }
  const extras = new Map<string, DictColumn>();
  for (const { column, header } of extraColumns) {
    const reader = dictReader(
      frame,
      { column, header, required: false },
      false,
      detectIdPattern(columnSample(frame, column)),
      arena.int32(),
    );
    readers.push(reader);
    finishers.push(() => {
      extras.set(header, reader.result());
    });
  }
  const { values, start } = frame;
  let widest = 0;
  for (let from = 0; from < frame.count; from += BLOCK_ROWS) {
    const to = Math.min(frame.count, from + BLOCK_ROWS);
    // The block's rows are fetched here once; the readers below find them in cache.
    for (let i = start + from; i < start + to; i++) {
      const row = values[i];
      if (row !== null && row !== undefined && typeof row === 'object' && row.length > widest)
        widest = row.length;
    }
    for (let r = 0; r < readers.length; r++) readers[r].read(from, to);
  }
  for (const finish of finishers) finish();
  return { columns, extras, formats, widest };
}
