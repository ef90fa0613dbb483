/**
 * The pipeline forecast's flags, shared by `build` and `review`: the stale multiple, whether
 * stale deals count, and stage probabilities. Given values are saved in the workbook's
 * configuration and used again by later refreshes.
 */
import type { PipelineSettings } from '../core/pipeline';
import type { OptionSpecs, ParsedArgs } from './args';
import { booleanFlag, listFlag, numberFlag } from './args';
import { usageError } from './errors';

export const PIPELINE_OPTIONS: OptionSpecs = {
  'stale-multiple': { type: 'string' },
  'include-stale': { type: 'boolean' },
  'stage-probability': { type: 'string', multiple: true },
};

export const PIPELINE_HELP = `  --stale-multiple K        an open deal is stale after K median sales cycles (default 2); stale
                            deals are listed and left out of forecast and coverage; saved
  --include-stale           count stale deals in the weighted pipeline, forecast and coverage; saved
  --stage-probability S=P   win probability of a stage, as 0.4 or 40%: replaces or adds to the
                            defaults (repeat the flag for several stages); saved`;

/**
 * The settings the flags give, or undefined when none is given.
 * @example pipelineFlags(parseFlags(['--stage-probability', 'Demo=35%'], PIPELINE_OPTIONS)) // { stageProbabilities: { Demo: 0.35 } }
 */
export function pipelineFlags(args: ParsedArgs): PipelineSettings | undefined {
  const staleMultiple = numberFlag(args, 'stale-multiple', 0.01, 1000);
  const stages: Record<string, number> = {};
  for (const spec of listFlag(args, 'stage-probability')) {
    const eq = spec.lastIndexOf('=');
    const name = eq > 0 ? spec.slice(0, eq).trim() : '';
    const text = eq > 0 ? spec.slice(eq + 1).trim() : '';
    const percent = text.endsWith('%');
    const value = Number(percent ? text.slice(0, -1) : text);
    const p = percent || value > 1 ? value / 100 : value;
    if (name === '' || text === '' || !Number.isFinite(value) || !(p >= 0 && p <= 1))
      throw usageError(
        `--stage-probability takes STAGE=PROBABILITY (0–1 or a percentage, e.g. Proposal=40%), got "${spec}"`,
      );
    stages[name] = p;
  }
  const settings: PipelineSettings = {
    ...(staleMultiple !== undefined ? { staleMultiple } : {}),
    ...(booleanFlag(args, 'include-stale') ? { includeStale: true } : {}),
    ...(Object.keys(stages).length > 0 ? { stageProbabilities: stages } : {}),
  };
  return Object.keys(settings).length > 0 ? settings : undefined;
}
