import type { Key } from 'ink';
import { openEngine } from '../../src/cli/open-engine.js';
import { colorAllowed } from '../../src/cli/session-options.js';
import type { TargetOptions } from '../../src/cli/target.js';
import type { ResultColumn } from '../../src/api/result.js';
import { CancelledError, CassalyticsError } from '../../src/errors.js';
import type { Progress } from '../../src/executor/execute.js';
import type { Value } from '../../src/executor/values.js';
import { renderSqlError, type OutputFormat } from '../../src/format/index.js';
import { parse, ParseError, type Statement } from '../../src/parser/index.js';
import type { Settings } from '../../src/planner/settings.js';
import { applyCompletion, complete, type CompletionSource } from '../completion/completer.js';
import { CompletionData } from '../completion/schema-source.js';
import * as edit from '../editor/edit-buffer.js';
import type { EditBuffer } from '../editor/edit-buffer.js';
import { splitInputChunk, type KeyInput } from '../editor/key-chunks.js';
import type { ReplEngine } from '../engine-port.js';
import { HistoryStore, historyFilePath } from '../history/history-store.js';
import { eraseInSearch, searchOlder, startSearch, typeInSearch, type ReverseSearch } from '../history/reverse-search.js';
import { maskSecrets } from '../meta/connect-args.js';
import { runMetaCommand, type MetaHost } from '../meta/commands.js';
import { FileOutput } from '../output/file-output.js';
import { footerLines } from '../output/footer.js';
import { formatDuration } from '../output/numbers.js';
import type { ProgressSnapshot } from '../output/progress-text.js';
import { renderForScreen } from '../output/result-text.js';
import { inputState } from '../syntax/statement-state.js';
import { defaultDisplaySettings, type DisplaySettings } from './display-settings.js';
import { promptLabel } from './prompt.js';
import { runStatement, type StatementOutcome } from './run-statement.js';
import type { Entry, NewEntry } from './transcript.js';

export interface ReplOptions {
  /** History file; null keeps history in memory only. Default: `historyFilePath()`. */
  readonly historyFile?: string | null;
  /** ANSI colours in highlighting and results. Default: on unless NO_COLOR is set and not empty. */
  readonly color?: boolean;
  /** Rows of one result kept for the screen and `\chart`; the rest are counted. Default 1000. */
  readonly maxRows?: number;
  /** Delay before the progress bar appears, in ms. Default 500. */
  readonly progressDelayMs?: number;
  /** Time between progress bar redraws, in ms. Default 100, so at most 10 redraws a second. */
  readonly progressIntervalMs?: number;
  /** Initial `\format`, as the command line's --format chooses it. Default: table. */
  readonly format?: OutputFormat;
  /** Initial `\o` file, as the command line's --output chooses it. Default: the screen. */
  readonly outputFile?: string;
  /** Opens the engine of `\connect`. Default: the command line's `openEngine`. */
  readonly openEngine?: (options: TargetOptions, settings: Settings) => Promise<ReplEngine>;
}

/** Everything the components draw, replaced as a whole on every change. */
export interface ReplView {
  readonly transcript: readonly Entry[];
  readonly buffer: EditBuffer;
  readonly mode: 'editing' | 'running' | 'exited';
  /** The Ctrl-R search and the entry it shows, or null when not searching. */
  readonly search: { readonly query: string; readonly match: string | null } | null;
  /** Completions listed under the prompt after an ambiguous Tab. */
  readonly choices: readonly string[];
  /** Progress of the running query once it has run longer than the progress delay. */
  readonly progress: ProgressSnapshot | null;
  readonly label: string;
}

/** Default of ReplOptions.maxRows. */
export const DEFAULT_MAX_ROWS = 1000;

/** Newest transcript entries kept whole; older ones were drawn long ago and are emptied. */
const RETAINED_ENTRIES = 500;

/**
 * The state of an interactive session and what changes it: key presses, statements and
 * meta-commands. Components subscribe to it and draw `view`; it never touches the terminal.
 * Keys typed while a statement runs are queued and handled after it, except Ctrl-C, which
 * cancels the statement.
 */
export class ReplController implements MetaHost {
  engine: ReplEngine;
  readonly display: DisplaySettings = defaultDisplaySettings();
  readonly parameters = new Map<string, Value>();
  lastResult: { columns: readonly ResultColumn[]; rows: readonly Value[][] } | null = null;
  width = 80;
  readonly color: boolean;

  private readonly listeners = new Set<() => void>();
  private currentView: ReplView;
  private readonly transcript: Entry[] = [];
  private nextEntryId = 1;
  private buffer: EditBuffer = edit.EMPTY_BUFFER;
  private mode: ReplView['mode'] = 'editing';
  private search: ReverseSearch | null = null;
  private bufferBeforeSearch: EditBuffer = edit.EMPTY_BUFFER;
  private choices: readonly string[] = [];
  private progress: ProgressSnapshot | null = null;
  private label: string;

  private readonly history: HistoryStore;
  private historyIndex: number;
  private draft: EditBuffer = edit.EMPTY_BUFFER;
  /** The buffer as recalled from history, so Up and Down keep browsing until it is edited. */
  private recalled: EditBuffer | null = null;

  private readonly queue: KeyInput[] = [];
  private abortController: AbortController | null = null;
  private cancelRequested = false;
  private latestProgress: Progress | null = null;
  private runStartedAt = 0;
  private progressTimer: NodeJS.Timeout | null = null;
  private fileOutput: FileOutput | null = null;
  private completionRequest = 0;
  private readonly completionData: CompletionData;
  private readonly completionSource: CompletionSource;
  private readonly maxRows: number;
  private readonly progressDelayMs: number;
  private readonly progressIntervalMs: number;
  private readonly openEngine: (options: TargetOptions, settings: Settings) => Promise<ReplEngine>;
  private readonly exited: Promise<void>;
  private resolveExited: () => void = () => undefined;
  private work: Promise<void> = Promise.resolve();

  constructor(engine: ReplEngine, options: ReplOptions = {}) {
    this.engine = engine;
    this.color = options.color ?? colorAllowed(process.env);
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.progressDelayMs = options.progressDelayMs ?? 500;
    this.progressIntervalMs = options.progressIntervalMs ?? 100;
    this.openEngine = options.openEngine ?? ((target, settings) => openEngine(target, settings));
    this.label = promptLabel(engine);
    this.history = HistoryStore.load(options.historyFile === undefined ? historyFilePath() : options.historyFile, (message) =>
      this.print({ kind: 'notice', text: message }),
    );
    this.historyIndex = this.history.entries.length;
    this.completionData = new CompletionData(engine);
    this.completionSource = {
      tables: () => this.completionData.tables(),
      columns: (table) => this.completionData.columns(table),
      functions: () => this.completionData.functions(),
      settings: () => this.completionData.settings(),
      jsonKeys: (table, column, path) => this.completionData.jsonKeys(table, column, path),
      parameters: () => [...this.parameters.keys()],
    };
    this.exited = new Promise((resolve) => {
      this.resolveExited = resolve;
    });
    if (options.format !== undefined) this.display.format = options.format;
    if (options.outputFile !== undefined) this.fileOutput = FileOutput.open(options.outputFile);
    this.currentView = this.buildView();
  }

  get view(): ReplView {
    return this.currentView;
  }

  get outputFile(): string | null {
    return this.fileOutput?.path ?? null;
  }

  get cancelled(): boolean {
    return this.cancelRequested;
  }

  /** History entries, oldest first. */
  get historyEntries(): readonly string[] {
    return this.history.entries;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): ReplView => this.currentView;

  /** Resolves once the user has quit, with `\q`, `exit` or Ctrl-D. */
  waitForExit(): Promise<void> {
    return this.exited;
  }

  /** Resolves when the statement or meta-command in progress, if any, has finished. */
  idle(): Promise<void> {
    return this.work;
  }

  setWidth(columns: number): void {
    this.width = Math.max(20, columns);
  }

  /** Handles one input event from ink's useInput: a key, or several characters typed or pasted at once. */
  handleKey(input: string, key: Partial<Key>): void {
    if (input.length > 1 && isTextChunk(key)) {
      for (const part of splitInputChunk(input)) this.handleOneKey(part.input, part.key);
    } else {
      this.handleOneKey(input, key);
    }
  }

  private handleOneKey(input: string, key: Partial<Key>): void {
    if (this.mode === 'exited') return;
    if (key.ctrl === true && input === 'c') {
      this.interrupt();
    } else if (this.mode === 'running') {
      this.queue.push({ input, key });
      return;
    } else {
      this.dispatchKey(input, key);
    }
    this.publish();
  }

  print(entry: NewEntry): void {
    this.transcript.push({ ...entry, id: this.nextEntryId++ } as Entry);
    // <Static> draws each entry once and afterwards only counts the array, so entries far above
    // the prompt become empty placeholders, which keeps a long session's memory bounded.
    const oldest = this.transcript.length - RETAINED_ENTRIES - 1;
    if (oldest >= 0) this.transcript[oldest] = { id: this.transcript[oldest]!.id, kind: 'text', text: '' };
    this.publish();
  }

  exit(): void {
    if (this.mode === 'exited') return;
    this.mode = 'exited';
    this.abortController?.abort(new CancelledError('the shell is closing'));
    if (this.progressTimer !== null) clearInterval(this.progressTimer);
    this.publish();
    this.resolveExited();
  }

  /** Closes the engine and the `\o` file; call after the shell has exited. */
  async close(): Promise<void> {
    await this.fileOutput?.close();
    this.fileOutput = null;
    await this.engine.close();
  }

  async setOutputFile(path: string | null): Promise<void> {
    const previous = this.fileOutput;
    this.fileOutput = path === null ? null : FileOutput.open(path);
    await previous?.close();
  }

  async connect(options: TargetOptions): Promise<void> {
    const engine = await this.openEngine(options, { ...this.engine.settings });
    const previous = this.engine;
    this.engine = engine;
    this.label = promptLabel(engine);
    this.lastResult = null;
    this.completionData.invalidate(engine);
    await previous.close();
  }

  /** Runs SQL text of one or more statements, printing results and errors. */
  async runSql(text: string): Promise<boolean> {
    let statements: Statement[];
    try {
      statements = parse(text);
    } catch (error) {
      this.printError(error, text);
      return false;
    }
    for (const statement of statements) {
      if (this.cancelRequested || this.mode === 'exited') return false;
      if (!(await this.runOne(statement, text))) return false;
    }
    return true;
  }

  private dispatchKey(input: string, key: Partial<Key>): void {
    if (this.search !== null) {
      this.searchKey(input, key);
      return;
    }
    this.choices = [];
    if (key.return === true) {
      if (key.meta === true) this.setBuffer(edit.insertText(this.buffer, '\n'));
      else this.enter();
    } else if (key.tab === true) {
      this.completeAtCursor();
    } else if (key.upArrow === true) {
      this.up();
    } else if (key.downArrow === true) {
      this.down();
    } else if (key.leftArrow === true) {
      this.setBuffer(key.ctrl === true || key.meta === true ? edit.moveWordLeft(this.buffer) : edit.moveLeft(this.buffer));
    } else if (key.rightArrow === true) {
      this.setBuffer(key.ctrl === true || key.meta === true ? edit.moveWordRight(this.buffer) : edit.moveRight(this.buffer));
    } else if (key.home === true) {
      this.setBuffer(edit.moveLineStart(this.buffer));
    } else if (key.end === true) {
      this.setBuffer(edit.moveLineEnd(this.buffer));
    } else if (key.backspace === true || key.delete === true) {
      // Most terminals send DEL (0x7f) for Backspace, which ink reports as delete.
      this.setBuffer(key.meta === true ? edit.deleteWordBackward(this.buffer) : edit.deleteBackward(this.buffer));
    } else if (key.ctrl === true) {
      this.controlKey(input);
    } else if (key.meta === true) {
      if (input === 'b') this.setBuffer(edit.moveWordLeft(this.buffer));
      else if (input === 'f') this.setBuffer(edit.moveWordRight(this.buffer));
    } else if (key.escape !== true && input !== '') {
      this.typeText(input);
    }
  }

  private controlKey(input: string): void {
    switch (input) {
      case 'a':
        this.setBuffer(edit.moveLineStart(this.buffer));
        break;
      case 'e':
        this.setBuffer(edit.moveLineEnd(this.buffer));
        break;
      case 'b':
        this.setBuffer(edit.moveLeft(this.buffer));
        break;
      case 'f':
        this.setBuffer(edit.moveRight(this.buffer));
        break;
      case 'd':
        if (this.buffer.text === '') {
          this.echo('\\q');
          this.exit();
        } else {
          this.setBuffer(edit.deleteForward(this.buffer));
        }
        break;
      case 'k':
        this.setBuffer(edit.deleteToLineEnd(this.buffer));
        break;
      case 'u':
        this.setBuffer(edit.deleteToLineStart(this.buffer));
        break;
      case 'w':
        this.setBuffer(edit.deleteWordBackward(this.buffer));
        break;
      case 'p':
        this.historyPrevious();
        break;
      case 'n':
        this.historyNext();
        break;
      case 'r':
        this.bufferBeforeSearch = this.buffer;
        this.search = startSearch();
        break;
    }
  }

  /** Inserts typed or pasted text; a tab in pasted text becomes four spaces. */
  private typeText(text: string): void {
    this.setBuffer(edit.insertText(this.buffer, text.replace(/\t/g, '    ')));
  }

  private setBuffer(buffer: EditBuffer): void {
    this.buffer = buffer;
  }

  private enter(): void {
    const text = this.buffer.text;
    if (/^\s*(exit|quit)\s*;?\s*$/i.test(text)) {
      this.echo(text);
      this.exit();
      return;
    }
    const state = inputState(text);
    switch (state.kind) {
      case 'empty':
        this.echo(text);
        this.resetInput();
        return;
      case 'incomplete':
        this.setBuffer(edit.insertText(this.buffer, '\n'));
        return;
      case 'meta':
      case 'complete':
        this.submit(text, state.kind);
    }
  }

  private submit(text: string, kind: 'meta' | 'complete'): void {
    this.echo(text);
    this.history.add(text);
    this.resetInput();
    this.mode = 'running';
    this.cancelRequested = false;
    this.publish();
    this.work = (async () => {
      try {
        if (kind === 'meta') await runMetaCommand(this, text);
        else await this.runSql(text);
      } catch (error) {
        this.printError(error, text);
      } finally {
        this.stopProgress();
        if (this.mode === 'running') this.mode = 'editing';
        this.publish();
        this.drainQueue();
      }
    })();
  }

  private drainQueue(): void {
    while (this.queue.length > 0 && this.mode === 'editing') {
      const { input, key } = this.queue.shift()!;
      this.dispatchKey(input, key);
    }
    this.publish();
  }

  private echo(text: string): void {
    this.print({ kind: 'input', label: this.label, text: maskSecrets(text) });
  }

  private resetInput(): void {
    this.buffer = edit.EMPTY_BUFFER;
    this.historyIndex = this.history.entries.length;
    this.draft = edit.EMPTY_BUFFER;
    this.recalled = null;
  }

  private interrupt(): void {
    if (this.mode === 'running') {
      this.cancelRequested = true;
      this.queue.length = 0;
      this.abortController?.abort(new CancelledError('the query was cancelled'));
      return;
    }
    if (this.search !== null) {
      this.search = null;
      this.buffer = this.bufferBeforeSearch;
      return;
    }
    this.choices = [];
    if (this.buffer.text !== '') {
      this.resetInput();
    } else {
      this.print({ kind: 'notice', text: 'type \\q or press Ctrl-D on an empty line to quit' });
    }
  }

  private up(): void {
    const { line } = edit.cursorLine(this.buffer);
    if (line > 0 && this.buffer !== this.recalled) this.setBuffer(edit.moveLine(this.buffer, -1));
    else this.historyPrevious();
  }

  private down(): void {
    const { line, lines } = edit.cursorLine(this.buffer);
    if (line < lines - 1 && this.buffer !== this.recalled) this.setBuffer(edit.moveLine(this.buffer, 1));
    else this.historyNext();
  }

  private historyPrevious(): void {
    if (this.historyIndex === 0) return;
    if (this.historyIndex === this.history.entries.length) this.draft = this.buffer;
    this.historyIndex--;
    this.recall(edit.bufferOf(this.history.entries[this.historyIndex]!));
  }

  private historyNext(): void {
    if (this.historyIndex >= this.history.entries.length) return;
    this.historyIndex++;
    const entries = this.history.entries;
    this.recall(this.historyIndex === entries.length ? this.draft : edit.bufferOf(entries[this.historyIndex]!));
  }

  private recall(buffer: EditBuffer): void {
    this.buffer = buffer;
    this.recalled = buffer;
  }

  private searchKey(input: string, key: Partial<Key>): void {
    const search = this.search!;
    const entries = this.history.entries;
    if (key.ctrl === true && input === 'r') {
      this.search = searchOlder(search, entries);
    } else if (key.ctrl === true && input === 'g') {
      this.search = null;
      this.buffer = this.bufferBeforeSearch;
    } else if (key.return === true) {
      this.acceptSearch();
      this.enter();
    } else if (key.backspace === true || key.delete === true) {
      this.search = eraseInSearch(search, entries);
    } else if (key.ctrl === true || key.meta === true || key.escape === true || key.tab === true || input === '') {
      // Arrows, Esc and other keys end the search and leave the match for editing.
      this.acceptSearch();
    } else {
      this.search = typeInSearch(search, entries, input);
    }
  }

  private acceptSearch(): void {
    const match = this.search?.matchIndex ?? null;
    this.search = null;
    if (match !== null) {
      this.historyIndex = match;
      this.recall(edit.bufferOf(this.history.entries[match]!));
    } else {
      this.buffer = this.bufferBeforeSearch;
    }
  }

  private completeAtCursor(): void {
    const request = ++this.completionRequest;
    const before = this.buffer;
    complete(before.text, before.cursor, this.completionSource)
      .then((completion) => {
        if (request !== this.completionRequest || this.buffer !== before || this.mode !== 'editing' || this.search !== null) return;
        const applied = applyCompletion(before, completion);
        this.buffer = applied.buffer;
        this.choices = applied.choices;
        this.publish();
      })
      .catch(() => undefined);
  }

  private async runOne(statement: Statement, text: string): Promise<boolean> {
    const abort = new AbortController();
    this.abortController = abort;
    this.startProgress();
    const startedAt = performance.now();
    try {
      const fileOutput = this.fileOutput;
      const outcome = await runStatement(this.engine, statement, {
        parameters: Object.fromEntries(this.parameters),
        signal: abort.signal,
        onProgress: (progress) => {
          this.latestProgress = progress;
        },
        keepRows: this.maxRows,
        openFileWriter: fileOutput === null ? null : (columns) => fileOutput.begin(this.display.format, columns, this.engine.settings.timeZone),
      });
      this.stopProgress();
      this.showOutcome(statement, outcome);
      return true;
    } catch (error) {
      this.stopProgress();
      if (this.cancelRequested && (error instanceof CancelledError || abort.signal.aborted)) {
        this.print({ kind: 'notice', text: `cancelled after ${formatDuration(performance.now() - startedAt)}` });
      } else {
        this.printError(error, text);
      }
      return false;
    } finally {
      this.abortController = null;
    }
  }

  private showOutcome(statement: Statement, outcome: StatementOutcome): void {
    const { columns, rows } = outcome;
    switch (statement.kind) {
      case 'set':
        this.print({ kind: 'notice', text: `${statement.name} = ${String(rows[0]?.[1] ?? '')}` });
        return;
      case 'reset':
        this.print({ kind: 'notice', text: `${statement.name} is back to its default` });
        return;
      case 'explain':
        if (this.fileOutput === null) {
          this.print({ kind: 'text', text: `${rows.map((row) => String(row[0])).join('\n')}\n` });
          return;
        }
    }

    if (columns.length > 0) this.lastResult = { columns, rows };
    const facts = { rows: outcome.rowCount, elapsedMs: outcome.elapsedMs, stats: outcome.stats, timing: this.display.timing, outputFile: this.outputFile };
    if (this.fileOutput !== null) {
      const footer = footerLines(facts, null);
      this.print({ kind: 'result', body: '', ...footer });
      return;
    }
    const screen = renderForScreen(columns, rows, {
      format: this.display.format,
      expanded: this.display.expanded,
      width: this.width,
      color: this.color,
      timeZone: this.engine.settings.timeZone,
    });
    const cut = { rowsNotShown: outcome.rowCount - rows.length, hiddenColumns: screen.hiddenColumns, truncatedCells: screen.truncatedCells, width: this.width };
    this.print({ kind: 'result', body: screen.text, ...footerLines(facts, cut) });
  }

  private printError(error: unknown, text: string): void {
    if (error instanceof ParseError || error instanceof CassalyticsError) {
      this.print({ kind: 'error', text: renderSqlError(text, { message: error.message, span: error.span, hint: error.hint }) });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const stack = process.env['CASSALYTICS_DEBUG'] !== undefined && error instanceof Error ? `\n${error.stack ?? ''}` : '';
    this.print({ kind: 'error', text: `error: ${message}${stack}\n` });
  }

  private startProgress(): void {
    this.stopProgress();
    this.runStartedAt = performance.now();
    this.latestProgress = null;
    this.progressTimer = setInterval(() => this.tickProgress(), this.progressIntervalMs);
  }

  /** Publishes the latest progress; runs every progressIntervalMs, which caps the redraw rate. */
  private tickProgress(): void {
    const elapsedMs = performance.now() - this.runStartedAt;
    if (elapsedMs < this.progressDelayMs) return;
    const latest = this.latestProgress;
    this.progress = {
      tasksDone: latest?.tasksDone ?? 0,
      tasksTotal: latest?.tasksTotal ?? 0,
      rowsScanned: latest?.rowsScanned ?? 0,
      elapsedMs,
    };
    this.publish();
  }

  private stopProgress(): void {
    if (this.progressTimer !== null) clearInterval(this.progressTimer);
    this.progressTimer = null;
    this.progress = null;
  }

  private buildView(): ReplView {
    const search = this.search;
    return {
      transcript: [...this.transcript],
      buffer: this.buffer,
      mode: this.mode,
      search: search === null ? null : { query: search.query, match: search.matchIndex === null ? null : this.history.entries[search.matchIndex]! },
      choices: this.choices,
      progress: this.progress,
      label: this.label,
    };
  }

  private publish(): void {
    this.currentView = this.buildView();
    for (const listener of this.listeners) listener();
  }
}

/** True when ink reported input as plain text, with no key flag set. */
function isTextChunk(key: Partial<Key>): boolean {
  return !Object.values(key).some((flag) => flag === true);
}
