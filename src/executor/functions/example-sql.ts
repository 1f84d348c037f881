import { normalizeBigint, type Value } from '../values.js';
import { parseDateText, parseTimestampText } from '../semantics/parse-temporal.js';
import type { ArgType } from './registry.js';

/**
 * A reader for the SQL text of function examples: one call whose arguments are literals or, in
 * aggregate examples, column names of a `(VALUES ...) t(columns)` input. It covers only what the
 * examples use: string, integer, decimal, NULL, TRUE, FALSE, DATE '...' and TIMESTAMP '...'
 * literals, `*` and DISTINCT. The docs use it to type examples and the tests to evaluate them.
 */

export interface ExampleLiteral {
  readonly kind: 'literal';
  readonly type: ArgType;
  readonly value: Value;
}

export interface ExampleColumn {
  readonly kind: 'column';
  readonly name: string;
}

export type ExampleArg = ExampleLiteral | ExampleColumn;

export interface ExampleCall {
  readonly name: string;
  readonly distinct: boolean;
  readonly star: boolean;
  readonly args: readonly ExampleArg[];
}

export interface ExampleInput {
  readonly columns: readonly string[];
  readonly types: readonly ArgType[];
  readonly rows: readonly (readonly Value[])[];
}

type Token = { readonly kind: 'string' | 'number' | 'word' | 'symbol'; readonly text: string };

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const char = sql[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw new Error(`unterminated string in example: ${sql}`);
        if (sql[i] === "'" && sql[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (sql[i] === "'") {
          i++;
          break;
        } else {
          text += sql[i++];
        }
      }
      tokens.push({ kind: 'string', text });
    } else if (/[0-9]/.test(char) || (char === '-' && /[0-9.]/.test(sql[i + 1] ?? ''))) {
      const match = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(i))!;
      tokens.push({ kind: 'number', text: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))!;
      tokens.push({ kind: 'word', text: match[0] });
      i += match[0].length;
    } else {
      tokens.push({ kind: 'symbol', text: char });
      i++;
    }
  }
  return tokens;
}

class Reader {
  private position = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly sql: string,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Error(`unexpected end of example: ${this.sql}`);
    return token;
  }

  expect(text: string): void {
    const token = this.next();
    if (token.text.toUpperCase() !== text.toUpperCase()) throw new Error(`expected ${text} but found ${token.text} in example: ${this.sql}`);
  }

  acceptWord(word: string): boolean {
    const token = this.peek();
    if (token?.kind === 'word' && token.text.toUpperCase() === word) {
      this.position++;
      return true;
    }
    return false;
  }

  done(): boolean {
    return this.position >= this.tokens.length;
  }
}

function readLiteralOrColumn(reader: Reader, timeZone: string, sql: string): ExampleArg {
  const token = reader.next();
  if (token.kind === 'string') return { kind: 'literal', type: 'TEXT', value: token.text };
  if (token.kind === 'number') {
    if (/^-?\d+$/.test(token.text)) return { kind: 'literal', type: 'BIGINT', value: normalizeBigint(BigInt(token.text)) };
    return { kind: 'literal', type: 'DOUBLE', value: Number(token.text) };
  }
  if (token.kind === 'word') {
    const upper = token.text.toUpperCase();
    if (upper === 'NULL') return { kind: 'literal', type: 'NULL', value: null };
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', type: 'BOOLEAN', value: upper === 'TRUE' };
    if ((upper === 'DATE' || upper === 'TIMESTAMP') && reader.peek()?.kind === 'string') {
      const text = reader.next().text;
      const value = upper === 'DATE' ? parseDateText(text) : parseTimestampText(text, timeZone);
      if (value === undefined) throw new Error(`bad ${upper} literal in example: ${sql}`);
      return { kind: 'literal', type: upper, value };
    }
    return { kind: 'column', name: token.text.toLowerCase() };
  }
  throw new Error(`unexpected ${token.text} in example: ${sql}`);
}

/** Reads `name([DISTINCT] args)` or `name(*)`; text after the closing parenthesis (OVER ...) is ignored. */
export function parseExampleCall(sql: string, timeZone = 'UTC'): ExampleCall {
  const reader = new Reader(tokenize(sql), sql);
  const name = reader.next().text.toLowerCase();
  reader.expect('(');
  const distinct = reader.acceptWord('DISTINCT');
  if (reader.peek()?.text === '*') {
    reader.next();
    reader.expect(')');
    return { name, distinct, star: true, args: [] };
  }
  const args: ExampleArg[] = [];
  if (reader.peek()?.text !== ')') {
    for (;;) {
      args.push(readLiteralOrColumn(reader, timeZone, sql));
      if (reader.peek()?.text !== ',') break;
      reader.next();
    }
  }
  reader.expect(')');
  return { name, distinct, star: false, args };
}

/** Reads `(VALUES (a, b), (c, d)) t(x, y)`; a column's type is that of its first non-NULL literal, widened BIGINT to DOUBLE. */
export function parseExampleInput(from: string, timeZone = 'UTC'): ExampleInput {
  const reader = new Reader(tokenize(from), from);
  reader.expect('(');
  reader.expect('VALUES');
  const rows: Value[][] = [];
  const rowTypes: ArgType[][] = [];
  for (;;) {
    reader.expect('(');
    const row: Value[] = [];
    const types: ArgType[] = [];
    for (;;) {
      const item = readLiteralOrColumn(reader, timeZone, from);
      if (item.kind !== 'literal') throw new Error(`VALUES rows must hold literals in example: ${from}`);
      row.push(item.value);
      types.push(item.type);
      if (reader.peek()?.text !== ',') break;
      reader.next();
    }
    reader.expect(')');
    rows.push(row);
    rowTypes.push(types);
    if (reader.peek()?.text !== ',') break;
    reader.next();
  }
  reader.expect(')');
  reader.next();
  reader.expect('(');
  const columns: string[] = [];
  for (;;) {
    columns.push(reader.next().text.toLowerCase());
    if (reader.peek()?.text !== ',') break;
    reader.next();
  }
  reader.expect(')');
  if (!reader.done()) throw new Error(`unexpected text after the column list in example: ${from}`);

  const types = columns.map((_, column) => {
    let type: ArgType = 'NULL';
    for (const row of rowTypes) {
      const cell = row[column] ?? 'NULL';
      if (cell === 'NULL') continue;
      type = type === 'NULL' || (type === 'BIGINT' && cell === 'DOUBLE') ? cell : type;
    }
    return type;
  });
  // BIGINT cells of a DOUBLE column become doubles, as a typed column would hold them.
  const typedRows = rows.map((row) => row.map((value, column) => (types[column] === 'DOUBLE' && typeof value === 'bigint' ? Number(value) : value)));
  return { columns, types, rows: typedRows };
}
