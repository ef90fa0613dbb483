import { openPostgres } from '../../src/engines/postgres';
import { maskSecrets } from '../../src/engines/engine';
import type { PgServer } from './pg-server';
import { postgresMissing, startPostgres } from './pg-server';

jest.setTimeout(120_000);

const missing = postgresMissing();
const maybe = missing ? it.skip : it;
if (missing) console.warn(`PostgreSQL tests skipped: ${missing}`);

let server: PgServer | null = null;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

describe('PostgreSQL engine', () => {
  maybe('runs statements on a throwaway server and returns numbers', async () => {
    const db = await openPostgres(server!.url);
    try {
      const rows = await db.query(
        'SELECT CAST(1.5 AS DOUBLE PRECISION) AS x, COUNT(*) AS n, CAST(2 AS NUMERIC) AS m',
      );
      expect(rows).toEqual([{ x: 1.5, n: 1, m: 2 }]);
    } finally {
      await db.close();
    }
  });

  maybe('never shows a password in its errors', async () => {
    const url = server!.url.replace('postgres@', 'postgres:hunter22@').replace(/\/postgres$/, '/no_such_db');
    await expect(openPostgres(url)).rejects.toThrow(/no_such_db/);
    await expect(openPostgres(url)).rejects.not.toThrow(/hunter22/);
  });
});

describe('maskSecrets', () => {
  it('masks URL passwords and password= settings', () => {
    expect(maskSecrets('failed: postgres://ana:s3cret@db:5432/x')).toBe(
      'failed: postgres://ana:***@db:5432/x',
    );
    expect(maskSecrets('host=db password=s3cret user=ana')).toBe('host=db password=*** user=ana');
    expect(maskSecrets('token abc123 leaked', ['abc123'])).toBe('token *** leaked');
  });
});
