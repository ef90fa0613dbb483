/**
 * Test doubles for the table functions: a workbook of tables in memory that counts reads and
 * fires change events, timers that advance by hand, and invocations that record what Excel
 * would show in the cell.
 */
import type { CellValue } from '../../../src/core/cell';
import type { Timers } from '../../../src/functions/table/cache';
import type { ReadSignal, TableRows, TableSource } from '../../../src/functions/table/source';
import { TableReadError } from '../../../src/functions/table/source';

/** Tables by name, read from memory; each read is counted and can be held back to test aborts. */
export class MemoryTables implements TableSource {
  readonly tables = new Map<string, CellValue[][]>();
  readonly reads: string[] = [];
  readonly aborted: string[] = [];
  private readonly watchers = new Map<string, Set<() => void>>();
  stopped = 0;
  /** When set, reads wait until `release()`. */
  private held: (() => void)[] | undefined;

  set(name: string, rows: CellValue[][]): void {
    this.tables.set(name.toLowerCase(), rows);
  }

  /** A person edits the table: new rows, and the table's change event fires. */
  edit(name: string, rows: CellValue[][]): void {
    this.set(name, rows);
    for (const fire of this.watchers.get(name.toLowerCase()) ?? []) fire();
  }

  hold(): void {
    this.held = [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    waiting.forEach((go) => go());
  }

  watching(name: string): number {
    return this.watchers.get(name.toLowerCase())?.size ?? 0;
  }

  async read(name: string, signal: ReadSignal): Promise<TableRows> {
    this.reads.push(name);
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    if (signal.aborted) {
      this.aborted.push(name);
      throw new Error('The read was cancelled.');
    }
    const rows = this.tables.get(name.toLowerCase());
    if (!rows) throw new TableReadError(`no table named "${name}" in this workbook`);
    return { rows, ingest: {} };
  }

  async watch(name: string, onChange: () => void): Promise<() => Promise<void>> {
    const key = name.toLowerCase();
    const set = this.watchers.get(key) ?? new Set();
    set.add(onChange);
    this.watchers.set(key, set);
    return async () => {
      set.delete(onChange);
      this.stopped++;
    };
  }
}

/** Timers that run only when the test advances the clock. */
export class ManualTimers implements Timers {
  now = 0;
  private pending: { run: () => void; due: number; id: number }[] = [];
  private nextId = 1;

  set(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ run, due: this.now + ms, id });
    return id;
  }

  clear(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  /** Moves the clock and runs what falls due, letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await settle();
      const due = this.pending.filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.now = Math.max(this.now, due.due);
      due.run();
    }
    this.now = end;
    await settle();
  }
}

/** Lets every pending promise callback run (a few rounds of the event loop). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** What Excel's streaming invocation records: every value pushed, and the cancel hook. */
export class Cell<T = unknown> {
  readonly results: unknown[] = [];
  onCanceled?: () => void;
  setResult(value: T | unknown): void {
    this.results.push(value);
  }
  get last(): unknown {
    return this.results[this.results.length - 1];
  }
  cancel(): void {
    this.onCanceled?.();
  }
}
