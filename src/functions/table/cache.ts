/**
 * One ingested copy of each table that cells name. The first cell naming a table starts the read
 * (in chunks, by the host) and the watch for changes; every other cell naming it shares the read
 * and the ingested `OrdersTable`. When the table changes, the changes are gathered for a moment
 * (`debounceMs`), the table is read and ingested once more, and every cell gets its value again.
 * A cell that is cancelled stops getting values at once; when no cell names a table any more,
 * its read is abandoned, the watch stopped and the table dropped from memory.
 */
import { ingestOrders } from '../../core/ingest';
import type { OrdersTable } from '../../core/table';
import type { ExcelFunctionError } from '../errors';
import { excelError, isExcelFunctionError } from '../errors';
import type { ReadSignal, TableRows, TableSource } from './source';
import { isTableReadError } from './source';

/** A table as its cells see it: ingested, at a version that grows with every change. */
export interface IngestedTable {
  readonly name: string;
  readonly orders: OrdersTable;
  readonly version: number;
  /** Results computed on this version, shared by the cells (keys are the computations' own). */
  readonly memo: Map<string, unknown>;
  /** What the cells listening now asked for (their `demand`s), so work can be done for all at once. */
  demands(): unknown[];
}

/** What a cell is told: the table, or the error to show (no such table, no orders columns). */
export type TableState = IngestedTable | ExcelFunctionError;
export type TableListener = (state: TableState) => void;

/** Timers, replaceable in tests. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface TableCacheOptions {
  /** Quiet time after the last change before the table is read again (default 400 ms). */
  readonly debounceMs?: number;
  /**
   * Longest run of cell computations before the cache lets the host breathe (a zero-delay
   * timer), so 100 cells recomputed after an edit do not freeze the pane (default 50 ms).
   */
  readonly sliceMs?: number;
  readonly timers?: Timers;
  readonly now?: () => number;
}

/** How much work the cache did: reads and ingestions of tables, values pushed to cells. */
export interface TableCacheStats {
  reads: number;
  ingestions: number;
  pushes: number;
}

const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

class Entry {
  /** Each listening cell and what it asked for. */
  readonly listeners = new Map<TableListener, unknown>();
  state: TableState | undefined;
  version = 0;
  reading: { aborted: boolean } | undefined;
  timer: unknown;
  stopWatching: Promise<(() => Promise<void>) | undefined> | undefined;
  dropped = false;
  constructor(
    readonly key: string,
    readonly name: string,
  ) {}
}

/**
 * The tables cells name, read and ingested once per version.
 * @example
 * const cache = new TableCache(source);
 * const stop = cache.subscribe('Orders', (state) => invocation.setResult(valueOf(state)));
 * invocation.onCanceled = stop;
 */
export class TableCache {
  readonly stats: TableCacheStats = { reads: 0, ingestions: 0, pushes: 0 };
  private readonly entries = new Map<string, Entry>();
  private readonly timers: Timers;
  private readonly now: () => number;

  constructor(
    private readonly source: TableSource,
    private readonly options: TableCacheOptions = {},
  ) {
    this.timers = options.timers ?? REAL_TIMERS;
    this.now = options.now ?? (() => Date.now());
  }

  /** The tables some cell names now (their names as first written). */
  tables(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** Cells listening to a table (0 when it is not in the cache). */
  listeners(name: string): number {
    return this.entries.get(keyOf(name))?.listeners.size ?? 0;
  }

  /**
   * Calls `listener` with the table now (when it is ingested already) and after every change,
   * until the returned function is called. Names are matched without regard to case, as Excel
   * matches table names. `demand` says what the cell computes (see `IngestedTable.demands`).
   */
  subscribe(name: string, listener: TableListener, demand?: unknown): () => void {
    const key = keyOf(name);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = new Entry(key, name.trim());
      this.entries.set(key, entry);
      this.watch(entry);
      void this.load(entry);
    } else if (entry.state !== undefined) {
      const known = entry;
      const state = entry.state;
      queueMicrotask(() => {
        if (known.listeners.has(listener) && known.state === state) this.push(listener, state);
      });
    }
    entry.listeners.set(listener, demand);
    const subscribed = entry;
    return () => this.unsubscribe(subscribed, listener);
  }

  private unsubscribe(entry: Entry, listener: TableListener): void {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0 || entry.dropped) return;
    entry.dropped = true;
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
    if (entry.timer !== undefined) this.timers.clear(entry.timer);
    if (entry.reading) entry.reading.aborted = true;
    entry.state = undefined;
    void entry.stopWatching?.then((stop) => stop?.()).catch(() => undefined);
  }

  private watch(entry: Entry): void {
    // A table that cannot be watched is still read once; its cells then update on recalculation.
    entry.stopWatching = this.source
      .watch(entry.name, () => this.changed(entry))
      .then(
        (stop) => stop,
        () => undefined,
      );
  }

  /** A change: read again once the changes have stopped for `debounceMs`. */
  private changed(entry: Entry): void {
    if (entry.dropped) return;
    if (entry.timer !== undefined) this.timers.clear(entry.timer);
    entry.timer = this.timers.set(() => {
      entry.timer = undefined;
      void this.load(entry);
    }, this.options.debounceMs ?? 400);
  }

  private async load(entry: Entry): Promise<void> {
    if (entry.reading) entry.reading.aborted = true;
    const signal = { aborted: false };
    entry.reading = signal;
    const version = ++entry.version;
    const state = await this.read(entry, signal, version);
    if (signal.aborted || entry.dropped || state === undefined) return;
    entry.reading = undefined;
    entry.state = state;
    await this.notify(entry, state, version);
  }

  /** Reads and ingests the table, or says why it cannot; `undefined` when abandoned. */
  private async read(entry: Entry, signal: ReadSignal, version: number): Promise<TableState | undefined> {
    try {
      this.stats.reads++;
      const read = await this.source.read(entry.name, signal);
      if (signal.aborted) return undefined;
      const listeners = entry.listeners;
      return ingestTable(
        entry.name,
        read,
        version,
        () => [...listeners.values()],
        () => this.stats.ingestions++,
      );
    } catch (error) {
      if (signal.aborted) return undefined;
      if (isExcelFunctionError(error)) return error;
      const text = error instanceof Error ? error.message : String(error);
      return isTableReadError(error)
        ? excelError('#VALUE!', oneLine(text))
        : excelError('#N/A', `${entry.name} could not be read: ${oneLine(text)}`);
    }
  }

  /** Pushes a version to every cell still listening, stopping when a newer version exists. */
  private async notify(entry: Entry, state: TableState, version: number): Promise<void> {
    const slice = this.options.sliceMs ?? 50;
    let since = this.now();
    for (const listener of [...entry.listeners.keys()]) {
      if (entry.dropped || entry.version !== version) return;
      if (!entry.listeners.has(listener)) continue;
      this.push(listener, state);
      if (this.now() - since >= slice) {
        await new Promise<void>((resolve) => this.timers.set(resolve, 0));
        since = this.now();
      }
    }
  }

  private push(listener: TableListener, state: TableState): void {
    this.stats.pushes++;
    listener(state);
  }
}

/**
 * A table's rows ingested as its cells see them (or the error they show), with the saved mapping
 * first and the fallback when that finds no orders. `demands` lists what the cells ask for.
 * @example ingestTable('Orders', { rows, ingest: {} }, 1, () => []) // { name: 'Orders', orders, version: 1, … }
 */
export function ingestTable(
  name: string,
  read: TableRows,
  version: number,
  demands: () => unknown[],
  counted: () => void = () => undefined,
): TableState {
  counted();
  let result = ingestOrders(read.rows, read.ingest);
  if (!result.table && read.fallback) {
    counted();
    result = ingestOrders(read.rows, read.fallback);
  }
  if (!result.table) return excelError('#VALUE!', `${name}: ${oneLine(result.error ?? 'no usable orders')}`);
  return {
    name,
    orders: result.table,
    version,
    memo: new Map(),
    demands: () => demands().filter((d) => d !== undefined),
  };
}

function keyOf(name: string): string {
  return name.trim().toLowerCase();
}

function oneLine(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .slice(0, 250);
}
