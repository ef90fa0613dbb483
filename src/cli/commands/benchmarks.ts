/**
 * `sales-metrics benchmarks`: the built-in industry benchmark library (each figure with its source).
 */
import type { BenchmarkEntry, BenchmarkIndustry } from '../../core/benchmarks';
import { BENCHMARK_LIBRARY, libraryIndustries } from '../../core/benchmarks';
import type { ParsedArgs } from '../args';
import { booleanFlag, choiceFlag, stringFlag } from '../args';
import type { Command } from '../command';
import { usageError } from '../errors';
import { formatNumber, toJson } from '../format';
import type { CliIO } from '../io';

const HELP = `Usage: sales-metrics benchmarks [options]

The built-in library of industry benchmarks: per industry and metric, a typical value or range,
its unit, the period it is measured over, the source (publisher, year cited and, where it differs,
the year of the data), what it measures when that is not our metric (such figures are listed but
never compared), and how the source's definition differs from ours.

Options:
  --industry ID             only this industry (ids: ${BENCHMARK_LIBRARY.industries.map((i) => i.id).join(', ')})
  --lang en|id              industry names in English or Indonesian (default en)
  --json                    print {"industries": [{"id", "name", "metrics": [{"metric", "value" or
                            "min"/"max", "unit", "source", "year", "dataYear"?, "period",
                            "measures"?, "note", "url"?}]}], "version", "updated"}

Example:
  sales-metrics benchmarks --industry b2b-saas --json`;

function figure(entry: BenchmarkEntry): string {
  const show = (x: number) => {
    switch (entry.unit) {
      case 'ratio':
        return formatNumber(x, 'ratio');
      case 'multiple':
        return `${x.toLocaleString('en-US', { maximumFractionDigits: 2 })}×`;
      case 'months':
      case 'days':
        return `${x.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${entry.unit}`;
      default:
        return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
    }
  };
  if (entry.value !== undefined) return show(entry.value);
  if (entry.min !== undefined && entry.max !== undefined) return `${show(entry.min)} – ${show(entry.max)}`;
  if (entry.min !== undefined) return `≥ ${show(entry.min)}`;
  if (entry.max !== undefined) return `≤ ${show(entry.max)}`;
  return '';
}

/** ` per month`, ` over a lifetime`; nothing for a figure not tied to a period. */
function periodWords(entry: BenchmarkEntry): string {
  if (!entry.period || entry.period === 'any') return '';
  return entry.period === 'lifetime' ? ' over a lifetime' : ` per ${entry.period}`;
}

function industryText(industry: BenchmarkIndustry, name: string): string {
  const width = Math.max(6, ...industry.metrics.map((m) => m.metric.length));
  const figures = industry.metrics.map((entry) => figure(entry) + periodWords(entry));
  const valueWidth = Math.max(5, ...figures.map((f) => f.length));
  const lines = [`${name} (${industry.id})`];
  industry.metrics.forEach((entry, i) => {
    const years = [entry.year, entry.dataYear !== undefined ? `data ${entry.dataYear}` : undefined]
      .filter((part) => part !== undefined)
      .join('; ');
    const source = `${entry.source ?? ''}${years ? `, ${years}` : ''}`;
    const indent = `  ${''.padEnd(width)}  ${''.padEnd(valueWidth)}  `;
    lines.push(`  ${entry.metric.padEnd(width)}  ${figures[i].padEnd(valueWidth)}  ${source}`);
    if (entry.measures) lines.push(`${indent}measures ${entry.measures}: not compared with ${entry.metric}`);
    if (entry.note) lines.push(`${indent}${entry.note}`);
  });
  return lines.join('\n') + '\n';
}

async function run(args: ParsedArgs, io: CliIO): Promise<void> {
  if (args.positionals.length > 0)
    throw usageError(`benchmarks takes no file, got: ${args.positionals.join(' ')}`);
  const id = stringFlag(args, 'industry');
  const lang = choiceFlag(args, 'lang', ['en', 'id'] as const) ?? 'en';
  const industries = libraryIndustries(id?.trim());
  if (id !== undefined && industries.length === 0) {
    throw usageError(
      `--industry: unknown industry "${id}" (ids: ${BENCHMARK_LIBRARY.industries.map((i) => i.id).join(', ')})`,
    );
  }
  if (booleanFlag(args, 'json')) {
    io.stdout(
      toJson({
        industries: industries.map((industry) => ({
          id: industry.id,
          name: industry.name[lang],
          metrics: industry.metrics,
        })),
        version: BENCHMARK_LIBRARY.version,
        updated: BENCHMARK_LIBRARY.updated,
      }),
    );
    return;
  }
  const header = `Benchmark library v${BENCHMARK_LIBRARY.version}, figures reviewed ${BENCHMARK_LIBRARY.updated}\n\n`;
  io.stdout(header + industries.map((industry) => industryText(industry, industry.name[lang])).join('\n'));
}

export const benchmarksCommand: Command = {
  name: 'benchmarks',
  summary: 'the industry benchmark library with sources',
  help: HELP,
  options: {
    industry: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
