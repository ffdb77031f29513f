import { createHash } from "node:crypto";
import { etagMatches } from "@/lib/server/answer";
import { apiError, JSON_TYPE, type ApiError } from "./error";

/**
 * The API's response helpers: one JSON shape for success, one for errors (lib/api/error.ts).
 * Successful GETs are cacheable and carry an ETag derived from the dataset version and the request's
 * canonical parameters, so equivalent spellings share it. The edge (lib/server/edge.ts) keeps the
 * bodies and answers repeats and 304s itself; the handlers' own 304 serves a caller without the edge.
 */
export const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";

export type { ApiError };

// Bodies go out as UTF-8 bytes: a string body would be encoded again by the web stream Next.js pipes.
const utf8 = new TextEncoder();

export function etagFor(datasetVersion: string, canonicalKey: string): string {
  return `"${createHash("sha1").update(`${datasetVersion}\n${canonicalKey}`).digest("base64url")}"`;
}

/** A cacheable JSON answer; `key` names the resource and its parameters canonically. */
export function json(request: Request, data: unknown, version: string, key: string): Response {
  const etag = etagFor(version, key);
  const headers = { "Cache-Control": CACHE_CONTROL, ETag: etag };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(utf8.encode(JSON.stringify(data)), { headers: { ...headers, "Content-Type": JSON_TYPE } });
}

export const CSV_TYPE = "text/csv; charset=utf-8";

/** A cacheable CSV download named `filename` (ASCII); `key` as json's. */
export function csvFile(request: Request, body: string, filename: string, version: string, key: string): Response {
  const etag = etagFor(version, key);
  const headers = { "Cache-Control": CACHE_CONTROL, ETag: etag };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(utf8.encode(body), {
    headers: { ...headers, "Content-Type": CSV_TYPE, "Content-Disposition": `attachment; filename="${filename}"` },
  });
}

function errorResponse(status: number, body: ApiError): Response {
  const e = apiError(status, body);
  return new Response(e.body, { status: e.status, headers: e.headers });
}

export function badRequest(body: Omit<ApiError, "error">): Response {
  return errorResponse(400, { error: "bad_request", ...body });
}

export function notFound(body: Omit<ApiError, "error">): Response {
  return errorResponse(404, { error: "not_found", ...body });
}
