/**
 * Function calls with their DISTINCT, `*`, FILTER and OVER parts, window specifications, and
 * ORDER BY items, which windows and queries share.
 */
import type { Expr, FrameBound, FunctionCallExpr, OrderItem, Span, WindowFrame, WindowSpec } from './ast.js';
import { Level } from './expressions.js';
import { spanOf } from './lexer.js';
import { identifierValue } from './names.js';
import { PrimaryParser } from './primary.js';
import { EXPECT_EXPRESSION } from './syntax-error.js';
import {
  And,
  Asc,
  Between,
  By,
  Comma,
  Current,
  Desc,
  Distinct,
  Filter,
  First,
  Following,
  FunctionName,
  Last,
  LParen,
  Nulls,
  Order,
  Over,
  Partition,
  Preceding,
  Range,
  Row,
  Rows,
  RParen,
  Star,
  Unbounded,
  Where,
} from './tokens.js';

/** Order of bound kinds along the partition. A frame's start may not come after its end. */
const BOUND_RANK: Record<FrameBound['kind'], number> = {
  unbounded_preceding: 0,
  preceding: 1,
  current_row: 2,
  following: 3,
  unbounded_following: 4,
};

function describeBound(bound: FrameBound): string {
  switch (bound.kind) {
    case 'unbounded_preceding':
      return 'UNBOUNDED PRECEDING';
    case 'preceding':
      return 'n PRECEDING';
    case 'current_row':
      return 'CURRENT ROW';
    case 'following':
      return 'n FOLLOWING';
    case 'unbounded_following':
      return 'UNBOUNDED FOLLOWING';
    default: {
      const unreachable: never = bound;
      throw new Error(`unknown frame bound ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Returns why a frame from `start` to `end` is invalid, or null when it is valid. */
function frameProblem(start: FrameBound, end: FrameBound): string | null {
  if (start.kind === 'unbounded_following') return 'a window frame cannot start at UNBOUNDED FOLLOWING';
  if (end.kind === 'unbounded_preceding') return 'a window frame cannot end at UNBOUNDED PRECEDING';
  if (BOUND_RANK[start.kind] > BOUND_RANK[end.kind]) {
    return `a window frame cannot start at ${describeBound(start)} and end at ${describeBound(end)}`;
  }
  return null;
}

export abstract class CallParser extends PrimaryParser {
  /** Reads `name(...)` with optional `FILTER (WHERE ...)` and `OVER (...)`. */
  protected readonly functionCall = this.RULE('functionCall', (): FunctionCallExpr => {
    const nameToken = this.CONSUME(FunctionName);
    this.CONSUME(LParen);
    let distinct = false;
    let star = false;
    let args: Expr[] = [];
    this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(Star);
            star = true;
            this.CONSUME(RParen);
          },
        },
        { ALT: () => this.CONSUME2(RParen) },
        {
          ALT: () => {
            this.expecting('DISTINCT');
            distinct = this.OPTION(() => this.CONSUME(Distinct)) !== undefined;
            args = this.SUBRULE(this.exprList);
            this.CONSUME3(RParen);
          },
        },
      ],
      ERR_MSG: EXPECT_EXPRESSION,
    });

    // FILTER and OVER are keywords here only before `(`. Otherwise they are an alias, as in
    // `SELECT count(*) filter FROM t`.
    const filter =
      this.OPTION2({
        GATE: () => this.LA(2).tokenType === LParen,
        DEF: () => {
          this.CONSUME(Filter);
          this.CONSUME2(LParen);
          this.CONSUME(Where);
          const condition = this.SUBRULE(this.expr);
          this.CONSUME4(RParen);
          return condition;
        },
      }) ?? null;
    const over =
      this.OPTION3({
        GATE: () => this.LA(2).tokenType === LParen,
        DEF: () => this.SUBRULE(this.windowSpec),
      }) ?? null;

    return this.ACTION(
      (): FunctionCallExpr => ({
        kind: 'function_call',
        span: this.spanFrom(spanOf(nameToken)),
        name: identifierValue(nameToken),
        args,
        distinct,
        star,
        filter,
        over,
      }),
    );
  });

  /** Reads `OVER ( [PARTITION BY ...] [ORDER BY ...] [frame] )`. */
  private readonly windowSpec = this.RULE('windowSpec', (): WindowSpec => {
    this.CONSUME(Over);
    const open = this.CONSUME(LParen);
    this.expecting('PARTITION BY');
    const partitionBy =
      this.OPTION(() => {
        this.CONSUME(Partition);
        this.CONSUME(By);
        return this.SUBRULE(this.exprList);
      }) ?? [];
    this.expecting('ORDER BY');
    const orderBy =
      this.OPTION2(() => {
        this.CONSUME(Order);
        this.CONSUME2(By);
        return this.SUBRULE(this.orderItems);
      }) ?? [];
    this.expecting('ROWS', 'RANGE');
    const frame = this.OPTION3(() => this.SUBRULE(this.windowFrame)) ?? null;
    this.CONSUME(RParen);
    return this.ACTION(
      (): WindowSpec => ({ kind: 'window_spec', span: this.spanFrom(spanOf(open)), partitionBy, orderBy, frame }),
    );
  });

  /** Reads ROWS or RANGE and the frame: `BETWEEN start AND end` or the short form `start`. */
  private readonly windowFrame = this.RULE('windowFrame', (): WindowFrame => {
    const modeToken = this.OR([{ ALT: () => this.CONSUME(Rows) }, { ALT: () => this.CONSUME(Range) }]);
    this.expecting('BETWEEN');
    const bounds = this.OR2({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(Between);
            const first = this.SUBRULE(this.frameBound);
            this.CONSUME(And);
            const last = this.SUBRULE2(this.frameBound);
            return { first, last };
          },
        },
        {
          ALT: () => {
            const first = this.SUBRULE3(this.frameBound);
            return this.ACTION(() => ({ first, last: { kind: 'current_row', span: first.span } as FrameBound }));
          },
        },
      ],
      ERR_MSG: EXPECT_EXPRESSION,
    });
    return this.ACTION((): WindowFrame => {
      const span = this.spanFrom(spanOf(modeToken));
      const problem = frameProblem(bounds.first, bounds.last);
      if (problem !== null) {
        throw this.error(
          'PARSE_INVALID_WINDOW_FRAME',
          problem,
          span,
          'The frame start must not come after its end, as in ROWS BETWEEN 6 PRECEDING AND CURRENT ROW.',
        );
      }
      const mode = modeToken.tokenType === Rows ? 'ROWS' : 'RANGE';
      return { kind: 'window_frame', span, mode, start: bounds.first, end: bounds.last };
    });
  });

  /**
   * Reads a frame bound. UNBOUNDED and CURRENT are keywords only before PRECEDING, FOLLOWING or
   * ROW, so a column may be called `unbounded`. Gates check the token after them, and one token
   * of lookahead then picks the alternative, so `unbounded ROW` fails after the column name.
   */
  private readonly frameBound = this.RULE('frameBound', (): FrameBound => {
    const start = this.ACTION(() => this.spanOfToken(this.LA(1)));
    const spanFromStart = (): Span => this.spanFrom(start);
    return this.OR({
      DEF: [
        {
          GATE: () => this.LA(2).tokenType === Preceding || this.LA(2).tokenType === Following,
          ALT: () => {
            this.CONSUME(Unbounded);
            return this.OR2([
              {
                ALT: () => {
                  this.CONSUME(Preceding);
                  return this.ACTION((): FrameBound => ({ kind: 'unbounded_preceding', span: spanFromStart() }));
                },
              },
              {
                ALT: () => {
                  this.CONSUME(Following);
                  return this.ACTION((): FrameBound => ({ kind: 'unbounded_following', span: spanFromStart() }));
                },
              },
            ]);
          },
        },
        {
          GATE: () => this.LA(2).tokenType === Row,
          ALT: () => {
            this.CONSUME(Current);
            this.CONSUME(Row);
            return this.ACTION((): FrameBound => ({ kind: 'current_row', span: spanFromStart() }));
          },
        },
        {
          ALT: () => {
            const offset = this.SUBRULE(this.expr, { ARGS: [Level.Additive] });
            return this.OR3([
              {
                ALT: () => {
                  this.CONSUME2(Preceding);
                  return this.ACTION((): FrameBound => ({ kind: 'preceding', span: spanFromStart(), offset }));
                },
              },
              {
                ALT: () => {
                  this.CONSUME2(Following);
                  return this.ACTION((): FrameBound => ({ kind: 'following', span: spanFromStart(), offset }));
                },
              },
            ]);
          },
        },
      ],
      MAX_LOOKAHEAD: 1,
      ERR_MSG: EXPECT_EXPRESSION,
    });
  });

  /** Reads `expr [ASC | DESC] [NULLS FIRST | NULLS LAST]` items separated by commas. */
  protected readonly orderItems = this.RULE('orderItems', (): OrderItem[] => {
    const items: OrderItem[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        items.push(this.SUBRULE(this.orderItem));
        this.expecting("','");
      },
      ERR_MSG: EXPECT_EXPRESSION,
    });
    return items;
  });

  private readonly orderItem = this.RULE('orderItem', (): OrderItem => {
    const expr = this.SUBRULE(this.expr);
    this.expecting('DESC', 'ASC');
    const directionToken = this.OPTION(() =>
      this.OR([{ ALT: () => this.CONSUME(Desc) }, { ALT: () => this.CONSUME(Asc) }]),
    );
    // NULLS is a keyword only before FIRST or LAST.
    this.expecting('NULLS FIRST', 'NULLS LAST');
    const nullsToken = this.OPTION2({
      GATE: () => this.LA(2).tokenType === First || this.LA(2).tokenType === Last,
      DEF: () => {
        this.CONSUME(Nulls);
        return this.OR2([{ ALT: () => this.CONSUME(First) }, { ALT: () => this.CONSUME(Last) }]);
      },
    });
    return this.ACTION((): OrderItem => {
      let nulls: OrderItem['nulls'] = null;
      if (nullsToken !== undefined) nulls = nullsToken.tokenType === First ? 'FIRST' : 'LAST';
      return {
        kind: 'order_item',
        span: this.spanFrom(expr.span),
        expr,
        direction: directionToken?.tokenType === Desc ? 'DESC' : 'ASC',
        nulls,
      };
    });
  });
}
