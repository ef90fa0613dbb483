/**
 * The SQL route's discovery reads a pipeline whose only date besides creation is an expected
 * close the way ingestion does: that column dates the won and lost deals.
 */
import { discoverTable } from '../../src/engines/discover';
import type { DescribedColumn, SqlEngine } from '../../src/engines/engine';
import { DIALECTS } from '../../src/sql/dialect';

function engineOf(columns: DescribedColumn[], rows: Record<string, unknown>[]): SqlEngine {
  return {
    dialect: DIALECTS.duckdb,
    query: async () => rows as never,
    run: async () => undefined,
    describe: async () => columns,
    close: async () => undefined,
  };
}

describe('discovering a pipeline', () => {
  const columns: DescribedColumn[] = [
    { name: 'Created', type: 'date' },
    { name: 'Stage', type: 'text' },
    { name: 'Expected Close Date', type: 'date' },
    { name: 'Value', type: 'number' },
  ];
  const rows = [
    {
      Created: new Date('2026-01-05'),
      Stage: 'Won',
      'Expected Close Date': new Date('2026-02-01'),
      Value: 10,
    },
    {
      Created: new Date('2026-01-06'),
      Stage: 'Proposal',
      'Expected Close Date': new Date('2026-03-01'),
      Value: 20,
    },
  ];

  it('takes the expected-close column as the close date when there is no close column', async () => {
    const { source, mapping } = await discoverTable(engineOf(columns, rows), 'pipeline', '"pipeline"');
    expect(mapping.expected_close).toBe('Expected Close Date');
    expect(source.columns).toMatchObject({
      closed: { name: 'Expected Close Date', type: 'date' },
      expected_close: { name: 'Expected Close Date', type: 'date' },
    });
  });

  it('keeps a close column of its own', async () => {
    const withClose = [...columns, { name: 'Close Date', type: 'date' as const }];
    const closeRows = rows.map((r) => ({ ...r, 'Close Date': null }));
    const { source } = await discoverTable(engineOf(withClose, closeRows), 'pipeline', '"pipeline"');
    expect(source.columns).toMatchObject({ closed: { name: 'Close Date' } });
  });
});
