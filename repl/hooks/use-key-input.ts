import { useInput } from 'ink';
import { useCallback } from 'react';
import type { ReplController } from '../session/controller.js';

/** Sends every key press to the controller while the shell is open. */
export function useKeyInput(controller: ReplController, active: boolean): void {
  const handler = useCallback((input: string, key: Parameters<ReplController['handleKey']>[1]) => controller.handleKey(input, key), [controller]);
  useInput(handler, { isActive: active });
}
