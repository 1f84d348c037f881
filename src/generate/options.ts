/** Settings of one generated data set. The same settings always produce the same rows. */
export interface GenerateOptions {
  /** PRNG seed, an unsigned 32-bit integer. */
  readonly seed: number;
  /** Number of shops, whose store ids run from 1 to this number. */
  readonly stores: number;
  /** First UTC day, `YYYY-MM-DD`. */
  readonly startDate: string;
  readonly days: number;
  /** Approximate number of events to produce. */
  readonly events: number;
  /** Share of events, in [0, 1], whose detail is damaged so that it is not valid JSON. */
  readonly malformedRate: number;
}

/** Two weeks ending 2026-11-29, fixed so that the default output never changes. */
export const DEFAULT_GENERATE_OPTIONS: GenerateOptions = {
  seed: 42,
  stores: 3,
  startDate: '2026-11-16',
  days: 14,
  events: 500_000,
  malformedRate: 0,
};

/** Thrown for settings out of range, with a message naming the setting and the accepted range. */
export class GenerateOptionsError extends Error {
  override readonly name = 'GenerateOptionsError';
}

/** Fills unset fields with the defaults and checks every field. */
export function resolveGenerateOptions(partial: Partial<GenerateOptions> = {}): GenerateOptions {
  const options = { ...DEFAULT_GENERATE_OPTIONS, ...definedFields(partial) };
  requireInteger('seed', options.seed, 0, 0xffffffff);
  requireInteger('stores', options.stores, 1, 1000);
  requireInteger('days', options.days, 1, 3660);
  requireInteger('events', options.events, 0, 1_000_000_000);
  if (!(options.malformedRate >= 0 && options.malformedRate <= 1)) {
    throw new GenerateOptionsError(`malformed rate must be between 0 and 1, got ${options.malformedRate}`);
  }
  startOfDay(options.startDate);
  return options;
}

/** Parses `YYYY-MM-DD` into milliseconds since the epoch at 00:00 UTC. */
export function startOfDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new GenerateOptionsError(`start date must be a calendar date as YYYY-MM-DD, got "${date}"`);
  }
  return ms;
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GenerateOptionsError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

function definedFields(partial: Partial<GenerateOptions>): Partial<GenerateOptions> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
}
