/**
 * `sales-metrics`: the headless command line over the engine. `main` parses the subcommand,
 * runs it, and turns every error the user can fix into one line on stderr and an exit code.
 *
 * @example
 * // bin/sales-metrics.js
 * main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
 */
import { FileReadError } from '../xlsx/read-error';
import { parseFlags } from './args';
import type { Command } from './command';
import { COMMON_OPTIONS } from './command';
import { COMMANDS } from './commands';
import { CliError } from './errors';
import { terminalSafe } from './format';
import type { CliIO } from './io';
import { processIO } from './io';

export { captureIO, processIO } from './io';
export type { CliIO, CapturedIO } from './io';
export { CliError } from './errors';

const PROGRAM = 'sales-metrics';

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: ${PROGRAM} <command> [options]

Sales metrics, customer analytics, goals and dashboards from .csv and .xlsx files.

Commands:
${list}

Run "${PROGRAM} <command> --help" for a command's options.
`;
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

/** What `main` writes for the requests whose answer depends on nothing but the program itself. */
export interface FixedOutputs {
  /** `--help`, `-h`, `help`. */
  readonly help: string;
  /** `--version`, `-v`. */
  readonly version: string;
  /** `COMMAND --help`, `COMMAND -h`, `help COMMAND`, by command name. */
  readonly commands: Readonly<Record<string, string>>;
}

/**
 * The help and version texts exactly as `main` writes them, so the launcher can answer `--help`
 * without loading the command line (see `scripts/cli-bundle.js`).
 * @example fixedOutputs().version // 'sales-metrics 0.1.0\n'
 */
export function fixedOutputs(): FixedOutputs {
  const commands: Record<string, string> = {};
  for (const command of COMMANDS) commands[command.name] = terminalSafe(commandHelp(command));
  return {
    help: terminalSafe(generalHelp()),
    version: terminalSafe(`${PROGRAM} ${version()}\n`),
    commands,
  };
}

function commandHelp(command: Command): string {
  return command.help.endsWith('\n') ? command.help : command.help + '\n';
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code:
 * 0 success, 1 a problem with the input, 2 a usage error. Never rejects.
 */
export async function main(argv: readonly string[], given: CliIO = processIO()): Promise<number> {
  // Headers, cells and sheet names come from files: nothing reaches the terminal raw.
  const io: CliIO = {
    ...given,
    stdout: (text) => given.stdout(terminalSafe(text)),
    stderr: (text) => given.stderr(terminalSafe(text)),
  };
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(generalHelp());
      return 2;
    }
    if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
      io.stdout(generalHelp());
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${PROGRAM} ${version()}\n`);
      return 0;
    }
    const helpFor = first === 'help' ? rest[0] : undefined;
    const command = findCommand(helpFor ?? first);
    if (!command) {
      throw new CliError(
        `unknown command "${helpFor ?? first}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`,
        2,
      );
    }
    // Help wins over everything else on the line, even flags that would not parse.
    if (helpFor !== undefined || rest.some((arg) => arg === '--help' || arg === '-h')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const args = parseFlags(rest, { ...COMMON_OPTIONS, ...command.options });
    await command.run(args, io);
    return 0;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIO): number {
  if (error instanceof CliError) {
    io.stderr(`${PROGRAM}: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof FileReadError) {
    io.stderr(`${PROGRAM}: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${PROGRAM}: unexpected error: ${firstLine(message)}\n`);
  if (process.env.SALES_METRICS_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return 1;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

function version(): string {
  try {
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
