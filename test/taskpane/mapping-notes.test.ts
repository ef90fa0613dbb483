/**
 * The notes that explain the detected mapping (which column, why; cost from profit) read in
 * Indonesian in the pane.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ingestOrders } from '../../src/core/ingest';
import { translateNote } from '../../src/taskpane/ingest-messages';
import { parseCsv } from '../../src/xlsx/read-csv';

const rows = parseCsv(readFileSync(join(__dirname, '../fixtures/ingest/superstore.csv'), 'utf8')).rows;

/** English words that must not survive translation (outside quoted headers). */
const LEFTOVER_ENGLISH =
  /\b(is|not|the|of|an|and|or|over|chosen|minus|each|row|column|cost|read|from|wins|used|best|header|values?|place|leftmost|equally|name)\b/;
const ownWords = (text: string): string => text.replace(/'[^']*'/g, '');

describe('mapping notes in Indonesian', () => {
  const notes = [
    ...(ingestOrders(rows).report.notes ?? []),
    ...(ingestOrders([
      ['Date', 'Amount', 'COGS', 'Profit'],
      ['2026-03-01', 100, 70, 25],
    ]).report.notes ?? []),
    ...(ingestOrders([
      ['Tanggal', 'Kota', 'Provinsi', 'Total'],
      ['2026-03-01', 'Bandung', 'Jawa Barat', 100],
      ['2026-03-02', 'Denpasar', 'Bali', 50],
    ]).report.notes ?? []),
  ];

  it('covers every reason', () => {
    expect(notes.join('\n')).toMatch(/role's name/);
    expect(notes.join('\n')).toMatch(/an id column/);
    expect(notes.join('\n')).toMatch(/coarsest place/);
    expect(notes.join('\n')).toMatch(/best header/);
    expect(notes.join('\n')).toMatch(/leftmost/);
    expect(notes.join('\n')).toMatch(/minus/);
    expect(notes.join('\n')).toMatch(/not used/);
  });

  it.each(notes)('note %p', (note) => {
    const id = translateNote(note, 'id');
    expect(id).not.toBe(note);
    expect(ownWords(id)).not.toMatch(LEFTOVER_ENGLISH);
    expect(translateNote(note, 'en')).toBe(note);
  });

  it('reads naturally', () => {
    expect(
      translateNote("region: 'Region' chosen over 'City', 'Country' (its header is the role's name).", 'id'),
    ).toBe("wilayah: 'Region' dipilih daripada 'City', 'Country' (judulnya nama peran itu sendiri).");
    expect(translateNote("cost is 'Sales' minus 'Profit' on each row (no cost column).", 'id')).toBe(
      "biaya = 'Sales' dikurangi 'Profit' pada tiap baris (tidak ada kolom biaya).",
    );
  });
});
