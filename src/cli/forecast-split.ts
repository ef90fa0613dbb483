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
  /** The models it fits (`ETS(M,A,M)`…). */
  readonly only: readonly string[];
}

/** What the worker answers: its memo's entries. */
export type OutlookFitsAnswer =
  { readonly fits: readonly (readonly [string, FittedEts | MetricError])[] } | { readonly error: string };

/** Fewer complete periods than this: one thread fits them sooner than a second one starts. */
const MIN_SHARED_PERIODS = 24;

/**
 * A model's rough share of the work (a multiplicative season or error searches all its states in
 * up to 17 dimensions; a trend, and more so a damped one, adds to it), for sharing the models out.
 */
function weightOf(spec: ModelSpec): number {
  if (spec.season === 'N') return 1;
  const trend = spec.trend === 'N' ? 1 : spec.trend === 'A' ? 2 : 2.5;
  return (spec.error === 'M' ? 8 : 5) * trend;
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
      const worker = new Worker(entry.file, { workerData: request, execArgv: entry.execArgv });
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
 * the series is too short for that to pay (the outlook then fits its models itself).
 * @example const fits = await sharedOutlookFits(series, 'month', true); // etsOutlook(…, { fits })
 */
export async function sharedOutlookFits(
  values: readonly number[],
  unit: PeriodUnit,
  backtest: boolean,
): Promise<FitMemo | undefined> {
  if (!backtest || values.length < MIN_SHARED_PERIODS) return undefined;
  // Every model an origin may try (a shorter series may have no season, a part of it only
  // positive values): a model no selection tries is never fitted.
  const specs = candidateSpecs(true, true).sort((a, b) => weightOf(b) - weightOf(a));
  // The heaviest first to whichever side has less; the worker starts later, so it starts behind.
  const here: string[] = [];
  const there: string[] = [];
  let hereLoad = 0;
  let thereLoad = 4;
  for (const spec of specs) {
    if (hereLoad <= thereLoad) {
      here.push(modelName(spec));
      hereLoad += weightOf(spec);
    } else {
      there.push(modelName(spec));
      thereLoad += weightOf(spec);
    }
  }
  const answer = workerFits({ values: [...values], unit, backtest, only: there });
  const memo: FitMemo = { fits: new Map(), only: new Set(here) };
  outlookFits(values, unit, backtest, memo);
  const theirs = await answer;
  const fits = new Map(memo.fits);
  if ('fits' in theirs) for (const [key, fit] of theirs.fits) fits.set(key, fit);
  return { fits };
}
