/**
 * Primary expressions: literals, parameters, names, parenthesised expressions, CASE, CAST,
 * EXTRACT, typed literals and intervals. Function calls are in calls.ts.
 */
import { tokenMatcher, type IToken, type OrMethodOpts, type ParserMethod } from 'chevrotain';
import type { Expr, ExtractField, FunctionCallExpr, IntervalUnit, WhenClause } from './ast.js';
import { ExpressionParser, type TypeSpec } from './expressions.js';
import { suggestKeyword } from './keywords.js';
import { spanOf } from './lexer.js';
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
import { identifierValue } from './names.js';
import {
  EXPECT_COLUMN_NAME,
  EXPECT_EXPRESSION,
  EXPECT_EXTRACT_FIELD,
  EXPECT_INTEGER,
  EXPECT_INTERVAL_UNIT,
  EXPECT_TYPE_NAME,
  INTERVAL_HINT,
} from './syntax-error.js';
import {
  AnyWord,
  As,
  Case,
  Cast,
  Comma,
  DateKeyword,
  Dot,
  Else,
  End,
  Exists,
  Extract,
  False,
  From,
  Interval,
  LParen,
  Name,
  NamedParameter,
  Null,
  NumberLiteral,
  PositionalParameter,
  Precision,
  RParen,
  StringLiteral,
  Then,
  Timestamp,
  True,
  When,
} from './tokens.js';

const SUBQUERY_HINT = 'Run the subquery as its own query and pass its result to this one as a parameter.';

/** Returns the text of a string literal token without quotes and with `''` unescaped. */
export function stringValue(token: IToken): string {
  return token.image.slice(1, -1).replaceAll("''", "'");
}

export abstract class PrimaryParser extends ExpressionParser {
  // Defined in calls.ts.
  protected abstract readonly functionCall: ParserMethod<[], FunctionCallExpr>;

  /**
   * Alternatives of `primary`, built on its first call and reused so that each call does not
   * allocate fifteen closures. Sharing them is safe because they capture no local variables.
   */
  private primaryAlternatives: OrMethodOpts<Expr> | undefined;

  protected readonly primary = this.RULE('primary', (): Expr =>
    this.OR((this.primaryAlternatives ??= {
      DEF: [
        {
          ALT: () => {
            const token = this.CONSUME(NumberLiteral);
            return this.ACTION((): Expr => {
              const type = /^\d+$/.test(token.image) ? 'integer' : 'decimal';
              return { kind: 'literal', span: spanOf(token), value: { type, text: token.image } };
            });
          },
        },
        {
          ALT: () => {
            const token = this.CONSUME(StringLiteral);
            return this.ACTION(
              (): Expr => ({ kind: 'literal', span: spanOf(token), value: { type: 'string', value: stringValue(token) } }),
            );
          },
        },
        {
          ALT: () => {
            const token = this.CONSUME(NamedParameter);
            return this.ACTION((): Expr => {
              this.noteNamedParameter(token);
              return { kind: 'parameter', span: spanOf(token), name: token.image.slice(1) };
            });
          },
        },
        {
          ALT: () => {
            const token = this.CONSUME(PositionalParameter);
            return this.ACTION(
              (): Expr => ({ kind: 'parameter', span: spanOf(token), position: this.nextPositionalParameter(token) }),
            );
          },
        },
        {
          ALT: () => {
            const token = this.OR2([{ ALT: () => this.CONSUME(True) }, { ALT: () => this.CONSUME(False) }]);
            return this.ACTION(
              (): Expr => ({ kind: 'literal', span: spanOf(token), value: { type: 'boolean', value: token.tokenType === True } }),
            );
          },
        },
        {
          ALT: () => {
            const token = this.CONSUME(Null);
            return this.ACTION((): Expr => ({ kind: 'literal', span: spanOf(token), value: { type: 'null' } }));
          },
        },
        { ALT: () => this.SUBRULE(this.caseExpr) },
        { ALT: () => this.SUBRULE(this.castExpr) },
        { ALT: () => this.SUBRULE(this.extractExpr) },
        {
          ALT: () => {
            const token = this.CONSUME(Exists);
            return this.ACTION(() => {
              throw this.error('PARSE_SUBQUERY_UNSUPPORTED', 'EXISTS subqueries are not supported', spanOf(token), SUBQUERY_HINT);
            });
          },
        },
        // DATE, TIMESTAMP and INTERVAL start a literal only before a string (or a number, for
        // INTERVAL). Otherwise they are names, as in `date(t)` or `SELECT interval FROM t`.
        { ALT: () => this.SUBRULE(this.typedLiteral) },
        { ALT: () => this.SUBRULE(this.intervalLiteral) },
        {
          // `( expr )`, whose span includes the parentheses.
          ALT: () => {
            const open = this.CONSUME(LParen);
            this.rejectSubquery('subqueries in expressions are not supported', SUBQUERY_HINT);
            const inner = this.SUBRULE(this.expr);
            this.CONSUME(RParen);
            return this.ACTION((): Expr => ({ ...inner, span: this.spanFrom(spanOf(open)) }));
          },
        },
        { ALT: () => this.SUBRULE(this.functionCall) },
        { ALT: () => this.SUBRULE(this.columnRef) },
      ],
      ERR_MSG: EXPECT_EXPRESSION,
    })),
  );

  private readonly columnRef = this.RULE('columnRef', (): Expr => {
    const first = this.CONSUME(Name);
    const second = this.OPTION(() => {
      this.CONSUME(Dot);
      return this.CONSUME2(Name, { ERR_MSG: EXPECT_COLUMN_NAME });
    });
    return this.ACTION((): Expr => {
      if (second === undefined) {
        return { kind: 'column_ref', span: spanOf(first), qualifier: null, name: identifierValue(first) };
      }
      return { kind: 'column_ref', span: this.spanFrom(spanOf(first)), qualifier: identifierValue(first), name: identifierValue(second) };
    });
  });

  private readonly caseExpr = this.RULE('caseExpr', (): Expr => {
    const start = this.CONSUME(Case);
    let operand: Expr | null = null;
    const whens: WhenClause[] = [];
    this.OR({
      DEF: [
        { ALT: () => this.AT_LEAST_ONE(() => whens.push(this.SUBRULE(this.whenClause))) },
        {
          ALT: () => {
            operand = this.SUBRULE(this.expr);
            this.AT_LEAST_ONE2(() => whens.push(this.SUBRULE2(this.whenClause)));
          },
        },
      ],
      ERR_MSG: EXPECT_EXPRESSION,
    });
    this.expecting('ELSE');
    const elseExpr =
      this.OPTION(() => {
        this.CONSUME(Else);
        return this.SUBRULE2(this.expr);
      }) ?? null;
    this.CONSUME(End);
    return this.ACTION((): Expr => ({ kind: 'case', span: this.spanFrom(spanOf(start)), operand, whens, else: elseExpr }));
  });

  /** Reads `WHEN condition THEN result`. A further WHEN may follow. */
  private readonly whenClause = this.RULE('whenClause', (): WhenClause => {
    const start = this.CONSUME(When);
    const when = this.SUBRULE(this.expr);
    this.CONSUME(Then);
    const then = this.SUBRULE2(this.expr);
    this.expecting('WHEN');
    return this.ACTION((): WhenClause => ({ kind: 'when_clause', span: this.spanFrom(spanOf(start)), when, then }));
  });

  private readonly castExpr = this.RULE('castExpr', (): Expr => {
    const start = this.CONSUME(Cast);
    this.CONSUME(LParen);
    const operand = this.SUBRULE(this.expr);
    this.CONSUME(As);
    const type = this.SUBRULE(this.typeName);
    this.CONSUME(RParen);
    return this.ACTION((): Expr => ({
      kind: 'cast',
      span: this.spanFrom(spanOf(start)),
      operand,
      type: type.type,
      typeSpelling: type.spelling,
    }));
  });

  private readonly extractExpr = this.RULE('extractExpr', (): Expr => {
    const start = this.CONSUME(Extract);
    this.CONSUME(LParen);
    const fieldToken = this.OR({
      DEF: [{ ALT: () => this.CONSUME(AnyWord) }, { ALT: () => this.CONSUME(StringLiteral) }],
      ERR_MSG: EXPECT_EXTRACT_FIELD,
    });
    const field = this.ACTION(() => this.checkExtractField(fieldToken));
    this.CONSUME(From);
    const operand = this.SUBRULE(this.expr);
    this.CONSUME(RParen);
    return this.ACTION((): Expr => ({ kind: 'extract', span: this.spanFrom(spanOf(start)), field, operand }));
  });

  private checkExtractField(token: IToken): ExtractField {
    const text = token.tokenType === StringLiteral ? stringValue(token).toUpperCase() : token.image.toUpperCase();
    if (isExtractField(text)) return text;
    const suggestion = suggestKeyword(text, EXTRACT_FIELDS);
    throw this.error(
      'PARSE_UNKNOWN_EXTRACT_FIELD',
      `unknown EXTRACT field '${token.image}'`,
      spanOf(token),
      suggestion !== null ? `Did you mean ${suggestion}?` : `The fields are ${[...EXTRACT_FIELDS].join(', ')}.`,
    );
  }

  /** Reads a type name such as `INTEGER`, `DOUBLE PRECISION` or `DECIMAL(10,2)`. */
  protected readonly typeName = this.RULE('typeName', (): TypeSpec => {
    const token = this.CONSUME(AnyWord, { ERR_MSG: EXPECT_TYPE_NAME });
    const name = this.ACTION(() => token.image.toUpperCase());
    const type = this.ACTION(() => this.checkTypeName(token));
    const precision = this.OPTION({ GATE: () => name === 'DOUBLE', DEF: () => this.CONSUME(Precision) });

    // DECIMAL, NUMERIC and VARCHAR take up to TYPE_ARGUMENT_LIMITS integer arguments.
    const maxArguments = this.ACTION(() => TYPE_ARGUMENT_LIMITS.get(name) ?? 0);
    const args: string[] = [];
    this.OPTION2({
      GATE: () => maxArguments > 0,
      DEF: () => {
        this.CONSUME(LParen);
        this.expectInteger();
        args.push(this.CONSUME(NumberLiteral).image);
        this.expectingTypeArgument(maxArguments, args);
        this.MANY({
          GATE: () => args.length < maxArguments,
          DEF: () => {
            this.CONSUME(Comma);
            this.expectInteger();
            args.push(this.CONSUME2(NumberLiteral).image);
            this.expectingTypeArgument(maxArguments, args);
          },
        });
        this.CONSUME(RParen);
      },
    });
    return this.ACTION((): TypeSpec => {
      let spelling = precision === undefined ? name : 'DOUBLE PRECISION';
      if (args.length > 0) spelling = `${name}(${args.join(',')})`;
      return { type, spelling };
    });
  });

  /** Records that a comma and another argument may follow while `args` is below the limit. */
  private expectingTypeArgument(maxArguments: number, args: readonly string[]): void {
    if (args.length < maxArguments) this.expecting("','");
  }

  /** Fails unless the next token is an integer without sign, fraction or exponent. */
  private expectInteger(): void {
    if (this.RECORDING_PHASE) return;
    const next = this.LA(1);
    if (next.tokenType !== NumberLiteral || !/^\d+$/.test(next.image)) this.failExpected(EXPECT_INTEGER);
  }

  private checkTypeName(token: IToken): TypeSpec['type'] {
    const name = token.image.toUpperCase();
    const type = TYPE_NAMES.get(name);
    if (type !== undefined) return type;
    const suggestion = suggestKeyword(name, TYPE_NAMES.keys());
    throw this.error(
      'PARSE_UNKNOWN_TYPE',
      `unknown type '${token.image}'`,
      spanOf(token),
      suggestion !== null
        ? `Did you mean ${suggestion}?`
        : 'The types are BOOLEAN, BIGINT, DOUBLE, TEXT, DATE, TIMESTAMP and JSON.',
    );
  }

  /** Reads `DATE 'YYYY-MM-DD'` or `TIMESTAMP 'YYYY-MM-DD HH:MM:SS'`. */
  private readonly typedLiteral = this.RULE('typedLiteral', (): Expr => {
    const keyword = this.OR([{ ALT: () => this.CONSUME(DateKeyword) }, { ALT: () => this.CONSUME(Timestamp) }]);
    const textToken = this.CONSUME(StringLiteral);
    return this.ACTION((): Expr => {
      const type = keyword.tokenType === DateKeyword ? 'DATE' : 'TIMESTAMP';
      const text = stringValue(textToken);
      const problem = type === 'DATE' ? checkDateText(text) : checkTimestampText(text);
      if (problem !== null) {
        throw this.error(
          type === 'DATE' ? 'PARSE_INVALID_DATE' : 'PARSE_INVALID_TIMESTAMP',
          `invalid ${type} literal ${textToken.image} because ${problem}`,
          spanOf(textToken),
          type === 'DATE' ? DATE_FORMAT_HINT : TIMESTAMP_FORMAT_HINT,
        );
      }
      return { kind: 'typed_literal', span: this.spanFrom(spanOf(keyword)), type, text };
    });
  });

  /** Reads `INTERVAL '7' DAY`, `INTERVAL 7 DAY` or `INTERVAL '90 minutes'`. */
  private readonly intervalLiteral = this.RULE('intervalLiteral', (): Expr => {
    const start = this.CONSUME(Interval);
    const valueToken = this.OR([{ ALT: () => this.CONSUME(StringLiteral) }, { ALT: () => this.CONSUME(NumberLiteral) }]);
    const count = this.ACTION(() => this.readIntervalCount(valueToken));

    // A unit follows unless the string named one, as in '90 minutes'.
    this.ACTION(() => {
      if (count.unit === null && !isIntervalUnitWord(this.LA(1))) this.failExpected(EXPECT_INTERVAL_UNIT);
    });
    const unitToken = this.OPTION({ GATE: () => count.unit === null, DEF: () => this.CONSUME(AnyWord) });
    return this.ACTION((): Expr => {
      const unit = count.unit ?? intervalUnitKeyword(unitToken!.image.toUpperCase())!;
      return { kind: 'interval', span: this.spanFrom(spanOf(start)), value: count.value, unit };
    });
  });

  private readIntervalCount(token: IToken): { value: string; unit: IntervalUnit | null } {
    if (token.tokenType === StringLiteral) {
      const result = readIntervalText(stringValue(token));
      if (!result.ok) {
        throw this.error(
          'PARSE_INVALID_INTERVAL',
          `invalid INTERVAL ${token.image} because ${result.problem}`,
          spanOf(token),
          INTERVAL_HINT,
        );
      }
      return { value: result.value, unit: result.unit };
    }
    if (!INTERVAL_COUNT_PATTERN.test(token.image)) {
      throw this.error('PARSE_INVALID_INTERVAL', `invalid INTERVAL count ${token.image}`, spanOf(token), INTERVAL_HINT);
    }
    return { value: normalizeIntervalCount(token.image), unit: null };
  }
}

function isIntervalUnitWord(token: IToken): boolean {
  return tokenMatcher(token, AnyWord) && intervalUnitKeyword(token.image.toUpperCase()) !== null;
}
