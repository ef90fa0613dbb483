/** The registry of subcommands, in the order `--help` lists them. */
import type { Command } from '../command';
import { clvCommand } from './clv';
import { metricsCommand } from './metrics';

export const COMMANDS: readonly Command[] = [metricsCommand, clvCommand];
