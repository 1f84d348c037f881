import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Entries kept in the history file; older ones are dropped when the file is rewritten. */
export const MAX_HISTORY_ENTRIES = 2000;

/**
 * Returns the history file: `$CASSALYTICS_HISTORY` when set, else `cassalytics/history` under
 * `$XDG_STATE_HOME`, else under `~/.local/state`. An empty CASSALYTICS_HISTORY turns history
 * persistence off and returns null.
 */
export function historyFilePath(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env['CASSALYTICS_HISTORY'];
  if (override !== undefined) return override === '' ? null : path.resolve(override);
  const stateHome = env['XDG_STATE_HOME'];
  const base = stateHome !== undefined && path.isAbsolute(stateHome) ? stateHome : path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'cassalytics', 'history');
}

/**
 * Returns true for input that must not be remembered because it may contain a secret: any text
 * containing `password` (any case), and `\connect` lines that pass a credential option.
 */
export function isSensitive(entry: string): boolean {
  if (/password/i.test(entry)) return true;
  return /^\s*\\c(onnect)?\b/.test(entry) && /(--pass|--secret|--token)/i.test(entry);
}

/**
 * Statements entered in earlier runs and this one, oldest first. Each entry is one line of the
 * file, with `\` written as `\\` and a line break inside a statement as `\n`, so multi-line
 * statements come back whole. New entries are appended to the file as they are added; the file
 * is created with mode 0600 because queries can name customers or other private values.
 */
export class HistoryStore {
  private readonly items: string[];

  private constructor(
    private file: string | null,
    items: string[],
    private readonly onError: (message: string) => void,
  ) {
    this.items = items;
  }

  /**
   * Reads the history file. A missing file is an empty history. A file that cannot be read is
   * reported through `onError` once, and the session then keeps its history in memory only.
   */
  static load(file: string | null, onError: (message: string) => void = () => undefined): HistoryStore {
    if (file === null) return new HistoryStore(null, [], onError);
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') {
        onError(`history file ${file} could not be read (${code ?? (error as Error).message}); history is not saved this session`);
        return new HistoryStore(null, [], onError);
      }
    }
    const items = text
      .split('\n')
      .filter((line) => line !== '')
      .map(decodeEntry)
      .filter((entry) => !isSensitive(entry));
    const store = new HistoryStore(file, items.slice(-MAX_HISTORY_ENTRIES), onError);
    if (items.length > MAX_HISTORY_ENTRIES * 1.5) store.rewrite();
    return store;
  }

  get entries(): readonly string[] {
    return this.items;
  }

  /**
   * Adds an entry unless it is blank, repeats the newest entry, or is sensitive (see
   * `isSensitive`). Returns true when the entry was added.
   */
  add(entry: string): boolean {
    const trimmed = entry.trim();
    if (trimmed === '' || isSensitive(trimmed) || this.items[this.items.length - 1] === trimmed) return false;
    this.items.push(trimmed);
    if (this.items.length > MAX_HISTORY_ENTRIES) this.items.splice(0, this.items.length - MAX_HISTORY_ENTRIES);
    this.append(trimmed);
    return true;
  }

  private append(entry: string): void {
    if (this.file === null) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      fs.appendFileSync(this.file, `${encodeEntry(entry)}\n`, { mode: 0o600 });
    } catch (error) {
      this.disable(error);
    }
  }

  private rewrite(): void {
    if (this.file === null) return;
    try {
      const temporary = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, this.items.map((entry) => `${encodeEntry(entry)}\n`).join(''), { mode: 0o600 });
      fs.renameSync(temporary, this.file);
    } catch (error) {
      this.disable(error);
    }
  }

  private disable(error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    this.onError(`history file ${this.file} could not be written (${code}); history is not saved this session`);
    this.file = null;
  }
}

function encodeEntry(entry: string): string {
  return entry.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

function decodeEntry(line: string): string {
  return line.replace(/\\(\\|n)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : '\\'));
}
