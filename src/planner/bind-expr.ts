import type { SqlType } from '../catalog/table.js';
import { PlanError, didYouMean } from '../errors.js';
import { resolveArithmetic } from '../executor/semantics/arithmetic.js';
import { resolveCast } from '../executor/semantics/cast.js';
import { aggregateFunctions, scalarFunctions, windowFunctions } from '../executor/functions/index.js';
import type { ArgType } from '../executor/functions/registry.js';
import { MS_PER_DAY, normalizeBigint, type Value } from '../executor/values.js';
import type { BinaryOp, Expr, FunctionCallExpr, IntervalExpr, Span } from '../parser/ast.js';
import { printExpr } from '../parser/print.js';
import { INT64_MAX, INT64_MIN } from '../executor/semantics/integer.js';
import type { AggregateCall, ArithOp, BoundColumn, BoundExpr, CompareOp } from './bound.js';
import { parseDateLiteral, parseTimestampLiteral } from './literals.js';

/** Column lookup for the operator an expression is evaluated on. */
export interface Scope {
  /** Resolves a column reference; throws a PlanError naming the column when it is unknown. */
  resolve(qualifier: string | null, name: string, span: Span): BoundColumn;
}

/** Values for `:name` and `?` parameters. */
export interface Parameters {
  readonly named: ReadonlyMap<string, ParameterValue>;
  readonly positional: readonly ParameterValue[];
}

export interface BindContext {
  readonly timeZone: string;
  readonly parameters: Parameters;
}

/**
 * Where an expression sits decides what it may contain.
 * - `row`: evaluated on each input row (WHERE, GROUP BY, aggregate arguments): no aggregates.
 * - `aggregated`: evaluated on each group (SELECT, HAVING and ORDER BY of an aggregate query):
 *   columns must be grouped or inside an aggregate, whose calls are collected into `aggregates`.
 */
export type BindMode =
  | { readonly kind: 'row' }
  | {
      readonly kind: 'aggregated';
      readonly groups: readonly BoundExpr[];
      readonly groupKeys: readonly string[];
      readonly aggregates: AggregateCall[];
      readonly aggregateKeys: string[];
    };

const MS_PER_UNIT: Partial<Record<IntervalExpr['unit'], number>> = {
  WEEK: 7 * MS_PER_DAY,
  DAY: MS_PER_DAY,
  HOUR: 3_600_000,
  MINUTE: 60_000,
  SECOND: 1000,
  MILLISECOND: 1,
};

const MONTHS_PER_UNIT: Partial<Record<IntervalExpr['unit'], number>> = { YEAR: 12, QUARTER: 3, MONTH: 1 };

export function isAggregateName(name: string): boolean {
  return aggregateFunctions.has(name);
}

/** True when an AST expression contains an aggregate call outside any window. */
export function containsAggregate(expr: Expr): boolean {
  let found = false;
  visitAst(expr, (node) => {
    if (node.kind === 'function_call' && node.over === null && isAggregateName(node.name)) found = true;
  });
  return found;
}

/** True when an AST expression contains a window call. */
export function containsWindow(expr: Expr): boolean {
  let found = false;
  visitAst(expr, (node) => {
    if (node.kind === 'function_call' && node.over !== null) found = true;
  });
  return found;
}

export function visitAst(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr);
  for (const child of astChildren(expr)) visitAst(child, visit);
}

function astChildren(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'literal':
    case 'typed_literal':
    case 'interval':
    case 'column_ref':
    case 'parameter':
      return [];
    case 'unary':
      return [expr.operand];
    case 'binary':
    case 'is_distinct_from':
      return [expr.left, expr.right];
    case 'is_null':
      return [expr.operand];
    case 'between':
      return [expr.operand, expr.low, expr.high];
    case 'in_list':
      return [expr.operand, ...expr.values];
    case 'like':
      return [expr.operand, expr.pattern, ...(expr.escape ? [expr.escape] : [])];
    case 'cast':
      return [expr.operand];
    case 'case':
      return [...(expr.operand ? [expr.operand] : []), ...expr.whens.flatMap((w) => [w.when, w.then]), ...(expr.else ? [expr.else] : [])];
    case 'extract':
      return [expr.operand];
    case 'function_call':
      return [
        ...expr.args,
        ...(expr.filter ? [expr.filter] : []),
        ...(expr.over ? [...expr.over.partitionBy, ...expr.over.orderBy.map((o) => o.expr)] : []),
      ];
  }
}

/**
 * Binds a window call found in SELECT, QUALIFY or ORDER BY, in the mode of its surroundings, and
 * returns the expression that reads its result.
 */
export type WindowHandler = (call: FunctionCallExpr, mode: BindMode, binder: ExpressionBinder) => BoundExpr;

/** Binds AST expressions against a scope. */
export class ExpressionBinder {
  constructor(
    private readonly scope: Scope,
    private readonly context: BindContext,
    private readonly windowHandler: WindowHandler | null = null,
  ) {}

  /** Binds an aggregate call for a window, without adding it to any Aggregate node. */
  bindWindowAggregate(call: FunctionCallExpr, mode: BindMode): AggregateCall {
    const fn = aggregateFunctions.get(call.name)!;
    const args = call.args.map((a) => this.bind(a, mode));
    const argTypes = args.map((a) => a.type);
    const resolved = fn.returnType(argTypes);
    if (typeof resolved !== 'string') throw new PlanError('PLAN_ARGUMENT_TYPE', `${call.name}(): ${resolved.error}`, { span: call.span });
    return {
      name: call.name,
      args,
      argTypes,
      constants: args.slice(1).map((a) => (a.kind === 'literal' ? a.value : null)),
      distinct: call.distinct,
      filter: call.filter ? this.bind(call.filter, mode) : null,
      type: resolved,
      display: describeAst(call),
    };
  }

  bind(expr: Expr, mode: BindMode = { kind: 'row' }): BoundExpr {
    if (mode.kind === 'aggregated') return this.bindAggregated(expr, mode);
    return this.bindNode(expr, mode);
  }

  private bindAggregated(expr: Expr, mode: Extract<BindMode, { kind: 'aggregated' }>): BoundExpr {
    if (!containsAggregate(expr) && !containsWindow(expr)) {
      const bound = this.bindNode(expr, { kind: 'row' });
      const key = JSON.stringify(bound);
      const index = mode.groupKeys.indexOf(key);
      if (index >= 0) return { kind: 'column', index, name: describeAst(expr), type: concreteType(bound.type) };
      if (isConstant(bound)) return bound;
      if (expr.kind === 'column_ref') {
        throw new PlanError('PLAN_NOT_GROUPED', `column ${describeAst(expr)} must appear in GROUP BY or be used in an aggregate function`, {
          span: expr.span,
          hint: `add ${describeAst(expr)} to GROUP BY, or wrap it in an aggregate such as max(${describeAst(expr)})`,
        });
      }
    }
    if (expr.kind === 'function_call' && expr.over === null && isAggregateName(expr.name)) {
      return this.bindAggregateCall(expr, mode);
    }
    return this.bindNode(expr, mode);
  }

  private bindAggregateCall(call: FunctionCallExpr, mode: Extract<BindMode, { kind: 'aggregated' }>): BoundExpr {
    const fn = aggregateFunctions.get(call.name)!;
    const rowBinder = (e: Expr) => {
      if (containsAggregate(e)) {
        throw new PlanError('PLAN_NESTED_AGGREGATE', `aggregate calls cannot be nested inside ${call.name}()`, { span: e.span });
      }
      return this.bindNode(e, { kind: 'row' });
    };
    const args = call.args.map(rowBinder);
    const argTypes = args.map((a) => a.type);
    const resolved = fn.returnType(argTypes);
    if (typeof resolved !== 'string') throw new PlanError('PLAN_ARGUMENT_TYPE', `${call.name}(): ${resolved.error}`, { span: call.span });
    const constants = args.slice(1).map((a) => (a.kind === 'literal' ? a.value : null));
    const aggregate: AggregateCall = {
      name: call.name,
      args,
      argTypes,
      constants,
      distinct: call.distinct,
      filter: call.filter ? rowBinder(call.filter) : null,
      type: resolved,
      display: describeAst(call),
    };
    const key = JSON.stringify(aggregate);
    let index = mode.aggregateKeys.indexOf(key);
    if (index < 0) {
      index = mode.aggregates.length;
      mode.aggregates.push(aggregate);
      mode.aggregateKeys.push(key);
    }
    return { kind: 'column', index: mode.groups.length + index, name: aggregate.display, type: resolved };
  }

  private bindNode(expr: Expr, mode: BindMode): BoundExpr {
    const bind = (e: Expr) => this.bind(e, mode);
    switch (expr.kind) {
      case 'literal':
        return bindLiteral(expr.value, expr.span);
      case 'typed_literal':
        return this.bindTypedLiteral(expr.type, expr.text, expr.span);
      case 'interval':
        throw new PlanError('PLAN_INTERVAL_CONTEXT', 'an INTERVAL can only be added to or subtracted from a TIMESTAMP or DATE', {
          span: expr.span,
          hint: "write it as event_time - INTERVAL '7' DAY",
        });
      case 'column_ref':
        return this.scope.resolve(expr.qualifier, expr.name, expr.span);
      case 'parameter':
        return this.bindParameter(expr);
      case 'unary': {
        const operand = bind(expr.operand);
        if (expr.op === 'NOT') return { kind: 'unary', op: 'NOT', operand: expectType(operand, 'BOOLEAN', expr.operand.span, 'NOT'), type: 'BOOLEAN' };
        if (!isNumeric(operand.type)) throw typeError(`unary ${expr.op} needs a number, not ${operand.type}`, expr.span);
        if (expr.op === '+') return operand;
        return { kind: 'unary', op: 'NEGATE', operand, type: concreteType(operand.type) };
      }
      case 'binary':
        return this.bindBinary(expr.op, expr.left, expr.right, expr.span, mode);
      case 'is_null':
        return { kind: 'is_null', operand: bind(expr.operand), negated: expr.negated, type: 'BOOLEAN' };
      case 'is_distinct_from': {
        const [left, right, operandType] = unify(bind(expr.left), bind(expr.right), expr.span, this.context);
        return { kind: 'is_distinct', left, right, negated: expr.negated, operandType, type: 'BOOLEAN' };
      }
      case 'between': {
        const operand = bind(expr.operand);
        const low = this.compare('>=', operand, bind(expr.low), expr.span);
        const high = this.compare('<=', operand, bind(expr.high), expr.span);
        const both: BoundExpr = { kind: 'logical', op: 'AND', args: [low, high], type: 'BOOLEAN' };
        return expr.negated ? { kind: 'unary', op: 'NOT', operand: both, type: 'BOOLEAN' } : both;
      }
      case 'in_list': {
        let operand = bind(expr.operand);
        const values = expr.values.map(bind);
        let operandType = concreteType(operand.type);
        for (const value of values) {
          const [left, , type] = unify(operand, value, expr.span, this.context);
          operand = left;
          operandType = type;
        }
        const coerced = values.map((v) => unify(operand, v, expr.span, this.context)[1]);
        return { kind: 'in_list', operand, values: coerced, negated: expr.negated, operandType, type: 'BOOLEAN' };
      }
      case 'like':
        return {
          kind: 'like',
          operand: expectType(bind(expr.operand), 'TEXT', expr.operand.span, 'LIKE'),
          pattern: expectType(bind(expr.pattern), 'TEXT', expr.pattern.span, 'LIKE'),
          escape: expr.escape ? expectType(bind(expr.escape), 'TEXT', expr.escape.span, 'ESCAPE') : null,
          caseInsensitive: expr.caseInsensitive,
          negated: expr.negated,
          type: 'BOOLEAN',
        };
      case 'cast': {
        const operand = bind(expr.operand);
        if (operand.kind === 'literal' && operand.type === 'TEXT' && (expr.type === 'DATE' || expr.type === 'TIMESTAMP')) {
          return this.bindTypedLiteral(expr.type, String(operand.value), expr.span);
        }
        const mismatch = resolveCast(operand.type, expr.type);
        if (mismatch) throw typeError(mismatch.error, expr.span);
        return { kind: 'cast', operand, from: operand.type, type: expr.type };
      }
      case 'case': {
        const operand = expr.operand ? bind(expr.operand) : null;
        const whens = expr.whens.map((w) => {
          const when = operand ? this.compare('=', operand, bind(w.when), w.span) : expectType(bind(w.when), 'BOOLEAN', w.when.span, 'WHEN');
          return { when, then: bind(w.then) };
        });
        const otherwise = expr.else ? bind(expr.else) : null;
        const type = commonType([...whens.map((w) => w.then), ...(otherwise ? [otherwise] : [])], expr.span);
        return { kind: 'case', whens, otherwise, type };
      }
      case 'extract':
        return this.bindCall('date_part', [{ kind: 'literal', type: 'TEXT', value: expr.field.toLowerCase() }, bind(expr.operand)], expr.span);
      case 'function_call':
        return this.bindFunction(expr, mode);
    }
  }

  private bindFunction(call: FunctionCallExpr, mode: BindMode): BoundExpr {
    if (call.over !== null) {
      if (this.windowHandler) return this.windowHandler(call, mode, this);
      throw new PlanError('PLAN_WINDOW_CONTEXT', `window function ${call.name}() is not allowed here`, {
        span: call.span,
        hint: 'window functions belong in SELECT, QUALIFY or ORDER BY; filter on their result with QUALIFY',
      });
    }
    if (windowFunctions.has(call.name) && !isAggregateName(call.name)) {
      throw new PlanError('PLAN_WINDOW_WITHOUT_OVER', `${call.name}() is a window function and needs an OVER clause`, {
        span: call.span,
        hint: `for example ${call.name}() OVER (PARTITION BY ... ORDER BY ...)`,
      });
    }
    if (isAggregateName(call.name)) {
      throw new PlanError('PLAN_AGGREGATE_CONTEXT', `aggregate ${call.name}() is not allowed here`, {
        span: call.span,
        hint: 'aggregates belong in SELECT, HAVING or ORDER BY; to filter rows before grouping use WHERE, after grouping use HAVING',
      });
    }
    if ((call.distinct || call.star || call.filter) && !scalarFunctions.has(call.name)) {
      return this.bindCall(call.name, [], call.span);
    }
    if (call.distinct || call.star || call.filter) {
      throw new PlanError('PLAN_NOT_AGGREGATE', `${call.name}() is not an aggregate, so DISTINCT, * and FILTER do not apply`, { span: call.span });
    }
    return this.bindCall(call.name, call.args.map((a) => this.bind(a, mode)), call.span);
  }

  private bindCall(name: string, args: BoundExpr[], span: Span): BoundExpr {
    const fn = scalarFunctions.get(name);
    if (!fn) {
      const known = [...scalarFunctions.keys(), ...aggregateFunctions.keys(), ...windowFunctions.keys()];
      const suggestion = didYouMean(name, known);
      throw new PlanError('PLAN_UNKNOWN_FUNCTION', `unknown function ${name}()`, {
        span,
        hint: suggestion ? `did you mean ${suggestion}()?` : 'see docs/sql.md for the list of functions',
      });
    }
    const argTypes = args.map((a) => a.type);
    // Some result types depend on a literal argument: date_part('epoch', x) is DOUBLE.
    const literals = args.map((a) => (a.kind === 'literal' ? a.value : undefined));
    const type = fn.returnType(argTypes, literals);
    if (typeof type !== 'string') throw new PlanError('PLAN_ARGUMENT_TYPE', `${name}(): ${type.error}`, { span, hint: `usage: ${fn.signature}` });
    return { kind: 'call', name, args, argTypes, type };
  }

  private bindBinary(op: BinaryOp, leftAst: Expr, rightAst: Expr, span: Span, mode: BindMode): BoundExpr {
    const bind = (e: Expr) => this.bind(e, mode);
    switch (op) {
      case 'AND':
      case 'OR': {
        const args = [bind(leftAst), bind(rightAst)].map((a, i) => expectType(a, 'BOOLEAN', (i === 0 ? leftAst : rightAst).span, op));
        const flattened = args.flatMap((a) => (a.kind === 'logical' && a.op === op ? a.args : [a]));
        return { kind: 'logical', op, args: flattened, type: 'BOOLEAN' };
      }
      case '=':
      case '<>':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return this.compare(op, bind(leftAst), bind(rightAst), span);
      case '||': {
        const left = bind(leftAst);
        const right = bind(rightAst);
        return { kind: 'concat', left: toText(left), right: toText(right), type: 'TEXT' };
      }
      case '->':
      case '->>': {
        const operand = bind(leftAst);
        if (!['JSON', 'TEXT', 'NULL'].includes(operand.type)) throw typeError(`${op} needs a JSON or text value on its left, not ${operand.type}`, leftAst.span);
        const key = bind(rightAst);
        if (!['TEXT', 'BIGINT', 'NULL'].includes(key.type)) throw typeError(`${op} needs a text key or an integer index on its right, not ${key.type}`, rightAst.span);
        return { kind: 'json_get', operand, key, asText: op === '->>', type: op === '->>' ? 'TEXT' : 'JSON' };
      }
      case '+':
      case '-':
        if (rightAst.kind === 'interval') return this.bindIntervalArith(op, bind(leftAst), rightAst);
        if (leftAst.kind === 'interval' && op === '+') return this.bindIntervalArith(op, bind(rightAst), leftAst);
        return this.arith(op, bind(leftAst), bind(rightAst), span);
      case '*':
      case '/':
      case '%':
      case '//':
        return this.arith(op, bind(leftAst), bind(rightAst), span);
    }
  }

  private bindIntervalArith(op: '+' | '-', operand: BoundExpr, interval: IntervalExpr): BoundExpr {
    const count = Number(interval.value) * (op === '-' ? -1 : 1);
    const months = MONTHS_PER_UNIT[interval.unit];
    if (operand.type !== 'TIMESTAMP' && operand.type !== 'DATE') {
      throw typeError(`an INTERVAL can be added to a TIMESTAMP or DATE, not ${operand.type}`, interval.span);
    }
    if (months !== undefined) {
      return this.bindCall('add_months', [operand, { kind: 'literal', type: 'BIGINT', value: Math.trunc(count * months) }], interval.span);
    }
    const ms = Math.round(count * MS_PER_UNIT[interval.unit]!);
    if (operand.type === 'DATE') {
      if (ms % MS_PER_DAY !== 0) {
        const asTimestamp: BoundExpr = { kind: 'cast', operand, from: 'DATE', type: 'TIMESTAMP' };
        return { kind: 'arith', op: '+', left: asTimestamp, right: { kind: 'literal', type: 'BIGINT', value: ms }, type: 'TIMESTAMP' };
      }
      return { kind: 'arith', op: '+', left: operand, right: { kind: 'literal', type: 'BIGINT', value: ms / MS_PER_DAY }, type: 'DATE' };
    }
    return { kind: 'arith', op: '+', left: operand, right: { kind: 'literal', type: 'BIGINT', value: ms }, type: 'TIMESTAMP' };
  }

  private arith(op: ArithOp, left: BoundExpr, right: BoundExpr, span: Span): BoundExpr {
    if (!isNumeric(left.type) || !isNumeric(right.type)) {
      // DATE ± BIGINT adds days, DATE - DATE counts them, TIMESTAMP ± BIGINT adds milliseconds.
      const temporal = resolveArithmetic(op, left.type, right.type);
      if (!('error' in temporal) && temporal.resultType !== 'INTERVAL') {
        return { kind: 'arith', op, left, right, type: temporal.resultType as SqlType };
      }
      if (left.type === 'TIMESTAMP' && right.type === 'TIMESTAMP' && op === '-') {
        throw typeError('TIMESTAMP - TIMESTAMP is not supported', span, 'subtract milliseconds instead: epoch_ms(a) - epoch_ms(b)');
      }
      throw typeError(`operator ${op} needs numbers, not ${left.type} and ${right.type}`, span, 'cast text to a number with CAST(x AS BIGINT) or x::DOUBLE');
    }
    return { kind: 'arith', op, left, right, type: arithmeticType(op, left.type, right.type) };
  }

  compare(op: CompareOp, left: BoundExpr, right: BoundExpr, span: Span): BoundExpr {
    const [l, r, operandType] = unify(left, right, span, this.context);
    return { kind: 'compare', op, left: l, right: r, operandType, type: 'BOOLEAN' };
  }

  private bindTypedLiteral(type: 'DATE' | 'TIMESTAMP', text: string, span: Span): BoundExpr {
    return typedLiteral(type, text, span, this.context.timeZone);
  }

  private bindParameter(expr: Extract<Expr, { kind: 'parameter' }>): BoundExpr {
    const { parameters } = this.context;
    const value = expr.name !== undefined ? parameters.named.get(expr.name) : parameters.positional[expr.position! - 1];
    const present = expr.name !== undefined ? parameters.named.has(expr.name) : expr.position! <= parameters.positional.length;
    if (!present) {
      const label = expr.name !== undefined ? `:${expr.name}` : `? number ${expr.position}`;
      throw new PlanError('PLAN_MISSING_PARAMETER', `no value given for parameter ${label}`, {
        span: expr.span,
        hint: expr.name !== undefined ? `pass it with --param ${expr.name}=VALUE or \\set ${expr.name} VALUE` : 'pass one value per ? in order',
      });
    }
    return parameterLiteral(value!, expr.span, this.context.timeZone);
  }
}

/** Binds DATE and TIMESTAMP literal text; a TIMESTAMP is read as wall-clock time in `timeZone`. */
export function typedLiteral(type: 'DATE' | 'TIMESTAMP', text: string, span: Span, timeZone: string): BoundExpr {
  if (type === 'DATE') {
    const days = parseDateLiteral(text);
    if (days === undefined) throw typeError(`invalid DATE '${text}'`, span, "write dates as 'YYYY-MM-DD' and check the day exists in that month");
    return { kind: 'literal', type: 'DATE', value: days };
  }
  const ms = parseTimestampLiteral(text, timeZone);
  if (ms === undefined) throw typeError(`invalid TIMESTAMP '${text}'`, span, "write timestamps as 'YYYY-MM-DD HH:MM:SS[.fff]'");
  return { kind: 'literal', type: 'TIMESTAMP', value: ms };
}

function bindLiteral(value: Extract<Expr, { kind: 'literal' }>['value'], span: Span): BoundExpr {
  switch (value.type) {
    case 'integer': {
      const integer = BigInt(value.text);
      if (integer > INT64_MAX || integer < INT64_MIN) {
        throw new PlanError('PLAN_INTEGER_RANGE', `integer ${value.text} is outside the BIGINT range (signed 64 bits)`, {
          span,
          hint: 'write it as a DOUBLE such as 1e26, or as text',
        });
      }
      return { kind: 'literal', type: 'BIGINT', value: normalizeBigint(integer) };
    }
    case 'decimal':
      return { kind: 'literal', type: 'DOUBLE', value: Number(value.text) };
    case 'string':
      return { kind: 'literal', type: 'TEXT', value: value.value };
    case 'boolean':
      return { kind: 'literal', type: 'BOOLEAN', value: value.value };
    case 'null':
      return { kind: 'literal', type: 'NULL', value: null };
  }
}

/**
 * A parameter value with an explicit SQL type, for types JavaScript values do not carry: a DATE
 * given as 'YYYY-MM-DD', or a DOUBLE whose value happens to be integral.
 *
 * @example
 * await engine.query('SELECT :day + 1', { day: { type: 'DATE', value: '2026-11-20' } });
 */
export interface TypedParameter {
  readonly type: 'BOOLEAN' | 'BIGINT' | 'DOUBLE' | 'TEXT' | 'DATE' | 'TIMESTAMP';
  readonly value: string | number | bigint | boolean | Date | null;
}

/** A value for a `:name` or `?` parameter. */
export type ParameterValue = Value | Date | TypedParameter;

function isTypedParameter(value: unknown): value is TypedParameter {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'type' in value && 'value' in value;
}

function typedParameterLiteral(parameter: TypedParameter, span: Span | null, timeZone: string): BoundExpr {
  const { type, value } = parameter;
  const invalid = () =>
    new PlanError('PLAN_PARAMETER_TYPE', `parameter value ${JSON.stringify(String(value))} is not a valid ${type}`, { span });
  if (value === null) return { kind: 'literal', type, value: null };
  switch (type) {
    case 'DATE': {
      if (value instanceof Date) return { kind: 'literal', type, value: Math.floor(value.getTime() / MS_PER_DAY) };
      const days = parseDateLiteral(String(value));
      if (days === undefined) throw invalid();
      return { kind: 'literal', type, value: days };
    }
    case 'TIMESTAMP': {
      const ms = value instanceof Date ? value.getTime() : parseTimestampLiteral(String(value), timeZone);
      if (ms === undefined || Number.isNaN(ms)) throw invalid();
      return { kind: 'literal', type, value: ms };
    }
    case 'DOUBLE': {
      const number = Number(value);
      if (typeof value === 'boolean' || value instanceof Date || Number.isNaN(number)) throw invalid();
      return { kind: 'literal', type, value: number };
    }
    case 'BIGINT': {
      if (typeof value === 'bigint') return { kind: 'literal', type, value: normalizeBigint(value) };
      if (!/^[+-]?\d+$/.test(String(value).trim())) throw invalid();
      return { kind: 'literal', type, value: normalizeBigint(BigInt(String(value).trim())) };
    }
    case 'TEXT':
      return { kind: 'literal', type, value: value instanceof Date ? value.toISOString() : String(value) };
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw invalid();
      return { kind: 'literal', type, value };
  }
}

/** Binds a parameter value by its JS type, or by the type it names. */
export function parameterLiteral(value: ParameterValue, span: Span | null, timeZone = 'UTC'): BoundExpr {
  if (value === null || value === undefined) return { kind: 'literal', type: 'NULL', value: null };
  if (value instanceof Date) return { kind: 'literal', type: 'TIMESTAMP', value: value.getTime() };
  if (isTypedParameter(value)) return typedParameterLiteral(value, span, timeZone);
  switch (typeof value) {
    case 'number':
      return { kind: 'literal', type: Number.isInteger(value) ? 'BIGINT' : 'DOUBLE', value };
    case 'bigint':
      return { kind: 'literal', type: 'BIGINT', value: normalizeBigint(value) };
    case 'string':
      return { kind: 'literal', type: 'TEXT', value };
    case 'boolean':
      return { kind: 'literal', type: 'BOOLEAN', value };
    default:
      throw new PlanError('PLAN_PARAMETER_TYPE', `a parameter value must be a number, bigint, string, boolean, Date or null, not ${typeof value}`, { span });
  }
}

/** `/` is always DOUBLE (a rate, not a truncated quotient) and `//` always BIGINT. */
function arithmeticType(op: ArithOp, left: ArgType, right: ArgType): SqlType {
  if (op === '/') return 'DOUBLE';
  if (op === '//') return 'BIGINT';
  if (left === 'DOUBLE' || right === 'DOUBLE') return 'DOUBLE';
  return 'BIGINT';
}

function isNumeric(type: ArgType): boolean {
  return type === 'BIGINT' || type === 'DOUBLE' || type === 'NULL';
}

function isConstant(expr: BoundExpr): boolean {
  return expr.kind === 'literal';
}

/** NULL literals take a concrete type where the context needs one. */
export function concreteType(type: ArgType): SqlType {
  return type === 'NULL' ? 'TEXT' : type;
}

function toText(expr: BoundExpr): BoundExpr {
  return expr.type === 'TEXT' || expr.type === 'NULL' ? expr : { kind: 'cast', operand: expr, from: expr.type, type: 'TEXT' };
}

function expectType(expr: BoundExpr, type: SqlType, span: Span, where: string): BoundExpr {
  if (expr.type === type || expr.type === 'NULL') return expr;
  throw typeError(`${where} needs a ${type} value, not ${expr.type}`, span);
}

function typeError(message: string, span: Span, hint?: string): PlanError {
  return new PlanError('PLAN_TYPE_MISMATCH', message, { span, hint: hint ?? null });
}

/**
 * Brings two operands to one type for comparison: numbers widen to DOUBLE, a text literal next to
 * a DATE or TIMESTAMP is read as one, and NULL takes the other side's type.
 */
function unify(left: BoundExpr, right: BoundExpr, span: Span, context: BindContext): [BoundExpr, BoundExpr, SqlType] {
  if (left.type === right.type) return [left, right, concreteType(left.type)];
  if (left.type === 'NULL') return [left, right, concreteType(right.type)];
  if (right.type === 'NULL') return [left, right, concreteType(left.type)];
  if (isNumeric(left.type) && isNumeric(right.type)) return [left, right, 'DOUBLE'];
  for (const [a, b, swap] of [[left, right, false], [right, left, true]] as const) {
    if ((a.type === 'DATE' || a.type === 'TIMESTAMP') && b.kind === 'literal' && b.type === 'TEXT') {
      const converted = typedLiteral(a.type, String(b.value), span, context.timeZone);
      return swap ? [converted, a, a.type] : [a, converted, a.type];
    }
    if (a.type === 'TIMESTAMP' && b.type === 'DATE') {
      const cast: BoundExpr = { kind: 'cast', operand: b, from: 'DATE', type: 'TIMESTAMP' };
      return swap ? [cast, a, 'TIMESTAMP'] : [a, cast, 'TIMESTAMP'];
    }
    if (a.type === 'JSON' && b.type === 'TEXT') {
      const cast: BoundExpr = { kind: 'cast', operand: a, from: 'JSON', type: 'TEXT' };
      return swap ? [b, cast, 'TEXT'] : [cast, b, 'TEXT'];
    }
  }
  throw typeError(`cannot compare ${left.type} with ${right.type}`, span, 'cast one side, for example CAST(x AS BIGINT)');
}

function commonType(exprs: readonly BoundExpr[], span: Span): SqlType {
  let type: ArgType = 'NULL';
  for (const expr of exprs) {
    if (expr.type === 'NULL' || expr.type === type) continue;
    if (type === 'NULL') type = expr.type;
    else if (isNumeric(type) && isNumeric(expr.type)) type = 'DOUBLE';
    else throw typeError(`CASE branches have different types: ${type} and ${expr.type}`, span);
  }
  return concreteType(type);
}

/** Short SQL-like text of an AST expression, for column names and messages. */
export function describeAst(expr: Expr): string {
  switch (expr.kind) {
    case 'column_ref':
      return expr.qualifier ? `${expr.qualifier}.${expr.name}` : expr.name;
    case 'function_call': {
      const args = expr.star ? '*' : expr.args.map(describeAst).join(', ');
      return `${expr.name}(${expr.distinct ? 'DISTINCT ' : ''}${args})`;
    }
    case 'literal':
      switch (expr.value.type) {
        case 'integer':
        case 'decimal':
          return expr.value.text;
        case 'string':
          return `'${expr.value.value.replaceAll("'", "''")}'`;
        case 'boolean':
          return expr.value.value ? 'true' : 'false';
        case 'null':
          return 'NULL';
      }
      break;
    case 'binary':
      return `${describeAst(expr.left)} ${expr.op} ${describeAst(expr.right)}`;
    case 'cast':
      return `CAST(${describeAst(expr.operand)} AS ${expr.type})`;
    case 'extract':
      return `extract(${expr.field.toLowerCase()} FROM ${describeAst(expr.operand)})`;
    default:
      return printExpr(expr);
  }
  return printExpr(expr);
}
