import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { CACHE_BUDGET } from "@/lib/server/memory-budget";

/**
 * The API's response helpers: one JSON shape for success, one for errors ({error, message, …}).
 * Successful GETs are cacheable and carry an ETag derived from the dataset version and the request's
 * canonical parameters, so a repeat request with If-None-Match costs a 304 and no body.
 */
const JSON_TYPE = "application/json; charset=utf-8";
export const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";

export interface ApiError {
  error: "bad_request" | "not_found" | "method_not_allowed";
  message: string;
  parameter?: string;
  allowed?: readonly (string | number)[];
}

export function etagFor(datasetVersion: string, canonicalKey: string): string {
  return `"${createHash("sha1").update(`${datasetVersion}\n${canonicalKey}`).digest("base64url")}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * Serialized bodies and ETags by dataset version and canonical key; a different dataset version starts
 * afresh. Keys come only from validated parameters, but audience pages, comparisons and plans make
 * that space practically unbounded (any 4 of 300 segments, any budget), so the cache keeps the least
 * recently used out and is bounded by size: a crawl of every resource or a stream of one-off plans
 * evicts instead of growing the process. The hot resources a page asks for stay in.
 */
let cacheVersion = "";
const CACHE_BYTES = CACHE_BUDGET.apiBodies;
// Bodies are kept as UTF-8 bytes: outside the JS heap (the garbage collector never walks them), one
// byte per ASCII character instead of two for a string holding any Korean, and sized exactly.
const bodies = new LRUCache<string, { etag: string; body: Uint8Array<ArrayBuffer> }>({
  maxSize: CACHE_BYTES,
  sizeCalculation: (entry, key) => entry.body.byteLength + 2 * key.length + 64,
});
const utf8 = new TextEncoder();

/** What the body cache holds now (for the memory bound's test and the benchmark). */
export function bodyCacheSize(): { entries: number; bytes: number; maxBytes: number } {
  return { entries: bodies.size, bytes: bodies.calculatedSize, maxBytes: CACHE_BYTES };
}

function cached(data: unknown, version: string, key: string) {
  if (version !== cacheVersion) {
    bodies.clear();
    cacheVersion = version;
  }
  let entry = bodies.get(key);
  if (!entry) {
    entry = { etag: etagFor(version, key), body: utf8.encode(JSON.stringify(data)) };
    bodies.set(key, entry);
  }
  return entry;
}

/** A cacheable JSON answer; `key` names the resource and its parameters canonically. */
export function json(request: Request, data: unknown, version: string, key: string): Response {
  const { etag, body } = cached(data, version, key);
  const headers = { "Cache-Control": CACHE_CONTROL, ETag: etag };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": JSON_TYPE } });
}

function errorResponse(status: number, body: ApiError): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-store" },
  });
}

export function badRequest(body: Omit<ApiError, "error">): Response {
  return errorResponse(400, { error: "bad_request", ...body });
}

export function notFound(body: Omit<ApiError, "error">): Response {
  return errorResponse(404, { error: "not_found", ...body });
}
