import fs from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * The destination of results: standard output or the --output file. A write waits while the
 * stream's buffer is full, so a slow reader slows the query instead of filling memory. A write
 * error (EPIPE when the reader has gone, ENOSPC) rejects the next write.
 */
export class ResultOutput {
  private failure: Error | null = null;

  private constructor(
    private readonly stream: Writable,
    /** True when results go to a terminal. */
    readonly isTerminal: boolean,
    /** Terminal width in columns when results go to a terminal. */
    readonly columns: number | undefined,
    private readonly ownsStream: boolean,
    /** The --output file, or undefined for standard output. */
    readonly file: string | undefined,
  ) {
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  static stdout(): ResultOutput {
    const terminal = process.stdout.isTTY === true;
    // A pseudo-terminal with no size set reports 0 columns, and tables are then not fitted.
    const columns = terminal && process.stdout.columns > 0 ? process.stdout.columns : undefined;
    return new ResultOutput(process.stdout, terminal, columns, false, undefined);
  }

  /** Creates or truncates `file`; throws the fs error when it cannot be opened. */
  static file(file: string): ResultOutput {
    const descriptor = fs.openSync(file, 'w');
    return new ResultOutput(fs.createWriteStream('', { fd: descriptor }), false, undefined, true, file);
  }

  async write(text: string): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (text === '') return;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error): void => {
        this.stream.off('drain', onDrain);
        reject(error);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  /** Flushes a file output and closes it; standard output stays open. */
  async close(): Promise<void> {
    if (!this.ownsStream) return;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failure !== null) throw this.failure;
  }
}
