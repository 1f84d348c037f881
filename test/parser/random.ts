/**
 * Seeded random generation of syntax trees and of text for the printer and fuzz tests. The
 * generator produces only trees the parser can produce: valid dates, ordered window frames,
 * no mixing of `?` and `:name` parameters (it uses `:name` only), and so on.
 */
import type {
  BinaryOp,
  Cte,
  Expr,
  ExtractField,
  FrameBound,
  IntervalUnit,
  OrderItem,
  QueryExpr,
  SelectItem,
  SelectQuery,
  Source,
  Span,
  Statement,
  TypeName,
  WindowFrame,
  WindowSpec,
} from '../../src/parser/ast.js';

/** Random numbers from the mulberry32 generator, reproducible from the seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const SPAN: Span = { offset: 0, line: 1, column: 1, length: 0 };

/** Names that need no quotes, non-reserved keywords, reserved words and names that need quotes. */
const NAMES = [
  'a',
  'b',
  'url',
  'user_id',
  'store_id',
  'detail',
  'year',
  'month',
  'day',
  'hour',
  'date',
  'timestamp',
  'interval',
  'first',
  'last',
  'filter',
  'over',
  'rows',
  'range',
  'nulls',
  'key',
  'value',
  'partition',
  'current',
  'unbounded',
  'preceding',
  'set',
  'show',
  'select',
  'from',
  'order',
  'left',
  'Mixed',
  'with space',
  'quote"inside',
  'dot.ted',
  'é',
];
const FUNCTION_NAMES = ['count', 'sum', 'avg', 'date_trunc', 'year', 'date', 'left', 'right', 'coalesce', 'cast', 'Upper', 'filter', 'interval', 'row_number'];
const PARAMETER_NAMES = ['p', 'start', 'End_2', '_x'];
const STRINGS = ['', 'abc', "it's", 'two\nlines', '-- not a comment', '/* nor this */', 'ünïcödé', '%shop%', "''"];
const DECIMALS = ['1.5', '.5', '2.', '1e3', '3.25E-2', '0.0'];
const DATES = ['2020-01-31', '2024-02-29', '1999-12-31'];
const TIMESTAMPS = ['2020-01-31 13:45:00', '2020-01-31 13:45:00.123', '2020-01-31T00:00', '2020-01-31'];
const INTERVAL_VALUES = ['7', '-1.5', '90', '0'];
const UNITS: IntervalUnit[] = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND'];
const FIELDS: ExtractField[] = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'DOW', 'DOY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'EPOCH'];
const TYPES: readonly (readonly [TypeName, string])[] = [
  ['BOOLEAN', 'BOOLEAN'],
  ['BIGINT', 'INTEGER'],
  ['BIGINT', 'BIGINT'],
  ['DOUBLE', 'DOUBLE PRECISION'],
  ['DOUBLE', 'DECIMAL(10,2)'],
  ['TEXT', 'VARCHAR(20)'],
  ['TEXT', 'TEXT'],
  ['DATE', 'DATE'],
  ['TIMESTAMP', 'TIMESTAMP'],
  ['JSON', 'JSON'],
];
const BINARY_OPS: BinaryOp[] = ['OR', 'AND', '=', '<>', '<', '<=', '>', '>=', '||', '+', '-', '*', '/', '%', '//', '->', '->>'];

export class TreeGenerator {
  constructor(private readonly random: Random) {}

  private name(): string {
    return this.random.pick(NAMES);
  }

  private list<T>(min: number, max: number, make: () => T): T[] {
    const count = min + this.random.int(max - min + 1);
    return Array.from({ length: count }, make);
  }

  private maybe<T>(probability: number, make: () => T): T | null {
    return this.random.chance(probability) ? make() : null;
  }

  expr(depth: number): Expr {
    const r = this.random;
    if (depth <= 0 || r.chance(0.25)) return this.leaf();
    const sub = (): Expr => this.expr(depth - 1);
    switch (r.int(12)) {
      case 0:
        return { kind: 'unary', span: SPAN, op: r.pick(['-', '+', 'NOT'] as const), operand: sub() };
      case 1:
      case 2:
        return { kind: 'binary', span: SPAN, op: r.pick(BINARY_OPS), left: sub(), right: sub() };
      case 3:
        return r.chance(0.5)
          ? { kind: 'is_null', span: SPAN, negated: r.chance(0.5), operand: sub() }
          : { kind: 'is_distinct_from', span: SPAN, negated: r.chance(0.5), left: sub(), right: sub() };
      case 4:
        return { kind: 'between', span: SPAN, negated: r.chance(0.5), operand: sub(), low: sub(), high: sub() };
      case 5:
        return { kind: 'in_list', span: SPAN, negated: r.chance(0.5), operand: sub(), values: this.list(1, 3, sub) };
      case 6:
        return {
          kind: 'like',
          span: SPAN,
          negated: r.chance(0.5),
          caseInsensitive: r.chance(0.5),
          operand: sub(),
          pattern: sub(),
          escape: this.maybe(0.3, sub),
        };
      case 7: {
        const [type, typeSpelling] = r.pick(TYPES);
        return { kind: 'cast', span: SPAN, operand: sub(), type, typeSpelling };
      }
      case 8:
        return {
          kind: 'case',
          span: SPAN,
          operand: this.maybe(0.4, sub),
          whens: this.list(1, 3, () => ({ kind: 'when_clause' as const, span: SPAN, when: sub(), then: sub() })),
          else: this.maybe(0.5, sub),
        };
      case 9:
        return { kind: 'extract', span: SPAN, field: r.pick(FIELDS), operand: sub() };
      default:
        return this.call(depth - 1);
    }
  }

  private leaf(): Expr {
    const r = this.random;
    switch (r.int(9)) {
      case 0:
        return { kind: 'literal', span: SPAN, value: { type: 'integer', text: String(r.int(1000)) } };
      case 1:
        return { kind: 'literal', span: SPAN, value: { type: 'decimal', text: r.pick(DECIMALS) } };
      case 2:
        return { kind: 'literal', span: SPAN, value: { type: 'string', value: r.pick(STRINGS) } };
      case 3:
        return r.chance(0.5)
          ? { kind: 'literal', span: SPAN, value: { type: 'boolean', value: r.chance(0.5) } }
          : { kind: 'literal', span: SPAN, value: { type: 'null' } };
      case 4:
        return r.chance(0.5)
          ? { kind: 'typed_literal', span: SPAN, type: 'DATE', text: r.pick(DATES) }
          : { kind: 'typed_literal', span: SPAN, type: 'TIMESTAMP', text: r.pick(TIMESTAMPS) };
      case 5:
        return { kind: 'interval', span: SPAN, value: r.pick(INTERVAL_VALUES), unit: r.pick(UNITS) };
      case 6:
        return { kind: 'parameter', span: SPAN, name: r.pick(PARAMETER_NAMES) };
      default:
        return { kind: 'column_ref', span: SPAN, qualifier: this.maybe(0.3, () => this.name()), name: this.name() };
    }
  }

  private call(depth: number): Expr {
    const r = this.random;
    const star = r.chance(0.15);
    const args = star ? [] : this.list(0, 3, () => this.expr(depth));
    return {
      kind: 'function_call',
      span: SPAN,
      name: r.pick(FUNCTION_NAMES),
      args,
      distinct: args.length > 0 && r.chance(0.2),
      star,
      filter: this.maybe(0.2, () => this.expr(depth)),
      over: this.maybe(0.25, () => this.window(depth)),
    };
  }

  private window(depth: number): WindowSpec {
    return {
      kind: 'window_spec',
      span: SPAN,
      partitionBy: this.list(0, 2, () => this.expr(depth)),
      orderBy: this.list(0, 2, () => this.orderItem(depth)),
      frame: this.maybe(0.5, () => this.frame(depth)),
    };
  }

  private frame(depth: number): WindowFrame {
    const kinds: FrameBound['kind'][] = ['unbounded_preceding', 'preceding', 'current_row', 'following', 'unbounded_following'];
    // A valid frame starts no later than it ends, never starts at UNBOUNDED FOLLOWING and never
    // ends at UNBOUNDED PRECEDING.
    const startRank = this.random.int(4);
    const endRank = Math.max(1, startRank + this.random.int(5 - startRank));
    const bound = (kind: FrameBound['kind']): FrameBound => {
      if (kind === 'preceding' || kind === 'following') return { kind, span: SPAN, offset: this.expr(depth) };
      return { kind, span: SPAN };
    };
    return {
      kind: 'window_frame',
      span: SPAN,
      mode: this.random.pick(['ROWS', 'RANGE'] as const),
      start: bound(kinds[startRank]!),
      end: bound(kinds[Math.min(endRank, 4)]!),
    };
  }

  private orderItem(depth: number): OrderItem {
    return {
      kind: 'order_item',
      span: SPAN,
      expr: this.expr(depth),
      direction: this.random.pick(['ASC', 'DESC'] as const),
      nulls: this.random.pick(['FIRST', 'LAST', null] as const),
    };
  }

  private selectItem(depth: number): SelectItem {
    const r = this.random.int(10);
    if (r === 0) return { kind: 'star', span: SPAN, qualifier: null };
    if (r === 1) return { kind: 'star', span: SPAN, qualifier: this.name() };
    return { kind: 'expr_item', span: SPAN, expr: this.expr(depth), alias: this.maybe(0.4, () => this.name()) };
  }

  private source(depth: number): Source {
    if (depth > 0 && this.random.chance(0.25)) {
      return { kind: 'subquery_ref', span: SPAN, query: this.query(depth - 1), alias: this.name() };
    }
    return {
      kind: 'table_ref',
      span: SPAN,
      keyspace: this.maybe(0.3, () => this.name()),
      table: this.name(),
      alias: this.maybe(0.4, () => this.name()),
    };
  }

  private ctes(depth: number): Cte[] {
    if (depth <= 0 || !this.random.chance(0.2)) return [];
    return this.list(1, 2, () => ({ kind: 'cte' as const, span: SPAN, name: this.name(), query: this.query(depth - 1) }));
  }

  private select(depth: number): SelectQuery {
    const e = (): Expr => this.expr(2);
    return {
      kind: 'select',
      span: SPAN,
      with: this.ctes(depth),
      distinct: this.random.chance(0.2),
      items: this.list(1, 3, () => this.selectItem(2)),
      from: this.maybe(0.8, () => this.source(depth)),
      where: this.maybe(0.5, e),
      groupBy: this.random.chance(0.3) ? this.list(1, 2, e) : [],
      having: this.maybe(0.2, e),
      qualify: this.maybe(0.1, e),
      orderBy: this.random.chance(0.3) ? this.list(1, 2, () => this.orderItem(1)) : [],
      limit: this.maybe(0.3, () => this.leaf()),
      offset: this.maybe(0.2, () => this.leaf()),
    };
  }

  query(depth: number): QueryExpr {
    if (depth > 0 && this.random.chance(0.25)) {
      return {
        kind: 'union_all',
        span: SPAN,
        with: this.ctes(depth),
        left: this.query(depth - 1),
        right: this.query(depth - 1),
        orderBy: this.random.chance(0.3) ? [this.orderItem(1)] : [],
        limit: this.maybe(0.3, () => this.leaf()),
        offset: this.maybe(0.2, () => this.leaf()),
      };
    }
    return this.select(depth);
  }

  statement(): Statement {
    const r = this.random;
    switch (r.int(10)) {
      case 0:
        return { kind: 'explain', span: SPAN, analyze: r.chance(0.5), query: this.query(2) };
      case 1:
        return {
          kind: 'describe',
          span: SPAN,
          table: { kind: 'qualified_name', span: SPAN, keyspace: this.maybe(0.5, () => this.name()), name: this.name() },
        };
      case 2:
        return { kind: 'show_tables', span: SPAN };
      case 3:
        return { kind: 'set', span: SPAN, name: r.pick(['timezone', 'page_size', 'planner.pushdown']), value: this.expr(2) };
      case 4:
        return { kind: 'reset', span: SPAN, name: r.pick(['timezone', 'planner.pushdown']) };
      default:
        return { kind: 'query', span: SPAN, query: this.query(2) };
    }
  }
}

/** Returns a deep copy of a tree with every `span` property removed. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (key !== 'span') copy[key] = withoutSpans(field);
    }
    return copy;
  }
  return value;
}
