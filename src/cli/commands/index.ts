/** The registry of subcommands, in the order `--help` lists them. */
import type { Command } from '../command';
import { benchmarksCommand } from './benchmarks';
import { buildCommand } from './build';
import { clvCommand } from './clv';
import { cohortsCommand } from './cohorts';
import { forecastCommand } from './forecast';
import { goalsCommand } from './goals';
import { reviewCommand } from './review';
import { rfmCommand } from './rfm';
import { sampleCommand } from './sample';
import { sqlCommand } from './sql';
import { metricsCommand } from './metrics';

export const COMMANDS: readonly Command[] = [
  metricsCommand,
  clvCommand,
  cohortsCommand,
  forecastCommand,
  rfmCommand,
  goalsCommand,
  benchmarksCommand,
  buildCommand,
  reviewCommand,
  sampleCommand,
  sqlCommand,
];
