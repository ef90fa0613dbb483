/**
 * The worker thread of an outlook's fits made on two threads (see `forecast-split.ts`): makes the
 * fits of the models it is given and posts them back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { outlookFits, type FitMemo } from '../core/forecast';
import type { OutlookFitsAnswer, OutlookFitsRequest } from './forecast-split';

const port = parentPort;
if (port) {
  const request = workerData as OutlookFitsRequest;
  try {
    const memo: FitMemo = { fits: new Map(), only: new Set(request.only) };
    outlookFits(request.values, request.unit, request.backtest, memo);
    port.postMessage({ fits: [...memo.fits] } satisfies OutlookFitsAnswer);
  } catch (error) {
    port.postMessage({ error: String(error) } satisfies OutlookFitsAnswer);
  }
}
