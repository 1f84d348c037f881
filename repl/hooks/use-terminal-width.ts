import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { ReplController } from '../session/controller.js';

/** Terminal width when the output stream does not report one, as when it is not a terminal. */
const FALLBACK_COLUMNS = 80;

/**
 * Returns the terminal width in columns and keeps the controller's width in step with it, so
 * results are fitted to the width at the time they are printed. `fixed` overrides the terminal.
 */
export function useTerminalWidth(controller: ReplController, fixed?: number): number {
  const { stdout } = useStdout();
  const read = (): number => fixed ?? (stdout.columns || FALLBACK_COLUMNS);
  const [columns, setColumns] = useState(read);
  controller.setWidth(columns);

  useEffect(() => {
    if (fixed !== undefined) {
      setColumns(fixed);
      return undefined;
    }
    const onResize = (): void => setColumns(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, fixed]);
  return columns;
}
