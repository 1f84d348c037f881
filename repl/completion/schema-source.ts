import { allFunctionNames } from '../../src/executor/functions/index.js';
import type { Row, Value } from '../../src/executor/values.js';
import { parse, printIdentifier } from '../../src/parser/index.js';
import type { ReplEngine } from '../engine-port.js';

/** Rows of `detail`-like JSON columns sampled per table for key completion. */
export const JSON_SAMPLE_ROWS = 200;
/** Longest wait for a JSON sample; completion offers no keys when the sample takes longer. */
export const JSON_SAMPLE_TIMEOUT_MS = 3000;

/**
 * Names that completion offers, read from the engine and cached until `invalidate` (after
 * `\connect`). Table and column lookups that fail return no names instead of throwing, so a Tab
 * press never shows an error.
 */
export class CompletionData {
  private tableList: Promise<string[]> | null = null;
  private readonly columnLists = new Map<string, Promise<string[]>>();
  private readonly jsonSamples = new Map<string, Promise<unknown[]>>();
  private functionNames: string[] | null = null;

  constructor(private engine: ReplEngine) {}

  /** Switches to another engine and forgets every cached name. */
  invalidate(engine: ReplEngine = this.engine): void {
    this.engine = engine;
    this.tableList = null;
    this.columnLists.clear();
    this.jsonSamples.clear();
  }

  tables(): Promise<string[]> {
    this.tableList ??= this.engine.catalog.listTables().catch(() => {
      this.tableList = null;
      return [];
    });
    return this.tableList;
  }

  /** Columns of a table as DESCRIBE lists them, virtual time columns included. */
  columns(table: string): Promise<string[]> {
    const key = table.toLowerCase();
    let list = this.columnLists.get(key);
    if (list === undefined) {
      list = this.describe(table).catch(() => {
        this.columnLists.delete(key);
        return [];
      });
      this.columnLists.set(key, list);
    }
    return list;
  }

  functions(): readonly string[] {
    this.functionNames ??= allFunctionNames();
    return this.functionNames;
  }

  settings(): readonly string[] {
    return this.engine.describeSettings().map((setting) => setting.name);
  }

  /**
   * Keys of the JSON objects found at `path` in a sample of `column` values of `table`, most
   * frequent first. Values stored as text are parsed; values that are not JSON objects are skipped.
   */
  async jsonKeys(table: string, column: string, path: readonly string[]): Promise<string[]> {
    const values = await this.jsonSample(table, column);
    const counts = new Map<string, number>();
    for (const value of values) {
      let node: unknown = value;
      for (const key of path) node = isObject(node) ? node[key] : undefined;
      if (!isObject(node)) continue;
      for (const key of Object.keys(node)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key]) => key);
  }

  private async describe(table: string): Promise<string[]> {
    const [statement] = parse(`DESCRIBE ${printIdentifier(table)}`);
    const result = await this.engine.run(statement!);
    const names: string[] = [];
    for await (const batch of result.batches()) for (const row of batch) names.push(String(row[0]));
    return names;
  }

  private jsonSample(table: string, column: string): Promise<unknown[]> {
    const key = `${table.toLowerCase()}.${column.toLowerCase()}`;
    let sample = this.jsonSamples.get(key);
    if (sample === undefined) {
      sample = this.readSample(table, column).catch(() => {
        this.jsonSamples.delete(key);
        return [];
      });
      this.jsonSamples.set(key, sample);
    }
    return sample;
  }

  private async readSample(table: string, column: string): Promise<unknown[]> {
    const sql = `SELECT ${printIdentifier(column)} FROM ${printIdentifier(table)} LIMIT ${JSON_SAMPLE_ROWS}`;
    const [statement] = parse(sql);
    const signal = AbortSignal.timeout(JSON_SAMPLE_TIMEOUT_MS);
    const result = await this.engine.run(statement!, {}, { signal });
    const values: unknown[] = [];
    for await (const batch of result.batches()) {
      for (const row of batch as Row[]) values.push(parseJson(row[0] ?? null));
      if (values.length >= JSON_SAMPLE_ROWS) break;
    }
    return values;
  }
}

function parseJson(value: Value): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
