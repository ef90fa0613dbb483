/**
 * Reads the columns that got a role: chooses each column's format from a sample (date order,
 * number style) unless the options fix it, then runs the column's reader. Required roles are read
 * first, so optional columns only look at rows that survive.
 */
import type { ColumnRole, DictColumn, TableKind } from '../table';
import { REQUIRED_ROLES } from '../table';
import type { DateOrder } from './dates';
import { type NumberStyle, inferCurrencyMarker } from './numbers';
import { type Frame, columnSample } from './frame';
import { type RoleDetection, ROLES_BY_KIND, VALUE_KIND } from './roles';
import type { IngestOptions } from './ingest';
import type { ReadingBasis, TableConventions } from './conventions';
import {
  amountReader,
  cellReader,
  dateReader,
  dictReader,
  statusReader,
  type ColumnReader,
  type ColumnSpec,
  type DictColumnReader,
} from './readers';
import { periodKeyOf } from './targets';
import { widestRow } from './columnar';
import type { SpareMemory } from '../spare-memory';
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
  /**
   * What settled the date order or number style when the column's cells fit two readings
   * (`currency`, `file`, `default`); absent when the cells or the user settled it.
   */
  readonly basis?: ReadingBasis;
}

/** A text column that was read (a role's or an extra one), for looking its texts up afterwards. */
export interface TextColumn {
  readonly column: number;
  readonly header: string;
  readonly role?: ColumnRole;
  readonly reader: DictColumnReader;
}

export type RoleColumn =
  | { readonly type: 'date' | 'number'; readonly data: Float64Array }
  | { readonly type: 'dict'; readonly data: DictColumn }
  | { readonly type: 'status'; readonly data: Uint8Array }
  | { readonly type: 'period'; readonly data: readonly (string | undefined)[] };

/** The basis of an ambiguous reading, for `ColumnFormat`. */
function basisOf(basis: ReadingBasis): { basis?: ReadingBasis } {
  return basis === 'cells' || basis === 'given' ? {} : { basis };
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
 * garbage collection (see {@link ColumnBuffer}), so they are carved from one; from the memory the
 * file reader set aside when it did (see `SpareMemory`).
 */
function columnArena(
  count: number,
  kinds: readonly (string | undefined)[],
  extraCount: number,
  memory: SpareMemory | undefined,
) {
  const float64s = kinds.filter((k) => k === 'date' || k === 'number').length;
  const int32s = kinds.filter((k) => k === 'id' || k === 'label').length + extraCount;
  const bytes = count * (8 * float64s + 4 * int32s);
  const piece = memory?.take(bytes);
  const buffer = piece?.buffer ?? new ColumnBuffer(bytes);
  // Float64 views first (their offsets must be multiples of 8), Int32 views after them.
  let float64Offset = piece?.offset ?? 0;
  let int32Offset = float64Offset + 8 * count * float64s;
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
  conventions: TableConventions,
  notes: string[],
  attention: string[],
  extraColumns: readonly { column: number; header: string }[] = [],
): {
  columns: Partial<Record<ColumnRole, RoleColumn>>;
  extras: Map<string, DictColumn>;
  formats: ColumnFormat[];
  /** Length of the longest data row (rows of every fate), for the caller's width check. */
  widest: number;
  /** The text columns read, role columns first. */
  textColumns: TextColumn[];
} {
  const required = REQUIRED_ROLES[kind];
  const order = [...required, ...ROLES_BY_KIND[kind].filter((role) => !required.includes(role))];
  const formats: ColumnFormat[] = [];
  // Required columns come first in `readers`, so within a block optional columns only read rows
  // that survived.
  const readers: ColumnReader<unknown>[] = [];
  const finishers: (() => void)[] = [];
  const columns: Partial<Record<ColumnRole, RoleColumn>> = {};
  const textColumns: TextColumn[] = [];
  // A pipeline without a stage column of its own: the status column's text is the stage.
  const stageFromStatus = kind === 'pipeline' && !detection.roles.stage ? detection.roles.status : undefined;
  const arena = columnArena(
    frame.count,
    order.map((role) => (detection.roles[role] ? VALUE_KIND[role] : undefined)),
    extraColumns.length + (stageFromStatus ? 1 : 0),
    frame.columns?.memory,
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
      const reading = conventions.dateReading(role, spec.header);
      notes.push(...(reading.info ?? []), ...reading.notes);
      attention.push(...reading.notes);
      const dateOrder = reading.order;
      const reader = dateReader(
        frame,
        spec,
        { order: dateOrder, system: options.dateSystem, serialText: reading.serialText },
        arena.float64(),
      );
      readers.push(reader);
      finishers.push(() => {
        columns[role] = { type: 'date', data: reader.result() };
      });
      formats.push({ role, column: spec.column, header: spec.header, dateOrder, ...basisOf(reading.basis) });
    } else if (kindOfValue === 'number') {
      const reading = conventions.numberReading(role, spec.header);
      notes.push(...(reading.info ?? []), ...reading.notes);
      attention.push(...reading.notes);
      const numberStyle = reading.style;
      const reader = amountReader(frame, spec, numberStyle, arena.float64(), reading.wholeUnits);
      readers.push(reader);
      finishers.push(() => {
        columns[role] = { type: 'number', data: reader.result() };
      });
      const currency = role === 'amount' ? inferCurrencyMarker(conventions.sampleOf(role)) : undefined;
      formats.push({
        role,
        column: spec.column,
        header: spec.header,
        numberStyle,
        ...(currency ? { currency } : {}),
        ...basisOf(reading.basis),
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
      textColumns.push({ column: spec.column, header: spec.header, role, reader });
      finishers.push(() => {
        columns[role] = { type: 'dict', data: reader.result() };
      });
      formats.push({ role, column: spec.column, header: spec.header });
    }
  }
  if (stageFromStatus) {
    const { column, header } = stageFromStatus;
    const reader = dictReader(frame, { column, header, required: false }, false, undefined, arena.int32());
    readers.push(reader);
    finishers.push(() => {
      columns.stage = { type: 'dict', data: reader.result() };
    });
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
    textColumns.push({ column, header, reader });
    finishers.push(() => {
      extras.set(header, reader.result());
    });
  }
  const { values, start } = frame;
  const columnar = frame.columns;
  let widest = columnar ? widestRow(columnar, start, start + frame.count) : 0;
  for (let from = 0; from < frame.count; from += BLOCK_ROWS) {
    const to = Math.min(frame.count, from + BLOCK_ROWS);
    // The block's rows are fetched here once; the readers below find them in cache.
    if (!columnar)
      for (let i = start + from; i < start + to; i++) {
        const row = values[i];
        if (row !== null && row !== undefined && typeof row === 'object' && row.length > widest)
          widest = row.length;
      }
    for (let r = 0; r < readers.length; r++) readers[r].read(from, to);
  }
  for (const finish of finishers) finish();
  return { columns, extras, formats, widest, textColumns };
}
