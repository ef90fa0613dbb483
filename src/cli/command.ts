/**
 * A subcommand: its flags, its help text and what it does. Commands are data in a registry
 * (`commands/index.ts`), so adding one is adding an entry.
 */
import type { OptionSpecs, ParsedArgs } from './args';
import type { CliIO } from './io';

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text: usage line, flags, an example. */
  readonly help: string;
  readonly options: OptionSpecs;
  run(args: ParsedArgs, io: CliIO): Promise<void>;
}

/** Flags every command accepts. */
export const COMMON_OPTIONS: OptionSpecs = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
};
