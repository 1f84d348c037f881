import { describe, expect, test } from 'vitest';
import { maskSecrets, parseConnectArguments } from '../../repl/meta/connect-args.js';
import { parseMetaLine, splitArguments } from '../../repl/meta/parse-meta.js';
import { footerLines } from '../../repl/output/footer.js';
import { parseParameterValue } from '../../repl/session/parameters.js';
import { splitScript } from '../../repl/session/script.js';

describe('meta-command lines', () => {
  test('name, rest and arguments', () => {
    expect(parseMetaLine('  \\set name  it is  ')).toEqual({ name: '\\set', rest: 'name  it is', args: ['name', 'it', 'is'] });
    expect(parseMetaLine('\\dt')).toEqual({ name: '\\dt', rest: '', args: [] });
  });

  test('quotes keep spaces together', () => {
    expect(splitArguments(`--db "my file.db" 'a b' c`)).toEqual(['--db', 'my file.db', 'a b', 'c']);
    expect(splitArguments('--db="x y"')).toEqual(['--db=x y']);
  });
});

describe('\\connect arguments', () => {
  test('command line target options', () => {
    expect(parseConnectArguments(['--cassandra', 'h1,h2', '--keyspace', 'ks'])).toEqual({ cassandra: 'h1,h2', keyspace: 'ks' });
    expect(parseConnectArguments(['--db', 'x.db'])).toEqual({ db: 'x.db' });
  });

  test('a bare path is an embedded store', () => {
    expect(parseConnectArguments(['events.db'])).toEqual({ db: 'events.db' });
  });

  test('invalid arguments', () => {
    expect(() => parseConnectArguments(['--frob'])).toThrow("unknown option '--frob'");
    expect(() => parseConnectArguments(['--keyspace', 'k'])).toThrow('--keyspace, --local-dc, --username and --password-file need --cassandra HOSTS');
    expect(() => parseConnectArguments(['--db', 'a', '--cassandra', 'h'])).toThrow('--db and --cassandra exclude each other');
  });

  test('passwords are masked', () => {
    expect(maskSecrets('\\connect --cassandra h --password s3cret')).toBe('\\connect --cassandra h --password ***');
    expect(maskSecrets("x --password='a b' y")).toBe('x --password=*** y');
    expect(maskSecrets('\\c --password-file /tmp/pw')).toBe('\\c --password-file /tmp/pw');
  });
});

describe('parameter values', () => {
  test.each([
    ["'text'", 'text'],
    ["'it''s'", "it's"],
    ['42', 42],
    ['-7', -7],
    ['9007199254740993', 9007199254740993n],
    ['2.5', 2.5],
    ['1e3', 1000],
    ['true', true],
    ['FALSE', false],
    ['null', null],
    ['2026-03-01', '2026-03-01'],
  ])('%s', (text, value) => {
    expect(parseParameterValue(text)).toEqual(value);
  });
});

describe('scripts', () => {
  test('meta lines, multi-line statements and a last statement without ;', () => {
    const pieces = splitScript('\\timing off\n\nSELECT 1\n  AS a;\n-- comment\nSELECT 2; -- two\nSELECT 3');
    expect(pieces).toEqual([
      { kind: 'meta', text: '\\timing off', line: 1 },
      { kind: 'sql', text: 'SELECT 1\n  AS a;', line: 3 },
      { kind: 'sql', text: 'SELECT 2; -- two', line: 6 },
      { kind: 'sql', text: 'SELECT 3', line: 7 },
    ]);
  });
});

describe('footer', () => {
  const stats = { elapsedMs: 2000, partitions: 12, pages: 12, rowsScanned: 2_500_000, tasks: 3, scanMethods: ['enumerated'], malformedJson: 0, warnings: ['w1'] };

  test('figures with timing on', () => {
    const footer = footerLines({ rows: 1234, elapsedMs: 2000, stats, timing: true, outputFile: null }, null);
    expect(footer.summary).toBe('(1,234 rows, 2.00 s, 12 partitions, 2,500,000 rows scanned, 1.25M rows/s)');
    expect(footer.warnings).toEqual(['warning: w1']);
  });

  test('only the count with timing off', () => {
    expect(footerLines({ rows: 1, elapsedMs: 5, stats, timing: false, outputFile: null }, null).summary).toBe('(1 row)');
  });

  test('cut columns and values', () => {
    const footer = footerLines({ rows: 2, elapsedMs: 5, stats: null, timing: false, outputFile: null }, { rowsNotShown: 0, hiddenColumns: ['url', 'detail'], truncatedCells: 1, width: 40 });
    expect(footer.cuts).toEqual([
      '2 columns not shown to fit 40 terminal columns: url, detail',
      '1 value cut to fit, marked with …',
      '\\x shows every column with whole values, one row at a time; \\format csv prints every value in full',
    ]);
  });
});
