import fs from 'node:fs';

/**
 * A CSV file of rejected records with the columns file, line, reason and record (the raw text).
 * Any file already at the path is removed when the object is created, and the new file is only
 * created by the first rejected record, so a clean load leaves no reject file behind.
 */
export class RejectFile {
  private descriptor: number | undefined;
  private count = 0;

  constructor(readonly path: string) {
    fs.rmSync(path, { force: true });
  }

  /** Number of records written. */
  get size(): number {
    return this.count;
  }

  add(file: string, line: number, reason: string, record: string): void {
    if (this.descriptor === undefined) {
      try {
        this.descriptor = fs.openSync(this.path, 'w');
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new Error(`cannot create the reject file ${this.path} (${reason}); choose another path with --reject-file`);
      }
      fs.writeSync(this.descriptor, 'file,line,reason,record\n');
    }
    fs.writeSync(this.descriptor, `${csvField(file)},${line},${csvField(reason)},${csvField(record)}\n`);
    this.count++;
  }

  close(): void {
    if (this.descriptor !== undefined) fs.closeSync(this.descriptor);
    this.descriptor = undefined;
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
