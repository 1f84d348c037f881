import { Prng } from './prng.js';
import { ZipfSampler } from './zipf.js';

/** One item of a shop's catalog. */
export interface Item {
  /** Decimal string, as shops log it in detail JSON. */
  readonly id: string;
  readonly slug: string;
  readonly category: string;
  readonly price: number;
}

/** A simulated shop: its URL, catalog and share of the traffic. */
export interface Shop {
  readonly storeId: number;
  readonly baseUrl: string;
  readonly categories: readonly string[];
  /** Items ordered by popularity: index 0 is the most viewed. */
  readonly items: readonly Item[];
  readonly popularity: ZipfSampler;
  /** Relative share of all sessions. */
  readonly trafficWeight: number;
}

interface ShopTheme {
  readonly host: string;
  readonly categories: readonly string[];
  readonly adjectives: readonly string[];
  readonly nouns: readonly string[];
  readonly priceRange: readonly [number, number];
}

const THEMES: readonly ShopTheme[] = [
  {
    host: 'food-lover.abc',
    categories: ['soups', 'pasta', 'baking', 'spices', 'snacks', 'drinks'],
    adjectives: ['smoky', 'spicy', 'creamy', 'crunchy', 'zesty', 'rustic', 'golden', 'herbal'],
    nouns: ['chicken-soup', 'tomato-sauce', 'sourdough', 'granola', 'chili-oil', 'lemonade', 'pesto', 'crackers'],
    priceRange: [2, 30],
  },
  {
    host: 'my-shoes.com',
    categories: ['running', 'hiking', 'sneakers', 'boots', 'sandals', 'formal'],
    adjectives: ['trail', 'classic', 'light', 'waterproof', 'retro', 'leather', 'canvas', 'knit'],
    nouns: ['runner', 'loafer', 'chelsea-boot', 'slip-on', 'high-top', 'oxford', 'clog', 'trainer'],
    priceRange: [25, 220],
  },
  {
    host: 'gadget-hub.io',
    categories: ['phones', 'audio', 'laptops', 'wearables', 'cameras', 'accessories'],
    adjectives: ['wireless', 'compact', 'pro', 'smart', 'rugged', 'ultra', 'mini', 'studio'],
    nouns: ['earbuds', 'charger', 'smartwatch', 'webcam', 'keyboard', 'speaker', 'tablet', 'drone'],
    priceRange: [10, 1500],
  },
];

const GENERIC_THEME: Omit<ShopTheme, 'host'> = {
  categories: ['home', 'garden', 'toys', 'books', 'sports', 'beauty'],
  adjectives: ['deluxe', 'eco', 'family', 'travel', 'vintage', 'modern', 'soft', 'bright'],
  nouns: ['lamp', 'planter', 'puzzle', 'novel', 'yoga-mat', 'candle', 'blanket', 'backpack'],
  priceRange: [5, 120],
};

const ITEMS_PER_SHOP = 1200;
const POPULARITY_EXPONENT = 1.07;

/**
 * Builds the shops 1..count. Shops 1-3 are a food shop, a shoe shop and an electronics shop, and
 * further shops use generic `shop-N.example` hosts. Each shop gets 0.6 times the traffic weight of
 * the one before it, floored at 0.1, so store 1 is the busiest.
 */
export function buildShops(count: number, seed: number): Shop[] {
  const shops: Shop[] = [];
  for (let index = 0; index < count; index++) {
    const storeId = index + 1;
    const theme = THEMES[index] ?? { ...GENERIC_THEME, host: `shop-${storeId}.example` };
    const random = new Prng((seed ^ Math.imul(storeId, 0x27d4eb2d)) >>> 0);
    shops.push({
      storeId,
      baseUrl: `https://${theme.host}`,
      categories: theme.categories,
      items: buildItems(theme, storeId, random),
      popularity: new ZipfSampler(ITEMS_PER_SHOP, POPULARITY_EXPONENT),
      trafficWeight: Math.max(0.1, Math.pow(0.6, index)),
    });
  }
  return shops;
}

function buildItems(theme: ShopTheme, storeId: number, random: Prng): Item[] {
  const [low, high] = theme.priceRange;
  const items: Item[] = [];
  for (let rank = 0; rank < ITEMS_PER_SHOP; rank++) {
    const id = String(storeId * 100_000 + 1_000 + rank * 7 + random.int(7));
    const slug = `${random.pick(theme.adjectives)}-${random.pick(theme.nouns)}-${id}`;
    // Log-uniform prices: cheap items are more common than expensive ones.
    const price = Math.round(low * Math.pow(high / low, random.next()) * 100) / 100;
    items.push({ id, slug, category: random.pick(theme.categories), price });
  }
  return items;
}
