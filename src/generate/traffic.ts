/**
 * Relative session starts per UTC hour: a night trough, a lunch bump and an evening peak around
 * 20:00, the usual shape of shop traffic in one time zone.
 */
export const HOURLY_WEIGHTS: readonly number[] = [
  0.35, 0.22, 0.15, 0.12, 0.12, 0.18, 0.35, 0.6, 0.85, 1.0, 1.05, 1.15, 1.3, 1.25, 1.1, 1.05, 1.1, 1.25, 1.5, 1.75,
  1.9, 1.7, 1.2, 0.7,
];

/** Relative traffic per weekday, Sunday first (Date.getUTCDay order): weekends are busier. */
export const WEEKDAY_WEIGHTS: readonly number[] = [1.25, 0.9, 0.92, 0.95, 1.0, 1.08, 1.3];

/** One UTC hour of one shop and the number of sessions that start in it. */
export interface TrafficSlot {
  readonly storeIndex: number;
  /** Start of the hour, milliseconds since the epoch. */
  readonly hourStart: number;
  readonly sessions: number;
}

const HOUR_MS = 3_600_000;

/**
 * Spreads `totalSessions` over shops, days and hours in proportion to shop weight × weekday weight
 * × hourly weight. Rounding carries the fraction from slot to slot, so the counts add up to
 * exactly `totalSessions` and do not depend on any random draw.
 */
export function allocateSessions(
  totalSessions: number,
  shopWeights: readonly number[],
  startMs: number,
  days: number,
): TrafficSlot[] {
  const hours = days * 24;
  const hourWeights: number[] = [];
  for (let hour = 0; hour < hours; hour++) {
    const weekday = new Date(startMs + hour * HOUR_MS).getUTCDay();
    hourWeights.push(WEEKDAY_WEIGHTS[weekday]! * HOURLY_WEIGHTS[hour % 24]!);
  }
  const totalWeight = shopWeights.reduce((sum, w) => sum + w, 0) * hourWeights.reduce((sum, w) => sum + w, 0);

  const slots: TrafficSlot[] = [];
  let cumulative = 0;
  for (let hour = 0; hour < hours; hour++) {
    for (let storeIndex = 0; storeIndex < shopWeights.length; storeIndex++) {
      const expected = (totalSessions * shopWeights[storeIndex]! * hourWeights[hour]!) / totalWeight;
      const before = Math.round(cumulative);
      cumulative += expected;
      const sessions = Math.round(cumulative) - before;
      slots.push({ storeIndex, hourStart: startMs + hour * HOUR_MS, sessions });
    }
  }
  return slots;
}
