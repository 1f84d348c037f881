import { assertNever, type BoundExpr } from '../planner/bound.js';
import { scalarFunctions } from './functions/index.js';
import type { EvalContext } from './functions/registry.js';
import { resolveArithmetic, negate, concatText } from './semantics/arithmetic.js';
import { castValue } from './semantics/cast.js';
import { compareValues, equals } from './semantics/compare.js';
import { MALFORMED_JSON, jsonGet, jsonText, parseJsonText } from './semantics/json.js';
import { compileLike, type LikeMatcher } from './semantics/like.js';
import { isDistinctFrom } from './semantics/logic.js';
import type { JsonValue, Row, Value } from './values.js';

/** A compiled expression: evaluates against one input row. */
export type CompiledExpr = (row: Row) => Value;

/** State that compiled expressions share within one query on one thread. */
export interface CompileEnv {
  readonly context: EvalContext;
  /** Counts rows whose JSON text could not be parsed; incremented once per row and column. */
  readonly counters: { malformedJson: number };
}

/**
 * Compiles a bound expression into a closure. Types were resolved by the planner, so operator
 * implementations are picked here once and each row only runs them.
 */
export function compileExpr(expr: BoundExpr, env: CompileEnv): CompiledExpr {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'column': {
      const index = expr.index;
      return (row) => row[index] ?? null;
    }
    case 'unary': {
      const operand = compileExpr(expr.operand, env);
      if (expr.op === 'NOT') {
        return (row) => {
          const value = operand(row);
          return value === null ? null : !value;
        };
      }
      const type = expr.operand.type;
      return (row) => negate(operand(row), type);
    }
    case 'logical': {
      const args = expr.args.map((a) => compileExpr(a, env));
      if (expr.op === 'AND') {
        return (row) => {
          let sawNull = false;
          for (const arg of args) {
            const value = arg(row);
            if (value === false) return false;
            if (value === null) sawNull = true;
          }
          return sawNull ? null : true;
        };
      }
      return (row) => {
        let sawNull = false;
        for (const arg of args) {
          const value = arg(row);
          if (value === true) return true;
          if (value === null) sawNull = true;
        }
        return sawNull ? null : false;
      };
    }
    case 'compare': {
      const left = compileExpr(expr.left, env);
      const right = compileExpr(expr.right, env);
      const type = expr.operandType;
      const test = comparisonTest(expr.op);
      return (row) => {
        const l = left(row);
        if (l === null) return null;
        const r = right(row);
        if (r === null) return null;
        return test(expr.op === '=' || expr.op === '<>' ? (equals(l, r, type) ? 0 : 1) : compareValues(l, r, type));
      };
    }
    case 'arith': {
      const left = compileExpr(expr.left, env);
      const right = compileExpr(expr.right, env);
      const operation = resolveArithmetic(expr.op, expr.left.type, expr.right.type, env.context.timeZone);
      if ('error' in operation) throw new Error(`internal error: ${operation.error}`);
      return (row) => operation.apply(left(row), right(row));
    }
    case 'concat': {
      const left = compileExpr(expr.left, env);
      const right = compileExpr(expr.right, env);
      return (row) => concatText(left(row) as string | null, right(row) as string | null);
    }
    case 'json_get':
      return compileJsonGet(expr, env);
    case 'is_null': {
      const operand = compileExpr(expr.operand, env);
      return expr.negated ? (row) => operand(row) !== null : (row) => operand(row) === null;
    }
    case 'is_distinct': {
      const left = compileExpr(expr.left, env);
      const right = compileExpr(expr.right, env);
      const type = expr.operandType;
      return (row) => isDistinctFrom(left(row), right(row), type) !== expr.negated;
    }
    case 'in_list': {
      const operand = compileExpr(expr.operand, env);
      const values = expr.values.map((v) => compileExpr(v, env));
      const type = expr.operandType;
      return (row) => {
        const value = operand(row);
        if (value === null) return null;
        let sawNull = false;
        for (const candidate of values) {
          const other = candidate(row);
          if (other === null) sawNull = true;
          else if (equals(value, other, type)) return !expr.negated;
        }
        return sawNull ? null : expr.negated;
      };
    }
    case 'like':
      return compileLikeExpr(expr, env);
    case 'cast': {
      const operand = compileExpr(expr.operand, env);
      const castContext = { timeZone: env.context.timeZone };
      const { from, type } = expr;
      return (row) => castValue(operand(row), from, type, castContext);
    }
    case 'case': {
      const whens = expr.whens.map((w) => ({ when: compileExpr(w.when, env), then: compileExpr(w.then, env) }));
      const otherwise = expr.otherwise ? compileExpr(expr.otherwise, env) : () => null;
      return (row) => {
        for (const { when, then } of whens) if (when(row) === true) return then(row);
        return otherwise(row);
      };
    }
    case 'call': {
      const fn = scalarFunctions.get(expr.name);
      if (!fn) throw new Error(`internal error: function ${expr.name} is not in the catalog`);
      const args = expr.args.map((a) => compileExpr(a, env));
      const argTypes = expr.argTypes;
      const counters = env.counters;
      const context = { ...env.context, onMalformedJson: () => void (counters.malformedJson += 1) };
      const values: Value[] = new Array(args.length);
      return (row) => {
        for (let i = 0; i < args.length; i++) {
          const value = args[i]!(row);
          if (value === null && fn.nullPropagating) return null;
          values[i] = value;
        }
        return fn.evaluate(values, context, argTypes);
      };
    }
    default:
      return assertNever(expr);
  }
}

function comparisonTest(op: string): (order: number) => boolean {
  switch (op) {
    case '=':
      return (order) => order === 0;
    case '<>':
      return (order) => order !== 0;
    case '<':
      return (order) => order < 0;
    case '<=':
      return (order) => order <= 0;
    case '>':
      return (order) => order > 0;
    case '>=':
      return (order) => order >= 0;
    default:
      throw new Error(`internal error: comparison ${op}`);
  }
}

/**
 * `->` and `->>`. A TEXT operand (the detail column) is parsed once per row: the parsed value is
 * kept for the row object it came from, so several paths over the same column share one parse,
 * and a malformed value is counted once.
 */
function compileJsonGet(expr: Extract<BoundExpr, { kind: 'json_get' }>, env: CompileEnv): CompiledExpr {
  const operand = expr.operand.type === 'TEXT' ? parsedText(expr.operand, env) : compileExpr(expr.operand, env);
  const key = compileExpr(expr.key, env);
  return (row) => {
    const value = operand(row);
    if (value === null) return null;
    const k = key(row);
    if (k === null) return null;
    const member = jsonGet(value as JsonValue, k as string | number | bigint);
    if (member === null) return null;
    return expr.asText ? jsonText(member) : member;
  };
}

const parseCache = new WeakMap<Row, Map<number, JsonValue | null>>();

function parsedText(operand: BoundExpr, env: CompileEnv): CompiledExpr {
  const text = compileExpr(operand, env);
  // Only a column is cached by row; other text expressions are parsed where they are evaluated.
  const cacheSlot = operand.kind === 'column' ? operand.index : null;
  return (row) => {
    if (cacheSlot !== null) {
      const cached = parseCache.get(row)?.get(cacheSlot);
      if (cached !== undefined) return cached;
    }
    const raw = text(row);
    let parsed: JsonValue | null = null;
    if (raw !== null) {
      const result = parseJsonText(raw as string);
      if (result === MALFORMED_JSON) env.counters.malformedJson += 1;
      else parsed = result;
    }
    if (cacheSlot !== null) {
      let slots = parseCache.get(row);
      if (!slots) {
        slots = new Map();
        parseCache.set(row, slots);
      }
      slots.set(cacheSlot, parsed);
    }
    return parsed;
  };
}

function compileLikeExpr(expr: Extract<BoundExpr, { kind: 'like' }>, env: CompileEnv): CompiledExpr {
  const operand = compileExpr(expr.operand, env);
  const pattern = compileExpr(expr.pattern, env);
  const escape = expr.escape ? compileExpr(expr.escape, env) : null;
  const constantPattern = expr.pattern.kind === 'literal' && (!expr.escape || expr.escape.kind === 'literal');
  let cached: LikeMatcher | null = null;
  return (row) => {
    const text = operand(row);
    if (text === null) return null;
    const p = pattern(row);
    if (p === null) return null;
    const e = escape ? escape(row) : null;
    const matcher =
      constantPattern && cached
        ? cached
        : compileLike(p as string, { caseInsensitive: expr.caseInsensitive, escape: e as string | null });
    if (constantPattern) cached = matcher;
    return matcher(text as string) !== expr.negated;
  };
}
