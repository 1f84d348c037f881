import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Input formats the loader reads. */
export type InputFormat = 'csv' | 'ndjson';

/** Thrown when an input file cannot be read as a whole: missing, empty, bad gzip or bad header. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** An opened input: decoded text chunks and how far reading has got in the file's own bytes. */
export interface InputText {
  readonly path: string;
  readonly gzip: boolean;
  /** Size of the file on disk (compressed size for gzip input). */
  readonly totalBytes: number;
  /** Bytes of the file read so far. */
  bytesRead(): number;
  /** UTF-8 text with any leading byte order mark removed. */
  readonly chunks: AsyncIterable<string>;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Opens an input file, decompressing it when it starts with the gzip magic bytes whatever its
 * name. Invalid UTF-8 sequences decode to U+FFFD.
 */
export async function openInput(file: string): Promise<InputText> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`);
  }
  if (!stat.isFile()) throw new InputError(`cannot read ${file}: not a regular file`);
  const gzip = await startsWithGzipMagic(file);
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let decoded: Readable = raw;
  if (gzip) {
    const gunzip = createGunzip();
    pipeline(raw, gunzip, () => {
      // Errors reach the reader through the destroyed gunzip stream.
    });
    decoded = gunzip;
  }
  decoded.setEncoding('utf8');
  return {
    path: file,
    gzip,
    totalBytes: stat.size,
    bytesRead: () => raw.bytesRead,
    chunks: withoutByteOrderMark(decoded, file, gzip),
  };
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buffer, 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

async function* withoutByteOrderMark(stream: Readable, file: string, gzip: boolean): AsyncGenerator<string> {
  let first = true;
  try {
    for await (const chunk of stream) {
      let text = chunk as string;
      if (first) {
        if (text.length === 0) continue;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text.length > 0) yield text;
    }
  } catch (error) {
    const what = gzip ? 'gzip input' : 'input';
    throw new InputError(`cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

/**
 * Chooses the format: `explicit` when given, else the extension after any .gz (.csv for CSV,
 * .ndjson, .jsonl or .json for NDJSON), else the first character that is not white space, where
 * `{` means NDJSON and anything else CSV.
 */
export function detectFormat(file: string, firstText: string, explicit?: InputFormat): InputFormat {
  if (explicit !== undefined) return explicit;
  const name = path.basename(file).toLowerCase().replace(/\.(gz|gzip)$/, '');
  const extension = path.extname(name);
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl' || extension === '.json') return 'ndjson';
  return firstText.trimStart().startsWith('{') ? 'ndjson' : 'csv';
}
