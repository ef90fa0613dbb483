import { parseStatus, statusFromText } from '../../../src/core/ingest/status';

describe('statusFromText', () => {
  test.each([
    ['Won', 'won'],
    ['Closed Won', 'won'],
    ['closed-won', 'won'],
    ['Menang', 'won'],
    ['Deal', 'won'],
    ['Lost', 'lost'],
    ['Closed Lost', 'lost'],
    ['Kalah', 'lost'],
    ['Gagal', 'lost'],
    ['CLOSED_LOST', 'lost'],
    ['Open', 'open'],
    ['Engaging', 'open'],
    ['Prospecting', 'open'],
    ['Negotiation', 'open'],
    ['Proposal', 'open'],
    ['Qualified', 'open'],
    ['Negosiasi', 'open'],
  ])('%p → %p', (text, status) => expect(statusFromText(text)).toBe(status));

  test('unknown text', () => expect(statusFromText('On Hold')).toBeUndefined());
});

describe('parseStatus', () => {
  test('known, unknown (open with a warning), and unusable cells', () => {
    expect(parseStatus(' Won ')).toEqual({ status: 'won', known: true });
    expect(parseStatus('On Hold')).toEqual({
      status: 'open',
      known: false,
      warning: "unknown status 'On Hold' counted as open",
    });
    expect(parseStatus('')).toEqual({ error: 'blank' });
    expect(parseStatus(null)).toEqual({ error: 'blank' });
    expect(parseStatus('#N/A')).toEqual({ error: 'Excel error #N/A' });
    expect(parseStatus(3)).toEqual({ error: 'number is not a status' });
    expect(parseStatus(true)).toEqual({ error: 'TRUE is not a status' });
  });
});
