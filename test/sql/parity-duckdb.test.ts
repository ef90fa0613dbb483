import { openDuckDb } from '../../src/engines/duckdb';
import type { SqlEngine } from '../../src/engines/engine';
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

let db: SqlEngine;
beforeAll(async () => {
  db = await openDuckDb();
});
afterAll(async () => db.close());

describe('the metrics through SQL on DuckDB equal the engine', () => {
  for (const c of PARITY_CASES) {
    const run = c.data === 'sample' || sharedDataPresent ? it : it.skip;
    run(c.name, async () => {
      expect(await parityDifferences(db, c)).toEqual([]);
    });
  }
});

describe('breakdowns through SQL on DuckDB equal the engine', () => {
  for (const c of BREAKDOWN_CASES) {
    const run = c.data === 'sample' || sharedDataPresent ? it : it.skip;
    run(c.name, async () => {
      expect(await breakdownDifferences(db, c)).toEqual([]);
    });
  }
});

describe('the metrics and breakdowns on DuckDB with the orders staged equal the engine', () => {
  for (const c of PARITY_CASES) {
    const run = c.data === 'sample' || sharedDataPresent ? it : it.skip;
    run(c.name, async () => {
      expect(await parityDifferences(db, c, true)).toEqual([]);
    });
  }
  for (const c of BREAKDOWN_CASES) {
    const run = c.data === 'sample' || sharedDataPresent ? it : it.skip;
    run(`breakdown: ${c.name}`, async () => {
      expect(await breakdownDifferences(db, c, true)).toEqual([]);
    });
  }
});

describe('cohorts and RFM through SQL on DuckDB equal the engine', () => {
  for (const c of ANALYSIS_CASES) {
    const run = c.data === 'sample' || sharedDataPresent ? it : it.skip;
    run(c.name, async () => {
      expect(await analysisDifferences(db, c)).toEqual([]);
    });
  }
});
