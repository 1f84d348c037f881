import { scalar, TEXT } from './define.js';
import type { ScalarFunction } from './registry.js';

/**
 * URL parts, parsed with the WHATWG URL parser of Node.js. A URL that does not parse gives NULL.
 * A path without scheme and host (`/cart?step=2`, as many event logs store it) is read relative
 * to a placeholder origin, so url_path and url_query_param work on it and url_host returns NULL.
 * DuckDB has no equivalent functions, so the examples are not compared with DuckDB.
 */

const RELATIVE_BASE = 'http://relative.invalid';

function parseUrl(text: string): { url: URL; relative: boolean } | null {
  try {
    return { url: new URL(text), relative: false };
  } catch {
    if (!text.startsWith('/') && !text.startsWith('?')) return null;
    try {
      return { url: new URL(text, RELATIVE_BASE), relative: true };
    } catch {
      return null;
    }
  }
}

const NO_DUCKDB = { duckdb: null, duckdbNote: 'DuckDB has no URL functions' } as const;

const urlHost = scalar({
  name: 'url_host',
  signature: 'url_host(url) -> TEXT',
  description: 'The host name of the URL in lower case, without the port. NULL for a relative or invalid URL.',
  examples: [
    { sql: "url_host('https://Shop.Example.com:8443/cart?x=1')", result: 'shop.example.com', ...NO_DUCKDB },
    { sql: "url_host('/cart')", result: null, ...NO_DUCKDB },
  ],
  params: [TEXT],
  returns: 'TEXT',
  evaluate: ([text]) => {
    const parsed = parseUrl(text as string);
    if (!parsed || parsed.relative || parsed.url.hostname === '') return null;
    return parsed.url.hostname;
  },
});

const urlPath = scalar({
  name: 'url_path',
  signature: 'url_path(url) -> TEXT',
  description: "The path of the URL, still percent-encoded ('/' when the URL has none). NULL for an invalid URL.",
  examples: [
    { sql: "url_path('https://shop.example.com/product/42?ref=mail')", result: '/product/42', ...NO_DUCKDB },
    { sql: "url_path('/cart?step=2')", result: '/cart', ...NO_DUCKDB },
  ],
  params: [TEXT],
  returns: 'TEXT',
  evaluate: ([text]) => parseUrl(text as string)?.url.pathname ?? null,
});

const urlQueryParam = scalar({
  name: 'url_query_param',
  signature: 'url_query_param(url, name) -> TEXT',
  description:
    "The first value of query parameter name, percent-decoded and with '+' read as a space. NULL when the parameter is missing or the URL is invalid; '' when it is present without a value.",
  examples: [
    { sql: "url_query_param('https://shop.example.com/s?q=red+shoes&utm_source=mail%20list', 'utm_source')", result: 'mail list', ...NO_DUCKDB },
    { sql: "url_query_param('/s?q=shoes', 'page')", result: null, ...NO_DUCKDB },
  ],
  params: [TEXT, TEXT],
  returns: 'TEXT',
  evaluate: ([text, name]) => parseUrl(text as string)?.url.searchParams.get(name as string) ?? null,
});

export const urlFunctions: readonly ScalarFunction[] = [urlHost, urlPath, urlQueryParam];
