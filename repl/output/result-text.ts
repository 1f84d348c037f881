import type { ResultColumn } from '../../src/api/result.js';
import type { Value } from '../../src/executor/values.js';
import { createFormatter, renderTable, renderVertical, type OutputFormat } from '../../src/format/index.js';

/** `\x`: vertical rows always (`on`), never (`off`), or when the table does not fit (`auto`). */
export type ExpandedMode = 'on' | 'off' | 'auto';

export interface ScreenOptions {
  readonly format: OutputFormat;
  readonly expanded: ExpandedMode;
  readonly width: number;
  readonly color: boolean;
  readonly timeZone: string;
}

/** A result rendered for the screen, and what had to be cut to fit it. */
export interface ScreenResult {
  readonly text: string;
  readonly hiddenColumns: readonly string[];
  readonly truncatedCells: number;
}

/**
 * Renders rows for the terminal. The table format fits the terminal width; with `\x auto` a
 * table that would lose columns or cut values is shown as vertical rows instead. The other
 * formats print every value in full.
 */
export function renderForScreen(columns: readonly ResultColumn[], rows: readonly Value[][], options: ScreenOptions): ScreenResult {
  const formatOptions = { timeZone: options.timeZone, width: options.width, color: options.color };
  const vertical = (): ScreenResult => ({ text: rows.length === 0 ? '' : renderVertical(columns, rows, formatOptions), hiddenColumns: [], truncatedCells: 0 });

  if (options.format === 'table' || options.format === 'vertical') {
    if (options.format === 'vertical' || options.expanded === 'on') return vertical();
    const table = renderTable(columns, rows, formatOptions);
    const cut = table.hiddenColumns.length > 0 || table.truncatedCells > 0;
    if (cut && options.expanded === 'auto' && rows.length > 0) return vertical();
    return { text: withoutCutNotes(table.text), hiddenColumns: table.hiddenColumns, truncatedCells: table.truncatedCells };
  }

  const formatter = createFormatter(options.format, columns, { timeZone: options.timeZone });
  return { text: formatter.begin() + formatter.rows(rows) + formatter.end(), hiddenColumns: [], truncatedCells: 0 };
}

/**
 * Drops the lines renderTable writes under the bottom border about what it cut, because the
 * shell's footer repeats those facts with the commands that show everything.
 */
function withoutCutNotes(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  let bottom = lines.length - 1;
  while (bottom >= 0 && !lines[bottom]!.startsWith('└')) bottom--;
  return bottom < 0 ? text : `${lines.slice(0, bottom + 1).join('\n')}\n`;
}
