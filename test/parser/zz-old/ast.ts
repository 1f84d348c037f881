/**
 * Syntax tree of the cassalytics SQL dialect.
 *
 * Every node has a `kind` discriminant and the `span` of source text it was parsed from.
 * Identifiers are stored after case folding: unquoted names in lower case, quoted names as
 * written. The tree records syntax only, so names are not resolved and ordinals in GROUP BY
 * or ORDER BY stay integer literals for the planner to interpret.
 */

/** Location of a node in the source text. `line` and `column` are 1-based, `offset` 0-based. */
export interface Span {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** Length in UTF-16 code units, like `String.prototype.length`. */
  readonly length: number;
}

// ---------------------------------------------------------------------------
// Statements

export type Statement =
  | QueryStatement
  | ExplainStatement
  | DescribeStatement
  | ShowTablesStatement
  | SetStatement
  | ResetStatement;

export interface QueryStatement {
  readonly kind: 'query';
  readonly span: Span;
  readonly query: QueryExpr;
}

export interface ExplainStatement {
  readonly kind: 'explain';
  readonly span: Span;
  readonly analyze: boolean;
  readonly query: QueryExpr;
}

export interface DescribeStatement {
  readonly kind: 'describe';
  readonly span: Span;
  readonly table: QualifiedName;
}

export interface ShowTablesStatement {
  readonly kind: 'show_tables';
  readonly span: Span;
}

/** `SET name = value` or `SET name TO value`. */
export interface SetStatement {
  readonly kind: 'set';
  readonly span: Span;
  /** Setting name. The parts of a dotted name are joined with `.`. */
  readonly name: string;
  readonly value: Expr;
}

export interface ResetStatement {
  readonly kind: 'reset';
  readonly span: Span;
  readonly name: string;
}

/** Table name with an optional keyspace. */
export interface QualifiedName {
  readonly kind: 'qualified_name';
  readonly span: Span;
  readonly keyspace: string | null;
  readonly name: string;
}

// ---------------------------------------------------------------------------
// Queries

export type QueryExpr = SelectQuery | UnionAllQuery;

export interface SelectQuery {
  readonly kind: 'select';
  readonly span: Span;
  readonly with: readonly Cte[];
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  /** Null when the query has no FROM clause, as in `SELECT 1 + 1`. */
  readonly from: Source | null;
  readonly where: Expr | null;
  readonly groupBy: readonly Expr[];
  readonly having: Expr | null;
  readonly qualify: Expr | null;
  readonly orderBy: readonly OrderItem[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
}

/**
 * `left UNION ALL right`. Chains nest to the left. A WITH clause written before the first
 * SELECT, and ORDER BY, LIMIT and OFFSET written after the last operand, belong to the
 * outermost union node and apply to the whole union.
 */
export interface UnionAllQuery {
  readonly kind: 'union_all';
  readonly span: Span;
  readonly with: readonly Cte[];
  readonly left: QueryExpr;
  readonly right: QueryExpr;
  readonly orderBy: readonly OrderItem[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
}

/** Common table expression: `name AS (query)`. */
export interface Cte {
  readonly kind: 'cte';
  readonly span: Span;
  readonly name: string;
  readonly query: QueryExpr;
}

export type SelectItem = StarItem | ExprItem;

/** `*` or `qualifier.*`. */
export interface StarItem {
  readonly kind: 'star';
  readonly span: Span;
  readonly qualifier: string | null;
}

export interface ExprItem {
  readonly kind: 'expr_item';
  readonly span: Span;
  readonly expr: Expr;
  readonly alias: string | null;
}

export type Source = TableRef | SubqueryRef;

export interface TableRef {
  readonly kind: 'table_ref';
  readonly span: Span;
  readonly keyspace: string | null;
  readonly table: string;
  readonly alias: string | null;
}

export interface SubqueryRef {
  readonly kind: 'subquery_ref';
  readonly span: Span;
  readonly query: QueryExpr;
  readonly alias: string;
}

export type SortDirection = 'ASC' | 'DESC';
export type NullsOrder = 'FIRST' | 'LAST';

export interface OrderItem {
  readonly kind: 'order_item';
  readonly span: Span;
  readonly expr: Expr;
  /** 'ASC' when the query names no direction. */
  readonly direction: SortDirection;
  /** Null when the query has no NULLS FIRST or NULLS LAST, leaving the default to the planner. */
  readonly nulls: NullsOrder | null;
}

// ---------------------------------------------------------------------------
// Expressions

export type Expr =
  | LiteralExpr
  | TypedLiteralExpr
  | IntervalExpr
  | ColumnRefExpr
  | ParameterExpr
  | UnaryExpr
  | BinaryExpr
  | IsNullExpr
  | IsDistinctFromExpr
  | BetweenExpr
  | InListExpr
  | LikeExpr
  | CastExpr
  | CaseExpr
  | ExtractExpr
  | FunctionCallExpr;

/** Value of a plain literal. Numbers keep their source text so no precision is lost. */
export type LiteralValue =
  | { readonly type: 'integer'; readonly text: string }
  | { readonly type: 'decimal'; readonly text: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' };

export interface LiteralExpr {
  readonly kind: 'literal';
  readonly span: Span;
  readonly value: LiteralValue;
}

/** `DATE '2020-01-31'` or `TIMESTAMP '2020-01-31 13:45:00'`. The parser has checked `text`. */
export interface TypedLiteralExpr {
  readonly kind: 'typed_literal';
  readonly span: Span;
  readonly type: 'DATE' | 'TIMESTAMP';
  readonly text: string;
}

export type IntervalUnit =
  | 'YEAR'
  | 'QUARTER'
  | 'MONTH'
  | 'WEEK'
  | 'DAY'
  | 'HOUR'
  | 'MINUTE'
  | 'SECOND'
  | 'MILLISECOND';

/**
 * Interval literal normalised to one count and unit: `INTERVAL '7' DAY`, `INTERVAL 7 DAY` and
 * `INTERVAL '7 days'` give value '7' and unit 'DAY'.
 */
export interface IntervalExpr {
  readonly kind: 'interval';
  readonly span: Span;
  /** Decimal text of the count, possibly negative or fractional, for example '7' or '-1.5'. */
  readonly value: string;
  readonly unit: IntervalUnit;
}

export interface ColumnRefExpr {
  readonly kind: 'column_ref';
  readonly span: Span;
  /** Table name or alias before the dot, or null for a bare column name. */
  readonly qualifier: string | null;
  readonly name: string;
}

/** `:name` parameter. */
export interface NamedParameterExpr {
  readonly kind: 'parameter';
  readonly span: Span;
  readonly name: string;
  readonly position?: never;
}

/** `?` parameter, numbered from 1 in order of appearance within its statement. */
export interface PositionalParameterExpr {
  readonly kind: 'parameter';
  readonly span: Span;
  readonly position: number;
  readonly name?: never;
}

export type ParameterExpr = NamedParameterExpr | PositionalParameterExpr;

export type UnaryOp = '-' | '+' | 'NOT';

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly span: Span;
  readonly op: UnaryOp;
  readonly operand: Expr;
}

/** Binary operators. `!=` in the source is stored as `<>`. */
export type BinaryOp =
  | 'OR'
  | 'AND'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '||'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '//'
  | '->'
  | '->>';

/**
 * NOTE: the parser limits nesting of parentheses, subqueries and prefix operators to 150
 * levels, but a flat chain such as `a OR b OR c ...` nests to the left as deep as it is long,
 * so a recursive walk over a tree can go that deep.
 */
export interface BinaryExpr {
  readonly kind: 'binary';
  readonly span: Span;
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

/** `operand IS [NOT] NULL`. */
export interface IsNullExpr {
  readonly kind: 'is_null';
  readonly span: Span;
  readonly negated: boolean;
  readonly operand: Expr;
}

/** `left IS [NOT] DISTINCT FROM right`. */
export interface IsDistinctFromExpr {
  readonly kind: 'is_distinct_from';
  readonly span: Span;
  readonly negated: boolean;
  readonly left: Expr;
  readonly right: Expr;
}

/** `operand [NOT] BETWEEN low AND high`. */
export interface BetweenExpr {
  readonly kind: 'between';
  readonly span: Span;
  readonly negated: boolean;
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
}

/** `operand [NOT] IN (values)`. */
export interface InListExpr {
  readonly kind: 'in_list';
  readonly span: Span;
  readonly negated: boolean;
  readonly operand: Expr;
  readonly values: readonly Expr[];
}

/** `operand [NOT] LIKE pattern [ESCAPE escape]`. ILIKE sets `caseInsensitive`. */
export interface LikeExpr {
  readonly kind: 'like';
  readonly span: Span;
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape: Expr | null;
}

/** SQL types a value can be cast to. */
export type TypeName = 'BOOLEAN' | 'BIGINT' | 'DOUBLE' | 'TEXT' | 'DATE' | 'TIMESTAMP' | 'JSON';

/** `CAST(operand AS type)` or `operand::type`. */
export interface CastExpr {
  readonly kind: 'cast';
  readonly span: Span;
  readonly operand: Expr;
  readonly type: TypeName;
  /**
   * Type as written, upper-cased with arguments, for example 'INTEGER' or 'DECIMAL(10,2)'.
   * `type` is the dialect type it maps to.
   */
  readonly typeSpelling: string;
}

export interface WhenClause {
  readonly kind: 'when_clause';
  readonly span: Span;
  readonly when: Expr;
  readonly then: Expr;
}

/** Searched CASE when `operand` is null, simple CASE (`CASE x WHEN v THEN ...`) otherwise. */
export interface CaseExpr {
  readonly kind: 'case';
  readonly span: Span;
  readonly operand: Expr | null;
  readonly whens: readonly WhenClause[];
  readonly else: Expr | null;
}

export type ExtractField =
  | 'YEAR'
  | 'QUARTER'
  | 'MONTH'
  | 'WEEK'
  | 'DAY'
  | 'DOW'
  | 'DOY'
  | 'HOUR'
  | 'MINUTE'
  | 'SECOND'
  | 'MILLISECOND'
  | 'EPOCH';

/** `EXTRACT(field FROM operand)`. */
export interface ExtractExpr {
  readonly kind: 'extract';
  readonly span: Span;
  readonly field: ExtractField;
  readonly operand: Expr;
}

/**
 * Function, aggregate or window function call. The parser does not know which names exist,
 * so any identifier followed by `(` becomes a call.
 */
export interface FunctionCallExpr {
  readonly kind: 'function_call';
  readonly span: Span;
  /** Lower case unless the name was quoted. */
  readonly name: string;
  readonly args: readonly Expr[];
  /** `f(DISTINCT ...)`. */
  readonly distinct: boolean;
  /** `f(*)`, as in `count(*)`, whose `args` is empty. */
  readonly star: boolean;
  /** Condition of `FILTER (WHERE ...)`. */
  readonly filter: Expr | null;
  readonly over: WindowSpec | null;
}

/** Contents of `OVER (...)`. */
export interface WindowSpec {
  readonly kind: 'window_spec';
  readonly span: Span;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly frame: WindowFrame | null;
}

/** Window frame. The short form `ROWS n PRECEDING` is stored with `end` CURRENT ROW. */
export interface WindowFrame {
  readonly kind: 'window_frame';
  readonly span: Span;
  readonly mode: 'ROWS' | 'RANGE';
  readonly start: FrameBound;
  readonly end: FrameBound;
}

export type FrameBound =
  | { readonly kind: 'unbounded_preceding'; readonly span: Span }
  | { readonly kind: 'preceding'; readonly span: Span; readonly offset: Expr }
  | { readonly kind: 'current_row'; readonly span: Span }
  | { readonly kind: 'following'; readonly span: Span; readonly offset: Expr }
  | { readonly kind: 'unbounded_following'; readonly span: Span };

/** Any node of the tree. */
export type Node =
  | Statement
  | QueryExpr
  | QualifiedName
  | Cte
  | SelectItem
  | Source
  | OrderItem
  | Expr
  | WhenClause
  | WindowSpec
  | WindowFrame
  | FrameBound;
