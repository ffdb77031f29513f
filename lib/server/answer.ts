import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { NON_PAGE_CSP, SECURITY_HEADERS } from "./headers";

/**
 * One finished answer — a page, an API body, a link preview, an export — as the edge keeps and sends it:
 * the same bytes, ETag and policy for everyone, so this process, a CDN and browsers can all reuse it.
 *
 * Page HTML gets a Content-Security-Policy allowing exactly its inline scripts by sha256. Next.js's own
 * strict CSP needs a per-request nonce, which makes every page unique and uncacheable; a policy of
 * hashes stays valid for every copy of the same bytes.
 */
export interface Answer {
  status: number;
  /** Headers to send (lower-case names), without length, encoding or ETag. */
  headers: Record<string, string>;
  /** The body as rendered, kept when small or when it does not compress (see IDENTITY_MAX). */
  identity?: Buffer;
  /** The body gzipped once, kept when it compresses (for a small body, made on first use: gzipOf). */
  gzip?: Buffer;
  /** Whether a gzip form is worth making (text, large enough, and not yet found not to shrink). */
  compressible: boolean;
  /** The uncompressed body's length in bytes. */
  length: number;
  /** A strong ETag: the upstream's (the API's names the dataset and the canonical query) or the body's sha256. */
  etag: string;
}

/**
 * Bodies up to this size are kept as rendered (and beside it their gzip, once asked for), so a client
 * without gzip (a script, a monitor, the benchmark's load generator) costs a lookup, not a
 * decompression. Larger ones — pages, long lists — are kept gzipped only: HTML compresses 5–8×, so
 * the cache holds several times more.
 */
const IDENTITY_MAX = 64 * 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg)/;

/** Browsers and shared caches may keep a page briefly; the HTML only changes with the dataset (a restart). */
export const PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=3600";

/** The headers every answer carries; pages replace the CSP with their own. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value])),
  "content-security-policy": NON_PAGE_CSP,
};

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
 * Styles allow inline because Recharts and Leaflet position elements with style attributes. `dev`
 * adds what `next dev` needs and nothing else: 'unsafe-eval' (React's dev tools and Fast Refresh
 * evaluate code) and its WebSocket for hot reloading.
 */
export function pageCsp(hashes: readonly string[], dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}${dev ? " 'unsafe-eval'" : ""}`.replace(/\s+/g, " ").trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function sha256(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/**
 * An answer from a rendered body, with the security headers every answer carries. HTML gets its hash
 * policy and the pages' cache lifetime (no-store when the render failed); anything else keeps the
 * headers it came with (the API's and the previews' lifetimes are set where they are made).
 */
export function makeAnswer(
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  opts: { etag?: string; dev?: boolean } = {},
): Answer {
  const type = headers["content-type"] ?? "";
  const own = { ...BASE_HEADERS, ...headers };
  if (type.startsWith("text/html")) {
    own["content-security-policy"] = pageCsp(inlineScriptHashes(body.toString("utf8")), opts.dev);
    own["cache-control"] = status < 500 ? PAGE_CACHE_CONTROL : "no-store";
  }
  const compressible = COMPRESSIBLE.test(type) && body.length >= 256;
  // A small body is kept as rendered and gzipped on the first request that takes gzip (gzip costs
  // more CPU than the rest of a cold API answer; a client without gzip never pays it). A large one is
  // gzipped now and kept only so.
  const large = compressible && body.length > IDENTITY_MAX;
  const gzip = large ? gzipSync(body, { level: 6 }) : undefined;
  return {
    status,
    headers: own,
    identity: large ? undefined : body,
    gzip,
    compressible,
    length: body.length,
    etag: opts.etag ?? sha256(body),
  };
}

/**
 * The answer's gzipped body, made now if it has none yet (kept on the answer: `true` in `made` tells
 * the caller its size changed). Undefined when gzip would not make it smaller.
 */
export function gzipOf(a: Answer): { gzip?: Buffer; made: boolean } {
  if (a.gzip || !a.compressible || !a.identity) return { gzip: a.gzip, made: false };
  const zipped = gzipSync(a.identity, { level: 6 });
  if (zipped.length >= a.identity.length * 0.9) {
    a.compressible = false;
    return { made: true };
  }
  a.gzip = zipped;
  return { gzip: zipped, made: true };
}

/** What a kept answer costs: its bodies, plus its headers (a page's policy holds a hash per inline script). */
export function answerBytes(a: Answer, key: string): number {
  let n = (a.identity?.length ?? 0) + (a.gzip?.length ?? 0) + a.etag.length + 2 * key.length + 256;
  for (const [k, v] of Object.entries(a.headers)) n += 2 * (k.length + v.length);
  return n;
}

/** Does an If-None-Match header name this ETag (or any, with *)? Weak comparison, as RFC 9110 asks for GET. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** Does Accept-Encoding allow gzip? `gzip;q=0` refuses it; `*` with a non-zero weight allows it (RFC 9110 §12.5.3). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let star: boolean | undefined;
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === "gzip" || name === "x-gzip") return allowed;
    if (name === "*") star = allowed;
  }
  return star ?? false;
}

function withVary(vary: string | undefined): string {
  if (!vary) return "Accept-Encoding";
  return /accept-encoding/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
}

/**
 * Sends an answer: 304 for a matching If-None-Match, gzip when the client takes it, no body for HEAD.
 * `grown` is called when the answer made its gzip form now (its cached size changed).
 */
export function sendAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  a: Answer,
  status = a.status,
  grown?: () => void,
): void {
  const headers: Record<string, string | number> = { ...a.headers, etag: a.etag };
  if (a.compressible || a.gzip) headers.vary = withVary(a.headers.vary);
  if (status === 200 && etagMatches(req.headers["if-none-match"], a.etag)) {
    delete headers["content-type"];
    res.writeHead(304, headers).end();
    return;
  }
  let gzip: Buffer | undefined;
  if (acceptsGzip(req.headers["accept-encoding"])) {
    const made = gzipOf(a);
    gzip = made.gzip;
    if (made.made) grown?.();
  }
  // A client refusing gzip gets the rendered bytes: kept when small, else decompressed for it.
  const body = gzip ?? a.identity ?? gunzipSync(a.gzip!);
  headers["content-length"] = body.length;
  if (gzip) headers["content-encoding"] = "gzip";
  res.writeHead(status, headers);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

/** An answer made here rather than rendered (errors, refusals): never cached. */
export function sendPlain(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  head = false,
): void {
  const all = { ...BASE_HEADERS, "cache-control": "no-store", ...headers, "content-length": Buffer.byteLength(body) };
  res.writeHead(status, all);
  if (head) res.end();
  else res.end(body);
}
