import path from 'node:path';
import type { Command } from 'commander';
import { applySetting, defaultSettings, settingNames } from '../api/settings-registry.js';
import { PlanError } from '../errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../format/index.js';
import type { Settings } from '../planner/settings.js';
import { defaultSampleDbPath } from '../store/paths.js';
import { UsageError } from './errors.js';
import { parseChoice } from './parse-options.js';
import { addTargetOptions, type TargetOptions } from './target.js';

/** Options of the commands that run SQL: the target, the output and the engine settings. */
export interface SessionOptions extends TargetOptions {
  readonly format?: OutputFormat;
  readonly output?: string;
  readonly set?: string[];
  readonly timeout?: string;
}

/** Format of results written to a pipe or file when neither --format nor the file name chooses one. */
export const DEFAULT_MACHINE_FORMAT: OutputFormat = 'tsv';

/** Output formats chosen by the --output file name's extension. */
const FORMAT_BY_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'table',
};

/**
 * Adds the target options (--db, --cassandra...) and --format, --output, --set and --timeout.
 * Without a target the commands read the sample database.
 */
export function addSessionOptions(command: Command): Command {
  addTargetOptions(command, `embedded store to read: an existing SQLite file (default: the sample database, ${defaultSampleDbPath()})`);
  return command
    .option(
      '--format <format>',
      `result format: ${OUTPUT_FORMATS.join(', ')}. Default: table on a terminal, ${DEFAULT_MACHINE_FORMAT} on a pipe, ` +
        `and with --output the format its extension names (${Object.keys(FORMAT_BY_EXTENSION).join(' ')}), else ${DEFAULT_MACHINE_FORMAT}`,
      parseChoice('--format', OUTPUT_FORMATS),
    )
    .option('-o, --output <file>', 'write results to this file instead of standard output; replaced if it exists')
    .option(
      '--set <name=value>',
      `engine setting before the first statement, as SET would change it, e.g. time_zone=Europe/Berlin or workers=4; repeatable (settings: ${settingNames().join(', ')})`,
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--timeout <duration>', "stop each statement that runs longer than this, e.g. 30s, '5 minutes' or 1500 (ms); same as --set timeout=...");
}

/** Returns the output format: --format, else from the --output extension, else by whether stdout is a terminal. */
export function chooseFormat(options: SessionOptions, stdoutIsTerminal: boolean): OutputFormat {
  if (options.format !== undefined) return options.format;
  if (options.output !== undefined) return FORMAT_BY_EXTENSION[path.extname(options.output).toLowerCase()] ?? DEFAULT_MACHINE_FORMAT;
  return stdoutIsTerminal ? 'table' : DEFAULT_MACHINE_FORMAT;
}

/** Returns the engine settings: the defaults, then each --set in order, then --timeout. */
export function sessionSettings(options: SessionOptions): Settings {
  const settings = defaultSettings();
  const apply = (option: string, name: string, value: string): void => {
    try {
      applySetting(settings, name, value);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      const hint = error.hint === null ? '' : `; ${error.hint}`;
      throw new UsageError(`${option}: ${error.message}${hint}`);
    }
  };
  for (const assignment of options.set ?? []) {
    const separator = assignment.indexOf('=');
    if (separator <= 0) throw new UsageError(`--set must be NAME=VALUE, such as --set time_zone=Europe/Berlin, got "${assignment}"`);
    apply('--set', assignment.slice(0, separator).trim(), assignment.slice(separator + 1).trim());
  }
  if (options.timeout !== undefined) apply('--timeout', 'timeout', options.timeout);
  return settings;
}

/** True when ANSI colors may be written to a terminal: NO_COLOR (https://no-color.org) is unset or empty. */
export function colorAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  const noColor = env['NO_COLOR'];
  return noColor === undefined || noColor === '';
}
