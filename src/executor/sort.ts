import type { SortKey } from '../planner/logical.js';
import { compileExpr, type CompileEnv } from './compile.js';
import { compareValues } from './semantics/compare.js';
import type { Row } from './values.js';

/**
 * Builds a row comparator for ORDER BY keys. NULLs sort last unless NULLS FIRST is given, in
 * either direction, as in DuckDB.
 */
export function rowComparator(keys: readonly SortKey[], env: CompileEnv): (a: Row, b: Row) => number {
  const compiled = keys.map((key) => ({ key, evaluate: compileExpr(key.expr, env), type: key.expr.type === 'NULL' ? 'TEXT' : key.expr.type }));
  return (a, b) => {
    for (const { key, evaluate, type } of compiled) {
      const x = evaluate(a);
      const y = evaluate(b);
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === key.nullsFirst ? -1 : 1;
      }
      const order = compareValues(x, y, type);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  };
}
