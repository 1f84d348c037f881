/**
 * A grammar-based generator of random queries over user_logs, for the differential tests.
 *
 * Query `index` of seed `seed` depends on nothing else, so one query can be rebuilt and rerun
 * alone. Every query has one correct result, which both engines must return. An ORDER BY over
 * every output column precedes each LIMIT, and windows that depend on row order sort by the whole
 * primary key. Queries read detail only through JSON paths, and call no function that depends on
 * the clock or approximates.
 */

/** Values found in the data set, so that filters select rows. */
export interface QueryDomain {
  readonly stores: readonly number[];
  /** Calendar dates of the generated events, as YYYY-MM-DD. */
  readonly dates: readonly string[];
  readonly days: readonly number[];
  readonly userIds: readonly string[];
  readonly sessionIds: readonly string[];
  readonly itemIds: readonly string[];
  readonly categories: readonly string[];
  readonly pageTypes: readonly string[];
  readonly buttons: readonly string[];
  readonly paths: readonly string[];
}

export interface GeneratedQuery {
  readonly seed: number;
  readonly index: number;
  /** Name of the grammar rule that built the query. */
  readonly shape: string;
  readonly sql: string;
}

/** mulberry32: a small 32-bit PRNG, enough to pick grammar branches reproducibly. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items, or all of them when there are fewer. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return chosen;
  }

  /** Picks a function by weight and calls it. */
  weighted<T>(choices: readonly (readonly [number, () => T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [weight, make] of choices) {
      point -= weight;
      if (point < 0) return make();
    }
    return choices[choices.length - 1]![1]();
  }
}

/** Mixes the seed and the index into the seed of one query. */
function querySeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const text = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** The columns that make a total order of user_logs rows: the primary key, log_time first. */
const ROW_ORDER = 'log_time, store_id, event_id, user_id, session_id, year, month, day, hour';

const PAGE_TYPE = "detail->>'page_type'";
const BUTTON = "detail->'click_target'->>'btn-id'";
const ITEM = "detail->>'item_id'";
const TIME_ON_PAGE = "(detail->>'timeOnPage')::DOUBLE";
const PRICE = "CAST(detail->>'price' AS DOUBLE)";

class QueryBuilder {
  constructor(
    private readonly random: Random,
    private readonly domain: QueryDomain,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Predicates

  private keyPredicate(): string {
    const r = this.random;
    const d = this.domain;
    return r.weighted<string>([
      [3, () => `store_id = ${r.pick(d.stores)}`],
      [2, () => `store_id IN (${r.sample(d.stores, r.int(1, 3)).join(', ')})`],
      [1, () => `store_id BETWEEN ${r.int(1, 2)} AND ${r.int(2, 4)}`],
      [1, () => `store_id <> ${r.pick(d.stores)}`],
      [2, () => `hour = ${r.int(0, 23)}`],
      [2, () => `hour BETWEEN ${r.int(0, 11)} AND ${r.int(12, 23)}`],
      [1, () => `hour ${r.pick(['<', '<=', '>', '>='])} ${r.int(0, 23)}`],
      [2, () => `day = ${r.pick(d.days)}`],
      [2, () => `day IN (${r.sample(d.days, r.int(2, 4)).join(', ')})`],
      [2, () => `(day = ${r.pick(d.days)} OR day = ${r.pick(d.days)})`],
      [1, () => `day BETWEEN ${r.pick(d.days)} AND ${r.pick(d.days)}`],
      [1, () => `month = ${r.pick([2, 4, 11])}`],
      [1, () => `year = ${r.pick([2025, 2026])}`],
      [2, () => `event_id = ${r.int(1, 3)}`],
      [1, () => `event_id IN (${r.sample([1, 2, 3], 2).join(', ')})`],
    ]);
  }

  private timePredicate(): string {
    const r = this.random;
    const dates = this.domain.dates;
    const from = r.pick(dates);
    const until = dates[Math.min(dates.length - 1, dates.indexOf(from) + r.int(0, 4))]!;
    const hour = String(r.int(0, 23)).padStart(2, '0');
    return r.weighted<string>([
      [3, () => `event_date BETWEEN DATE ${text(from)} AND DATE ${text(until)}`],
      [2, () => `event_date = DATE ${text(from)}`],
      [1, () => `event_date >= ${text(from)}`],
      [1, () => `event_date < DATE ${text(from)}`],
      [1, () => `event_date IS NULL`],
      [2, () => `event_time >= TIMESTAMP '${from} ${hour}:00:00' AND event_time < TIMESTAMP '${until} ${hour}:30:00'`],
      [1, () => `event_time BETWEEN TIMESTAMP '${from} ${hour}:00:00' AND TIMESTAMP '${until} 23:59:59.999'`],
      [1, () => `log_time >= ${Date.parse(`${from}T${hour}:00:00Z`)}`],
      [1, () => `event_time < TIMESTAMP '${from}' + INTERVAL '${r.int(1, 48)}' HOUR`],
    ]);
  }

  private detailPredicate(): string {
    const r = this.random;
    const d = this.domain;
    return r.weighted<string>([
      [3, () => `${PAGE_TYPE} = ${text(r.pick(d.pageTypes))}`],
      [2, () => `${PAGE_TYPE} IN (${r.sample(d.pageTypes, 2).map(text).join(', ')})`],
      [3, () => `${BUTTON} = ${text(r.pick(d.buttons))}`],
      [2, () => `${ITEM} = ${text(r.pick(d.itemIds))}`],
      [2, () => `${TIME_ON_PAGE} > ${r.int(5, 120)}`],
      [1, () => `${PRICE} BETWEEN ${r.int(1, 20)} AND ${r.int(20, 200)}.5`],
      [1, () => `detail->>'category' IS NULL`],
      [1, () => `${ITEM} IS NOT NULL`],
      [1, () => `detail->>'category' LIKE ${text(`${r.pick(d.categories).slice(0, 2)}%`)}`],
      [1, () => `coalesce(${ITEM}, detail->'click_target'->>'item_id') = ${text(r.pick(d.itemIds))}`],
    ]);
  }

  private otherPredicate(): string {
    const r = this.random;
    const d = this.domain;
    return r.weighted<string>([
      [2, () => `url LIKE '%/product/%'`],
      [1, () => `url ILIKE '%CART%'`],
      [1, () => `url IS NULL`],
      [1, () => `url_path(url) = ${text(r.pick(d.paths))}`],
      [2, () => `user_id = ${text(r.pick(d.userIds))}`],
      [1, () => `session_id IN (${r.sample(d.sessionIds, 3).map(text).join(', ')})`],
      [1, () => `length(url) > ${r.int(20, 45)}`],
    ]);
  }

  private atom(): string {
    return this.random.weighted<string>([
      [5, () => this.keyPredicate()],
      [3, () => this.timePredicate()],
      [3, () => this.detailPredicate()],
      [1, () => this.otherPredicate()],
    ]);
  }

  predicate(depth = 0): string {
    const r = this.random;
    if (depth >= 2) return this.atom();
    return r.weighted<string>([
      [5, () => this.atom()],
      [4, () => `${this.predicate(depth + 1)} AND ${this.predicate(depth + 1)}`],
      [2, () => `(${this.predicate(depth + 1)} OR ${this.predicate(depth + 1)})`],
      [1, () => `NOT (${this.predicate(depth + 1)})`],
    ]);
  }

  /**
   * Returns a condition on a store and a day or two. Row-level queries AND it to their filters, so
   * that their results stay small and their scans read few partitions.
   */
  private narrow(): string {
    const r = this.random;
    const days = r.sample(this.domain.days, r.int(1, 2));
    return `store_id = ${r.pick(this.domain.stores)} AND day IN (${days.join(', ')})`;
  }

  /** Returns a WHERE clause, or nothing for a full scan. */
  where(): string {
    const r = this.random;
    if (r.chance(0.1)) return '';
    // Half the filters start with a partition-key condition, which keeps the scans short.
    return r.chance(0.5) ? ` WHERE ${this.keyPredicate()} AND ${this.predicate()}` : ` WHERE ${this.predicate()}`;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** Returns a group key or a projected expression of one row. */
  rowExpression(): string {
    const r = this.random;
    return r.weighted<string>([
      [3, () => r.pick(['store_id', 'hour', 'day', 'event_id', 'event_date', 'month'])],
      [1, () => r.pick(['user_id', 'session_id', 'url', 'log_time', 'event_time'])],
      [3, () => r.pick([PAGE_TYPE, BUTTON, ITEM, "detail->>'category'"])],
      [1, () => "detail->'click_target'"],
      [1, () => r.pick(["date_trunc('week', event_date)", "date_trunc('hour', event_time)", "date_trunc('month', event_date)"])],
      [1, () => r.pick(['EXTRACT(dow FROM event_date)', 'EXTRACT(hour FROM event_time)', "date_part('doy', event_date)"])],
      [1, () => r.pick(['url_path(url)', 'url_host(url)', "split_part(url, '/', 4)"])],
      [1, () => r.pick(['hour // 6', 'hour % 4', 'store_id * 100 + event_id', 'log_time // 3600000', 'log_time % 1000'])],
      [1, () => `CASE WHEN hour < 12 THEN 'am' WHEN hour < 18 THEN 'pm' ELSE 'night' END`],
      [1, () => `CASE event_id WHEN 1 THEN 'view' WHEN 2 THEN 'click' END`],
      [1, () => r.pick(["strftime(event_time, '%Y-%m-%d %H')", 'CAST(event_date AS TEXT)', "upper(detail->>'page_type')"])],
      [1, () => r.pick(['event_date + 1', "event_date - DATE '2026-11-01'"])],
      [1, () => r.pick([`${TIME_ON_PAGE} / 60`, `${PRICE} * 2`, "event_time + INTERVAL '90' MINUTE", `coalesce(${ITEM}, 'none')`])],
      [1, () => r.pick(["concat(store_id, '-', event_id)", "store_id || '/' || hour", 'length(user_id)', "substr(session_id, 1, 4)"])],
    ]);
  }

  private filterClause(): string {
    return ` FILTER (WHERE ${this.random.weighted<string>([
      [3, () => this.keyPredicate()],
      [2, () => this.detailPredicate()],
    ])})`;
  }

  aggregate(): string {
    const r = this.random;
    return r.weighted<string>([
      [4, () => 'count(*)'],
      [1, () => r.pick(['count(url)', `count(${ITEM})`, 'count(event_date)'])],
      [3, () => r.pick(['count(DISTINCT user_id)', 'count(DISTINCT session_id)', `count(DISTINCT ${ITEM})`, 'count(DISTINCT event_date)'])],
      [2, () => r.pick(['sum(hour)', 'sum(event_id)', 'sum(log_time)', `sum(${TIME_ON_PAGE})`, `sum(${PRICE})`])],
      [2, () => r.pick(['avg(hour)', `avg(${TIME_ON_PAGE})`, `avg(${PRICE})`, 'avg(log_time)'])],
      [2, () => r.pick(['min(log_time)', 'max(log_time)', 'min(event_time)', 'max(event_time)', 'min(event_date)', 'max(event_date)'])],
      [1, () => r.pick(['min(url)', `max(${ITEM})`, `min(${PAGE_TYPE})`, 'max(session_id)'])],
      [2, () => r.pick(['count_if(event_id = 2)', `count_if(${PAGE_TYPE} = 'product')`, `count_if(${BUTTON} = 'shop_add_to_cart')`])],
      [3, () => `${r.pick(['count(*)', 'sum(hour)', `avg(${TIME_ON_PAGE})`, 'count(DISTINCT session_id)', 'max(log_time)'])}${this.filterClause()}`],
      [1, () => r.pick(['count(*) FILTER (WHERE event_id = 2) / count(*)', 'max(log_time) - min(log_time)', 'sum(hour) + count(*)'])],
    ]);
  }

  private having(): string {
    const r = this.random;
    if (!r.chance(0.3)) return '';
    return ` HAVING ${r.weighted<string>([
      [3, () => `count(*) > ${r.int(1, 30)}`],
      [1, () => `count(DISTINCT user_id) >= ${r.int(1, 5)}`],
      [1, () => `sum(hour) ${r.pick(['>', '<'])} ${r.int(10, 500)}`],
      [1, () => `max(log_time) - min(log_time) > ${r.int(1, 3600) * 1000}`],
    ])}`;
  }

  /** ORDER BY every output column by position, each ascending or descending. */
  private orderAll(columns: number): string {
    const r = this.random;
    const items = Array.from({ length: columns }, (_, i) => `${i + 1}${r.chance(0.3) ? ' DESC' : ''}${r.chance(0.1) ? ' NULLS FIRST' : ''}`);
    return ` ORDER BY ${items.join(', ')}`;
  }

  /** ORDER BY every column and an optional LIMIT and OFFSET. */
  private orderAndLimit(columns: number, limitChance = 0.5): string {
    const r = this.random;
    let text = this.orderAll(columns);
    if (r.chance(limitChance)) {
      text += ` LIMIT ${r.int(1, 40)}`;
      if (r.chance(0.2)) text += ` OFFSET ${r.int(1, 10)}`;
    }
    return text;
  }

  // -------------------------------------------------------------------------------------------
  // Query shapes

  groupedAggregate(): string {
    const r = this.random;
    const keys = Array.from({ length: r.int(1, 2) }, () => this.rowExpression());
    const aggregates = Array.from({ length: r.int(1, 3) }, () => this.aggregate());
    const items = [...keys.map((key, i) => `${key} AS k${i + 1}`), ...aggregates.map((agg, i) => `${agg} AS a${i + 1}`)];
    const groupBy = r.weighted<string>([
      [2, () => keys.map((_, i) => String(i + 1)).join(', ')],
      [2, () => keys.join(', ')],
      [1, () => keys.map((_, i) => `k${i + 1}`).join(', ')],
    ]);
    return `SELECT ${items.join(', ')} FROM user_logs${this.where()} GROUP BY ${groupBy}${this.having()}${this.orderAndLimit(items.length)}`;
  }

  globalAggregate(): string {
    const aggregates = Array.from({ length: this.random.int(1, 4) }, () => this.aggregate());
    return `SELECT ${aggregates.map((agg, i) => `${agg} AS a${i + 1}`).join(', ')} FROM user_logs${this.where()}`;
  }

  rows(): string {
    const r = this.random;
    const columns = Array.from({ length: r.int(1, 4) }, () => this.rowExpression());
    const items = columns.map((column, i) => `${column} AS c${i + 1}`);
    return `SELECT ${items.join(', ')} FROM user_logs WHERE ${this.narrow()} AND ${this.predicate()}${this.orderAndLimit(items.length, 0.7)}`;
  }

  distinct(): string {
    const r = this.random;
    const columns = Array.from({ length: r.int(1, 3) }, () => this.rowExpression());
    return `SELECT DISTINCT ${columns.map((c, i) => `${c} AS d${i + 1}`).join(', ')} FROM user_logs${this.where()}${this.orderAndLimit(columns.length)}`;
  }

  private partition(): string {
    return this.random.pick(['', 'PARTITION BY store_id ', 'PARTITION BY session_id ', 'PARTITION BY store_id, day ', 'PARTITION BY event_date ', 'PARTITION BY user_id ']);
  }

  /** A window function over rows; order-sensitive ones sort by the whole primary key. */
  private rowWindow(): string {
    const r = this.random;
    const p = this.partition();
    return r.weighted<string>([
      [3, () => `row_number() OVER (${p}ORDER BY ${ROW_ORDER})`],
      [2, () => `rank() OVER (${p}ORDER BY hour${r.chance(0.5) ? ' DESC' : ''})`],
      [2, () => `dense_rank() OVER (${p}ORDER BY event_id DESC, hour)`],
      [2, () => `lag(${r.pick(['log_time', 'url', 'event_id'])}) OVER (${p}ORDER BY ${ROW_ORDER})`],
      [1, () => `lag(event_id, 2, 0) OVER (${p}ORDER BY ${ROW_ORDER})`],
      [2, () => `lead(${r.pick(['log_time', 'url', PAGE_TYPE])}) OVER (${p}ORDER BY ${ROW_ORDER})`],
      [2, () => `first_value(${r.pick(['url', 'log_time', ITEM])}) OVER (${p}ORDER BY ${ROW_ORDER})`],
      [2, () => `sum(hour) OVER (${p.trim() === '' ? 'PARTITION BY store_id' : p.trim()})`],
      [2, () => `sum(event_id) OVER (${p}ORDER BY ${ROW_ORDER})`],
      [2, () => `sum(hour) OVER (${p}ORDER BY ${ROW_ORDER} ROWS BETWEEN ${r.int(1, 3)} PRECEDING AND CURRENT ROW)`],
      [1, () => `avg(hour) OVER (${p}ORDER BY ${ROW_ORDER} ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)`],
      [1, () => `count(*) OVER (${p}ORDER BY hour)`],
      [1, () => `count(*) OVER (${p}ORDER BY log_time RANGE BETWEEN 60000 PRECEDING AND CURRENT ROW)`],
      [1, () => `count(*) OVER (${p}ORDER BY log_time RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`],
      [1, () => `max(log_time) OVER (${p.trim() === '' ? 'PARTITION BY session_id' : p.trim()})`],
    ]);
  }

  windowOverRows(): string {
    const r = this.random;
    // The first window is numeric so that the outer filter compares numbers: cassalytics rejects
    // comparing TEXT with BIGINT, where DuckDB casts implicitly.
    const first = `row_number() OVER (${this.partition()}ORDER BY ${ROW_ORDER})`;
    const windows = [first, ...Array.from({ length: r.int(0, 2) }, () => this.rowWindow())];
    const base = ['store_id', 'session_id', 'log_time', 'event_id'];
    const items = [...base, ...windows.map((w, i) => `${w} AS w${i + 1}`)];
    const outerWhere = r.chance(0.4) ? ` WHERE w1 ${r.pick(['<=', '>', '='])} ${r.int(1, 5)}` : '';
    return `SELECT * FROM (SELECT ${items.join(', ')} FROM user_logs WHERE ${this.narrow()} AND ${this.predicate()}) AS w${outerWhere}${this.orderAndLimit(items.length, 0.7)}`;
  }

  windowOverGroups(): string {
    const r = this.random;
    const outer = r.pick(['store_id', 'event_date', "date_trunc('week', event_date)", 'event_id', 'hour // 6']);
    const inner = r.pick([ITEM, PAGE_TYPE, BUTTON, 'hour', 'user_id', 'url_path(url)']);
    const measure = r.pick(['count(*)', 'count(DISTINCT session_id)', 'sum(hour)']);
    const windows = r.sample(
      [
        `row_number() OVER (PARTITION BY ${outer} ORDER BY ${measure} DESC, ${inner}) AS r`,
        `rank() OVER (PARTITION BY ${outer} ORDER BY ${measure} DESC) AS rk`,
        `dense_rank() OVER (ORDER BY ${measure}) AS dr`,
        `sum(${measure}) OVER (PARTITION BY ${outer}) AS total`,
        `lag(${measure}) OVER (PARTITION BY ${outer} ORDER BY ${inner}) AS previous`,
        `first_value(${inner}) OVER (PARTITION BY ${outer} ORDER BY ${measure} DESC, ${inner}) AS top`,
      ],
      r.int(1, 3),
    );
    const items = [`${outer} AS g`, `${inner} AS item`, `${measure} AS n`, ...windows];
    const filter = windows.some((w) => w.endsWith(' AS r')) && r.chance(0.6) ? ` WHERE r <= ${r.int(1, 10)}` : '';
    return `SELECT * FROM (SELECT ${items.join(', ')} FROM user_logs${this.where()} GROUP BY ${outer}, ${inner}) AS ranked${filter}${this.orderAndLimit(items.length)}`;
  }

  qualify(): string {
    const r = this.random;
    const partition = r.pick(['session_id', 'user_id', 'store_id, hour']);
    return (
      `SELECT session_id, log_time, url, ${PAGE_TYPE} AS page FROM user_logs WHERE ${this.narrow()} AND ${this.predicate()} ` +
      `QUALIFY row_number() OVER (PARTITION BY ${partition} ORDER BY ${ROW_ORDER}${r.chance(0.5) ? ' DESC' : ''}) ${r.pick(['= 1', '<= 2'])}` +
      this.orderAndLimit(4)
    );
  }

  unionAll(): string {
    const r = this.random;
    const aggregate = this.aggregate();
    return (
      `SELECT 'first' AS part, ${aggregate} AS a FROM user_logs WHERE ${this.predicate()} ` +
      `UNION ALL SELECT 'second', ${aggregate} FROM user_logs WHERE ${this.predicate()}` +
      (r.chance(0.5) ? ` UNION ALL SELECT 'third', ${aggregate} FROM user_logs WHERE ${this.predicate()}` : '') +
      ' ORDER BY 1, 2'
    );
  }

  withSessions(): string {
    const r = this.random;
    const key = r.pick(['pages', 'seconds // 60', 'store_id']);
    return (
      `WITH sessions AS (SELECT store_id, session_id, count(*) AS pages, (max(log_time) - min(log_time)) // 1000 AS seconds ` +
      `FROM user_logs${this.where()} GROUP BY store_id, session_id) ` +
      `SELECT ${key} AS k, count(*) AS sessions, sum(pages) AS events, avg(seconds) AS mean_seconds FROM sessions GROUP BY 1${this.orderAndLimit(4)}`
    );
  }

  query(): { shape: string; sql: string } {
    return this.random.weighted<{ shape: string; sql: string }>([
      [30, () => ({ shape: 'grouped aggregate', sql: this.groupedAggregate() })],
      [10, () => ({ shape: 'global aggregate', sql: this.globalAggregate() })],
      [12, () => ({ shape: 'rows', sql: this.rows() })],
      [5, () => ({ shape: 'distinct', sql: this.distinct() })],
      [15, () => ({ shape: 'window over rows', sql: this.windowOverRows() })],
      [12, () => ({ shape: 'window over groups', sql: this.windowOverGroups() })],
      [5, () => ({ shape: 'qualify', sql: this.qualify() })],
      [5, () => ({ shape: 'union all', sql: this.unionAll() })],
      [6, () => ({ shape: 'with', sql: this.withSessions() })],
    ]);
  }
}

/** Builds query `index` of the sequence of `seed`. */
export function generateQuery(seed: number, index: number, domain: QueryDomain): GeneratedQuery {
  const builder = new QueryBuilder(new Random(querySeed(seed, index)), domain);
  return { seed, index, ...builder.query() };
}
