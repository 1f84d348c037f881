import type { LogicalPlan } from '../logical.js';
import { pushAggregation } from './push-aggregation.js';
import type { Rule, RuleContext } from './rule.js';

/** The optimizer rules, applied in this order after binding. */
export const RULES: readonly Rule[] = [pushAggregation];

/**
 * Applies every rule in order. A rule must not change the output schema. If one does, the error
 * names it, because that is a bug in the rule and no query may trigger it.
 */
export function optimize(plan: LogicalPlan, context: RuleContext, rules: readonly Rule[] = RULES): LogicalPlan {
  let current = plan;
  for (const rule of rules) {
    const next = rule.apply(current, context);
    const before = JSON.stringify(current.schema.map((f) => [f.name, f.type]));
    const after = JSON.stringify(next.schema.map((f) => [f.name, f.type]));
    if (before !== after) {
      throw new Error(`internal error: optimizer rule ${rule.name} changed the output schema from ${before} to ${after}`);
    }
    current = next;
  }
  return current;
}

export type { Rule, RuleContext } from './rule.js';
