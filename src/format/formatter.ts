import type { ResultColumn } from '../api/result.js';
import type { Value } from '../executor/values.js';
import { csvHeader, csvLines, tsvHeader, tsvLines } from './delimited.js';
import type { FormatOptions, OutputFormat } from './index.js';
import { jsonKeys, jsonObjectText } from './json-records.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import { renderVertical } from './vertical.js';

/**
 * Text of one result in one format, produced piece by piece: write `begin()`, then `rows()` for
 * each batch in order, then `end()`. Table and markdown keep every row until `end()`, because
 * their column widths depend on all values. The other formats return each batch's text at once.
 */
export interface ResultFormatter {
  begin(): string;
  rows(batch: readonly Value[][]): string;
  end(): string;
}

/** Creates the formatter of one result. */
export function createFormatter(format: OutputFormat, columns: readonly ResultColumn[], options: FormatOptions): ResultFormatter {
  switch (format) {
    case 'table':
      return bufferedFormatter((rows) => renderTable(columns, rows, options).text);
    case 'markdown':
      return bufferedFormatter((rows) => renderMarkdown(columns, rows, options));
    case 'vertical': {
      let rowsWritten = 0;
      return {
        begin: () => '',
        rows: (batch) => {
          const text = renderVertical(columns, batch, options, rowsWritten + 1);
          rowsWritten += batch.length;
          return text;
        },
        end: () => '',
      };
    }
    case 'csv':
      return {
        begin: () => csvHeader(columns),
        rows: (batch) => csvLines(columns, batch, options.timeZone),
        end: () => '',
      };
    case 'tsv':
      return {
        begin: () => tsvHeader(columns),
        rows: (batch) => tsvLines(columns, batch, options.timeZone),
        end: () => '',
      };
    case 'json': {
      const keys = jsonKeys(columns);
      let rowsWritten = 0;
      return {
        begin: () => '[',
        rows: (batch) => {
          let text = '';
          for (const row of batch) {
            text += `${rowsWritten === 0 ? '\n' : ',\n'}${jsonObjectText(columns, keys, row, options.timeZone)}`;
            rowsWritten += 1;
          }
          return text;
        },
        end: () => (rowsWritten === 0 ? ']\n' : '\n]\n'),
      };
    }
    case 'ndjson': {
      const keys = jsonKeys(columns);
      return {
        begin: () => '',
        rows: (batch) => batch.map((row) => `${jsonObjectText(columns, keys, row, options.timeZone)}\n`).join(''),
        end: () => '',
      };
    }
  }
}

function bufferedFormatter(render: (rows: readonly Value[][]) => string): ResultFormatter {
  const buffered: Value[][] = [];
  return {
    begin: () => '',
    rows: (batch) => {
      for (const row of batch) buffered.push(row);
      return '';
    },
    end: () => render(buffered),
  };
}
