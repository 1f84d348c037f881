import { functionDocs, type FunctionDoc } from './docs.js';

/** Renders the function catalog as Markdown: the function reference at the end of docs/sql.md. */

const SECTIONS: readonly [FunctionDoc['kind'], string, string][] = [
  ['scalar', 'Scalar functions', 'Called once per row. Unless a description says otherwise, a NULL argument gives a NULL result.'],
  ['aggregate', 'Aggregate functions', 'Any aggregate also accepts DISTINCT, as in count(DISTINCT x), and ignores NULL inputs unless its description says otherwise.'],
  ['window', 'Window functions', 'Used with OVER (PARTITION BY ... ORDER BY ...). Aggregate functions can be used over windows too. Example results list one value per input row, ordered by x.'],
];

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function renderFunction(doc: FunctionDoc): string {
  const lines = [`### ${doc.name}`, '', `\`${doc.signature}\``, '', doc.description, ''];
  if (doc.examples.length > 0) {
    lines.push('| Example | Result |', '| --- | --- |');
    for (const example of doc.examples) {
      const notes: string[] = [];
      if (example.timeZone) notes.push(`time zone ${example.timeZone}`);
      if (example.queryStart) notes.push(`query started at ${example.queryStart} UTC`);
      const context = notes.length > 0 ? ` (${notes.join(', ')})` : '';
      lines.push(`| \`${escapeCell(example.sql)}\`${context} | \`${escapeCell(example.result)}\` |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderFunctionDocs(): string {
  const docs = functionDocs();
  const parts = [
    '# SQL functions',
    '',
    'Generated from the function catalog (src/executor/functions) by `npm run docs:functions`; edit the descriptions and examples there, not here.',
    'Every example is checked by test/executor/functions/duckdb-examples.test.ts against our implementation and, where DuckDB has the function, against DuckDB 1.5.',
    'TIMESTAMP values are instants shown in the session time zone, UTC unless an example names another.',
    'Aggregate and window examples write their input as `(VALUES ...) t(x)`, which DuckDB accepts; cassalytics has no VALUES lists yet, so run those functions over a table such as user_logs.',
    '',
  ];
  for (const [kind, title, introduction] of SECTIONS) {
    parts.push(`## ${title}`, '', introduction, '');
    for (const doc of docs.filter((d) => d.kind === kind)) parts.push(renderFunction(doc));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
