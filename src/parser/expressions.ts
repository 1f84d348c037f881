/**
 * Operator expressions, from loosest to tightest binding:
 *
 *   OR
 *   AND
 *   NOT
 *   comparisons: = <> != < <= > >=, IS [NOT] NULL, IS [NOT] DISTINCT FROM,
 *                [NOT] BETWEEN, [NOT] IN (...), [NOT] LIKE | ILIKE [ESCAPE]
 *   ||
 *   + -
 *   * / % //
 *   unary + -
 *   postfix ::type, -> and ->> (left to right)
 *
 * Binary operators are left-associative at every level, comparisons included.
 *
 * One rule, `expr`, reads all binary levels by precedence climbing instead of one rule per
 * level. That keeps the call stack per level of parentheses short, so input nested up to
 * MAX_NESTING_DEPTH fits on the default stack.
 */
import type { ParserMethod, TokenType } from 'chevrotain';
import type { BinaryOp, Expr, TypeName } from './ast.js';
import { spanOf } from './lexer.js';
import { ParserBase, spanBetween } from './parser-base.js';
import { EXPECT_EXPRESSION, EXPECT_NULL_OR_DISTINCT } from './syntax-error.js';
import {
  And,
  Arrow,
  Between,
  BinaryOperator,
  Comma,
  Concat,
  Distinct,
  DoubleArrow,
  DoubleColon,
  DoubleSlash,
  Equals,
  Escape,
  From,
  Greater,
  GreaterOrEqual,
  Ilike,
  In,
  Is,
  Less,
  LessOrEqual,
  Like,
  LParen,
  Minus,
  Not,
  NotEqual,
  Null,
  Or,
  Percent,
  Plus,
  RParen,
  Select,
  Slash,
  Star,
  With,
} from './tokens.js';

/** Binding strength of each operator level. Higher levels bind tighter. */
export const Level = {
  Or: 1,
  And: 2,
  Not: 3,
  Comparison: 4,
  Concat: 5,
  Additive: 6,
  Multiplicative: 7,
  Unary: 8,
} as const;

interface BinaryOperatorInfo {
  readonly op: BinaryOp;
  readonly level: number;
}

const BINARY_OPERATORS: ReadonlyMap<TokenType, BinaryOperatorInfo> = new Map<TokenType, BinaryOperatorInfo>([
  [Or, { op: 'OR', level: Level.Or }],
  [And, { op: 'AND', level: Level.And }],
  [Equals, { op: '=', level: Level.Comparison }],
  [NotEqual, { op: '<>', level: Level.Comparison }],
  [Less, { op: '<', level: Level.Comparison }],
  [LessOrEqual, { op: '<=', level: Level.Comparison }],
  [Greater, { op: '>', level: Level.Comparison }],
  [GreaterOrEqual, { op: '>=', level: Level.Comparison }],
  [Concat, { op: '||', level: Level.Concat }],
  [Plus, { op: '+', level: Level.Additive }],
  [Minus, { op: '-', level: Level.Additive }],
  [Star, { op: '*', level: Level.Multiplicative }],
  [Slash, { op: '/', level: Level.Multiplicative }],
  [Percent, { op: '%', level: Level.Multiplicative }],
  [DoubleSlash, { op: '//', level: Level.Multiplicative }],
]);

/** Keywords that may follow NOT in operator position: `x NOT IN (...)`. */
const NEGATABLE_PREDICATES: ReadonlySet<TokenType> = new Set([Between, In, Like, Ilike]);

/** Predicates that start with their own keyword, all at the comparison level. */
const PREDICATE_KEYWORDS: ReadonlySet<TokenType> = new Set([Is, Between, In, Like, Ilike]);

export function binary(op: BinaryOp, left: Expr, right: Expr): Expr {
  return { kind: 'binary', span: spanBetween(left.span, right.span), op, left, right };
}

export interface TypeSpec {
  readonly type: TypeName;
  /** Type as written, upper-cased with arguments, such as 'DECIMAL(10,2)'. */
  readonly spelling: string;
}

export abstract class ExpressionParser extends ParserBase {
  // Defined in primary.ts.
  protected abstract readonly primary: ParserMethod<[], Expr>;
  protected abstract readonly typeName: ParserMethod<[], TypeSpec>;

  /**
   * Reads an operand and the operators after it whose level is `minLevel` or tighter. Called
   * without an argument, it reads a whole expression, which counts as one level of nesting.
   *
   * The right operand of each operator is read with the next tighter level as its minimum, so
   * operators of one level group to the left: `a - b - c` is `(a - b) - c`. After IS NULL or
   * IN (...), which take no right operand, only comparisons and looser operators may follow,
   * so `a IS NULL + 1` is rejected as it would be with one rule per level.
   */
  protected readonly expr = this.RULE('expr', (minLevel: number = Level.Or): Expr => {
    const whole = minLevel === Level.Or;
    if (whole) this.enterNesting();
    let left = this.operand(minLevel);
    let maxLevel: number = Level.Unary;
    this.MANY({
      GATE: () => {
        const level = this.levelOfNextOperator();
        return level >= minLevel && level <= maxLevel;
      },
      DEF: () => {
        maxLevel = this.ACTION(() => this.levelOfNextOperator());
        left = this.OR([
          {
            ALT: () => {
              const token = this.CONSUME(BinaryOperator);
              const operator = this.ACTION(() => BINARY_OPERATORS.get(token.tokenType)!);
              const right = this.SUBRULE2(this.expr, { ARGS: [maxLevel + 1] });
              return this.ACTION(() => binary(operator.op, left, right));
            },
          },
          { ALT: () => this.SUBRULE(this.isPredicate, { ARGS: [left] }) },
          { ALT: () => this.SUBRULE(this.negatablePredicate, { ARGS: [left] }) },
        ]);
      },
    });
    if (whole) this.leaveNesting();
    return left;
  });

  /** Reads expressions separated by commas. */
  protected readonly exprList = this.RULE('exprList', (): Expr[] => {
    const list: Expr[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        list.push(this.SUBRULE(this.expr));
        this.expecting("','");
      },
      ERR_MSG: EXPECT_EXPRESSION,
    });
    return list;
  });

  /** Returns the level of the operator at the next token, or 0 when no operator continues. */
  private levelOfNextOperator(): number {
    const type = this.LA(1).tokenType;
    const operator = BINARY_OPERATORS.get(type);
    if (operator !== undefined) return operator.level;
    if (PREDICATE_KEYWORDS.has(type)) return Level.Comparison;
    if (type === Not && NEGATABLE_PREDICATES.has(this.LA(2).tokenType)) return Level.Comparison;
    return 0;
  }

  /**
   * Reads the operand that starts an `expr` of `minLevel`: NOT with its operand where
   * `minLevel` admits NOT, a sign with its operand, or a primary followed by `::type` casts and
   * `->` / `->>` accesses. The right operand of `->` and `->>` is a primary, so
   * `detail->'a'->>'b' = 'x'` reads as `((detail->'a')->>'b') = 'x'`.
   *
   * The DSL calls here belong to the `expr` rule, which calls this method once, so their
   * occurrence numbers must differ from those in `expr`. The method is no rule of its own to
   * keep the call stack per nesting level short.
   */
  private operand(minLevel: number): Expr {
    return this.OR2({
      DEF: [
        {
          GATE: () => minLevel <= Level.Not,
          ALT: () => {
            const not = this.CONSUME(Not);
            this.enterNesting();
            const operand = this.SUBRULE3(this.expr, { ARGS: [Level.Not] });
            this.leaveNesting();
            return this.ACTION((): Expr => ({ kind: 'unary', span: spanBetween(spanOf(not), operand.span), op: 'NOT', operand }));
          },
        },
        {
          ALT: () => {
            const sign = this.OR3([{ ALT: () => this.CONSUME(Minus) }, { ALT: () => this.CONSUME(Plus) }]);
            this.enterNesting();
            // No binary operator binds as tightly as a sign, so this reads one operand.
            const operand = this.SUBRULE4(this.expr, { ARGS: [Level.Unary] });
            this.leaveNesting();
            return this.ACTION((): Expr => ({
              kind: 'unary',
              span: spanBetween(spanOf(sign), operand.span),
              op: sign.image === '-' ? '-' : '+',
              operand,
            }));
          },
        },
        {
          ALT: () => {
            let expr = this.SUBRULE(this.primary);
            this.MANY2(() => {
              expr = this.OR4([
                {
                  ALT: () => {
                    this.CONSUME(DoubleColon);
                    const type = this.SUBRULE(this.typeName);
                    return this.ACTION((): Expr => ({
                      kind: 'cast',
                      span: this.spanFrom(expr.span),
                      operand: expr,
                      type: type.type,
                      typeSpelling: type.spelling,
                    }));
                  },
                },
                {
                  ALT: () => {
                    const arrow = this.OR5([{ ALT: () => this.CONSUME(Arrow) }, { ALT: () => this.CONSUME(DoubleArrow) }]);
                    const right = this.SUBRULE2(this.primary);
                    return this.ACTION(() => binary(arrow.image as BinaryOp, expr, right));
                  },
                },
              ]);
            });
            return expr;
          },
        },
      ],
      ERR_MSG: EXPECT_EXPRESSION,
    });
  }

  /** Reads `IS [NOT] NULL` or `IS [NOT] DISTINCT FROM x` after `operand`. */
  protected readonly isPredicate = this.RULE('isPredicate', (operand: Expr): Expr => {
    this.CONSUME(Is);
    this.expecting('NOT');
    const negated = this.OPTION(() => this.CONSUME(Not)) !== undefined;
    return this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(Null);
            return this.ACTION((): Expr => ({ kind: 'is_null', span: this.spanFrom(operand.span), negated, operand }));
          },
        },
        {
          ALT: () => {
            this.CONSUME(Distinct);
            this.CONSUME(From);
            const right = this.SUBRULE(this.expr, { ARGS: [Level.Concat] });
            return this.ACTION((): Expr => ({
              kind: 'is_distinct_from',
              span: spanBetween(operand.span, right.span),
              negated,
              left: operand,
              right,
            }));
          },
        },
      ],
      ERR_MSG: EXPECT_NULL_OR_DISTINCT,
    });
  });

  /** Reads `[NOT] BETWEEN`, `[NOT] IN` or `[NOT] LIKE | ILIKE` after `operand`. */
  protected readonly negatablePredicate = this.RULE('negatablePredicate', (operand: Expr): Expr => {
    const negated = this.OPTION(() => this.CONSUME(Not)) !== undefined;
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(Between);
          const low = this.SUBRULE(this.expr, { ARGS: [Level.Concat] });
          this.CONSUME(And);
          const high = this.SUBRULE2(this.expr, { ARGS: [Level.Concat] });
          return this.ACTION((): Expr => ({
            kind: 'between',
            span: spanBetween(operand.span, high.span),
            negated,
            operand,
            low,
            high,
          }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(In);
          this.CONSUME(LParen);
          this.rejectSubquery(
            'subqueries in IN are not supported',
            'List the values, as in IN (1, 2, 3), or run the subquery first and pass its results as parameters.',
          );
          const values = this.SUBRULE(this.exprList);
          this.CONSUME(RParen);
          return this.ACTION((): Expr => ({ kind: 'in_list', span: this.spanFrom(operand.span), negated, operand, values }));
        },
      },
      {
        ALT: () => {
          const keyword = this.OR2([{ ALT: () => this.CONSUME(Like) }, { ALT: () => this.CONSUME(Ilike) }]);
          const pattern = this.SUBRULE3(this.expr, { ARGS: [Level.Concat] });
          const escape =
            this.OPTION2(() => {
              this.CONSUME(Escape);
              return this.SUBRULE4(this.expr, { ARGS: [Level.Concat] });
            }) ?? null;
          return this.ACTION((): Expr => ({
            kind: 'like',
            span: spanBetween(operand.span, (escape ?? pattern).span),
            negated,
            caseInsensitive: keyword.tokenType === Ilike,
            operand,
            pattern,
            escape,
          }));
        },
      },
    ]);
  });

  /** Throws PARSE_SUBQUERY_UNSUPPORTED when the next token starts a query. */
  protected rejectSubquery(message: string, hint: string): void {
    if (this.RECORDING_PHASE) return;
    const next = this.LA(1);
    if (next.tokenType === Select || next.tokenType === With) {
      throw this.error('PARSE_SUBQUERY_UNSUPPORTED', message, spanOf(next), hint);
    }
  }
}
