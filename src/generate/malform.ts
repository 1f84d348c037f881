import type { Prng } from './prng.js';

/**
 * Damages a JSON object text the way broken trackers do, so that `JSON.parse` rejects the result:
 * the text cut in half, single quotes in place of double quotes, a trailing comma, or keys
 * without quotes.
 */
export function malformJson(json: string, random: Prng): string {
  switch (random.int(4)) {
    case 0:
      return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
    case 1:
      return json.replaceAll('"', "'");
    case 2:
      return `${json.slice(0, -1)},}`;
    default:
      return json.replace(/"([^"]+)":/g, '$1:');
  }
}
