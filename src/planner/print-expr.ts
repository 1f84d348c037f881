import { MS_PER_DAY, JSON_NULL, type Value } from '../executor/values.js';
import { assertNever, type BoundExpr } from './bound.js';

/** Renders a bound expression as SQL-like text for EXPLAIN, with column names in place of positions. */
export function printBound(expr: BoundExpr): string {
  switch (expr.kind) {
    case 'literal':
      return printValue(expr.value, expr.type);
    case 'column':
      return expr.name;
    case 'unary':
      return expr.op === 'NOT' ? `NOT (${printBound(expr.operand)})` : `-(${printBound(expr.operand)})`;
    case 'logical':
      return expr.args.map((a) => (a.kind === 'logical' ? `(${printBound(a)})` : printBound(a))).join(` ${expr.op} `);
    case 'compare':
    case 'arith':
      return `${wrap(expr.left)} ${expr.op} ${wrap(expr.right)}`;
    case 'concat':
      return `${wrap(expr.left)} || ${wrap(expr.right)}`;
    case 'json_get':
      return `${wrap(expr.operand)}${expr.asText ? '->>' : '->'}${wrap(expr.key)}`;
    case 'is_null':
      return `${wrap(expr.operand)} IS ${expr.negated ? 'NOT ' : ''}NULL`;
    case 'is_distinct':
      return `${wrap(expr.left)} IS ${expr.negated ? 'NOT ' : ''}DISTINCT FROM ${wrap(expr.right)}`;
    case 'in_list':
      return `${wrap(expr.operand)} ${expr.negated ? 'NOT ' : ''}IN (${expr.values.map(printBound).join(', ')})`;
    case 'like':
      return `${wrap(expr.operand)} ${expr.negated ? 'NOT ' : ''}${expr.caseInsensitive ? 'ILIKE' : 'LIKE'} ${wrap(expr.pattern)}${expr.escape ? ` ESCAPE ${printBound(expr.escape)}` : ''}`;
    case 'cast':
      return `CAST(${printBound(expr.operand)} AS ${expr.type})`;
    case 'case':
      return `CASE ${expr.whens.map((w) => `WHEN ${printBound(w.when)} THEN ${printBound(w.then)}`).join(' ')}${expr.otherwise ? ` ELSE ${printBound(expr.otherwise)}` : ''} END`;
    case 'call':
      return `${expr.name}(${expr.args.map(printBound).join(', ')})`;
    default:
      return assertNever(expr);
  }
}

function wrap(expr: BoundExpr): string {
  const text = printBound(expr);
  return expr.kind === 'logical' || expr.kind === 'compare' || expr.kind === 'arith' ? `(${text})` : text;
}

/** Renders a value as a SQL literal of its type; TIMESTAMP and DATE in UTC. */
export function printValue(value: Value, type: string): string {
  if (value === null) return 'NULL';
  if (value === JSON_NULL) return "'null'";
  switch (type) {
    case 'TEXT':
      return `'${String(value).replaceAll("'", "''")}'`;
    case 'TIMESTAMP':
      return `TIMESTAMP '${new Date(value as number).toISOString().replace('T', ' ').replace('Z', '')}'`;
    case 'DATE':
      return `DATE '${new Date((value as number) * MS_PER_DAY).toISOString().slice(0, 10)}'`;
    case 'JSON':
      return `'${JSON.stringify(value)}'`;
    default:
      return String(value);
  }
}
