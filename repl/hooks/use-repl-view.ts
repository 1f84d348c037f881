import { useSyncExternalStore } from 'react';
import type { ReplController, ReplView } from '../session/controller.js';

/** Subscribes a component to the controller and returns the current view. */
export function useReplView(controller: ReplController): ReplView {
  return useSyncExternalStore(controller.subscribe, controller.getView, controller.getView);
}
