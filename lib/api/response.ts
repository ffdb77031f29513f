import { createHash } from "node:crypto";

/**
 * The API's response helpers: one JSON shape for success, one for errors ({error, message, …}).
 * Successful GETs are cacheable and carry an ETag derived from the dataset version and the request's
 * canonical parameters, so a repeat request with If-None-Match costs a 304 and no body.
 */
const JSON_TYPE = "application/json; charset=utf-8";
export const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";

export interface ApiError {
  error: "bad_request" | "not_found";
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
 * Serialized bodies and ETags by dataset version and canonical key. Keys come only from validated
 * parameters, so the map is bounded by the API's finite resources (about 3,000 for a full dataset);
 * a different dataset version starts a fresh map.
 */
let cacheVersion = "";
const bodies = new Map<string, { etag: string; body: string }>();

function cached(data: unknown, version: string, key: string) {
  if (version !== cacheVersion) {
    bodies.clear();
    cacheVersion = version;
  }
  let entry = bodies.get(key);
  if (!entry) {
    entry = { etag: etagFor(version, key), body: JSON.stringify(data) };
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
