import type { OutputFormat } from '../../src/format/index.js';
import type { ExpandedMode } from '../output/result-text.js';

/** Result display settings, changed by `\format`, `\x` and `\timing`. */
export interface DisplaySettings {
  format: OutputFormat;
  expanded: ExpandedMode;
  /** Show elapsed time, partitions, rows scanned and rows/s in the footer. */
  timing: boolean;
}

export function defaultDisplaySettings(): DisplaySettings {
  return { format: 'table', expanded: 'off', timing: true };
}
