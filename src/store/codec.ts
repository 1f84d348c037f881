import type { TableDef } from '../catalog/table.js';
import { cellKindOfCql, type CellKind } from '../loader/cell-kind.js';
import type { CellValue, Row } from '../loader/sink.js';

/** A value better-sqlite3 can bind to a parameter. */
export type SqliteValue = null | number | bigint | string | Buffer;

/** Converts a row into positional parameters for `insertOrReplaceSql`, one per column. */
export type RowEncoder = (row: Row) => SqliteValue[];

/** Converts a row read with safe integers on, as an array in column order, back into a `Row`. */
export type RowDecoder = (values: readonly unknown[]) => Row;

/** Builds the encoder for a table. A column absent from the row is bound as NULL. */
export function rowEncoder(def: TableDef): RowEncoder {
  const names = def.columns.map((column) => column.name);
  const count = names.length;
  return (row) => {
    const values = new Array<SqliteValue>(count);
    for (let i = 0; i < count; i++) {
      values[i] = encodeCell(row[names[i]!]);
    }
    return values;
  };
}

/** Converts one cell to a bindable value: booleans as 1 and 0, absent as NULL. */
export function encodeCell(value: CellValue | undefined): SqliteValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Builds the decoder for a table. Statements must run with `safeIntegers(true)`. */
export function rowDecoder(def: TableDef): RowDecoder {
  const names = def.columns.map((column) => column.name);
  const decoders = def.columns.map((column) => cellDecoder(cellKindOfCql(column.cqlType)));
  return (values) => {
    const row: Record<string, CellValue> = {};
    for (let i = 0; i < names.length; i++) {
      row[names[i]!] = decoders[i]!(values[i]);
    }
    return row;
  };
}

function cellDecoder(kind: CellKind): (value: unknown) => CellValue {
  switch (kind) {
    case 'int32':
    case 'int16':
    case 'int8':
      return (value) => (value === null ? null : Number(value as bigint));
    case 'int64':
    case 'varint':
    case 'timestamp':
      return (value) => (value === null ? null : (value as bigint));
    case 'boolean':
      return (value) => (value === null ? null : value !== 0n);
    case 'double':
      return (value) => (value === null ? null : Number(value));
    case 'text':
    case 'ascii':
    case 'uuid':
    case 'inet':
    case 'date':
    case 'json':
      return (value) => (value === null ? null : String(value));
    case 'unsupported':
      // The loader never writes such columns, so only other tools put values there. They read as hex.
      return (value) => {
        if (value === null) return null;
        return Buffer.isBuffer(value) ? `0x${value.toString('hex')}` : String(value);
      };
  }
}
