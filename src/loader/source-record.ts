/** One record read from an input file, before conversion to a row. */
export type SourceRecord =
  /** A CSV record split into fields. */
  | { readonly kind: 'fields'; readonly line: number; readonly raw: string; readonly fields: readonly string[] }
  /** An NDJSON line holding a JSON object. */
  | { readonly kind: 'object'; readonly line: number; readonly raw: string; readonly value: Readonly<Record<string, unknown>> }
  /** A record that cannot be read: malformed quoting, invalid JSON, or a JSON value that is not an object. */
  | { readonly kind: 'fault'; readonly line: number; readonly raw: string; readonly reason: string };

/** Origin of a row, for the reject file: the line its record starts on and the record's text. */
export type RowSource = Pick<SourceRecord, 'line' | 'raw'>;
