/**
 * The worker thread of a CSV file read on two threads (see `read-csv-split.ts`): waits for its
 * request, reads the bytes it is given into a part and posts it back (codes in shared memory, so
 * they are not copied), then maps in the memory it was asked to warm while the other thread works.
 */
import { parentPort } from 'node:worker_threads';
import { readCsvPart } from './read-csv-columns';
import { type CsvPartAnswer, type CsvPartRequest, type CsvWarmRequest, warm } from './read-csv-split';

const port = parentPort;
if (port) {
  let read = false;
  let warming: CsvWarmRequest | undefined;
  /** Once the part is posted and the memory to warm is known: warms it, then ends. */
  const finish = (): void => {
    if (!read || !warming) return;
    warm(warming);
    port.close();
  };
  port.on('message', (message: CsvPartRequest | CsvWarmRequest) => {
    if ('warm' in message) {
      warming = message;
      finish();
      return;
    }
    readCsvPart(message)
      .then(
        (part) => port.postMessage({ part } satisfies CsvPartAnswer),
        (error: unknown) => port.postMessage({ error: String(error) } satisfies CsvPartAnswer),
      )
      .then(() => {
        read = true;
        finish();
      });
  });
}
