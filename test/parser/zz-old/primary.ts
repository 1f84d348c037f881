/**
 * Primary expressions: literals, parameters, names, parenthesised expressions, CASE, CAST,
 * EXTRACT, typed literals and intervals. Function calls are in calls.ts.
 */
import type { Expr, ExtractField, IntervalUnit, TypeName } from './ast.js';
import { parseFunctionCall } from './calls.js';
import type { TokenCursor } from './cursor.js';
import { parseExpr } from './expressions.js';
import { CALLABLE_RESERVED_WORDS, isReserved, suggestKeyword } from './keywords.js';
import type { Token } from './lexer.js';
import {
  checkDateText,
  checkTimestampText,
  DATE_FORMAT_HINT,
  EXTRACT_FIELDS,
  INTERVAL_COUNT_PATTERN,
  intervalUnitKeyword,
  isExtractField,
  normalizeIntervalCount,
  readIntervalText,
  TIMESTAMP_FORMAT_HINT,
  TYPE_ARGUMENT_LIMITS,
  TYPE_NAMES,
} from './literals.js';
import { parseIdentifier } from './names.js';

const EXPRESSION = 'an expression';

/** Returns the text of a string literal token without quotes and with `''` unescaped. */
export function stringValue(token: Token): string {
  return token.image.slice(1, -1).replaceAll("''", "'");
}

export function parsePrimary(p: TokenCursor): Expr {
  const token = p.peek();
  switch (token.kind) {
    case 'number': {
      p.advance();
      const type = /^\d+$/.test(token.image) ? 'integer' : 'decimal';
      return { kind: 'literal', span: token.span, value: { type, text: token.image } };
    }
    case 'string':
      p.advance();
      return { kind: 'literal', span: token.span, value: { type: 'string', value: stringValue(token) } };
    case 'named_parameter':
      p.advance();
      p.noteNamedParameter(token);
      return { kind: 'parameter', span: token.span, name: token.image.slice(1) };
    case 'positional_parameter':
      p.advance();
      return { kind: 'parameter', span: token.span, position: p.nextPositionalParameter(token) };
    case 'operator':
      if (token.image === '(') return parseParenthesized(p);
      return p.fail(EXPRESSION);
    case 'quoted_identifier':
      if (p.isOperator('(', 1)) return parseFunctionCall(p);
      return parseColumnRef(p);
    case 'word':
      return parseWordExpr(p, token);
    case 'eof':
      return p.fail(EXPRESSION);
    default: {
      const unreachable: never = token.kind;
      throw new Error(`unknown token kind ${String(unreachable)}`);
    }
  }
}

function parseWordExpr(p: TokenCursor, token: Token): Expr {
  const next = p.peek(1);
  switch (token.keyword) {
    case 'TRUE':
    case 'FALSE':
      p.advance();
      return { kind: 'literal', span: token.span, value: { type: 'boolean', value: token.keyword === 'TRUE' } };
    case 'NULL':
      p.advance();
      return { kind: 'literal', span: token.span, value: { type: 'null' } };
    case 'CASE':
      return parseCase(p);
    case 'CAST':
      return parseCast(p);
    case 'EXTRACT':
      return parseExtract(p);
    case 'EXISTS':
      throw p.error(
        'PARSE_SUBQUERY_UNSUPPORTED',
        'EXISTS subqueries are not supported',
        token.span,
        'Run the subquery as its own query and pass its result to this one as a parameter.',
      );
    case 'DATE':
    case 'TIMESTAMP':
      if (next.kind === 'string') return parseTypedLiteral(p, token.keyword);
      break;
    case 'INTERVAL':
      if (next.kind === 'string' || next.kind === 'number') return parseInterval(p);
      break;
    default:
      break;
  }

  if (p.isOperator('(', 1)) {
    if (isReserved(token.image) && !CALLABLE_RESERVED_WORDS.has(token.keyword ?? '')) return p.fail(EXPRESSION);
    return parseFunctionCall(p);
  }
  if (isReserved(token.image)) return p.fail(EXPRESSION);
  return parseColumnRef(p);
}

function parseColumnRef(p: TokenCursor): Expr {
  const first = parseIdentifier(p, 'a column name');
  if (!p.isOperator('.')) {
    return { kind: 'column_ref', span: first.token.span, qualifier: null, name: first.name };
  }
  p.advance();
  const second = parseIdentifier(p, 'a column name');
  return { kind: 'column_ref', span: p.spanFrom(first.token.span), qualifier: first.name, name: second.name };
}

/** Reads `( expr )`. The result's span includes the parentheses. */
function parseParenthesized(p: TokenCursor): Expr {
  const open = p.advance();
  if (p.isKeyword('SELECT') || p.isKeyword('WITH')) {
    throw p.error(
      'PARSE_SUBQUERY_UNSUPPORTED',
      'subqueries in expressions are not supported',
      p.peek().span,
      'Run the subquery as its own query and pass its result to this one as a parameter.',
    );
  }
  const inner = parseExpr(p);
  p.consumeOperator(')');
  return { ...inner, span: p.spanFrom(open.span) };
}

function parseCase(p: TokenCursor): Expr {
  const start = p.advance().span;
  const operand = p.isKeyword('WHEN') ? null : parseExpr(p);
  const whens = [];
  while (p.matchKeyword('WHEN')) {
    const whenStart = p.previous()!.span;
    const when = parseExpr(p);
    p.consumeKeyword('THEN');
    const then = parseExpr(p);
    whens.push({ kind: 'when_clause' as const, span: p.spanFrom(whenStart), when, then });
  }
  if (whens.length === 0) return p.fail();
  const elseExpr = p.matchKeyword('ELSE') ? parseExpr(p) : null;
  p.consumeKeyword('END');
  return { kind: 'case', span: p.spanFrom(start), operand, whens, else: elseExpr };
}

function parseCast(p: TokenCursor): Expr {
  const start = p.advance().span;
  p.consumeOperator('(');
  const operand = parseExpr(p);
  p.consumeKeyword('AS');
  const type = parseTypeName(p);
  p.consumeOperator(')');
  return { kind: 'cast', span: p.spanFrom(start), operand, type: type.type, typeSpelling: type.spelling };
}

function parseExtract(p: TokenCursor): Expr {
  const start = p.advance().span;
  p.consumeOperator('(');
  const fieldToken = p.peek();
  let fieldText: string | null = null;
  if (fieldToken.kind === 'word') fieldText = fieldToken.keyword;
  if (fieldToken.kind === 'string') fieldText = stringValue(fieldToken).toUpperCase();
  if (fieldText === null) return p.fail('a field such as YEAR or HOUR');
  if (!isExtractField(fieldText)) {
    const suggestion = suggestKeyword(fieldText, EXTRACT_FIELDS);
    throw p.error(
      'PARSE_UNKNOWN_EXTRACT_FIELD',
      `unknown EXTRACT field '${fieldToken.image}'`,
      fieldToken.span,
      suggestion !== null
        ? `Did you mean ${suggestion}?`
        : `The fields are ${[...EXTRACT_FIELDS].join(', ')}.`,
    );
  }
  const field: ExtractField = fieldText;
  p.advance();
  p.consumeKeyword('FROM');
  const operand = parseExpr(p);
  p.consumeOperator(')');
  return { kind: 'extract', span: p.spanFrom(start), field, operand };
}

/** Reads a type name such as `INTEGER`, `DOUBLE PRECISION` or `DECIMAL(10,2)`. */
export function parseTypeName(p: TokenCursor): { type: TypeName; spelling: string } {
  const token = p.peek();
  if (token.kind !== 'word') return p.fail('a type name');
  const name = token.keyword!;
  const type = TYPE_NAMES.get(name);
  if (type === undefined) {
    const suggestion = suggestKeyword(name, TYPE_NAMES.keys());
    throw p.error(
      'PARSE_UNKNOWN_TYPE',
      `unknown type '${token.image}'`,
      token.span,
      suggestion !== null
        ? `Did you mean ${suggestion}?`
        : 'The types are BOOLEAN, BIGINT, DOUBLE, TEXT, DATE, TIMESTAMP and JSON.',
    );
  }
  p.advance();

  let spelling = name;
  if (name === 'DOUBLE' && p.isKeyword('PRECISION')) {
    p.advance();
    spelling = 'DOUBLE PRECISION';
  }
  const maxArguments = TYPE_ARGUMENT_LIMITS.get(name);
  if (maxArguments !== undefined && p.isOperator('(')) {
    p.advance();
    const args: string[] = [];
    do {
      const argument = p.peek();
      if (argument.kind !== 'number' || !/^\d+$/.test(argument.image)) return p.fail('an integer');
      args.push(p.advance().image);
    } while (args.length < maxArguments && p.matchOperator(','));
    p.consumeOperator(')');
    spelling = `${name}(${args.join(',')})`;
  }
  return { type, spelling };
}

function parseTypedLiteral(p: TokenCursor, type: 'DATE' | 'TIMESTAMP'): Expr {
  const start = p.advance().span;
  const textToken = p.advance();
  const text = stringValue(textToken);
  const problem = type === 'DATE' ? checkDateText(text) : checkTimestampText(text);
  if (problem !== null) {
    throw p.error(
      type === 'DATE' ? 'PARSE_INVALID_DATE' : 'PARSE_INVALID_TIMESTAMP',
      `invalid ${type} literal ${textToken.image} because ${problem}`,
      textToken.span,
      type === 'DATE' ? DATE_FORMAT_HINT : TIMESTAMP_FORMAT_HINT,
    );
  }
  return { kind: 'typed_literal', span: p.spanFrom(start), type, text };
}

const INTERVAL_HINT = "Write an interval as INTERVAL '7' DAY, INTERVAL 7 DAY or INTERVAL '90 minutes'.";

/** Reads `INTERVAL '7' DAY`, `INTERVAL 7 DAY` or `INTERVAL '90 minutes'`. */
function parseInterval(p: TokenCursor): Expr {
  const start = p.advance().span;
  const valueToken = p.advance();
  let value: string;
  let unit: IntervalUnit | null = null;

  if (valueToken.kind === 'string') {
    const result = readIntervalText(stringValue(valueToken));
    if (!result.ok) {
      throw p.error(
        'PARSE_INVALID_INTERVAL',
        `invalid INTERVAL ${valueToken.image} because ${result.problem}`,
        valueToken.span,
        INTERVAL_HINT,
      );
    }
    value = result.value;
    unit = result.unit;
  } else {
    if (!INTERVAL_COUNT_PATTERN.test(valueToken.image)) {
      throw p.error(
        'PARSE_INVALID_INTERVAL',
        `invalid INTERVAL count ${valueToken.image}`,
        valueToken.span,
        INTERVAL_HINT,
      );
    }
    value = normalizeIntervalCount(valueToken.image);
  }

  if (unit === null) {
    const unitToken = p.peek();
    unit = unitToken.kind === 'word' ? intervalUnitKeyword(unitToken.keyword!) : null;
    if (unit === null) {
      p.expect('an interval unit');
      return p.fail('an interval unit such as DAY or HOUR', INTERVAL_HINT);
    }
    p.advance();
  }
  return { kind: 'interval', span: p.spanFrom(start), value, unit };
}
