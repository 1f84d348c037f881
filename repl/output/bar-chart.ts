import type { ResultColumn } from '../../src/api/result.js';
import type { Value } from '../../src/executor/values.js';
import { displayValue, displayWidth, isNumericType, truncateToWidth } from '../../src/format/index.js';
import { escapeControlCharacters } from '../../src/format/terminal-text.js';
import { formatCount } from './numbers.js';

/** Block characters for eighths of a cell, from one eighth to a full cell. */
const EIGHTHS = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/** Widest label column, as a share of the terminal width. */
const MAX_LABEL_SHARE = 0.4;

export interface ChartOptions {
  /** Column whose values label the bars; the first column when absent. */
  readonly labelColumn?: string;
  /** Numeric column whose values set the bar lengths; the last numeric column other than the label when absent. */
  readonly valueColumn?: string;
  readonly width: number;
  readonly timeZone: string;
}

/**
 * Draws rows as horizontal bars, one per row in result order, scaled so the largest value fills
 * the space left after the labels and values. Bars start at zero, so a negative value gets no
 * bar. Rows whose value is NULL are left out and counted under the chart.
 * Throws an Error with a plain message when the columns do not fit a chart.
 */
export function renderBarChart(columns: readonly ResultColumn[], rows: readonly Value[][], options: ChartOptions): string {
  const labelIndex = options.labelColumn === undefined ? 0 : indexOf(columns, options.labelColumn);
  const valueIndex = options.valueColumn === undefined ? defaultValueColumn(columns, labelIndex) : indexOf(columns, options.valueColumn);
  const valueColumn = columns[valueIndex]!;
  if (!isNumericType(valueColumn.type)) {
    throw new Error(`column ${valueColumn.name} is ${valueColumn.type}; \\chart needs a BIGINT or DOUBLE value column`);
  }

  const bars: { label: string; value: number; text: string }[] = [];
  let nulls = 0;
  for (const row of rows) {
    const value = row[valueIndex] ?? null;
    if (value === null) {
      nulls++;
      continue;
    }
    const labelValue = row[labelIndex] ?? null;
    const label = labelValue === null ? '∅' : escapeControlCharacters(displayValue(labelValue, columns[labelIndex]!.type, options.timeZone));
    const number = Number(value);
    const text = typeof value === 'bigint' || Number.isInteger(number) ? formatCount(number) : displayValue(value, valueColumn.type, options.timeZone);
    bars.push({ label, value: number, text });
  }
  if (bars.length === 0) return `(no rows with a value in ${valueColumn.name} to chart)\n`;

  const labelWidth = Math.min(Math.max(...bars.map((bar) => displayWidth(bar.label))), Math.floor(options.width * MAX_LABEL_SHARE));
  const textWidth = Math.max(...bars.map((bar) => displayWidth(bar.text)));
  const barWidth = Math.max(1, options.width - labelWidth - textWidth - 4);
  const largest = Math.max(...bars.map((bar) => bar.value), 0);

  const lines = [`${columns[labelIndex]!.name} by ${valueColumn.name}`];
  for (const bar of bars) {
    const label = truncateToWidth(bar.label, labelWidth);
    const eighths = largest > 0 && bar.value > 0 ? Math.max(1, Math.round((bar.value / largest) * barWidth * 8)) : 0;
    const drawn = drawBar(eighths);
    lines.push(`${label.text}${' '.repeat(labelWidth - label.width)} │${drawn}${' '.repeat(barWidth - displayWidth(drawn))} ${bar.text.padStart(textWidth)}`);
  }
  if (nulls > 0) lines.push(`(${formatCount(nulls)} ${nulls === 1 ? 'row' : 'rows'} with NULL ${valueColumn.name} not drawn)`);
  return `${lines.join('\n')}\n`;
}

function drawBar(eighths: number): string {
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  return '█'.repeat(full) + (rest > 0 ? EIGHTHS[rest - 1]! : '');
}

function indexOf(columns: readonly ResultColumn[], name: string): number {
  const index = columns.findIndex((column) => column.name.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new Error(`the last result has no column ${name}; its columns are ${columns.map((column) => column.name).join(', ')}`);
  return index;
}

function defaultValueColumn(columns: readonly ResultColumn[], labelIndex: number): number {
  for (let i = columns.length - 1; i >= 0; i--) {
    if (i !== labelIndex && isNumericType(columns[i]!.type)) return i;
  }
  throw new Error('\\chart needs a numeric column besides the label column, as in SELECT label, count(*) ... GROUP BY label');
}
