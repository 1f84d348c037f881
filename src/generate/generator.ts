import type { Row } from '../loader/sink.js';
import { randomUuid } from './ids.js';
import { resolveGenerateOptions, startOfDay, type GenerateOptions } from './options.js';
import { Prng } from './prng.js';
import { SessionSimulator } from './session.js';
import { buildShops } from './shops.js';
import { allocateSessions } from './traffic.js';

/**
 * Mean events per session of the session model, measured over 1,000,000 events with the default
 * settings. The session count is the requested event count divided by this, so the output has
 * about the requested number of events.
 */
export const MEAN_EVENTS_PER_SESSION = 5.24;

/** Chance that a session belongs to a visitor seen before in the same shop. */
const RETURNING_VISITOR_RATE = 0.35;

const DAY_MS = 86_400_000;

/**
 * Generates web-analytics events in the user_logs shape, slot by slot (UTC hour, then shop),
 * sessions within a slot one after another. Events are not globally sorted by time, but every
 * event of a session follows the one before it.
 */
export function* generateEvents(settings: Partial<GenerateOptions> = {}): Generator<Row, void, undefined> {
  const options = resolveGenerateOptions(settings);
  const startMs = startOfDay(options.startDate);
  const endMs = startMs + options.days * DAY_MS;
  const shops = buildShops(options.stores, options.seed);
  const totalSessions = Math.round(options.events / MEAN_EVENTS_PER_SESSION);
  const slots = allocateSessions(
    totalSessions,
    shops.map((shop) => shop.trafficWeight),
    startMs,
    options.days,
  );

  const random = new Prng(options.seed);
  const simulator = new SessionSimulator(random, options.malformedRate);
  const visitors = shops.map(() => [] as string[]);
  const buffer: Row[] = [];

  for (const slot of slots) {
    const shop = shops[slot.storeIndex]!;
    for (let n = 0; n < slot.sessions; n++) {
      const userId = chooseVisitor(random, visitors[slot.storeIndex]!);
      const start = {
        shop,
        userId,
        sessionId: randomUuid(random),
        startMs: slot.hourStart + random.int(3_600_000),
      };
      buffer.length = 0;
      simulator.simulate(start, endMs, buffer);
      yield* buffer;
    }
  }
}

/**
 * Returns a returning visitor or a new one. Returning visitors are drawn with a bias towards the
 * earliest ones (index = size × u²), so a core of loyal visitors comes back most often.
 */
function chooseVisitor(random: Prng, pool: string[]): string {
  if (pool.length > 0 && random.chance(RETURNING_VISITOR_RATE)) {
    const u = random.next();
    return pool[Math.floor(pool.length * u * u)]!;
  }
  const visitor = randomUuid(random);
  pool.push(visitor);
  return visitor;
}
