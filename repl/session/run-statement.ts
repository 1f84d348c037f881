import type { QueryParameters } from '../../src/api/engine.js';
import type { ResultColumn, ResultStats } from '../../src/api/result.js';
import type { Progress } from '../../src/executor/execute.js';
import type { Value } from '../../src/executor/values.js';
import type { Statement } from '../../src/parser/index.js';
import type { ReplEngine } from '../engine-port.js';
import type { FileResultWriter } from '../output/file-output.js';

/** A finished statement: its columns, the rows kept for the screen, and its figures. */
export interface StatementOutcome {
  readonly columns: readonly ResultColumn[];
  /** The first `keepRows` rows. */
  readonly rows: readonly Value[][];
  /** Every row the statement returned, kept or not. */
  readonly rowCount: number;
  readonly stats: ResultStats;
  /** Wall time from sending the statement until its last row was read. */
  readonly elapsedMs: number;
}

export interface RunOptions {
  readonly parameters: QueryParameters;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: Progress) => void;
  /** Rows to keep in memory for the screen and `\chart`; the rest are only counted. */
  readonly keepRows: number;
  /** Creates the writer of `\o FILE` output once the columns are known, or null for the screen. */
  readonly openFileWriter: ((columns: readonly ResultColumn[]) => FileResultWriter) | null;
}

/** Runs one statement and reads all its rows. Throws the engine's errors, CancelledError included. */
export async function runStatement(engine: ReplEngine, statement: Statement, options: RunOptions): Promise<StatementOutcome> {
  const startedAt = performance.now();
  const result = await engine.run(statement, options.parameters, { signal: options.signal, onProgress: options.onProgress });
  const writer = options.openFileWriter?.(result.columns) ?? null;
  const rows: Value[][] = [];
  let rowCount = 0;
  for await (const batch of result.batches()) {
    rowCount += batch.length;
    for (const row of batch) {
      if (rows.length >= options.keepRows) break;
      rows.push(row as Value[]);
    }
    if (writer !== null) await writer.rows(batch as Value[][]);
  }
  if (writer !== null) await writer.end();
  return { columns: result.columns, rows, rowCount, stats: result.stats, elapsedMs: performance.now() - startedAt };
}
