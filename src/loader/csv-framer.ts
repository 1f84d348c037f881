/**
 * Splits CSV text into records without parsing their fields, tracking the line each record starts
 * on and whether its quoting follows RFC 4180.
 *
 * csv-parse 7.0.3 with `skip_records_with_error` loses the records that follow a malformed quote
 * and reports partial raw text. Records are therefore framed here: every record, good or bad,
 * comes out whole with its line number, and only well-formed records are split into fields.
 *
 * Recovery rules: a record with a quoting fault (a quote inside an unquoted field, or a character
 * other than a delimiter after a closing quote) ends at the end of its line, quotes ignored. A
 * quote that is never closed (at the end of the input, or once the record exceeds the size limit)
 * makes the first line of that record a fault, and framing restarts on the line after it.
 */

/** One record: its text without the line ending, the line it starts on, and a fault if malformed. */
export interface FramedRecord {
  readonly line: number;
  readonly text: string;
  /** Reason the record is malformed, or undefined for a well-formed record. */
  readonly fault?: string;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the closing quote or the first of an escaped pair. */
  QuoteInQuoted,
  /** After a closing quote and a carriage return: only a line feed may follow. */
  AfterClosingReturn,
  /** A malformed record: every character up to the next line feed belongs to it. */
  Faulted,
  /** Past the size limit: characters are dropped up to the next line feed. */
  Oversized,
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Maximum length of the sample of an oversized record kept for the reject file. */
const OVERSIZED_SAMPLE_CHARS = 1024;

export class CsvFramer {
  private state = State.FieldStart;
  private fault: string | undefined;
  /** Text of the current record that came in earlier chunks. */
  private parts: string[] = [];
  private partsLength = 0;
  /** Line the current record starts on. */
  private recordLine = 1;
  /** Line of the character being scanned. */
  private line = 1;
  /** Text to frame again after an unclosed quote was given up on. */
  private rescan: string | undefined;

  /** `maxRecordChars`: records longer than this are faults (quoted ones are treated as unclosed). */
  constructor(private readonly maxRecordChars: number) {}

  /** Frames a chunk and returns the records completed by it. */
  push(chunk: string): FramedRecord[] {
    const out: FramedRecord[] = [];
    this.scan(chunk, out);
    this.scanRescans(out);
    return out;
  }

  /** Ends the input and returns the remaining records. */
  end(): FramedRecord[] {
    const out: FramedRecord[] = [];
    while (this.state === State.Quoted) {
      this.giveUpQuotedRecord(out, 'quote opened in this record is never closed', true);
      this.scanRescans(out);
    }
    const pending = this.takePending('');
    if (pending.length > 0 || this.state === State.Oversized || this.fault !== undefined) {
      this.finishRecord(pending, out);
    }
    return out;
  }

  private scanRescans(out: FramedRecord[]): void {
    while (this.rescan !== undefined) {
      const text = this.rescan;
      this.rescan = undefined;
      this.scan(text, out);
    }
  }

  private scan(chunk: string, out: FramedRecord[]): void {
    let start = 0;
    const length = chunk.length;
    for (let i = 0; i < length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === LF) {
        if (this.state === State.Quoted) {
          this.line++;
          continue;
        }
        this.finishRecord(this.takePending(chunk.slice(start, i)), out);
        this.line++;
        this.recordLine = this.line;
        start = i + 1;
        continue;
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) this.state = State.Quoted;
          else if (c !== COMMA) this.state = State.Unquoted;
          break;
        case State.Unquoted:
          if (c === COMMA) this.state = State.FieldStart;
          else if (c === QUOTE) this.markFault('quote inside an unquoted field');
          break;
        case State.Quoted:
          if (c === QUOTE) this.state = State.QuoteInQuoted;
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) this.state = State.Quoted;
          else if (c === COMMA) this.state = State.FieldStart;
          else if (c === CR) this.state = State.AfterClosingReturn;
          else this.markFault(`character ${JSON.stringify(chunk[i])} after a closing quote`);
          break;
        case State.AfterClosingReturn:
          this.markFault('carriage return after a closing quote is not followed by a line feed');
          break;
        case State.Faulted:
        case State.Oversized:
          break;
      }
    }
    this.keepPending(chunk.slice(start), out);
  }

  private markFault(reason: string): void {
    this.fault ??= reason;
    this.state = State.Faulted;
  }

  /** Stores the unfinished tail of a chunk, enforcing the size limit. */
  private keepPending(tail: string, out: FramedRecord[]): void {
    if (this.state === State.Oversized) return;
    this.parts.push(tail);
    this.partsLength += tail.length;
    if (this.partsLength <= this.maxRecordChars) return;
    if (this.state === State.Quoted) {
      this.giveUpQuotedRecord(out, `quoted field not closed within ${this.maxRecordChars} characters`, false);
      return;
    }
    this.fault ??= `record longer than ${this.maxRecordChars} characters`;
    const sample = this.takePending('').slice(0, OVERSIZED_SAMPLE_CHARS);
    this.parts = [sample];
    this.partsLength = sample.length;
    this.state = State.Oversized;
  }

  /**
   * Emits the first line of the pending quoted record as a fault and queues the text after that
   * line to be framed again from a fresh state. When the first line has not ended yet, the rest
   * of it is dropped up to its line feed, as for any oversized record.
   */
  private giveUpQuotedRecord(out: FramedRecord[], reason: string, atEnd: boolean): void {
    const text = this.takePending('');
    const newline = text.indexOf('\n');
    if (newline < 0 && !atEnd) {
      this.fault = reason;
      this.parts = [text.slice(0, OVERSIZED_SAMPLE_CHARS)];
      this.partsLength = this.parts[0]!.length;
      this.state = State.Oversized;
      return;
    }
    const firstLine = newline < 0 ? text : text.slice(0, newline);
    out.push({ line: this.recordLine, text: stripReturn(firstLine), fault: reason });
    this.state = State.FieldStart;
    this.fault = undefined;
    this.recordLine++;
    this.line = this.recordLine;
    this.rescan = newline < 0 ? undefined : text.slice(newline + 1);
  }

  private takePending(tail: string): string {
    const text = this.parts.length === 0 ? tail : this.parts.join('') + tail;
    this.parts = [];
    this.partsLength = 0;
    return text;
  }

  private finishRecord(text: string, out: FramedRecord[]): void {
    const record = stripReturn(text);
    if (this.state === State.Oversized) {
      const sample = `${record.slice(0, OVERSIZED_SAMPLE_CHARS)}…`;
      out.push({ line: this.recordLine, text: sample, fault: this.fault ?? 'record too long' });
    } else if (this.fault !== undefined) {
      out.push({ line: this.recordLine, text: record, fault: this.fault });
    } else if (record.length > 0) {
      out.push({ line: this.recordLine, text: record });
    }
    this.state = State.FieldStart;
    this.fault = undefined;
  }
}

function stripReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
