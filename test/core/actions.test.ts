import { actionToRow, ACTION_COLUMNS, carryOver, parseActionRows, parseActionStatus } from '../../src/core/actions';
import type { ActionItem } from '../../src/core/actions';
import { daysFromCivil } from '../../src/core/periods';

const item = (id: string, status: ActionItem['status'], createdWeek = '2026-W47'): ActionItem =>
  ({ id, metric: 'revenue', observation: 'o', action: 'a', owner: 'Ani', due: null, status, notes: '', createdWeek });

describe('parseActionStatus', () => {
  it('reads English and Indonesian, blanks as open', () => {
    expect(parseActionStatus('Selesai')).toBe('done');
    expect(parseActionStatus('DONE')).toBe('done');
    expect(parseActionStatus('sedang berjalan')).toBe('in progress');
    expect(parseActionStatus('In Progress')).toBe('in progress');
    expect(parseActionStatus('dibatalkan')).toBe('dropped');
    expect(parseActionStatus('belum mulai')).toBe('open');
    expect(parseActionStatus('')).toBe('open');
    expect(parseActionStatus(null)).toBe('open');
    expect(parseActionStatus(true)).toBe('done');
    expect(parseActionStatus('maybe')).toBeNull();
    expect(parseActionStatus(3)).toBeNull();
  });
});

describe('carryOver', () => {
  it('keeps what is not done or dropped, unchanged', () => {
    const previous = [item('a', 'open'), item('b', 'done'), item('c', 'in progress'), item('d', 'dropped')];
    expect(carryOver(previous, '2026-W48')).toEqual([item('a', 'open'), item('c', 'in progress')]);
    expect(carryOver([item('e', 'open', '')], '2026-W48')[0].createdWeek).toBe('2026-W48');
  });
});

describe('parseActionRows', () => {
  it('reads a typed Actions table with an Indonesian header, tolerating blanks', () => {
    const rows = [
      [null, null, null],
      ['Metrik', 'Temuan', 'Tindakan', 'PIC', 'Tenggat', 'Status', 'Catatan'],
      ['revenue', 'Java down 12%', 'Call the top 10 accounts', 'Ani', 46000, 'selesai', ''],
      ['', '', '', '', '', '', ''],
      ['churn_rate', 'Churn up', 'Win-back email', '', '2026-12-05', '', 'draft ready'],
      ['aov', '', '', 'Budi', '', 'open', ''],
      ['cac', 'CAC rising', 'Pause channel X', 'Citra', 'next week', 'nanti', '#N/A'],
    ];
    const { items, problems } = parseActionRows(rows, { weekKey: '2026-W48', firstRow: 5 });
    expect(items).toEqual([
      { id: '2026-W48-1', metric: 'revenue', observation: 'Java down 12%', action: 'Call the top 10 accounts', owner: 'Ani',
        due: 46000 - 25569, status: 'done', notes: '', createdWeek: '2026-W48' },
      { id: '2026-W48-2', metric: 'churn_rate', observation: 'Churn up', action: 'Win-back email', owner: '',
        due: daysFromCivil(2026, 12, 5), status: 'open', notes: 'draft ready', createdWeek: '2026-W48' },
      { id: '2026-W48-3', metric: 'cac', observation: 'CAC rising', action: 'Pause channel X', owner: 'Citra',
        due: null, status: 'open', notes: '', createdWeek: '2026-W48' },
    ]);
    expect(problems).toEqual([
      { row: 11, column: 'Status', reason: 'unknown status "nanti"; kept as open' },
      { row: 11, column: 'Due', reason: "'next week' is not a date; no due date kept" },
    ]);
  });

  it('round-trips rows written in ACTION_COLUMNS order, keeping ids and created weeks', () => {
    const original: ActionItem = { ...item('2026-W45-2', 'in progress', '2026-W45'), due: daysFromCivil(2026, 12, 1), notes: 'n' };
    const rows = [[...ACTION_COLUMNS], actionToRow(original)];
    expect(parseActionRows(rows, { weekKey: '2026-W48' }).items).toEqual([original]);
    // Without a header the same order is assumed.
    expect(parseActionRows([actionToRow(original)], { weekKey: '2026-W48' }).items).toEqual([original]);
  });

  it('returns nothing for an empty table', () => {
    expect(parseActionRows([], { weekKey: '2026-W48' })).toEqual({ items: [], problems: [] });
    expect(parseActionRows([[null, ''], [undefined]], { weekKey: '2026-W48' })).toEqual({ items: [], problems: [] });
  });
});
