/**
 * Notes that state the rules behind figures whose values alone do not show them, for the command
 * line and the workbook to print beside the figures: the lead-conversion cohort (its M) and how the
 * marketing spend rows were spread over time.
 */
import type { Calendar } from '../periods';
import { DEFAULT_CALENDAR } from '../periods';
import type { SpendTable } from '../table';
import type { MetricId } from './ids';
import type { MetricInputs, MetricOptions } from './inputs';
import { conversionNote } from './pipeline-metrics';
import { getMetric } from './registry';
import type { SpanSource } from './spend-spread';
import { spendSpans } from './spend-spread';

const SOURCE_WORDS: Readonly<Record<SpanSource, string>> = {
  period: 'the period in its period column',
  range: 'its date to its end date',
  day: 'its own day',
  week: 'its week',
  month: 'its month',
  quarter: 'its quarter',
  year: 'its year',
};

/**
 * How the spend rows up to the as-of day were spread, e.g. "marketing spend is spread over the days
 * each row covers: its month (Direct Sales, Online Store, Retail)". Null without usable rows.
 */
export function spendNote(
  table: SpendTable,
  asOf: number,
  calendar: Calendar = DEFAULT_CALENDAR,
): string | null {
  const spans = spendSpans(table, asOf, calendar);
  const bySource = new Map<SpanSource, Set<string>>();
  for (let i = 0; i < table.length; i++) {
    if (!(spans.end[i] > spans.start[i])) continue;
    const code = table.channel ? table.channel.codes[i] : -1;
    const channel = code >= 0 ? table.channel!.dictionary[code] : '';
    const set = bySource.get(spans.source[i]) ?? new Set<string>();
    set.add(channel);
    bySource.set(spans.source[i], set);
  }
  if (bySource.size === 0) return null;
  const parts = [...bySource].map(([source, channels]) => {
    const named = [...channels].filter((c) => c !== '').sort((a, b) => a.localeCompare(b));
    const list = named.length > 6 ? [...named.slice(0, 6), '…'] : named;
    const blank = channels.has('') && table.channel ? ['no channel'] : [];
    const who = [...list, ...blank];
    return who.length && bySource.size > 1
      ? `${SOURCE_WORDS[source]} (${who.join(', ')})`
      : SOURCE_WORDS[source];
  });
  return `marketing spend is spread over the days each row covers: ${parts.join('; ')}`;
}

/**
 * The notes that go with a set of metrics: the lead-conversion rule with its M when
 * `conversion_rate` is among them, and how spend was spread when a marketing metric is.
 * @example metricNotes({ pipeline }, ['conversion_rate'], { asOf }) // ['lead conversion counts the leads created by …']
 */
export function metricNotes(
  inputs: MetricInputs,
  ids: readonly MetricId[],
  options: MetricOptions,
): string[] {
  const notes: string[] = [];
  if (inputs.pipeline && ids.includes('conversion_rate'))
    notes.push(conversionNote(inputs.pipeline, options.asOf));
  if (inputs.spend && ids.some((id) => getMetric(id).table === 'spend')) {
    const note = spendNote(inputs.spend, options.asOf, options.calendar);
    if (note) notes.push(note);
  }
  return notes;
}
