/**
 * The worker thread of an outlook's fits made on two threads (see `forecast-split.ts`): makes the
 * fits of the models it takes in turn with this thread and posts them back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FitMemo } from '../core/forecast';
import { fitInTurn, type OutlookFitsAnswer, type OutlookFitsRequest } from './forecast-split';

const port = parentPort;
if (port) {
  const request = workerData as OutlookFitsRequest;
  try {
    const fits: FitMemo['fits'] = new Map();
    fitInTurn(request, fits);
    port.postMessage({ fits: [...fits] } satisfies OutlookFitsAnswer);
  } catch (error) {
    port.postMessage({ error: String(error) } satisfies OutlookFitsAnswer);
  }
}
