/**
 * A large CSV file read on two threads: this thread parses the first half while a worker thread
 * parses the rest (from a line start) into a {@link CsvPart}, which the first half's parser then
 * appends. The worker runs the built `csv-worker.cjs` next to the built command line, or the
 * TypeScript entry through tsx when running from the sources; where neither can start, the file is
 * read on one thread.
 *
 * Once its part is read the worker is idle while this thread parses and merges: it then maps in
 * the memory this thread is about to write for the first time (see {@link CsvWarmRequest}), since
 * a first write to each 4 KB page costs a page fault, some 10 microseconds: a hundred milliseconds
 * for the 40 MB of columns a million rows make.
 *
 * A worker takes a while to start (its own Node.js runtime), so it is started before its request
 * is known and waits for it: the command line's launcher starts one before loading the command
 * line when an argument is a large file (see `STANDBY_KEY`), else the reader starts one as soon
 * as it knows the file's size.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CsvPart } from './read-csv-columns';

/** What the worker reads: the file's bytes from `start`, which starts a row, to its end. */
export interface CsvPartRequest {
  readonly path: string;
  readonly start: number;
  readonly delimiter: string;
  readonly expectedRows: number;
}

/**
 * Memory the worker writes each page of once its part is read, in order, keeping what the page
 * holds (an atomic add of 0, so a write of this thread to the same place is never lost). Sent after
 * a {@link CsvPartRequest}, any number of them, the `last` one ending the worker once done.
 */
export interface CsvWarmRequest {
  readonly warm: readonly SharedArrayBuffer[];
  readonly last?: boolean;
}

/** Bytes of a memory page (where pages are smaller, some are left to map in on first write). */
const PAGE_BYTES = 4096;

/**
 * Writes each page of `request`'s buffers once, keeping what it holds: an atomic add of 0, so a
 * concurrent write of another thread to the same place stands.
 * @example warm({ warm: [buffer] }) // buffer unchanged, its pages mapped in
 */
export function warm(request: CsvWarmRequest): void {
  for (const buffer of request.warm) {
    const words = new Int32Array(buffer, 0, buffer.byteLength >> 2);
    for (let i = 0; i < words.length; i += PAGE_BYTES >> 2) Atomics.add(words, i, 0);
  }
}

/** What the worker answers. */
export type CsvPartAnswer = { readonly part: CsvPart } | { readonly error: string };

/**
 * Where a launcher leaves a worker it started early (running `csv-worker.cjs`, unreferenced, not
 * yet asked anything) for the first reader to take; `scripts/cli-bundle.js` uses the same key.
 */
export const STANDBY_KEY = Symbol.for('sales-metrics.csv-part-worker');

/** The worker's script and the options that make it runnable here. */
function workerEntry(): { readonly file: string; readonly execArgv?: string[] } | undefined {
  // In the built command line `__dirname` is the bundle's folder, where the worker is built too.
  const built = join(__dirname, 'csv-worker.cjs');
  if (existsSync(built)) return { file: built };
  const source = join(__dirname, 'read-csv-worker.ts');
  if (!existsSync(source)) return undefined;
  try {
    return { file: source, execArgv: ['--require', require.resolve('tsx/cjs')] };
  } catch {
    return undefined;
  }
}

/** The worker a launcher started early, taken once. */
function standbyWorker(): Worker | undefined {
  const slots = globalThis as { [STANDBY_KEY]?: Worker };
  const worker = slots[STANDBY_KEY];
  delete slots[STANDBY_KEY];
  return worker instanceof Worker ? worker : undefined;
}

/**
 * A worker thread that reads a part of a file once asked.
 * @example
 * const reader = CsvPartReader.spawn(); // as early as possible: the worker starts meanwhile
 * reader?.read({ path, start: split, delimiter: ',', expectedRows });
 * const part = await reader?.result; // undefined when the worker failed: read the bytes here instead
 */
export class CsvPartReader {
  /** The part, or `undefined` when the worker could not read it (then nothing of it is used). */
  readonly result: Promise<CsvPart | undefined>;

  private constructor(private readonly worker: Worker) {
    // Not asked yet, the worker does not keep the process alive.
    worker.unref();
    this.result = new Promise((resolve) => {
      worker.once('message', (answer: CsvPartAnswer) => resolve('part' in answer ? answer.part : undefined));
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
  }

  /** A worker waiting for its request (the launcher's, else a new one); `undefined` when none can run here. */
  static spawn(): CsvPartReader | undefined {
    const standby = standbyWorker();
    if (standby) return new CsvPartReader(standby);
    const entry = workerEntry();
    if (!entry) return undefined;
    try {
      return new CsvPartReader(new Worker(entry.file, { execArgv: entry.execArgv }));
    } catch {
      return undefined;
    }
  }

  /** Asks the worker to read `request`; its part comes as `result`. */
  read(request: CsvPartRequest): this {
    this.worker.ref();
    this.worker.postMessage(request);
    // What the worker does after its part (see `warm`) does not keep the process alive.
    void this.result.then(() => this.worker.unref());
    return this;
  }

  /**
   * Asks the worker, once its part is read, to map in memory this thread will write (see
   * {@link CsvWarmRequest}); after {@link read}, until a `last` request.
   */
  warm(request: CsvWarmRequest): void {
    this.worker.postMessage(request);
  }

  /** Stops the worker (its part is not wanted, or it was never asked). */
  cancel(): void {
    void this.worker.terminate();
  }
}
