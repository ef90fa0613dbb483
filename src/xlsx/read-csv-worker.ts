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
  const warming: CsvWarmRequest[] = [];
  /** Once the part is posted: warms what was asked, and ends after the last request. */
  const drain = (): void => {
    if (!read) return;
    for (let request = warming.shift(); request; request = warming.shift()) {
      warm(request);
      if (request.last) port.close();
    }
  };
  port.on('message', (message: CsvPartRequest | CsvWarmRequest) => {
    if ('warm' in message) {
      warming.push(message);
      drain();
      return;
    }
    readCsvPart(message)
      .then(
        (part) => port.postMessage({ part } satisfies CsvPartAnswer),
        (error: unknown) => port.postMessage({ error: String(error) } satisfies CsvPartAnswer),
      )
      .then(() => {
        read = true;
        drain();
      });
  });
}
