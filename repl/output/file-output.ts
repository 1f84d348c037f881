import fs from 'node:fs';
import type { ResultColumn } from '../../src/api/result.js';
import type { Value } from '../../src/executor/values.js';
import { createFormatter, type OutputFormat, type ResultFormatter } from '../../src/format/index.js';

/**
 * The file that `\o FILE` sends results to. The file is truncated when opened, as psql does, and
 * every result after that is appended in the format current when it runs, without colour and
 * without fitting a terminal width.
 */
export class FileOutput {
  private readonly stream: fs.WriteStream;
  private failure: Error | null = null;

  private constructor(readonly path: string, stream: fs.WriteStream) {
    this.stream = stream;
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Opens (creates or truncates) the file; throws when it cannot be opened. */
  static open(path: string): FileOutput {
    const fd = fs.openSync(path, 'w');
    return new FileOutput(path, fs.createWriteStream(path, { fd }));
  }

  /** Starts one result; write its batches with `rows` and finish with `end`. */
  begin(format: OutputFormat, columns: readonly ResultColumn[], timeZone: string): FileResultWriter {
    const formatter = createFormatter(format, columns, { timeZone });
    return new FileResultWriter(formatter, (text) => this.write(text));
  }

  /** Writes text, waiting while the stream's buffer is full; throws the stream's error, if any. */
  async write(text: string): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (text === '') return;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => this.stream.once('drain', resolve));
    }
    if (this.failure !== null) throw this.failure;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}

/** One result being written to a `FileOutput`. */
export class FileResultWriter {
  private started = false;

  constructor(
    private readonly formatter: ResultFormatter,
    private readonly write: (text: string) => Promise<void>,
  ) {}

  async rows(batch: readonly Value[][]): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.write(this.formatter.begin());
    }
    await this.write(this.formatter.rows(batch));
  }

  async end(): Promise<void> {
    if (!this.started) await this.write(this.formatter.begin());
    await this.write(this.formatter.end());
  }
}
