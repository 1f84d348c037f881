import fs from 'node:fs';
import path from 'node:path';
import { OUTPUT_FORMATS } from '../../src/format/index.js';
import { printIdentifier } from '../../src/parser/index.js';
import { replaceRange, type EditBuffer } from '../editor/edit-buffer.js';
import { CONNECT_OPTIONS, findMetaCommand, META_COMMANDS } from '../meta/command-list.js';
import { completionSite, type CompletionSite, type FromTable } from './context.js';
import { CLAUSE_KEYWORDS, SQL_KEYWORDS, STATEMENT_STARTS } from './keywords.js';

/** Where completion names come from; `CompletionData` reads them from the engine. */
export interface CompletionSource {
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  functions(): readonly string[];
  settings(): readonly string[];
  jsonKeys(table: string, column: string, path: readonly string[]): Promise<string[]>;
  /** Names of the `:NAME` parameters set with `\set`. */
  parameters(): readonly string[];
}

export type CandidateKind = 'keyword' | 'table' | 'column' | 'function' | 'setting' | 'json_key' | 'meta' | 'file' | 'value';

/** One completion: what the list shows and what replaces the typed prefix. */
export interface Candidate {
  readonly label: string;
  readonly insert: string;
  readonly kind: CandidateKind;
}

/** The candidates for the text at the cursor, matching what was typed, in the order they are offered. */
export interface Completion {
  readonly site: CompletionSite;
  readonly candidates: readonly Candidate[];
}

/** Finds the candidates for the word at `cursor` of `text`. */
export async function complete(text: string, cursor: number, source: CompletionSource): Promise<Completion> {
  const site = completionSite(text, cursor);
  const all = await candidatesFor(site, source);
  const prefix = site.prefix.toLowerCase();
  const seen = new Set<string>();
  const candidates = all.filter((candidate) => {
    const key = `${candidate.kind}:${candidate.label}`;
    if (seen.has(key) || !candidate.label.toLowerCase().startsWith(prefix)) return false;
    seen.add(key);
    return true;
  });
  return { site, candidates };
}

/**
 * Applies a completion to the buffer. One candidate replaces the typed word (keywords and tables
 * get a space after them, functions an opening parenthesis). Several candidates extend the word
 * to their longest common start. Returns the new buffer and, when the choice is still open, the
 * labels to list under the prompt.
 */
export function applyCompletion(buffer: EditBuffer, completion: Completion): { buffer: EditBuffer; choices: readonly string[] } {
  const { site, candidates } = completion;
  if (candidates.length === 0) return { buffer, choices: [] };
  if (candidates.length === 1) {
    const only = candidates[0]!;
    return { buffer: replaceRange(buffer, site.start, site.end, only.insert), choices: [] };
  }
  const common = commonPrefix(candidates.map((candidate) => candidate.label));
  const next = common.length > site.prefix.length ? replaceRange(buffer, site.start, site.end, common) : buffer;
  return { buffer: next, choices: candidates.map((candidate) => candidate.label) };
}

async function candidatesFor(site: CompletionSite, source: CompletionSource): Promise<Candidate[]> {
  const { context, prefix } = site;
  const lowerCase = prefix !== '' && prefix === prefix.toLowerCase();
  const keyword = (word: string): Candidate => {
    const spelled = lowerCase ? word.toLowerCase() : word;
    return { label: spelled, insert: `${spelled} `, kind: 'keyword' };
  };

  switch (context.kind) {
    case 'none':
      return [];
    case 'statement_start':
      return STATEMENT_STARTS.map(keyword);
    case 'show':
      return [keyword('TABLES')];
    case 'table':
      return (await source.tables()).map((name) => ({ label: name, insert: `${printIdentifier(name)} `, kind: 'table' }));
    case 'setting':
      return source.settings().map((name) => ({ label: name, insert: `${name} `, kind: 'setting' }));
    case 'qualified_column': {
      const tables = context.table === null ? [] : [context.table];
      return (await columnsOf(tables, source)).map(columnCandidate);
    }
    case 'expression': {
      const tables = context.tables.length > 0 ? context.tables.map((table: FromTable) => table.name) : await source.tables();
      const columns = (await columnsOf(tables, source)).map(columnCandidate);
      const functions = source.functions().map((name): Candidate => ({ label: name, insert: `${name}(`, kind: 'function' }));
      const parameters = source.parameters().map((name): Candidate => ({ label: `:${name}`, insert: `:${name}`, kind: 'value' }));
      const others = [...SQL_KEYWORDS].filter((word) => !CLAUSE_KEYWORDS.includes(word)).sort();
      return [...columns, ...functions, ...parameters, ...[...CLAUSE_KEYWORDS, ...others].map(keyword)];
    }
    case 'json_key': {
      const keys = await jsonKeysFor(context.column, context.path, context.tables, source);
      return keys.map((key) => {
        const quoted = key.replaceAll("'", "''");
        const insert = context.quote === 'none' ? `'${quoted}'` : context.quote === 'open' ? `${quoted}'` : quoted;
        return { label: context.quote === 'none' ? `'${key}'` : key, insert, kind: 'json_key' };
      });
    }
    case 'meta_command':
      return META_COMMANDS.flatMap((spec) => [spec.name, ...spec.aliases]).map((name) => ({ label: name, insert: `${name} `, kind: 'meta' }));
    case 'meta_argument':
      return metaArguments(context.command, context.position, prefix, source);
  }
}

function columnCandidate(name: string): Candidate {
  return { label: name, insert: printIdentifier(name), kind: 'column' };
}

async function columnsOf(tables: readonly string[], source: CompletionSource): Promise<string[]> {
  const lists = await Promise.all(tables.slice(0, 16).map((table) => source.columns(table)));
  return lists.flat();
}

/** Keys of `column` in the first FROM table that has it, or in any table when no FROM table does. */
async function jsonKeysFor(column: string, path: readonly string[], tables: readonly FromTable[], source: CompletionSource): Promise<string[]> {
  const candidates = tables.length > 0 ? tables.map((table) => table.name) : await source.tables();
  for (const table of candidates.slice(0, 16)) {
    const columns = await source.columns(table);
    if (columns.some((name) => name.toLowerCase() === column.toLowerCase())) return source.jsonKeys(table, column, path);
  }
  return [];
}

async function metaArguments(command: string, position: number, prefix: string, source: CompletionSource): Promise<Candidate[]> {
  const spec = findMetaCommand(command);
  const value = (word: string): Candidate => ({ label: word, insert: `${word} `, kind: 'value' });
  switch (spec?.argument) {
    case 'table':
      return position === 1 ? (await source.tables()).map((name) => ({ label: name, insert: printIdentifier(name), kind: 'table' })) : [];
    case 'format':
      return position === 1 ? OUTPUT_FORMATS.map(value) : [];
    case 'expanded':
      return position === 1 ? ['on', 'off', 'auto'].map(value) : [];
    case 'toggle':
      return position === 1 ? ['on', 'off'].map(value) : [];
    case 'file':
      return position === 1 ? fileCandidates(prefix) : [];
    case 'parameter':
      return position === 1 ? source.parameters().map(value) : [];
    case 'connect_option':
      return prefix.startsWith('-') || prefix === '' ? CONNECT_OPTIONS.map(value) : fileCandidates(prefix);
    default:
      return [];
  }
}

/** Files and folders whose path starts with `prefix`; folders end in `/` and get no space after them. */
function fileCandidates(prefix: string): Candidate[] {
  const folder = prefix.endsWith('/') ? prefix : path.dirname(prefix);
  const start = prefix.endsWith('/') ? '' : path.basename(prefix);
  const shownFolder = prefix.includes('/') ? (prefix.endsWith('/') ? prefix : `${folder}/`) : '';
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder === '' ? '.' : folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.name.startsWith(start) && (start.startsWith('.') || !entry.name.startsWith('.')))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, 200)
    .map((entry) => {
      const full = `${shownFolder}${entry.name}${entry.isDirectory() ? '/' : ''}`;
      return { label: full, insert: entry.isDirectory() ? full : `${full} `, kind: 'file' };
    });
}

/** The longest start shared by every label, compared without case; spelled as the first label has it. */
function commonPrefix(labels: readonly string[]): string {
  const first = labels[0] ?? '';
  let length = first.length;
  for (const label of labels.slice(1)) {
    let i = 0;
    while (i < length && i < label.length && label[i]!.toLowerCase() === first[i]!.toLowerCase()) i++;
    length = i;
  }
  return first.slice(0, length);
}
