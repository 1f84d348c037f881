import { groupKey } from '../semantics/compare.js';
import type { Value } from '../values.js';
import type { AggregateFunction, ArgType } from './registry.js';

/**
 * DISTINCT for any aggregate: the state keeps each distinct argument row once, keyed by
 * `groupKey`, and `finish` runs the wrapped aggregate over the distinct rows. A Map of strings
 * to arrays clones between workers, and merging is a set union, so the result is exact.
 */
export interface DistinctState {
  readonly rows: Map<string, readonly Value[]>;
  readonly argTypes: readonly ArgType[];
  readonly constants: readonly Value[];
  bytes: number;
}

/** Wraps `aggregate` so that `aggregate(DISTINCT ...)` receives each distinct argument row once. */
export function makeDistinct<State>(aggregate: AggregateFunction<State>): AggregateFunction<DistinctState> {
  return {
    name: aggregate.name,
    signature: aggregate.signature,
    description: aggregate.description,
    returnType: (args) => aggregate.returnType(args),
    init: (argTypes, constants) => ({ rows: new Map(), argTypes: [...argTypes], constants: [...constants], bytes: 0 }),
    update: (state, args) => {
      const key = groupKey(args);
      if (!state.rows.has(key)) {
        state.rows.set(key, [...args]);
        state.bytes += key.length * 4 + 64;
      }
      return state;
    },
    merge: (left, right) => {
      for (const [key, row] of right.rows) {
        if (!left.rows.has(key)) {
          left.rows.set(key, row);
          left.bytes += key.length * 4 + 64;
        }
      }
      return left;
    },
    finish: (state) => {
      let inner = aggregate.init(state.argTypes, state.constants);
      for (const row of state.rows.values()) inner = aggregate.update(inner, row);
      return aggregate.finish(inner);
    },
    sizeOf: (state) => 64 + state.bytes,
  };
}
