import { describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/generate/generator.js';
import { GenerateOptionsError, resolveGenerateOptions } from '../../src/generate/options.js';
import { Prng } from '../../src/generate/prng.js';
import { ZipfSampler } from '../../src/generate/zipf.js';
import type { Row } from '../../src/loader/sink.js';

const SMALL = { seed: 7, events: 30_000, days: 7, startDate: '2026-11-16' } as const;
const rows: Row[] = [...generateEvents(SMALL)];

type Detail = Record<string, unknown>;

function detailOf(row: Row): Detail {
  return JSON.parse(row['detail'] as string) as Detail;
}

function keyOf(row: Row): string {
  return ['store_id', 'year', 'month', 'day', 'hour', 'event_id', 'user_id', 'session_id', 'log_time']
    .map((name) => String(row[name]))
    .join('|');
}

function bySession(events: readonly Row[]): Map<string, Row[]> {
  const sessions = new Map<string, Row[]>();
  for (const row of events) {
    const id = row['session_id'] as string;
    const list = sessions.get(id) ?? [];
    list.push(row);
    sessions.set(id, list);
  }
  return sessions;
}

describe('generateEvents determinism', () => {
  it('produces the same rows for the same seed', () => {
    const again = [...generateEvents(SMALL)];
    expect(again.length).toBe(rows.length);
    expect(again).toEqual(rows);
  });

  it('produces other rows for another seed', () => {
    const other = [...generateEvents({ ...SMALL, seed: 8 })];
    expect(other.slice(0, 50)).not.toEqual(rows.slice(0, 50));
  });

  it('produces about the requested number of events', () => {
    expect(rows.length).toBeGreaterThan(SMALL.events * 0.9);
    expect(rows.length).toBeLessThan(SMALL.events * 1.1);
  });

  it('repeats the first values of the PRNG', () => {
    const a = new Prng(123);
    const b = new Prng(123);
    const first = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(first);
    expect(new Set(first).size).toBe(5);
  });
});

describe('generateEvents shape', () => {
  it('keeps every event inside the date range', () => {
    const start = Date.UTC(2026, 10, 16);
    const end = start + SMALL.days * 86_400_000;
    for (const row of rows) {
      const time = Number(row['log_time']);
      expect(time).toBeGreaterThanOrEqual(start);
      expect(time).toBeLessThan(end);
    }
  });

  it('derives partition fields from log_time', () => {
    for (const row of rows) {
      const date = new Date(Number(row['log_time']));
      expect([row['year'], row['month'], row['day'], row['hour']]).toEqual([
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        date.getUTCHours(),
      ]);
    }
  });

  it('gives every event a distinct primary key', () => {
    expect(new Set(rows.map(keyOf)).size).toBe(rows.length);
  });

  it('uses int numbers, bigint log_time and UUID-like ids', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const row of rows.slice(0, 2000)) {
      expect(typeof row['store_id']).toBe('number');
      expect(typeof row['log_time']).toBe('bigint');
      expect(row['user_id']).toMatch(uuid);
      expect(row['session_id']).toMatch(uuid);
    }
  });

  it('gives each store its own host', () => {
    const hosts: Record<number, string> = { 1: 'https://food-lover.abc/', 2: 'https://my-shoes.com/', 3: 'https://gadget-hub.io/' };
    for (const row of rows) {
      expect(row['url'] as string).toMatch(new RegExp(`^${hosts[row['store_id'] as number]!.replaceAll('.', '\\.')}`));
    }
    expect(new Set(rows.map((row) => row['store_id']))).toEqual(new Set([1, 2, 3]));
  });

  it('names extra stores with generic hosts', () => {
    const five = [...generateEvents({ ...SMALL, stores: 5, events: 5000 })];
    const store5 = five.find((row) => row['store_id'] === 5);
    expect(store5?.['url']).toMatch(/^https:\/\/shop-5\.example\//);
  });
});

describe('generateEvents detail JSON', () => {
  it('follows the conventions of each event type', () => {
    const buttons = new Set(['shop_add_to_cart', 'shop_add_to_wishlist', 'shop_checkout']);
    for (const row of rows) {
      const detail = detailOf(row);
      switch (row['event_id']) {
        case 1:
          expect(typeof detail['page_type']).toBe('string');
          if (detail['page_type'] === 'product') expect(detail['item_id']).toMatch(/^\d+$/);
          break;
        case 2: {
          const target = detail['click_target'] as Record<string, unknown>;
          expect(buttons.has(target['btn-id'] as string)).toBe(true);
          if (target['btn-id'] !== 'shop_checkout') expect(target['item_id']).toMatch(/^\d+$/);
          break;
        }
        case 3:
          expect(Number.isInteger(detail['timeOnPage'])).toBe(true);
          expect(detail['timeOnPage'] as number).toBeGreaterThanOrEqual(0);
          expect(detail['item_id']).toMatch(/^\d+$/);
          break;
        default:
          throw new Error(`unexpected event_id ${String(row['event_id'])}`);
      }
    }
  });

  it('emits every event type', () => {
    const counts = new Map<unknown, number>();
    for (const row of rows) counts.set(row['event_id'], (counts.get(row['event_id']) ?? 0) + 1);
    expect(counts.get(1)).toBeGreaterThan(counts.get(3)!);
    expect(counts.get(3)).toBeGreaterThan(counts.get(2)!);
    expect(counts.get(2)).toBeGreaterThan(0);
  });
});

describe('generateEvents funnels and sessions', () => {
  const sessions = bySession(rows);

  it('views an item before carting it', () => {
    let clicks = 0;
    for (const events of sessions.values()) {
      for (const row of events) {
        const target = row['event_id'] === 2 ? (detailOf(row)['click_target'] as Record<string, unknown>) : undefined;
        if (target?.['btn-id'] !== 'shop_add_to_cart') continue;
        clicks++;
        const viewed = events.some(
          (other) =>
            other['event_id'] === 1 &&
            (other['log_time'] as bigint) < (row['log_time'] as bigint) &&
            detailOf(other)['item_id'] === target['item_id'],
        );
        expect(viewed).toBe(true);
      }
    }
    expect(clicks).toBeGreaterThan(100);
  });

  it('precedes every checkout click with an add-to-cart click', () => {
    let checkouts = 0;
    for (const events of sessions.values()) {
      for (const row of events) {
        if (row['event_id'] !== 2 || !(row['detail'] as string).includes('shop_checkout')) continue;
        checkouts++;
        const carted = events.some(
          (other) =>
            (other['log_time'] as bigint) < (row['log_time'] as bigint) &&
            (other['detail'] as string).includes('shop_add_to_cart'),
        );
        expect(carted).toBe(true);
      }
    }
    expect(checkouts).toBeGreaterThan(10);
  });

  it('emits time on page on leaving', () => {
    for (const events of sessions.values()) {
      for (const row of events.filter((event) => event['event_id'] === 3)) {
        const itemId = detailOf(row)['item_id'];
        const seconds = detailOf(row)['timeOnPage'] as number;
        const view = events.find((other) => other['event_id'] === 1 && detailOf(other)['item_id'] === itemId &&
          Math.abs(Number(row['log_time']) - Number(other['log_time']) - seconds * 1000) <= 500);
        expect(view).toBeDefined();
        const next = events.find((other) => other['event_id'] === 1 && other['log_time'] === row['log_time']);
        expect(next).toBeDefined();
      }
    }
  });

  it('keeps gaps within a session under 30 minutes', () => {
    for (const events of sessions.values()) {
      const times = events.map((row) => Number(row['log_time'])).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThan(30 * 60_000);
    }
  });

  it('brings visitors back for more sessions', () => {
    const sessionsPerUser = new Map<string, Set<string>>();
    for (const row of rows) {
      const set = sessionsPerUser.get(row['user_id'] as string) ?? new Set<string>();
      set.add(row['session_id'] as string);
      sessionsPerUser.set(row['user_id'] as string, set);
    }
    const returning = [...sessionsPerUser.values()].filter((set) => set.size > 1).length;
    expect(returning / sessionsPerUser.size).toBeGreaterThan(0.1);
  });
});

describe('generateEvents distributions', () => {
  it('concentrates product views on a few items', () => {
    const views = new Map<string, number>();
    for (const row of rows) {
      if (row['event_id'] !== 1 || row['store_id'] !== 1) continue;
      const item = detailOf(row)['item_id'];
      if (typeof item === 'string') views.set(item, (views.get(item) ?? 0) + 1);
    }
    const counts = [...views.values()].sort((a, b) => b - a);
    const top10 = counts.slice(0, 10).reduce((sum, n) => sum + n, 0);
    const total = counts.reduce((sum, n) => sum + n, 0);
    expect(top10 / total).toBeGreaterThan(0.2);
    expect(counts[0]!).toBeGreaterThan(counts[Math.floor(counts.length / 2)]! * 20);
  });

  it('peaks in the evening', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const row of rows) byHour[row['hour'] as number]!++;
    expect(byHour[20]!).toBeGreaterThan(byHour[3]! * 5);
  });

  it('samples Zipf ranks with falling frequency', () => {
    const sampler = new ZipfSampler(100, 1);
    const random = new Prng(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i++) counts[sampler.sample(random.next())]!++;
    expect(counts[0]!).toBeGreaterThan(counts[1]!);
    expect(counts[1]!).toBeGreaterThan(counts[9]!);
    expect(counts[9]!).toBeGreaterThan(counts[99]!);
  });
});

describe('generateEvents malformed detail', () => {
  function invalidShare(events: readonly Row[]): number {
    let invalid = 0;
    for (const row of events) {
      try {
        JSON.parse(row['detail'] as string);
      } catch {
        invalid++;
      }
    }
    return invalid / events.length;
  }

  it('damages about the requested share', () => {
    const damaged = [...generateEvents({ ...SMALL, malformedRate: 0.05 })];
    const share = invalidShare(damaged);
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.06);
  });

  it('damages nothing by default', () => {
    expect(invalidShare(rows)).toBe(0);
  });
});

describe('resolveGenerateOptions', () => {
  it('fills defaults', () => {
    expect(resolveGenerateOptions({})).toEqual({
      seed: 42,
      stores: 3,
      startDate: '2026-11-16',
      days: 14,
      events: 500_000,
      malformedRate: 0,
    });
  });

  it.each([
    [{ startDate: '2026-02-30' }, /start date/],
    [{ startDate: '16.11.2026' }, /start date/],
    [{ stores: 0 }, /stores must be an integer from 1/],
    [{ days: 1.5 }, /days must be an integer/],
    [{ malformedRate: 2 }, /malformed rate must be between 0 and 1/],
    [{ seed: -1 }, /seed must be an integer/],
  ])('rejects %o', (options, message) => {
    expect(() => resolveGenerateOptions(options)).toThrow(GenerateOptionsError);
    expect(() => resolveGenerateOptions(options)).toThrow(message);
  });
});
