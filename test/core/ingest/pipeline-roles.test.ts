/**
 * The pipeline's forecast roles: expected close date, win probability, stage and forecast
 * category, read from English and Indonesian headers.
 */
import { ingestPipeline } from '../../../src/core/ingest';
import { dictValue, STATUS_CODE } from '../../../src/core/table';
import { parseDay } from '../../../src/core/periods';

const day = (text: string) => parseDay(text)!;

describe('pipeline forecast roles', () => {
  it('reads expected close, probability (percent, share or 0–100) and forecast category', () => {
    const { table } = ingestPipeline([
      ['Deal', 'Created', 'Stage', 'Expected Close Date', 'Probability', 'Forecast Category', 'Amount'],
      ['A', '2026-01-05', 'Proposal', '2026-02-10', '40%', 'Best Case', 1000],
      ['B', '2026-01-06', 'Closed Won', '2026-01-20', 100, 'Closed', 2000],
      ['C', '2026-01-07', 'Negosiasi', '', 0.7, 'Commit', 500],
      ['D', '2026-01-08', 'Prospek', '', 250, '', 500],
    ]);
    expect(table).not.toBeNull();
    const t = table!;
    expect(t.mapping.status).toBe('Stage');
    expect(t.mapping.expected_close).toBe('Expected Close Date');
    expect(t.mapping.probability).toBe('Probability');
    expect(t.mapping.forecast_category).toBe('Forecast Category');
    expect([...t.probability!].slice(0, 3)).toEqual([0.4, 1, 0.7]);
    expect(t.probability![3]).toBeNaN(); // 250 is no probability
    // The expected close dates open deals only; without a close column it dates the won deal.
    expect(t.expectedClose![0]).toBe(day('2026-02-10'));
    expect(t.expectedClose![1]).toBeNaN();
    expect(t.closed[1]).toBe(day('2026-01-20'));
    expect(t.status[1]).toBe(STATUS_CODE.won);
    // A lone stage column is the status, and its text the stage.
    expect(dictValue(t.stage!, 2)).toBe('Negosiasi');
    expect(dictValue(t.forecastCategory!, 0)).toBe('Best Case');
  });

  it('keeps a status column and a stage column apart; an open row’s close date is its expected close', () => {
    const { table } = ingestPipeline([
      ['Deal', 'Created', 'Status', 'Tahapan', 'Close Date', 'Amount'],
      ['A', '2026-01-05', 'Open', 'Penawaran', '2026-03-01', 1000],
      ['B', '2026-01-05', 'Won', 'Menang', '2026-01-09', 1000],
    ]);
    const t = table!;
    expect(t.mapping.status).toBe('Status');
    expect(t.mapping.stage).toBe('Tahapan');
    expect(dictValue(t.stage!, 0)).toBe('Penawaran');
    expect(t.expectedClose![0]).toBe(day('2026-03-01'));
    expect(t.closed[0]).toBeNaN();
    expect(t.closed[1]).toBe(day('2026-01-09'));
  });

  it('reads Indonesian headers', () => {
    const { table } = ingestPipeline([
      [
        'ID Peluang',
        'Tanggal Dibuat',
        'Tahap',
        'Perkiraan Tanggal Tutup',
        'Probabilitas',
        'Kategori Prakiraan',
        'Nilai',
      ],
      ['A', '2026-01-05', 'Negosiasi', '2026-02-10', '90%', 'Komit', 1000],
    ]);
    const t = table!;
    expect(t.mapping).toMatchObject({
      status: 'Tahap',
      expected_close: 'Perkiraan Tanggal Tutup',
      probability: 'Probabilitas',
      forecast_category: 'Kategori Prakiraan',
    });
  });

  it('a pipeline without the new columns has none of them', () => {
    const { table } = ingestPipeline([
      ['Created', 'Status', 'Value'],
      ['2026-01-05', 'Open', 10],
    ]);
    expect(table!.expectedClose).toBeUndefined();
    expect(table!.probability).toBeUndefined();
    expect(dictValue(table!.stage!, 0)).toBe('Open');
  });
});
