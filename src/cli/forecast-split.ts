/**
 * The fits of the dashboard's revenue outlook made on two threads: a worker thread fits some of
 * the candidate models (at every backtest origin) while this thread fits the others, and the
 * outlook then takes them all from the memo (`core/forecast/fit-memo.ts`) with nothing left to
 * search. Each model's fits depend only on its own earlier ones, so the fits are the ones one
 * thread would make, to the last bit. The worker runs the built `forecast-worker.cjs` next to the
 * built command line, or the TypeScript entry through tsx when running from the sources; where it
 * cannot start or fails, its models are fitted here when the outlook needs them.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MetricError } from '../core/errors';
import {
  candidateSpecs,
  modelName,
  outlookFits,
  type FitMemo,
  type FittedEts,
  type ModelSpec,
} from '../core/forecast';
import type { PeriodUnit } from '../core/periods';

/** What the worker fits. */
export interface OutlookFitsRequest {
  readonly values: readonly number[];
  readonly unit: PeriodUnit;
  readonly backtest: boolean;
  /** The models (`ETS(M,A,M)`…), the heaviest first: each thread takes the next one not taken. */
  readonly order: readonly string[];
  /** One Int32: the index of the next model to take, shared by both threads. */
  readonly next: SharedArrayBuffer;
}

/** What the worker answers: its memo's entries. */
export type OutlookFitsAnswer =
  { readonly fits: readonly (readonly [string, FittedEts | MetricError])[] } | { readonly error: string };

/**
 * Takes the request's models one at a time, the next one neither thread has taken, and makes all
 * of its fits into `fits`, until none is left: the threads share the work whatever each model
 * costs and whenever each starts.
 */
export function fitInTurn(request: OutlookFitsRequest, fits: FitMemo['fits']): void {
  const next = new Int32Array(request.next);
  for (let i = Atomics.add(next, 0, 1); i < request.order.length; i = Atomics.add(next, 0, 1))
    outlookFits(request.values, request.unit, request.backtest, { fits, only: new Set([request.order[i]]) });
}

/** The worker's young generation: its fits keep little, so a small one costs few collections and little memory. */
const YOUNG_MB = 4;

/** Fewer complete periods than this: one thread fits them sooner than a second one starts. */
const MIN_SHARED_PERIODS = 24;

/**
 * A model's rough share of the work (a multiplicative season or error searches all its states in
 * up to 17 dimensions; a trend, and more so a damped one, adds to it): the heaviest are taken
 * first, so neither thread is left with a heavy one at the end.
 */
function weightOf(spec: ModelSpec): number {
  if (spec.season === 'N') return 1;
  const trend = spec.trend === 'N' ? 1 : spec.trend === 'A' ? 2 : 2.5;
  return (spec.error === 'M' ? 8 : 5) * trend;
}

/** Held memory past which the worker's own heap (some 10 MB) would raise a large build's peak. */
const MAX_RSS_FOR_WORKER = 256 * 1024 * 1024;

/**
 * True when a second thread pays: the machine has a core to spare (the last minute's load below
 * the cores; on a busy machine a second thread only adds its start and its own compiling to the
 * work) and the data is not so large that the worker's heap would raise the run's peak memory
 * (there the fits are a small part of the run anyway).
 */
function hasSpareCore(): boolean {
  return loadavg()[0] < availableParallelism() && process.memoryUsage.rss() < MAX_RSS_FOR_WORKER;
}

/** The worker's script and the options that make it runnable here. */
function workerEntry(): { readonly file: string; readonly execArgv?: string[] } | undefined {
  // In the built command line `__dirname` is the bundle's folder, where the worker is built too.
  const built = join(__dirname, 'forecast-worker.cjs');
  if (existsSync(built)) return { file: built };
  const source = join(__dirname, 'forecast-worker.ts');
  if (!existsSync(source)) return undefined;
  try {
    return { file: source, execArgv: ['--require', require.resolve('tsx/cjs')] };
  } catch {
    return undefined;
  }
}

/** The worker's fits, or none when it could not start or failed. */
function workerFits(request: OutlookFitsRequest): Promise<OutlookFitsAnswer> {
  const entry = workerEntry();
  if (!entry) return Promise.resolve({ error: 'no worker' });
  return new Promise((resolve) => {
    try {
      const worker = new Worker(entry.file, {
        workerData: request,
        execArgv: entry.execArgv,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB },
      });
      worker.once('message', (answer: OutlookFitsAnswer) => {
        resolve(answer);
        void worker.terminate();
      });
      worker.once('error', (error) => resolve({ error: String(error) }));
      worker.once('exit', () => resolve({ error: 'the worker stopped' }));
    } catch (error) {
      resolve({ error: String(error) });
    }
  });
}

/**
 * The fits an outlook of `values` makes (see `outlookFits`), made on two threads; undefined when
 * the series is too short for that to pay, no core is spare or the data is large (the outlook
 * then fits its models itself).
 * @example const fits = await sharedOutlookFits(series, 'month', true); // etsOutlook(…, { fits })
 */
export async function sharedOutlookFits(
  values: readonly number[],
  unit: PeriodUnit,
  backtest: boolean,
  spareCore: () => boolean = hasSpareCore,
): Promise<FitMemo | undefined> {
  if (!backtest || values.length < MIN_SHARED_PERIODS || !spareCore()) return undefined;
  // Every model an origin may try (a shorter series may have no season, a part of it only
  // positive values): a model no selection tries is never fitted.
  const order = candidateSpecs(true, true)
    .sort((a, b) => weightOf(b) - weightOf(a))
    .map(modelName);
  const request: OutlookFitsRequest = {
    values: [...values],
    unit,
    backtest,
    order,
    next: new SharedArrayBuffer(4),
  };
  const answer = workerFits(request);
  const fits: FitMemo['fits'] = new Map();
  fitInTurn(request, fits);
  const theirs = await answer;
  if ('fits' in theirs) for (const [key, fit] of theirs.fits) fits.set(key, fit);
  return { fits };
}
