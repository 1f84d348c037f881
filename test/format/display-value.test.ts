import { describe, expect, it } from 'vitest';
import type { SqlType } from '../../src/catalog/table.js';
import { JSON_NULL, type Value } from '../../src/executor/values.js';
import { displayValue } from '../../src/format/index.js';

const NOV_16_0930_UTC = Date.UTC(2026, 10, 16, 9, 30, 0);

describe('displayValue', () => {
  const cases: { name: string; value: Value; type: SqlType; zone?: string; expected: string }[] = [
    { name: 'SQL NULL', value: null, type: 'TEXT', expected: 'NULL' },
    { name: 'BIGINT within 2^53', value: 42, type: 'BIGINT', expected: '42' },
    { name: 'BIGINT beyond 2^53', value: 2n ** 60n + 1n, type: 'BIGINT', expected: '1152921504606846977' },
    { name: 'negative BIGINT beyond 2^53', value: -(2n ** 63n), type: 'BIGINT', expected: '-9223372036854775808' },
    { name: 'DOUBLE with a zero fraction', value: 100, type: 'DOUBLE', expected: '100.0' },
    { name: 'DOUBLE fraction', value: 0.1, type: 'DOUBLE', expected: '0.1' },
    { name: 'large DOUBLE', value: 1e16, type: 'DOUBLE', expected: '1e+16' },
    { name: 'DOUBLE NaN', value: Number.NaN, type: 'DOUBLE', expected: 'nan' },
    { name: 'BOOLEAN', value: false, type: 'BOOLEAN', expected: 'false' },
    { name: 'DATE', value: 20_773, type: 'DATE', expected: '2026-11-16' },
    { name: 'TIMESTAMP in UTC', value: NOV_16_0930_UTC, type: 'TIMESTAMP', expected: '2026-11-16 09:30:00' },
    { name: 'TIMESTAMP in Berlin', value: NOV_16_0930_UTC, type: 'TIMESTAMP', zone: 'Europe/Berlin', expected: '2026-11-16 10:30:00' },
    { name: 'TIMESTAMP with milliseconds', value: NOV_16_0930_UTC + 123, type: 'TIMESTAMP', expected: '2026-11-16 09:30:00.123' },
    { name: 'JSON object', value: { a: 1, b: [true, JSON_NULL] }, type: 'JSON', expected: '{"a":1,"b":[true,null]}' },
    { name: 'JSON string', value: 'hi', type: 'JSON', expected: '"hi"' },
    { name: 'JSON null', value: JSON_NULL, type: 'JSON', expected: 'null' },
    { name: "TEXT 'NULL'", value: 'NULL', type: 'TEXT', expected: 'NULL' },
  ];

  for (const testCase of cases) {
    it(`shows ${testCase.name}`, () => {
      expect(displayValue(testCase.value, testCase.type, testCase.zone ?? 'UTC')).toBe(testCase.expected);
    });
  }
});
