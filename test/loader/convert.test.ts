import { describe, expect, it } from 'vitest';
import type { ColumnDef } from '../../src/catalog/table.js';
import { columnConverter } from '../../src/loader/convert.js';

function column(cqlType: string, kind: ColumnDef['kind'] = 'regular'): ColumnDef {
  return { name: 'c', cqlType, kind, position: 0 };
}

describe('columnConverter accepts', () => {
  it.each([
    ['int', '42', 42],
    ['int', ' -7 ', -7],
    ['int', '2147483647', 2147483647],
    ['int', '-2147483648', -2147483648],
    ['int', '+7', 7],
    ['int', '-0', 0],
    ['int', '0000000000000000012', 12],
    ['int', 12, 12],
    ['smallint', '-32768', -32768],
    ['tinyint', '127', 127],
    ['bigint', '9223372036854775807', 9223372036854775807n],
    ['bigint', '1569888000000', 1569888000000n],
    ['bigint', 1569888000000, 1569888000000n],
    ['varint', '-12', -12n],
    ['counter', '3', 3n],
    ['timestamp', '1569888000000', 1569888000000n],
    ['timestamp', '2019-10-01T00:00:00Z', 1569888000000n],
    ['double', '3.5', 3.5],
    ['double', '-1e3', -1000],
    ['double', 'NaN', Number.NaN],
    ['float', '.5', 0.5],
    ['boolean', 'TRUE', true],
    ['boolean', '0', false],
    ['boolean', false, false],
    ['text', '  keep spaces ', '  keep spaces '],
    ['text', 554748717, '554748717'],
    ['text', { a: 1 }, '{"a":1}'],
    ['ascii', 'plain', 'plain'],
    ['uuid', '2926BE84-3213-2C9E-CBCF-3BD22664A60F', '2926be84-3213-2c9e-cbcf-3bd22664a60f'],
    ['inet', '::1', '::1'],
    ['date', '2019-02-28', '2019-02-28'],
    ['list<int>', '[1,2]', '[1,2]'],
    ['map<text, int>', { a: 1 }, '{"a":1}'],
  ])('%s from %j', (cqlType, input, expected) => {
    const result = columnConverter(column(cqlType))(input);
    expect(result).toEqual({ ok: true, value: expected });
  });
});

describe('columnConverter rejects', () => {
  it.each([
    ['int', 'abc', /"abc" is not an integer/],
    ['int', '1.5', /is not an integer/],
    ['int', '2147483648', /outside -2147483648\.\.2147483647/],
    ['int', '-2147483649', /outside -2147483648\.\.2147483647/],
    ['int', '99999999999999999999', /outside -2147483648\.\.2147483647/],
    ['int', 1.5, /1\.5 is not an integer/],
    ['tinyint', '128', /outside -128\.\.127/],
    ['bigint', '9223372036854775808', /outside the 64-bit range/],
    ['bigint', 2 ** 60, /beyond 2\^53/],
    ['bigint', '12e3', /not an integer/],
    ['double', '1,5', /not a number/],
    ['boolean', 'yes', /not a boolean/],
    ['ascii', 'café', /outside ASCII/],
    ['uuid', 'not-a-uuid', /not a UUID/],
    ['inet', '300.1.1.1', /not an IP address/],
    ['date', '2019-02-31', /not a calendar date/],
    ['timestamp', 'yesterday', /not a timestamp/],
    ['list<int>', '[1,', /not valid JSON/],
    ['blob', '0x00', /cannot be loaded/],
  ])('%s from %j', (cqlType, input, reason) => {
    const result = columnConverter(column(cqlType))(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('names the column and type in the reason', () => {
    const result = columnConverter({ name: 'store_id', cqlType: 'int', kind: 'partition_key', position: 0 })('x1');
    expect(result).toEqual({ ok: false, reason: 'column "store_id" (int): "x1" is not an integer' });
  });
});

describe('columnConverter empty input', () => {
  it('rejects an empty key column', () => {
    expect(columnConverter(column('text', 'clustering'))('')).toEqual({
      ok: false,
      reason: 'empty value for key column "c"',
    });
  });

  it('rejects a missing key column', () => {
    expect(columnConverter(column('int', 'partition_key'))(undefined)).toEqual({
      ok: false,
      reason: 'missing value for key column "c"',
    });
  });

  it('keeps an empty text value', () => {
    expect(columnConverter(column('text'))('')).toEqual({ ok: true, value: '' });
  });

  it('stores null for an empty non-text value', () => {
    expect(columnConverter(column('int'))('')).toEqual({ ok: true, value: null });
    expect(columnConverter(column('boolean'))('')).toEqual({ ok: true, value: null });
    expect(columnConverter(column('uuid'))('')).toEqual({ ok: true, value: null });
  });

  it('stores null for a JSON null', () => {
    expect(columnConverter(column('text'))(null)).toEqual({ ok: true, value: null });
  });
});
