import { findColumn, partitionKey, type TableDef } from '../catalog/table.js';
import { sqlTypeOfCql } from '../catalog/cql-types.js';
import { PlanError, didYouMean } from '../errors.js';
import type { Span } from '../parser/ast.js';
import type { BoundColumn } from './bound.js';
import type { Scope } from './bind-expr.js';
import type { Field, ScanColumn } from './logical.js';
import type { PrunableColumn } from './pruning/key-space.js';
import type { TimeBuckets } from './time-buckets.js';

/**
 * The scope of a table scan. Columns enter the scan's column list as the query references them,
 * so the scan reads only the columns the query needs.
 */
export class ScanScope implements Scope {
  readonly columns: ScanColumn[] = [];
  private readonly names: string[] = [];

  constructor(
    readonly table: TableDef,
    readonly alias: string,
    readonly buckets: TimeBuckets | null,
  ) {}

  /** Returns every column name the query may use: stored columns, then virtual time columns. */
  availableNames(): string[] {
    const names = this.table.columns.map((c) => c.name);
    if (this.buckets) names.push('event_time', 'event_date');
    return names;
  }

  resolve(qualifier: string | null, name: string, span: Span): BoundColumn {
    if (qualifier !== null && qualifier !== this.alias && qualifier !== this.table.name) {
      throw new PlanError('PLAN_UNKNOWN_TABLE_ALIAS', `unknown table or alias ${qualifier}`, { span, hint: `the FROM clause names ${this.alias}` });
    }
    const index = this.indexOf(name, span);
    const column = this.columns[index]!;
    return { kind: 'column', index, name, type: scanColumnType(column) };
  }

  /** Columns `*` expands to: the stored columns, in table order. */
  starColumns(span: Span): BoundColumn[] {
    return this.table.columns.map((c) => this.resolve(null, c.name, span));
  }

  private indexOf(name: string, span: Span): number {
    const existing = this.names.indexOf(name);
    if (existing >= 0) return existing;
    const column = this.columnFor(name, span);
    this.columns.push(column);
    this.names.push(name);
    return this.columns.length - 1;
  }

  private columnFor(name: string, span: Span): ScanColumn {
    const stored = findColumn(this.table, name);
    if (stored) {
      const type = sqlTypeOfCql(stored.cqlType);
      if (!type) {
        throw new PlanError('PLAN_UNREADABLE_COLUMN', `column ${name} has CQL type ${stored.cqlType}, which cassalytics cannot read`, {
          span,
          hint: 'leave this column out of the query',
        });
      }
      return { kind: 'stored', name, cqlType: stored.cqlType, type };
    }
    if (this.buckets && name === 'event_time') {
      const source = findColumn(this.table, this.buckets.timestampColumn)!;
      return { kind: 'event_time', source: source.name, sourceType: source.cqlType === 'timestamp' ? 'timestamp' : 'bigint' };
    }
    if (this.buckets && name === 'event_date') {
      return { kind: 'event_date', year: this.buckets.year, month: this.buckets.month, day: this.buckets.day };
    }
    const suggestion = didYouMean(name, this.availableNames());
    throw new PlanError('PLAN_UNKNOWN_COLUMN', `column ${name} does not exist in table ${this.table.name}`, {
      span,
      hint: suggestion ? `did you mean ${suggestion}?` : `the columns are: ${this.availableNames().join(', ')}`,
    });
  }

  /** Returns what a scan column means to partition pruning, or null when it is not prunable. */
  prunable(index: number): PrunableColumn | null {
    const column = this.columns[index];
    if (!column) return null;
    switch (column.kind) {
      case 'stored': {
        const key = partitionKey(this.table).find((c) => c.name === column.name);
        if (key) return { role: 'key', name: key.name, integer: column.type === 'BIGINT' };
        if (this.buckets && column.name === this.buckets.timestampColumn) return { role: 'time_ms' };
        return null;
      }
      case 'event_time':
        return { role: 'time_ms' };
      case 'event_date':
        return { role: 'date' };
      case 'pushed_aggregate':
        return null;
    }
  }

  schema(): Field[] {
    return this.columns.map((column, i) => ({ name: this.names[i]!, type: scanColumnType(column), qualifier: this.alias }));
  }
}

export function scanColumnType(column: ScanColumn): Field['type'] {
  switch (column.kind) {
    case 'stored':
      return column.type;
    case 'event_time':
      return 'TIMESTAMP';
    case 'event_date':
      return 'DATE';
    case 'pushed_aggregate':
      return column.type;
  }
}

export function scanColumnName(column: ScanColumn): string {
  switch (column.kind) {
    case 'stored':
      return column.name;
    case 'event_time':
    case 'event_date':
      return column.kind;
    case 'pushed_aggregate':
      return `${column.fn}(${column.column ?? '*'})`;
  }
}

/** Scope over a subquery's or CTE's output columns. */
export class FieldScope implements Scope {
  constructor(
    readonly fields: readonly Field[],
    readonly alias: string | null,
  ) {}

  resolve(qualifier: string | null, name: string, span: Span): BoundColumn {
    if (qualifier !== null && qualifier !== this.alias) {
      throw new PlanError('PLAN_UNKNOWN_TABLE_ALIAS', `unknown table or alias ${qualifier}`, { span });
    }
    const matches = this.fields.map((f, i) => [f, i] as const).filter(([f]) => f.name === name);
    if (matches.length > 1) throw new PlanError('PLAN_AMBIGUOUS_COLUMN', `column ${name} is ambiguous`, { span, hint: 'give the columns distinct aliases' });
    const match = matches[0];
    if (!match) {
      const suggestion = didYouMean(name, this.fields.map((f) => f.name));
      throw new PlanError('PLAN_UNKNOWN_COLUMN', `column ${name} does not exist`, {
        span,
        hint: suggestion ? `did you mean ${suggestion}?` : `the columns are: ${this.fields.map((f) => f.name).join(', ') || '(none)'}`,
      });
    }
    return { kind: 'column', index: match[1], name, type: match[0].type };
  }
}
