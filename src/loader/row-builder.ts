import type { ColumnDef } from '../catalog/table.js';
import type { ColumnLookup } from './columns.js';
import { columnConverter, type Converter } from './convert.js';
import type { CellValue, Row } from './sink.js';

/** A converted row, or every reason it cannot be one. */
export type BuildResult = { readonly ok: true; readonly row: Row } | { readonly ok: false; readonly reason: string };

/** Converts CSV records whose fields follow the header's column order. */
export class CsvRowBuilder {
  private readonly names: string[];
  private readonly converters: Converter[];

  constructor(headerColumns: readonly ColumnDef[]) {
    this.names = headerColumns.map((column) => column.name);
    this.converters = headerColumns.map((column) => columnConverter(column));
  }

  build(fields: readonly string[]): BuildResult {
    if (fields.length !== this.names.length) {
      return { ok: false, reason: `expected ${this.names.length} fields as in the header, found ${fields.length}` };
    }
    const row: Record<string, CellValue> = {};
    const reasons: string[] = [];
    for (let i = 0; i < fields.length; i++) {
      const result = this.converters[i]!(fields[i]);
      if (result.ok) row[this.names[i]!] = result.value;
      else reasons.push(result.reason);
    }
    return reasons.length === 0 ? { ok: true, row } : { ok: false, reason: reasons.join('; ') };
  }
}

/**
 * Converts NDJSON objects. Keys match column names like CSV header names do. A column absent from
 * the object is left out of the row, except a primary-key column, whose absence rejects the row.
 */
export class ObjectRowBuilder {
  private readonly converters = new Map<ColumnDef, Converter>();
  private readonly keyColumns: ColumnDef[];

  constructor(private readonly lookup: ColumnLookup) {
    for (const column of lookup.def.columns) this.converters.set(column, columnConverter(column));
    this.keyColumns = lookup.def.columns.filter((column) => column.kind !== 'regular');
  }

  build(value: Readonly<Record<string, unknown>>): BuildResult {
    const row: Record<string, CellValue> = {};
    const reasons: string[] = [];
    const unknown: string[] = [];
    for (const [key, input] of Object.entries(value)) {
      const column = this.lookup.find(key);
      if (column === undefined) {
        unknown.push(JSON.stringify(key));
        continue;
      }
      if (Object.hasOwn(row, column.name)) {
        reasons.push(`column "${column.name}" appears twice`);
        continue;
      }
      const result = this.converters.get(column)!(input);
      if (result.ok) row[column.name] = result.value;
      else reasons.push(result.reason);
    }
    if (unknown.length > 0) reasons.push(`unknown keys ${unknown.join(', ')}; ${this.lookup.describeColumns()}`);
    for (const column of this.keyColumns) {
      if (!Object.hasOwn(row, column.name) && !Object.hasOwn(value, column.name)) {
        const result = this.converters.get(column)!(undefined);
        if (!result.ok) reasons.push(result.reason);
      }
    }
    return reasons.length === 0 ? { ok: true, row } : { ok: false, reason: reasons.join('; ') };
  }
}
