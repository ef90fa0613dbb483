/**
 * A small pipeline worked by hand (as of 2026-02-15, period 2026-Q1): the figures the tests
 * expect are computed in the comments of `pipeline.test.ts`.
 */
import type { CellValue } from '../../../src/core/cell';
import { ingestPipeline } from '../../../src/core/ingest';
import { parseDay } from '../../../src/core/periods';
import type { PipelineTable } from '../../../src/core/table';

export const day = (text: string): number => parseDay(text)!;

export const ROWS: CellValue[][] = [
  ['ID', 'Created', 'Stage', 'Closed', 'Expected Close', 'Value', 'Rep'],
  // History: won cycles 30, 40, 50 days → median 40; 3 won, 1 lost → win rate 0.75.
  ['W1', '2025-10-01', 'Won', '2025-10-31', '', 1000, 'Ann'],
  ['W2', '2025-11-01', 'Won', '2025-12-11', '', 2000, 'Bob'],
  ['W3', '2025-12-01', 'Won', '2026-01-20', '', 3000, 'Ann'],
  ['L1', '2025-12-01', 'Lost', '2026-01-10', '', 800, 'Bob'],
  // Open on 2026-02-15.
  ['O1', '2026-01-10', 'Proposal', '', '2026-03-10', 1000, 'Ann'],
  ['O2', '2025-11-27', 'Negotiation', '', '', 2000, 'Bob'],
  ['O3', '2025-11-26', 'Prospecting', '', '2026-03-20', 5000, 'Ann'],
  ['O4', '2026-02-01', 'On Hold', '', '2026-05-01', 4000, 'Bob'],
  ['O5', '2026-02-10', 'Prospecting', '', '', '', 'Cy'],
  // Won after the as-of day: open on it, stage unknown then.
  ['W4', '2026-01-05', 'Won', '2026-02-20', '', 600, 'Ann'],
  // Created after the as-of day: not there yet.
  ['O6', '2026-02-20', 'Proposal', '', '2026-03-01', 9000, 'Ann'],
];

export function fixture(): PipelineTable {
  const { table } = ingestPipeline(ROWS);
  if (!table) throw new Error('fixture did not read');
  return table;
}

export const AS_OF = day('2026-02-15');
export const Q1 = { start: day('2026-01-01'), end: day('2026-04-01'), key: '2026-Q1' };
