import { OUTPUT_FORMATS } from '../../src/format/index.js';

/** How completion fills in the arguments of a meta-command. */
export type ArgumentKind = 'table' | 'format' | 'expanded' | 'toggle' | 'file' | 'parameter' | 'connect_option' | 'sql' | 'none' | 'text';

/** One meta-command: its name with the backslash, other spellings, usage and what it does. */
export interface MetaCommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly usage: string;
  readonly summary: string;
  readonly argument: ArgumentKind;
}

export const META_COMMANDS: readonly MetaCommandSpec[] = [
  { name: '\\help', aliases: ['\\?', '\\h'], usage: '\\help', summary: 'show this list of commands and keys', argument: 'none' },
  { name: '\\q', aliases: ['\\quit'], usage: '\\q', summary: 'quit (Ctrl-D on an empty line too)', argument: 'none' },
  { name: '\\dt', aliases: [], usage: '\\dt', summary: 'list the tables', argument: 'none' },
  { name: '\\d', aliases: ['\\describe'], usage: '\\d TABLE', summary: 'describe a table: columns, key layout, time buckets', argument: 'table' },
  { name: '\\format', aliases: [], usage: `\\format ${OUTPUT_FORMATS.join('|')}`, summary: 'choose how results are printed', argument: 'format' },
  { name: '\\x', aliases: [], usage: '\\x [on|off|auto]', summary: 'vertical rows: always, never, or when the table is too wide', argument: 'expanded' },
  { name: '\\timing', aliases: [], usage: '\\timing [on|off]', summary: 'show time, partitions and rows scanned after each result', argument: 'toggle' },
  { name: '\\o', aliases: ['\\out'], usage: '\\o [FILE]', summary: 'write results to FILE in the current format; no FILE: back to the screen', argument: 'file' },
  { name: '\\i', aliases: ['\\include'], usage: '\\i FILE', summary: 'run the statements and meta-commands of FILE', argument: 'file' },
  { name: '\\set', aliases: [], usage: '\\set [NAME [VALUE]]', summary: 'set parameter :NAME; no arguments: list parameters and settings', argument: 'parameter' },
  { name: '\\unset', aliases: [], usage: '\\unset NAME', summary: 'remove parameter :NAME', argument: 'parameter' },
  { name: '\\explain', aliases: [], usage: '\\explain SQL', summary: 'show the plan of a query without running it', argument: 'sql' },
  { name: '\\connect', aliases: ['\\c'], usage: '\\connect --db FILE | --cassandra HOSTS [--keyspace K] ...', summary: 'open another target, with the options of the command line', argument: 'connect_option' },
  { name: '\\chart', aliases: [], usage: '\\chart [LABEL_COLUMN [VALUE_COLUMN]]', summary: 'draw the last result as horizontal bars', argument: 'text' },
];

/** Finds a meta-command by its name or one of its aliases. */
export function findMetaCommand(name: string): MetaCommandSpec | undefined {
  return META_COMMANDS.find((spec) => spec.name === name || spec.aliases.includes(name));
}

/** Options `\connect` accepts: the target options of the command line. */
export const CONNECT_OPTIONS: readonly string[] = ['--db', '--cassandra', '--keyspace', '--local-dc', '--username', '--password-file'];

/** Key bindings, for `\help`. */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['Enter', 'run the statement once it ends with ;, else start a new line'],
  ['Alt-Enter', 'new line without running'],
  ['Tab', 'complete keywords, tables, columns, functions, settings and JSON keys'],
  ['Up / Down', 'previous / next statement in the history (moves between lines inside a statement)'],
  ['Ctrl-R', 'search the history; Ctrl-R again for older matches, Enter to run, Esc to edit'],
  ['Ctrl-C', 'cancel the running query, or clear the input'],
  ['Ctrl-D', 'quit on an empty line'],
  ['Ctrl-A / Ctrl-E', 'start / end of the line'],
  ['Ctrl-K / Ctrl-U / Ctrl-W', 'delete to the end of the line / to its start / the word before the cursor'],
];
