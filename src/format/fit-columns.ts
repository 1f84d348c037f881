/** Column widths chosen for a table, and how many leading columns are shown. */
export interface ColumnFit {
  /** Content width in cells of each shown column. */
  readonly widths: number[];
  /** Number of leading columns shown; the rest do not fit. */
  readonly visible: number;
}

/** Cells a table line takes besides its content: `│ ` before each column and a final `│`. */
export function tableLineWidth(contentWidths: readonly number[]): number {
  return contentWidths.reduce((sum, width) => sum + width, 0) + 3 * contentWidths.length + 1;
}

/**
 * Chooses column content widths so that a table line fits `lineWidth` cells. Wide columns shrink
 * first: every column gets min(natural, cap) with the largest cap that fits, never less than its
 * minimum. When the minimums alone are too wide, trailing columns are dropped. The first column
 * always stays, and is cut to the line when even it does not fit. With no `lineWidth` every
 * column keeps its natural width.
 */
export function fitColumns(natural: readonly number[], minimum: readonly number[], lineWidth: number | undefined): ColumnFit {
  if (lineWidth === undefined || tableLineWidth(natural) <= lineWidth) {
    return { widths: [...natural], visible: natural.length };
  }

  let visible = natural.length;
  while (visible > 1 && sum(minimum.slice(0, visible)) > contentBudget(lineWidth, visible)) visible -= 1;
  const budget = contentBudget(lineWidth, visible);
  const shownNatural = natural.slice(0, visible);
  const shownMinimum = minimum.slice(0, visible).map((min, i) => Math.min(min, shownNatural[i]!));
  if (sum(shownNatural) <= budget) return { widths: shownNatural, visible };
  if (visible === 1) return { widths: [Math.max(1, Math.min(shownNatural[0]!, budget))], visible };

  const widthsAt = (cap: number): number[] => shownNatural.map((width, i) => Math.max(shownMinimum[i]!, Math.min(width, cap)));
  // The total width grows with the cap, so a binary search finds the largest cap that fits.
  let low = 0;
  let high = Math.max(...shownNatural);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (sum(widthsAt(middle)) <= budget) low = middle;
    else high = middle - 1;
  }
  const widths = widthsAt(low);

  // Cells left over after rounding go one each to the columns still below their natural width.
  let leftover = budget - sum(widths);
  for (let i = 0; i < widths.length && leftover > 0; i++) {
    if (widths[i]! < shownNatural[i]!) {
      widths[i] = widths[i]! + 1;
      leftover -= 1;
    }
  }
  return { widths, visible };
}

function contentBudget(lineWidth: number, columns: number): number {
  return lineWidth - (3 * columns + 1);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
