import { ResourceLimitError } from '../errors.js';
import type { AggregateCall, BoundExpr } from '../planner/bound.js';
import { compileExpr, type CompileEnv, type CompiledExpr } from './compile.js';
import type { PartialGroup } from './fragment.js';
import { aggregateFunction } from './functions/internal-aggregates.js';
import type { AggregateFunction } from './functions/registry.js';
import { groupKey } from './semantics/compare.js';
import type { Row, Value } from './values.js';

interface CompiledAggregate {
  readonly fn: AggregateFunction;
  readonly call: AggregateCall;
  readonly args: readonly CompiledExpr[];
  readonly filter: CompiledExpr | null;
}

interface GroupEntry {
  readonly values: Value[];
  states: unknown[];
  /** For aggregates with DISTINCT: the keys of argument tuples already fed to the state. */
  readonly seen: (Map<string, Value[]> | null)[];
}

/**
 * Hash aggregation: rows are folded into one state per group and aggregate. The same table runs in
 * workers (partial states over the rows they read) and in the coordinator (merging the partials).
 * DISTINCT aggregates keep the set of argument tuples seen, so partial sets merge exactly.
 */
export class GroupTable {
  private readonly groups = new Map<string, GroupEntry>();
  private readonly groupExprs: readonly CompiledExpr[];
  private readonly aggregates: readonly CompiledAggregate[];
  private approximateBytes = 0;

  constructor(
    groups: readonly BoundExpr[],
    aggregates: readonly AggregateCall[],
    env: CompileEnv,
    private readonly memoryLimitBytes: number,
  ) {
    this.groupExprs = groups.map((g) => compileExpr(g, env));
    this.aggregates = aggregates.map((call) => ({
      fn: aggregateFunction(call.name)!,
      call,
      args: call.args.map((a) => compileExpr(a, env)),
      filter: call.filter ? compileExpr(call.filter, env) : null,
    }));
  }

  get size(): number {
    return this.groups.size;
  }

  add(row: Row): void {
    const values = this.groupExprs.map((g) => g(row));
    const entry = this.entryFor(values);
    for (let i = 0; i < this.aggregates.length; i++) {
      const aggregate = this.aggregates[i]!;
      if (aggregate.filter && aggregate.filter(row) !== true) continue;
      const args = aggregate.args.map((a) => a(row));
      const seen = entry.seen[i];
      if (seen) {
        // DISTINCT ignores NULL arguments, like the aggregate itself.
        if (args.some((a) => a === null)) continue;
        const key = groupKey(args);
        if (seen.has(key)) continue;
        seen.set(key, args);
        this.charge(key.length + 16);
      }
      entry.states[i] = aggregate.fn.update(entry.states[i], args);
    }
  }

  /** Merges partial groups from another table, such as a worker's. */
  merge(partials: readonly PartialGroup[]): void {
    for (const [key, values, states] of partials) {
      const existing = this.groups.get(key);
      if (!existing) {
        this.groups.set(key, { values, states: this.aggregates.map((a, i) => (a.call.distinct ? this.newState(a) : states[i])), seen: this.aggregates.map(() => null) });
        const entry = this.groups.get(key)!;
        this.aggregates.forEach((a, i) => {
          if (a.call.distinct) this.replayDistinct(entry, i, states[i] as DistinctPartial);
        });
        this.charge(key.length + 64 * this.aggregates.length);
        continue;
      }
      this.aggregates.forEach((a, i) => {
        if (a.call.distinct) this.replayDistinct(existing, i, states[i] as DistinctPartial);
        else existing.states[i] = a.fn.merge(existing.states[i], states[i]);
      });
    }
  }

  /** Partial results to send to the coordinator. DISTINCT aggregates send their argument tuples. */
  partials(): PartialGroup[] {
    const result: PartialGroup[] = [];
    for (const [key, entry] of this.groups) {
      const states = entry.states.map((state, i) => {
        const seen = entry.seen[i];
        return seen ? ({ distinct: [...seen] } satisfies DistinctPartial) : state;
      });
      result.push([key, entry.values, states]);
    }
    return result;
  }

  /** Final rows: the group values followed by each aggregate's result. */
  finish(): Row[] {
    if (this.groups.size === 0 && this.groupExprs.length === 0) {
      // An aggregate without GROUP BY returns one row even over no input: count(*) = 0.
      this.entryFor([]);
    }
    const rows: Row[] = [];
    for (const entry of this.groups.values()) {
      rows.push([...entry.values, ...entry.states.map((state, i) => this.aggregates[i]!.fn.finish(state))]);
    }
    return rows;
  }

  private entryFor(values: Value[]): GroupEntry {
    const key = groupKey(values);
    let entry = this.groups.get(key);
    if (!entry) {
      entry = {
        values,
        states: this.aggregates.map((a) => this.newState(a)),
        seen: this.aggregates.map((a) => (a.call.distinct ? new Map<string, Value[]>() : null)),
      };
      this.groups.set(key, entry);
      this.charge(key.length * 2 + 64 + this.aggregates.reduce((sum, a, i) => sum + a.fn.sizeOf(entry!.states[i]), 0));
    }
    return entry;
  }

  private newState(aggregate: CompiledAggregate): unknown {
    return aggregate.fn.init(aggregate.call.argTypes, aggregate.call.constants);
  }

  private replayDistinct(entry: GroupEntry, index: number, partial: DistinctPartial): void {
    const aggregate = this.aggregates[index]!;
    let seen = entry.seen[index];
    if (!seen) {
      seen = new Map();
      entry.seen[index] = seen;
    }
    for (const [key, args] of partial.distinct) {
      if (seen.has(key)) continue;
      seen.set(key, args);
      this.charge(key.length + 16);
      entry.states[index] = aggregate.fn.update(entry.states[index], args);
    }
  }

  private charge(bytes: number): void {
    this.approximateBytes += bytes;
    if (this.approximateBytes > this.memoryLimitBytes) {
      throw new ResourceLimitError(
        `the query's group-by state passed memory_limit (${formatBytes(this.memoryLimitBytes)}) at ${this.groups.size} groups`,
        { hint: "raise it with SET memory_limit = '4GB', or group by fewer distinct values" },
      );
    }
  }
}

/** A DISTINCT aggregate's partial: the argument tuples seen, each with its key. */
interface DistinctPartial {
  readonly distinct: readonly (readonly [string, Value[]])[];
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
