/**
 * The pipeline forecast of a refresh: the settings given for this run over the saved ones, the
 * forecast as of a day with the quota per rep, and the configuration with the given settings saved.
 */
import type { Goal } from '../core/goals';
import type { MetricInputs } from '../core/metrics';
import type { Calendar } from '../core/periods';
import { pipelineForecast, type PipelineForecast, type PipelineSettings } from '../core/pipeline';
import type { SalesMetricsConfig } from '../sheets/config';
import { pipelineSettingsOf, withPipelineSettings } from '../sheets/pipeline-settings';
import { overallGoals } from './plans';

/**
 * The forecast as of `asOf` (undefined without a pipeline table), reporting settings that could
 * not be used.
 * @example forecastOf(inputs, goals, asOf, calendar, config, { staleMultiple: 3 }, report)?.coverage
 */
export function forecastOf(
  inputs: MetricInputs,
  goals: readonly Goal[],
  asOf: number,
  calendar: Calendar,
  config: SalesMetricsConfig,
  given: PipelineSettings | undefined,
  report: (message: string) => void,
): PipelineForecast | undefined {
  const forecast = pipelineForecast(
    inputs,
    { goals, teamGoals: overallGoals(goals) },
    asOf,
    calendar,
    pipelineSettingsOf(config, given),
  );
  for (const problem of forecast?.open?.problems ?? []) report(`pipeline settings: ${problem}`);
  return forecast;
}

/** The configuration with this run's pipeline settings saved (unchanged when none were given). */
export function withGivenPipelineSettings(
  config: SalesMetricsConfig,
  given: PipelineSettings | undefined,
): SalesMetricsConfig {
  return given && Object.keys(given).length > 0 ? withPipelineSettings(config, given) : config;
}
