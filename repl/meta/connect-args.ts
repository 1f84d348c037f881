import { Command, CommanderError } from 'commander';
import { addTargetOptions, chosenTarget, type TargetOptions } from '../../src/cli/target.js';

/**
 * Reads the arguments of `\connect` with the command line's own target options (--db,
 * --cassandra, --keyspace, --local-dc, --username, --password-file), so both accept the same
 * spellings. A single argument without a leading `-` is an embedded store path, as in
 * `\connect events.db`. Throws an Error with commander's message on invalid arguments.
 */
export function parseConnectArguments(args: readonly string[]): TargetOptions {
  if (args.length === 1 && !args[0]!.startsWith('-')) return { db: args[0]! };
  let message = '';
  const command = addTargetOptions(new Command('\\connect'))
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({ writeErr: (text) => (message += text), writeOut: (text) => (message += text) });
  try {
    command.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new Error(message.trim().replace(/^error: /, '') || error.message);
    throw error;
  }
  const options = command.opts<TargetOptions>();
  if (chosenTarget(options) === undefined) throw new Error('\\connect needs --db FILE or --cassandra HOSTS');
  return options;
}

/**
 * Replaces the value after any option or key containing "password" with `***`, except the path
 * of --password-file, so an echoed or logged line never shows a password.
 */
export function maskSecrets(line: string): string {
  return line.replace(/(\S*password(?!-file)\S*?)(=|\s+)('[^']*'|"[^"]*"|\S+)/gi, '$1$2***');
}
