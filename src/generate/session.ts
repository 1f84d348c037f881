import type { Row } from '../loader/sink.js';
import { malformJson } from './malform.js';
import type { Prng } from './prng.js';
import type { Item, Shop } from './shops.js';
import { UtcHourCache } from './utc.js';

/** Event ids of the user_logs convention. */
export const PAGE_VIEW = 1;
export const CLICK = 2;
export const TIME_ON_PAGE = 3;

/** Button ids of the click events, as shops log them in `click_target["btn-id"]`. */
export const ADD_TO_CART = 'shop_add_to_cart';
export const ADD_TO_WISHLIST = 'shop_add_to_wishlist';
export const CHECKOUT = 'shop_checkout';

/** Page types of the page-view events, as shops log them in `page_type`. */
type PageKind = 'home' | 'category' | 'product' | 'cart' | 'checkout';

interface Page {
  readonly kind: PageKind;
  readonly url: string;
  readonly detail: string;
  /** The product shown, set on product pages only. */
  readonly item?: Item;
}

/** One visit: who, where and when it starts. */
export interface SessionStart {
  readonly shop: Shop;
  readonly userId: string;
  readonly sessionId: string;
  readonly startMs: number;
}

const SECOND_MS = 1000;
/** Maximum dwell on one page, kept below the 30-minute inactivity gap that ends a session. */
const MAX_DWELL_MS = 20 * 60 * SECOND_MS;
const MAX_PAGES = 40;
const ADD_TO_CART_RATE = 0.11;
const WISHLIST_RATE = 0.03;
const CHECKOUT_RATE = 0.55;

/**
 * Simulates visits page by page. A visitor lands on the home, a category or a product page, then
 * moves along a Markov chain of page types until leaving. Product pages may get an add-to-cart
 * click, the cart page may get a checkout click, and leaving a product page for another page of
 * the session emits a time-on-page event at the time of the next page view. The last page of a
 * session emits none, because no later event shows when the visitor left.
 *
 * Event times within a session strictly increase, so no two events of a session share a primary key.
 */
export class SessionSimulator {
  private readonly utc = new UtcHourCache();
  private readonly productPages = new Map<Shop, Page[]>();

  constructor(
    private readonly random: Prng,
    private readonly malformedRate: number,
  ) {}

  /** Appends the events of one session to `out`, stopping before `endMs`. */
  simulate(start: SessionStart, endMs: number, out: Row[]): void {
    const { shop } = start;
    let page = this.landingPage(shop);
    let now = start.startMs;
    let cartItems = 0;

    for (let pages = 1; ; pages++) {
      this.emit(out, start, PAGE_VIEW, page.url, page.detail, now);
      const dwell = this.dwellTime(page.kind);
      let checkedOut = false;

      if (page.kind === 'product' && page.item !== undefined) {
        const clickAt = now + SECOND_MS + Math.floor((dwell - 2 * SECOND_MS) * this.random.next());
        // A click after the end of the date range would fall into a day outside it.
        const inRange = clickAt < endMs;
        if (this.random.chance(ADD_TO_CART_RATE)) {
          cartItems++;
          if (inRange) this.emit(out, start, CLICK, page.url, clickDetail(ADD_TO_CART, page.item.id), clickAt);
        } else if (this.random.chance(WISHLIST_RATE)) {
          if (inRange) this.emit(out, start, CLICK, page.url, clickDetail(ADD_TO_WISHLIST, page.item.id), clickAt);
        }
      } else if (page.kind === 'cart' && cartItems > 0 && this.random.chance(CHECKOUT_RATE)) {
        const clickAt = now + SECOND_MS + Math.floor((dwell - 2 * SECOND_MS) * this.random.next());
        const detail = `{"click_target":{"btn-id":"${CHECKOUT}"},"cart_items":${cartItems}}`;
        if (clickAt < endMs) this.emit(out, start, CLICK, page.url, detail, clickAt);
        checkedOut = true;
      }

      const next = checkedOut ? this.checkoutPage(shop, cartItems) : this.nextPage(shop, page.kind, cartItems);
      const nextAt = now + dwell;
      if (next === undefined || pages >= MAX_PAGES || nextAt >= endMs) return;
      if (page.kind === 'product' && page.item !== undefined) {
        const seconds = Math.round(dwell / SECOND_MS);
        this.emit(out, start, TIME_ON_PAGE, page.url, `{"timeOnPage":${seconds},"item_id":"${page.item.id}"}`, nextAt);
      }
      if (checkedOut) cartItems = 0;
      page = next;
      now = nextAt;
    }
  }

  private emit(out: Row[], start: SessionStart, eventId: number, url: string, detail: string, epochMs: number): void {
    const { year, month, day, hour } = this.utc.fieldsOf(epochMs);
    const malformed = this.malformedRate > 0 && this.random.chance(this.malformedRate);
    out.push({
      store_id: start.shop.storeId,
      year,
      month,
      day,
      hour,
      event_id: eventId,
      url,
      user_id: start.userId,
      session_id: start.sessionId,
      log_time: BigInt(epochMs),
      detail: malformed ? malformJson(detail, this.random) : detail,
    });
  }

  /** Milliseconds spent on a page: at least 2 s, so a click fits strictly between two views. */
  private dwellTime(kind: PageKind): number {
    let seconds: number;
    switch (kind) {
      case 'home':
        seconds = 2 + this.random.exponential(15);
        break;
      case 'category':
        seconds = 2 + this.random.exponential(25);
        break;
      case 'product':
        seconds = 3 + this.random.logNormal(Math.log(35), 0.9);
        break;
      case 'cart':
        seconds = 2 + this.random.exponential(30);
        break;
      case 'checkout':
        seconds = 5 + this.random.exponential(60);
        break;
    }
    return Math.min(MAX_DWELL_MS, Math.floor(seconds * SECOND_MS));
  }

  private landingPage(shop: Shop): Page {
    const u = this.random.next();
    if (u < 0.4) return homePage(shop);
    if (u < 0.65) return this.categoryPage(shop);
    return this.productPage(shop);
  }

  /** Chooses the next page from the current page type, or undefined when the visitor leaves. */
  private nextPage(shop: Shop, kind: PageKind, cartItems: number): Page | undefined {
    const u = this.random.next();
    switch (kind) {
      case 'home':
        if (u < 0.5) return this.categoryPage(shop);
        if (u < 0.85) return this.productPage(shop);
        return undefined;
      case 'category':
        if (u < 0.65) return this.productPage(shop);
        if (u < 0.8) return this.categoryPage(shop);
        if (u < 0.85) return homePage(shop);
        return undefined;
      case 'product': {
        const toCart = cartItems > 0 ? 0.3 : 0.04;
        if (u < toCart) return cartPage(shop, cartItems);
        if (u < toCart + 0.36) return this.productPage(shop);
        if (u < toCart + 0.56) return this.categoryPage(shop);
        return undefined;
      }
      case 'cart':
        if (u < 0.3) return this.productPage(shop);
        if (u < 0.45) return this.categoryPage(shop);
        return undefined;
      case 'checkout':
        if (u < 0.15) return homePage(shop);
        return undefined;
    }
  }

  private checkoutPage(shop: Shop, cartItems: number): Page {
    return {
      kind: 'checkout',
      url: `${shop.baseUrl}/checkout`,
      detail: `{"page_type":"checkout","cart_items":${cartItems}}`,
    };
  }

  private categoryPage(shop: Shop): Page {
    const category = this.random.pick(shop.categories);
    return {
      kind: 'category',
      url: `${shop.baseUrl}/category/${category}`,
      detail: `{"page_type":"category","category":"${category}"}`,
    };
  }

  private productPage(shop: Shop): Page {
    let pages = this.productPages.get(shop);
    if (pages === undefined) {
      pages = shop.items.map((item) => ({
        kind: 'product' as const,
        url: `${shop.baseUrl}/product/${item.slug}`,
        detail: `{"page_type":"product","item_id":"${item.id}","category":"${item.category}","price":${item.price}}`,
        item,
      }));
      this.productPages.set(shop, pages);
    }
    return pages[shop.popularity.sample(this.random.next())]!;
  }
}

function homePage(shop: Shop): Page {
  return { kind: 'home', url: `${shop.baseUrl}/`, detail: '{"page_type":"home"}' };
}

function cartPage(shop: Shop, cartItems: number): Page {
  return { kind: 'cart', url: `${shop.baseUrl}/cart`, detail: `{"page_type":"cart","cart_items":${cartItems}}` };
}

function clickDetail(buttonId: string, itemId: string): string {
  return `{"click_target":{"btn-id":"${buttonId}","item_id":"${itemId}"}}`;
}
