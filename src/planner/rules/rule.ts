import type { Settings } from '../settings.js';
import type { LogicalPlan } from '../logical.js';

/** Inputs that rules may consult besides the plan. */
export interface RuleContext {
  readonly settings: Pick<Settings, 'pushdownAggregation'>;
  /** The store the plan will run on, since some rewrites apply to one of them only. */
  readonly dialect: 'cql' | 'sqlite';
}

/** An optimizer rule: a named rewrite that keeps the plan's output schema. */
export interface Rule {
  readonly name: string;
  apply(plan: LogicalPlan, context: RuleContext): LogicalPlan;
}
