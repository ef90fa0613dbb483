/**
 * The worker thread of a CSV file read on two threads (see `read-csv-split.ts`): waits for its
 * request, reads the bytes it is given into a part and posts it back (codes in shared memory, so
 * they are not copied).
 */
import { parentPort } from 'node:worker_threads';
import { readCsvPart } from './read-csv-columns';
import type { CsvPartAnswer, CsvPartRequest } from './read-csv-split';

const port = parentPort;
port?.once('message', (request: CsvPartRequest) => {
  readCsvPart(request).then(
    (part) => port.postMessage({ part } satisfies CsvPartAnswer),
    (error: unknown) => port.postMessage({ error: String(error) } satisfies CsvPartAnswer),
  );
});
