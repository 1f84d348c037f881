import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { TableDef } from '../catalog/table.js';
import type { Row, RowSink } from '../loader/sink.js';
import { headerLine, rowFormatter, type OutputFormat, type RowFormatter } from './row-format.js';

/** Destination and format of a file sink. The sink writes to standard output when `path` is undefined. */
export interface FileSinkOptions {
  readonly path?: string;
  readonly format: OutputFormat;
  /** Gzip the output. */
  readonly gzip?: boolean;
}

/**
 * Writes rows as CSV (with a header line) or NDJSON. Each `write` formats its batch into one
 * string and waits for the stream to drain when its buffer is full.
 */
export class FileSink implements RowSink {
  readonly description: string;
  private readonly format: RowFormatter;
  private readonly output: Writable;
  private readonly target: Writable;
  private failure: Error | undefined;

  constructor(def: TableDef, options: FileSinkOptions) {
    this.description = options.path ?? 'standard output';
    this.format = rowFormatter(def, options.format);
    this.target = options.path === undefined ? process.stdout : fs.createWriteStream(options.path);
    this.output = options.gzip === true ? createGzip() : this.target;
    if (this.output !== this.target) this.output.pipe(this.target);
    for (const stream of new Set([this.output, this.target])) {
      stream.on('error', (error: Error) => {
        this.failure ??= error;
      });
    }
    const header = headerLine(def, options.format);
    if (header.length > 0) this.output.write(header);
  }

  async write(rows: readonly Row[]): Promise<void> {
    this.throwIfFailed();
    let text = '';
    for (const row of rows) text += this.format(row);
    // events.once rejects when the stream emits 'error' first.
    if (!this.output.write(text)) await once(this.output, 'drain');
    this.throwIfFailed();
  }

  /** Ends the output and waits until the file is written. Standard output is flushed, not closed. */
  async close(): Promise<void> {
    this.throwIfFailed();
    if (this.target === process.stdout) {
      if (this.output !== this.target) {
        this.output.end();
        await once(this.output, 'end');
      }
      return;
    }
    this.output.end();
    await once(this.target, 'close');
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
