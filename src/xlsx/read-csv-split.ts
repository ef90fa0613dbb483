/**
 * A large CSV file read on two threads: this thread parses the first half while a worker thread
 * parses the rest (from a line start) into a {@link CsvPart}, which the first half's parser then
 * appends. The worker runs the built `csv-worker.cjs` next to the built command line, or the
 * TypeScript entry through tsx when running from the sources; where neither can start, the file is
 * read on one thread.
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

/** What the worker answers. */
export type CsvPartAnswer = { readonly part: CsvPart } | { readonly error: string };

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

/**
 * A part of a file being read by a worker thread.
 * @example
 * const reader = CsvPartReader.start({ path, start: split, delimiter: ',', expectedRows });
 * const part = await reader?.result; // undefined when the worker failed: read the bytes here instead
 */
export class CsvPartReader {
  /** The part, or `undefined` when the worker could not read it (then nothing of it is used). */
  readonly result: Promise<CsvPart | undefined>;

  private constructor(private readonly worker: Worker) {
    this.result = new Promise((resolve) => {
      worker.once('message', (answer: CsvPartAnswer) => resolve('part' in answer ? answer.part : undefined));
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
  }

  /** Starts a worker on `request`; `undefined` when no worker can run here. */
  static start(request: CsvPartRequest): CsvPartReader | undefined {
    const entry = workerEntry();
    if (!entry) return undefined;
    try {
      return new CsvPartReader(new Worker(entry.file, { workerData: request, execArgv: entry.execArgv }));
    } catch {
      return undefined;
    }
  }

  /** Stops the worker (its part is not wanted). */
  cancel(): void {
    void this.worker.terminate();
  }
}
