import type { TableDef } from '../../catalog/table.js';
import { discoverEmbedded } from '../sources/embedded-reader.js';
import type { Value } from '../values.js';
import type { CoordinatorTarget } from './target.js';

/** The embedded store as seen by the coordinator: discovery runs on the primary-key index. */
export class EmbeddedTarget implements CoordinatorTarget {
  readonly dialect = 'sqlite' as const;
  readonly spec;
  private readonly cache = new Map<string, Value[][]>();

  constructor(readonly path: string) {
    this.spec = { kind: 'embedded', path } as const;
  }

  async discoverPartitions(table: TableDef, discoveryStatement: string): Promise<Value[][]> {
    let keys = this.cache.get(table.name);
    if (!keys) {
      keys = discoverEmbedded(this.path, discoveryStatement);
      this.cache.set(table.name, keys);
    }
    return keys;
  }

  tokenRanges(): { start: string; end: string }[] {
    throw new Error('the embedded store has no token ring');
  }

  clearCache(): void {
    this.cache.clear();
  }

  async close(): Promise<void> {
    this.cache.clear();
  }
}
