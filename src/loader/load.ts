import { primaryKey, type TableDef } from '../catalog/table.js';
import { BatchWriter } from './batch-writer.js';
import { ColumnLookup, HeaderError, mapHeader } from './columns.js';
import { MAX_RECORD_CHARS, readCsvRecords } from './csv-reader.js';
import { detectFormat, InputError, openInput, type InputFormat } from './input.js';
import { readNdjsonRecords } from './ndjson-reader.js';
import { ProgressLine, type ProgressStream } from './progress.js';
import { RepeatedKeyTracker } from './key-set.js';
import { RejectFile } from './reject-file.js';
import { CsvRowBuilder, ObjectRowBuilder, type BuildResult } from './row-builder.js';
import type { Row, RowSink } from './sink.js';
import type { RowSource, SourceRecord } from './source-record.js';

export interface LoadOptions {
  readonly table: TableDef;
  readonly sink: RowSink;
  /** Input format, detected from the name or the first character when undefined. */
  readonly format?: InputFormat;
  /** Reject file shared by several inputs. By default each input gets `<input>.reject.csv`. */
  readonly rejectFile?: RejectFile;
  /** Rows per `RowSink.write` call. */
  readonly batchSize?: number;
  /** Maximum number of `RowSink.write` calls in flight. */
  readonly concurrency?: number;
  /** Stream for the progress line, which is drawn only when the stream is a terminal. */
  readonly progress?: ProgressStream;
  /** Longest CSV record or NDJSON line, in characters. */
  readonly maxRecordChars?: number;
}

/** Counts of one loaded input. */
export interface LoadSummary {
  readonly file: string;
  readonly format: InputFormat;
  /** Records after the header, rejected ones included. */
  readonly rowsRead: number;
  readonly rowsWritten: number;
  /** Records that could not be converted, plus rows the store rejected. */
  readonly rejected: number;
  /** Rows whose primary key equals that of an earlier row of the same input. They are written too. */
  readonly repeatedKeys: number;
  /** Path of the reject file when any row was rejected. */
  readonly rejectPath?: string;
  readonly seconds: number;
}

/**
 * Rows per write by default. Rows stay in memory until their write completes, and at 1000 rows
 * V8 spent about twice as long in garbage collection as at 500, when loading 200,000 generated
 * rows into Cassandra on a 2-core machine (bench/load.ts).
 */
export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_CONCURRENCY = 4;

/**
 * Loads one CSV or NDJSON file (gzip or not) into a sink. A record that cannot become a row, or
 * whose row the store rejects even when written alone, goes to the reject file with its line
 * number and reason, and the load goes on. Throws `InputError` when the file as a whole is
 * unusable (missing, empty, unreadable, or with a header that does not fit the table), and
 * rethrows any failure of the store itself.
 */
export async function loadFile(file: string, options: LoadOptions): Promise<LoadSummary> {
  const startedAt = performance.now();
  const input = await openInput(file);
  const iterator = input.chunks[Symbol.asyncIterator]();
  const first = await nextNonBlank(iterator);
  if (first === undefined) {
    throw new InputError(`${file} is empty: expected a CSV header line or NDJSON objects`);
  }
  const format = detectFormat(file, first, options.format);
  const chunks = prepend(first, iterator);
  const maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
  const records =
    format === 'csv' ? readCsvRecords(chunks, maxRecordChars) : readNdjsonRecords(chunks, maxRecordChars);

  const lookup = new ColumnLookup(options.table);
  let build: RowBuilder;
  try {
    build = await rowBuilderFor(format, records, lookup, file);
  } catch (error) {
    await records.return(undefined);
    throw error;
  }
  const ownsRejectFile = options.rejectFile === undefined;
  const rejects = options.rejectFile ?? new RejectFile(`${file}.reject.csv`);
  const tracker = new RepeatedKeyTracker(primaryKey(options.table).map((column) => column.name));
  let rejected = 0;
  const writer = new BatchWriter(options.sink, options.concurrency ?? DEFAULT_CONCURRENCY, (source, error) => {
    rejects.add(file, source.line, error.reason, source.raw);
    rejected++;
  });
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress = new ProgressLine(options.progress, `load ${file}`);

  let rowsRead = 0;
  let batch: Row[] = [];
  let sources: RowSource[] = [];
  try {
    for await (const record of records) {
      rowsRead++;
      const result = build(record);
      if (!result.ok) {
        rejects.add(file, record.line, result.reason, record.raw);
        rejected++;
        continue;
      }
      if (tracker.track(result.row)) {
        // Writes in flight may complete in any order, so the earlier rows are stored before a row
        // that repeats a key is sent: the last row of the input wins, as it would in one stream.
        // The rows of one batch therefore have distinct keys.
        await writer.submit(batch, sources);
        batch = [];
        sources = [];
        await writer.flush();
      }
      batch.push(result.row);
      sources.push(record);
      if (batch.length >= batchSize) {
        await writer.submit(batch, sources);
        batch = [];
        sources = [];
        progress.update(rowsRead, input.bytesRead(), input.totalBytes);
      }
    }
    await writer.submit(batch, sources);
    await writer.flush();
  } finally {
    progress.clear();
    // After a failure, other batches may still be written row by row and add rejected rows.
    await writer.settle();
    if (ownsRejectFile) rejects.close();
  }

  const summary: LoadSummary = {
    file,
    format,
    rowsRead,
    rowsWritten: writer.written,
    rejected,
    repeatedKeys: tracker.repeated,
    seconds: (performance.now() - startedAt) / 1000,
  };
  return rejected > 0 ? { ...summary, rejectPath: rejects.path } : summary;
}

type RowBuilder = (record: SourceRecord) => BuildResult;

/** Reads the CSV header (the first record) or, for NDJSON, returns the object builder. */
async function rowBuilderFor(
  format: InputFormat,
  records: AsyncGenerator<SourceRecord>,
  lookup: ColumnLookup,
  file: string,
): Promise<RowBuilder> {
  switch (format) {
    case 'csv': {
      const header = await records.next();
      if (header.done === true) throw new InputError(`${file} is empty: expected a CSV header line`);
      const record = header.value;
      if (record.kind !== 'fields') {
        const reason = record.kind === 'fault' ? record.reason : 'not a CSV record';
        throw new InputError(`header on line ${record.line} of ${file} is invalid: ${reason}`);
      }
      let columns;
      try {
        columns = mapHeader(lookup, record.fields);
      } catch (error) {
        if (error instanceof HeaderError) throw new InputError(`${file}: ${error.message}`);
        throw error;
      }
      const builder = new CsvRowBuilder(columns);
      return (source) => {
        switch (source.kind) {
          case 'fault':
            return { ok: false, reason: source.reason };
          case 'fields':
            return builder.build(source.fields);
          case 'object':
            return { ok: false, reason: 'JSON object in CSV input' };
        }
      };
    }
    case 'ndjson': {
      const builder = new ObjectRowBuilder(lookup);
      return (source) => {
        switch (source.kind) {
          case 'fault':
            return { ok: false, reason: source.reason };
          case 'object':
            return builder.build(source.value);
          case 'fields':
            return { ok: false, reason: 'CSV record in NDJSON input' };
        }
      };
    }
  }
}

/** Returns the first chunk that contains more than white space, or undefined at the end of the input. */
async function nextNonBlank(iterator: AsyncIterator<string>): Promise<string | undefined> {
  let skipped = '';
  while (true) {
    const next = await iterator.next();
    if (next.done === true) return undefined;
    // Blank chunks are kept so that line numbers stay right.
    skipped += next.value;
    if (skipped.trim().length > 0) return skipped;
  }
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    yield first;
    while (true) {
      const next = await rest.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    // Closes the file when the reader stops early.
    await rest.return?.();
  }
}
