import type { SqlEngine } from '../../src/engines/engine';
import { openPostgres } from '../../src/engines/postgres';
import type { PgServer } from '../engines/pg-server';
import { postgresMissing, startPostgres } from '../engines/pg-server';
import { sharedDataPresent } from './datasets';
import {
  ANALYSIS_CASES,
  BREAKDOWN_CASES,
  PARITY_CASES,
  analysisDifferences,
  breakdownDifferences,
  parityDifferences,
} from './parity';

jest.setTimeout(300_000);

const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL parity skipped: ${missing}`);

let server: PgServer | null = null;
let db: SqlEngine;
beforeAll(async () => {
  server = await startPostgres();
  if (server) db = await openPostgres(server.url);
});
afterAll(async () => {
  await db?.close();
  server?.stop();
});

describe('the metrics through SQL on a PostgreSQL server equal the engine', () => {
  for (const c of PARITY_CASES) {
    const run = !missing && (c.data === 'sample' || sharedDataPresent) ? it : it.skip;
    run(c.name, async () => {
      expect(await parityDifferences(db, c)).toEqual([]);
    });
  }
});

describe('breakdowns through SQL on a PostgreSQL server equal the engine', () => {
  for (const c of BREAKDOWN_CASES) {
    const run = !missing && (c.data === 'sample' || sharedDataPresent) ? it : it.skip;
    run(c.name, async () => {
      expect(await breakdownDifferences(db, c)).toEqual([]);
    });
  }
});

describe('the metrics and breakdowns on a PostgreSQL server with the orders staged equal the engine', () => {
  for (const c of PARITY_CASES) {
    const run = !missing && (c.data === 'sample' || sharedDataPresent) ? it : it.skip;
    run(c.name, async () => {
      expect(await parityDifferences(db, c, true)).toEqual([]);
    });
  }
  for (const c of BREAKDOWN_CASES) {
    const run = !missing && (c.data === 'sample' || sharedDataPresent) ? it : it.skip;
    run(`breakdown: ${c.name}`, async () => {
      expect(await breakdownDifferences(db, c, true)).toEqual([]);
    });
  }
});

describe('cohorts and RFM through SQL on a PostgreSQL server equal the engine', () => {
  for (const c of ANALYSIS_CASES) {
    const run = !missing && (c.data === 'sample' || sharedDataPresent) ? it : it.skip;
    run(c.name, async () => {
      expect(await analysisDifferences(db, c)).toEqual([]);
    });
  }
});
