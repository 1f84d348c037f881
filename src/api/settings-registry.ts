import { availableParallelism } from 'node:os';
import { PlanError } from '../errors.js';
import { isValidTimeZone } from '../planner/literals.js';
import type { Settings } from '../planner/settings.js';

/** One `SET`-able setting: its SQL name, what it sets, and how a value is read. */
interface SettingSpec<K extends keyof Settings> {
  readonly key: K;
  readonly name: string;
  readonly description: string;
  parse(value: string | number | boolean): Settings[K];
  show(value: Settings[K]): string;
}

export function defaultSettings(): Settings {
  return {
    timeZone: 'UTC',
    workers: Math.max(1, availableParallelism()),
    fetchSize: 5000,
    concurrency: 32,
    maxEnumeratedPartitions: 100_000,
    partitionsPerTask: 48,
    pushdownAggregation: true,
    timeoutMs: 0,
    readTimeoutMs: 12_000,
    memoryLimitBytes: 1024 ** 3,
  };
}

const positiveInteger = (name: string, max: number) => (value: string | number | boolean): number => {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new PlanError('SETTING_INVALID', `${name} must be an integer from 1 to ${max}, not ${JSON.stringify(value)}`);
  }
  return number;
};

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, second: 1000, seconds: 1000, m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hour: 3_600_000, hours: 3_600_000 };

/** Reads `30s`, `5 minutes`, `1500ms` or a bare number of milliseconds. */
export function parseDuration(name: string, value: string | number | boolean): number {
  if (typeof value === 'number' && value >= 0) return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(String(value));
  const unit = match ? DURATION_UNITS[(match[2] || 'ms').toLowerCase()] : undefined;
  if (!match || unit === undefined) {
    throw new PlanError('SETTING_INVALID', `${name} must be a duration such as '30s', '5 minutes' or 1500 (ms), not ${JSON.stringify(value)}`);
  }
  return Math.round(Number(match[1]) * unit);
}

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** Reads `1GB`, `512 MiB` or a bare number of bytes. */
export function parseBytes(name: string, value: string | number | boolean): number {
  if (typeof value === 'number' && value > 0) return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(String(value));
  const unit = match ? BYTE_UNITS[(match[2] || 'b').toLowerCase()] : undefined;
  if (!match || unit === undefined || Number(match[1]) <= 0) {
    throw new PlanError('SETTING_INVALID', `${name} must be a size such as '1GB' or '512MiB', not ${JSON.stringify(value)}`);
  }
  return Math.round(Number(match[1]) * unit);
}

function parseBoolean(name: string, value: string | number | boolean): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(text)) return true;
  if (['off', 'false', '0', 'no'].includes(text)) return false;
  throw new PlanError('SETTING_INVALID', `${name} must be on or off, not ${JSON.stringify(value)}`);
}

const SPECS: readonly SettingSpec<keyof Settings>[] = [
  {
    key: 'timeZone',
    name: 'time_zone',
    description: "IANA zone for showing timestamps and for date_trunc, EXTRACT and strftime, e.g. 'Europe/Berlin'",
    parse: (value) => {
      const zone = String(value);
      if (!isValidTimeZone(zone)) throw new PlanError('SETTING_INVALID', `unknown time zone ${JSON.stringify(zone)}`, { hint: "use an IANA name such as 'UTC' or 'Europe/Berlin'" });
      return zone;
    },
    show: String,
  },
  { key: 'workers', name: 'workers', description: 'worker threads that read and aggregate in parallel', parse: positiveInteger('workers', 256), show: String },
  { key: 'fetchSize', name: 'fetch_size', description: 'rows per page of a Cassandra read', parse: positiveInteger('fetch_size', 100_000), show: String },
  { key: 'concurrency', name: 'concurrency', description: 'partition reads each worker keeps in flight', parse: positiveInteger('concurrency', 1024), show: String },
  {
    key: 'maxEnumeratedPartitions',
    name: 'max_enumerated_partitions',
    description: 'largest partition list built from the WHERE clause; larger ones use partition discovery',
    parse: positiveInteger('max_enumerated_partitions', 10_000_000),
    show: String,
  },
  { key: 'partitionsPerTask', name: 'partitions_per_task', description: 'partitions in one worker task', parse: positiveInteger('partitions_per_task', 100_000), show: String },
  {
    key: 'pushdownAggregation',
    name: 'pushdown_aggregation',
    description: 'let Cassandra group rows inside each partition when the query allows it (on/off)',
    parse: (value) => parseBoolean('pushdown_aggregation', value),
    show: (value) => (value ? 'on' : 'off'),
  },
  { key: 'timeoutMs', name: 'timeout', description: "per-query time limit, e.g. '30s'; 0 means none", parse: (value) => parseDuration('timeout', value), show: (v) => `${v}ms` },
  { key: 'readTimeoutMs', name: 'read_timeout', description: "per-read timeout for Cassandra, e.g. '20s'", parse: (value) => parseDuration('read_timeout', value), show: (v) => `${v}ms` },
  { key: 'memoryLimitBytes', name: 'memory_limit', description: "group-by state allowed before a query stops, e.g. '1GB'", parse: (value) => parseBytes('memory_limit', value), show: (v) => `${v} bytes` },
];

/** Returns each setting's SET name with the `Settings` field it sets. */
export function describeSettingsNames(): { name: string; key: keyof Settings }[] {
  return SPECS.map((spec) => ({ name: spec.name, key: spec.key }));
}

export function settingNames(): string[] {
  return SPECS.map((s) => s.name);
}

export function describeSettings(settings: Settings): { name: string; value: string; description: string }[] {
  return SPECS.map((spec) => ({ name: spec.name, value: spec.show(settings[spec.key] as never), description: spec.description }));
}

function specFor(name: string): SettingSpec<keyof Settings> {
  const spec = SPECS.find((s) => s.name === name.toLowerCase());
  if (!spec) {
    throw new PlanError('SETTING_UNKNOWN', `unknown setting ${name}`, { hint: `the settings are: ${settingNames().join(', ')}` });
  }
  return spec;
}

/** Applies `SET name = value` to a settings object. */
export function applySetting(settings: Settings, name: string, value: string | number | boolean): void {
  const spec = specFor(name);
  (settings as unknown as Record<string, unknown>)[spec.key] = spec.parse(value);
}

/** Applies `RESET name`, restoring the default. */
export function resetSetting(settings: Settings, name: string): void {
  const spec = specFor(name);
  (settings as unknown as Record<string, unknown>)[spec.key] = defaultSettings()[spec.key];
}
