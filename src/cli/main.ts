#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, ReportedFailure, UsageError } from './errors.js';
import { buildProgram } from './program.js';

/**
 * Runs the command line and returns the exit code: 0 on success, 1 on a runtime failure or
 * rejected rows, 2 on invalid usage. Errors are printed as one message, with the stack trace only
 * when CASSALYTICS_DEBUG is set.
 */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return EXIT_OK;
  } catch (error) {
    return exitCodeOf(error);
  }
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message, or the help or version text.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof ReportedFailure) return error.exitCode;
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n(run with --help for usage)\n`);
    return EXIT_USAGE;
  }
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') {
    // The reader of standard output has gone, as with `cassalytics generate | head`.
    return EXIT_OK;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  if (process.env['CASSALYTICS_DEBUG'] !== undefined && error instanceof Error && error.stack !== undefined) {
    process.stderr.write(`${error.stack}\n`);
  }
  return EXIT_FAILURE;
}

process.exitCode = await main();
