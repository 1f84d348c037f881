/**
 * Function calls with their DISTINCT, `*`, FILTER and OVER parts, window specifications, and
 * ORDER BY items, which windows and queries share.
 */
import type { Expr, FrameBound, FunctionCallExpr, OrderItem, WindowFrame, WindowSpec } from './ast.js';
import type { TokenCursor } from './cursor.js';
import { parseAdditive, parseExpr, parseExprList } from './expressions.js';
import { identifierValue } from './names.js';

/** Reads `name(...)` with optional `FILTER (WHERE ...)` and `OVER (...)`. */
export function parseFunctionCall(p: TokenCursor): FunctionCallExpr {
  const nameToken = p.advance();
  p.consumeOperator('(');

  let distinct = false;
  let star = false;
  let args: Expr[] = [];
  if (p.isOperator('*')) {
    p.advance();
    star = true;
  } else if (!p.isOperator(')')) {
    distinct = p.matchKeyword('DISTINCT');
    args = parseExprList(p);
  }
  p.consumeOperator(')');

  let filter: Expr | null = null;
  if (p.isKeyword('FILTER') && p.isOperator('(', 1)) {
    p.advance();
    p.advance();
    p.consumeKeyword('WHERE');
    filter = parseExpr(p);
    p.consumeOperator(')');
  }

  let over: WindowSpec | null = null;
  if (p.isKeyword('OVER') && p.isOperator('(', 1)) over = parseWindowSpec(p);

  return {
    kind: 'function_call',
    span: p.spanFrom(nameToken.span),
    name: identifierValue(nameToken),
    args,
    distinct,
    star,
    filter,
    over,
  };
}

/** Reads `OVER ( [PARTITION BY ...] [ORDER BY ...] [frame] )`. */
function parseWindowSpec(p: TokenCursor): WindowSpec {
  p.advance();
  const start = p.advance().span;

  let partitionBy: Expr[] = [];
  if (p.matchKeyword('PARTITION', 'PARTITION BY')) {
    p.consumeKeyword('BY');
    partitionBy = parseExprList(p);
  }
  let orderBy: OrderItem[] = [];
  if (p.matchKeyword('ORDER', 'ORDER BY')) {
    p.consumeKeyword('BY');
    orderBy = parseOrderItems(p);
  }
  let frame: WindowFrame | null = null;
  const rows = p.matchKeyword('ROWS');
  if (rows || p.matchKeyword('RANGE')) frame = parseFrame(p, rows ? 'ROWS' : 'RANGE');
  p.consumeOperator(')');
  return { kind: 'window_spec', span: p.spanFrom(start), partitionBy, orderBy, frame };
}

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

/** Reads the frame after ROWS or RANGE: `BETWEEN start AND end` or the short form `start`. */
function parseFrame(p: TokenCursor, mode: 'ROWS' | 'RANGE'): WindowFrame {
  const start = p.previous()!.span;
  let first: FrameBound;
  let last: FrameBound;
  if (p.matchKeyword('BETWEEN')) {
    first = parseFrameBound(p);
    p.consumeKeyword('AND');
    last = parseFrameBound(p);
  } else {
    first = parseFrameBound(p);
    last = { kind: 'current_row', span: first.span };
  }
  const span = p.spanFrom(start);

  let problem: string | null = null;
  if (first.kind === 'unbounded_following') problem = 'a window frame cannot start at UNBOUNDED FOLLOWING';
  else if (last.kind === 'unbounded_preceding') problem = 'a window frame cannot end at UNBOUNDED PRECEDING';
  else if (BOUND_RANK[first.kind] > BOUND_RANK[last.kind]) {
    problem = `a window frame cannot start at ${describeBound(first)} and end at ${describeBound(last)}`;
  }
  if (problem !== null) {
    throw p.error(
      'PARSE_INVALID_WINDOW_FRAME',
      problem,
      span,
      'The frame start must not come after its end, as in ROWS BETWEEN 6 PRECEDING AND CURRENT ROW.',
    );
  }
  return { kind: 'window_frame', span, mode, start: first, end: last };
}

function parseFrameBound(p: TokenCursor): FrameBound {
  const start = p.peek().span;
  // UNBOUNDED is a keyword only before PRECEDING or FOLLOWING, so a column may be called unbounded.
  if (p.isKeyword('UNBOUNDED') && (p.isKeyword('PRECEDING', 1) || p.isKeyword('FOLLOWING', 1))) {
    p.advance();
    if (p.matchKeyword('PRECEDING')) return { kind: 'unbounded_preceding', span: p.spanFrom(start) };
    if (p.matchKeyword('FOLLOWING')) return { kind: 'unbounded_following', span: p.spanFrom(start) };
    return p.fail();
  }
  if (p.isKeyword('CURRENT') && p.isKeyword('ROW', 1)) {
    p.advance();
    p.advance();
    return { kind: 'current_row', span: p.spanFrom(start) };
  }
  const offset = parseAdditive(p);
  if (p.matchKeyword('PRECEDING')) return { kind: 'preceding', span: p.spanFrom(start), offset };
  if (p.matchKeyword('FOLLOWING')) return { kind: 'following', span: p.spanFrom(start), offset };
  return p.fail();
}

/** Reads `expr [ASC | DESC] [NULLS FIRST | NULLS LAST]` items separated by commas. */
export function parseOrderItems(p: TokenCursor): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const expr = parseExpr(p);
    let direction: 'ASC' | 'DESC' = 'ASC';
    if (p.matchKeyword('DESC')) direction = 'DESC';
    else p.matchKeyword('ASC');

    let nulls: 'FIRST' | 'LAST' | null = null;
    if (p.isKeyword('NULLS') && (p.isKeyword('FIRST', 1) || p.isKeyword('LAST', 1))) {
      p.advance();
      nulls = p.advance().keyword === 'FIRST' ? 'FIRST' : 'LAST';
    } else {
      p.expect('NULLS FIRST');
      p.expect('NULLS LAST');
    }
    items.push({ kind: 'order_item', span: p.spanFrom(expr.span), expr, direction, nulls });
  } while (p.matchOperator(','));
  return items;
}
