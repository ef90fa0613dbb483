/**
 * The pipeline forecast's settings in the configuration (`settings.pipeline`): stage
 * probabilities that replace or add to the defaults, the stale multiple, and whether stale deals
 * count. Saved when people set them (command-line flags, the task pane), used again by every
 * refresh of the workbook.
 */
import type { PipelineSettings } from '../core/pipeline';
import type { SalesMetricsConfig } from './config';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The pipeline settings saved in the configuration; values of the wrong type are left out.
 * @example savedPipelineSettings(config) // { staleMultiple: 3, stageProbabilities: { Demo: 0.4 } }
 */
export function savedPipelineSettings(config: SalesMetricsConfig): PipelineSettings {
  const raw = config.settings?.pipeline;
  if (!isRecord(raw)) return {};
  const stages = isRecord(raw.stageProbabilities) ? raw.stageProbabilities : undefined;
  return {
    ...(stages ? { stageProbabilities: { ...stages } } : {}),
    ...(typeof raw.staleMultiple === 'number' && raw.staleMultiple > 0
      ? { staleMultiple: raw.staleMultiple }
      : {}),
    ...(typeof raw.includeStale === 'boolean' ? { includeStale: raw.includeStale } : {}),
  };
}

/** The configuration with these pipeline settings saved over the earlier ones. */
export function withPipelineSettings(
  config: SalesMetricsConfig,
  settings: PipelineSettings,
): SalesMetricsConfig {
  const saved = savedPipelineSettings(config);
  const merged: PipelineSettings = {
    ...saved,
    ...settings,
    ...(saved.stageProbabilities || settings.stageProbabilities
      ? { stageProbabilities: { ...saved.stageProbabilities, ...settings.stageProbabilities } }
      : {}),
  };
  return { ...config, settings: { ...(config.settings ?? {}), pipeline: merged } };
}

/** The settings of this refresh: the given ones over the saved ones (stage tables merged). */
export function pipelineSettingsOf(
  config: SalesMetricsConfig,
  given: PipelineSettings | undefined,
): PipelineSettings {
  if (!given) return savedPipelineSettings(config);
  return savedPipelineSettings(withPipelineSettings(config, given));
}
