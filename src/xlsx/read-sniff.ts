/**
 * Guessing how a delimited text file separates its fields, from a sample of its first lines.
 *
 * Candidates are `,` `;` tab and `|` (quote-aware counting). When none of them splits the lines
 * into a consistent number of fields greater than one, a file whose lines split consistently on
 * runs of spaces/tabs (like the CDNOW sample: ` 00004 0001 19970101  2   29.33`) is read as
 * whitespace-separated; anything else is a one-column comma file.
 */

/** A field separator, or `whitespace` for runs of spaces and tabs (leading/trailing ignored). */
export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

/** Tie-break order: locales with a decimal comma use `;`, so a consistent `;` beats a consistent `,`. */
const CANDIDATES: readonly Exclude<Delimiter, 'whitespace'>[] = ['\t', ';', '|', ','];

const SAMPLE_LINES = 50;

/** The first complete lines of `sample` (the last line is dropped when the sample was cut short). */
function sampleLines(sample: string, complete: boolean): string[] {
  const lines = sample.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (!complete && lines.length > 1) lines.pop();
  return lines.filter((line) => line.trim() !== '').slice(0, SAMPLE_LINES);
}

/** Fields per line for `delimiter`, ignoring delimiters inside double quotes (which may span lines). */
function fieldCounts(lines: readonly string[], delimiter: string): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let fields = 1;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '"') inQuotes = !inQuotes;
      else if (ch === delimiter && !inQuotes) fields++;
    }
    if (!inQuotes) {
      counts.push(fields);
      fields = 1;
    }
  }
  return counts;
}

/** The most frequent count and the share of lines that have it. */
function consistency(counts: readonly number[]): { mode: number; share: number } {
  const tally = new Map<number, number>();
  let mode = 1;
  let best = 0;
  for (const count of counts) {
    const n = (tally.get(count) ?? 0) + 1;
    tally.set(count, n);
    if (n > best || (n === best && count > mode)) {
      best = n;
      mode = count;
    }
  }
  return { mode, share: counts.length === 0 ? 0 : best / counts.length };
}

/**
 * Guesses the delimiter of a text file from its beginning.
 * @param sample the first kilobytes of the file
 * @param complete true when `sample` is the whole file (its last line is then complete)
 * @example sniffDelimiter('date;amount\n2026-01-05;1,50\n', true) // ';'
 * @example sniffDelimiter(' 00004 0001 19970101  2   29.33\n', true) // 'whitespace'
 */
export function sniffDelimiter(sample: string, complete = false): Delimiter {
  const lines = sampleLines(sample, complete);
  if (lines.length === 0) return ',';
  let chosen: Delimiter | undefined;
  let chosenShare = 0;
  for (const candidate of CANDIDATES) {
    const { mode, share } = consistency(fieldCounts(lines, candidate));
    if (mode > 1 && share > chosenShare) {
      chosen = candidate;
      chosenShare = share;
    }
  }
  if (chosen && chosenShare >= 0.5) return chosen;
  const whitespace = consistency(lines.map((line) => line.trim().split(/[ \t]+/).length));
  if (whitespace.mode > 1 && whitespace.share >= 0.9) return 'whitespace';
  return chosen ?? ',';
}
