import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { CACHE_BUDGET } from "./memory-budget";

/**
 * Rendered page HTML kept per canonical URL, with the Content-Security-Policy that allows exactly its
 * inline scripts. A policy of sha256 sources stays valid for every copy of the same bytes, so a page
 * can be cached by this process, a CDN or a browser and still run under a strict `script-src` — which
 * a per-request nonce cannot do (it makes every response unique).
 */

/** The inline scripts' sha256 sources ('sha256-…'), in document order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  // An inline script is a <script> without src; its text is everything up to the first </script>, which
  // is exactly what the browser hashes (React and Next.js escape "</" inside the payloads they inline).
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]!)) continue;
    out.add(`'sha256-${createHash("sha256").update(m[2]!, "utf8").digest("base64")}'`);
  }
  return [...out];
}

/**
 * The pages' policy. Scripts: this origin's files (the framework's chunks) and the page's own inline
 * scripts by hash — no 'unsafe-inline', no nonce, no 'strict-dynamic' (which would ignore 'self').
 * Styles allow inline because Recharts and Leaflet position elements with style attributes.
 */
export function pageCsp(hashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Browsers and shared caches may keep a page briefly; the HTML only changes with the dataset (a restart). */
export const PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=3600";

export interface RenderedPage {
  status: number;
  /** Response headers to send along (lower-case names), without caching, length or encoding ones. */
  headers: Record<string, string>;
  /**
   * The body, gzipped once. Only this form is kept: HTML compresses 5–8× and browsers, CDNs and chat
   * crawlers all accept gzip, so the cache holds several times more pages in the same bytes; the rare
   * client that does not gets `identity(page)`.
   */
  gzip: Buffer;
  /** The uncompressed body's length in bytes. */
  length: number;
  /** A strong ETag: the body's sha256, so equal bytes have equal tags in every process. */
  etag: string;
  csp: string;
}

export function renderedPage(status: number, headers: Record<string, string>, body: Buffer): RenderedPage {
  const html = body.toString("utf8");
  return {
    status,
    headers,
    gzip: gzipSync(body, { level: 6 }),
    length: body.length,
    etag: `"${createHash("sha256").update(body).digest("base64url")}"`,
    csp: pageCsp(inlineScriptHashes(html)),
  };
}

/** The page's uncompressed body, for a client that does not accept gzip. */
export function identity(page: RenderedPage): Buffer {
  return gunzipSync(page.gzip);
}

/** Does an If-None-Match header name this ETag (or any, with *)? Weak comparison, as RFC 9110 asks for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** The process's pages, bounded by bytes: the least recently used go first. */
export function pageCache(maxBytes = CACHE_BUDGET.pages) {
  return new LRUCache<string, RenderedPage>({ maxSize: maxBytes, sizeCalculation: pageBytes });
}

/** What a kept page costs: its gzipped body, plus its headers and policy (a policy holds a hash per inline script). */
export function pageBytes(p: RenderedPage): number {
  let n = p.gzip.length + 2 * p.csp.length + p.etag.length + 256;
  for (const [k, v] of Object.entries(p.headers)) n += 2 * (k.length + v.length);
  return n;
}
