/** UTC calendar fields of an instant, as the user_logs partition key stores them. */
export interface UtcHour {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  /** 1-31. */
  readonly day: number;
  /** 0-23. */
  readonly hour: number;
}

const HOUR_MS = 3_600_000;

/** Computes UTC fields from milliseconds since the epoch, caching the last hour looked up. */
export class UtcHourCache {
  private cachedHour = Number.NaN;
  private cached: UtcHour = { year: 1970, month: 1, day: 1, hour: 0 };

  fieldsOf(epochMs: number): UtcHour {
    const hourIndex = Math.floor(epochMs / HOUR_MS);
    if (hourIndex !== this.cachedHour) {
      const date = new Date(hourIndex * HOUR_MS);
      this.cached = {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: date.getUTCHours(),
      };
      this.cachedHour = hourIndex;
    }
    return this.cached;
  }
}
