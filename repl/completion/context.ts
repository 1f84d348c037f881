import { scanSql, type ScannedToken } from '../syntax/scan.js';
import { SQL_KEYWORDS } from './keywords.js';

/** A table named in the FROM clause of the statement around the cursor, with its alias. */
export interface FromTable {
  readonly name: string;
  readonly alias: string | null;
}

/** The kind of name that fits at the cursor. */
export type CompletionContext =
  | { readonly kind: 'none' }
  | { readonly kind: 'statement_start' }
  | { readonly kind: 'show' }
  | { readonly kind: 'table' }
  | { readonly kind: 'setting' }
  /** An expression: columns of `tables` (empty when no FROM is typed yet), functions and keywords. */
  | { readonly kind: 'expression'; readonly tables: readonly FromTable[] }
  /** After `qualifier.`: only the columns of the table or alias `qualifier`. */
  | { readonly kind: 'qualified_column'; readonly table: string | null }
  /**
   * After `column->` or `column->>`, or inside the string after it: keys of the JSON values of
   * `column`, below the keys of `path` (`detail->'a'->` has path ['a']). `quote` is the quoting
   * typed so far, so the completion supplies both quotes (`none`), the closing one (`open`), or
   * neither (`closed`).
   */
  | {
      readonly kind: 'json_key';
      readonly column: string;
      readonly path: readonly string[];
      readonly tables: readonly FromTable[];
      readonly quote: 'none' | 'open' | 'closed';
    }
  | { readonly kind: 'meta_command' }
  | { readonly kind: 'meta_argument'; readonly command: string; readonly position: number };

/** The context at the cursor and the text the completion replaces: `text[start, end)`, typed as `prefix`. */
export interface CompletionSite {
  readonly context: CompletionContext;
  readonly start: number;
  readonly end: number;
  readonly prefix: string;
}

/** Finds what is being typed at `cursor` and which kind of name fits there. */
export function completionSite(text: string, cursor: number): CompletionSite {
  if (/^\s*\\/.test(text)) return metaSite(text, cursor);

  const tokens = scanSql(text);
  const atCursor = tokens.find((token) => token.start < cursor && cursor <= token.end);
  const none = { context: { kind: 'none' }, start: cursor, end: cursor, prefix: '' } as const;

  let start = cursor;
  let prefix = '';
  let inString: 'open' | 'closed' | null = null;
  if (atCursor !== undefined) {
    switch (atCursor.kind) {
      case 'word':
        start = atCursor.start;
        prefix = text.slice(start, cursor);
        break;
      case 'string':
        if (cursor === atCursor.end) return none;
        inString = 'closed';
        start = atCursor.start + 1;
        prefix = text.slice(start, cursor);
        break;
      case 'unterminated_string':
        inString = 'open';
        start = atCursor.start + 1;
        prefix = text.slice(start, cursor);
        break;
      case 'named_parameter':
        start = atCursor.start;
        prefix = text.slice(start, cursor);
        break;
      case 'operator':
      case 'positional_parameter':
        // The cursor right after an operator such as `(` or `,` starts a new name.
        if (cursor !== atCursor.end) return none;
        break;
      default:
        return none;
    }
  }

  const statement = statementTokens(tokens, start);
  const before = statement.filter((token) => token.end <= start);
  const previous = before[before.length - 1];
  const tables = fromTables(statement);
  const site = (context: CompletionContext): CompletionSite => ({ context, start, end: cursor, prefix });

  if (previous !== undefined && previous.kind === 'operator' && (previous.text === '->' || previous.text === '->>')) {
    const access = jsonAccess(before);
    if (access !== null) return site({ kind: 'json_key', ...access, tables, quote: inString ?? 'none' });
  }
  if (inString !== null) return none;

  if (previous === undefined) return site({ kind: 'statement_start' });
  if (previous.kind === 'operator' && previous.text === '.') {
    const qualifier = before[before.length - 2];
    const beforeQualifier = before[before.length - 3];
    if (beforeQualifier?.keyword === 'FROM' || beforeQualifier?.keyword === 'JOIN' || beforeQualifier?.keyword === 'DESCRIBE') {
      return site({ kind: 'table' });
    }
    if (qualifier?.kind === 'word' || qualifier?.kind === 'quoted_identifier') {
      return site({ kind: 'qualified_column', table: tableOfQualifier(nameOf(qualifier), tables) });
    }
    return none;
  }

  const first = statement[0];
  switch (previous.keyword) {
    case 'FROM':
    case 'JOIN':
    case 'DESCRIBE':
      return site({ kind: 'table' });
    case 'SHOW':
      return site({ kind: 'show' });
    case 'SET':
    case 'RESET':
      if (first === previous) return site({ kind: 'setting' });
      break;
  }
  return site({ kind: 'expression', tables });
}

/** Returns the tokens of the statement that contains `offset`: from after the `;` before it to the next `;`. */
function statementTokens(tokens: readonly ScannedToken[], offset: number): ScannedToken[] {
  const code = tokens.filter((token) => token.kind !== 'comment');
  let first = 0;
  let last = code.length;
  code.forEach((token, index) => {
    if (token.kind !== 'operator' || token.text !== ';') return;
    if (token.end <= offset) first = index + 1;
    else if (last === code.length) last = index;
  });
  return code.slice(first, last);
}

/** Reads `FROM name [AS] alias` and `JOIN name [AS] alias` anywhere in the statement. */
export function fromTables(statement: readonly ScannedToken[]): FromTable[] {
  const tables: FromTable[] = [];
  for (let i = 0; i < statement.length; i++) {
    if (statement[i]!.keyword !== 'FROM' && statement[i]!.keyword !== 'JOIN') continue;
    let j = i + 1;
    if (!isName(statement[j])) continue;
    let name = nameOf(statement[j]!);
    if (statement[j + 1]?.text === '.' && isName(statement[j + 2])) {
      name = nameOf(statement[j + 2]!);
      j += 2;
    }
    j += 1;
    if (statement[j]?.keyword === 'AS') j += 1;
    const aliasToken = statement[j];
    const alias = isName(aliasToken) && !SQL_KEYWORDS.has(aliasToken!.keyword ?? '') ? nameOf(aliasToken!) : null;
    tables.push({ name, alias });
  }
  return tables;
}

/** Returns the table a qualifier names, through an alias or directly, or null when none matches. */
function tableOfQualifier(qualifier: string, tables: readonly FromTable[]): string | null {
  const lower = qualifier.toLowerCase();
  const match = tables.find((table) => table.alias?.toLowerCase() === lower) ?? tables.find((table) => table.name.toLowerCase() === lower);
  return match?.name ?? (tables.length === 0 ? qualifier : null);
}

/** Reads `column->'a'->'b'->` backwards from the last operator: the column and the keys before the cursor. */
function jsonAccess(before: readonly ScannedToken[]): { column: string; path: string[] } | null {
  const path: string[] = [];
  let i = before.length - 1;
  while (i >= 1) {
    const operand = before[i - 1]!;
    if (operand.kind === 'string' && (before[i - 2]?.text === '->' || before[i - 2]?.text === '->>')) {
      path.unshift(operand.text.slice(1, -1).replace(/''/g, "'"));
      i -= 2;
      continue;
    }
    if (isName(operand)) return { column: nameOf(operand), path };
    return null;
  }
  return null;
}

function isName(token: ScannedToken | undefined): boolean {
  return token !== undefined && (token.kind === 'quoted_identifier' || token.kind === 'word');
}

/** Returns the name a word or quoted identifier is: a word as typed, a quoted name without its quotes. */
function nameOf(token: ScannedToken): string {
  if (token.kind === 'quoted_identifier') return token.text.slice(1, -1).replace(/""/g, '"');
  return token.text;
}

function metaSite(text: string, cursor: number): CompletionSite {
  const beforeCursor = text.slice(0, cursor);
  const words = beforeCursor.trimStart().split(/\s+/);
  const prefix = words[words.length - 1] ?? '';
  const start = cursor - prefix.length;
  if (words.length === 1) return { context: { kind: 'meta_command' }, start, end: cursor, prefix };
  return { context: { kind: 'meta_argument', command: words[0]!, position: words.length - 1 }, start, end: cursor, prefix };
}
