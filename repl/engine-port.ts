import type { Engine } from '../src/api/engine.js';

/**
 * The part of the engine API the shell uses. `Engine` satisfies it, and tests can pass an engine
 * wrapped to slow a query down.
 */
export type ReplEngine = Pick<Engine, 'run' | 'explain' | 'catalog' | 'describeSettings' | 'targetDescription' | 'close' | 'settings'>;
