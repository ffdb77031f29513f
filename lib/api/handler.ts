import "server-only";
import { getEngine } from "@/lib/server/engine";
import { parseParams, type ParsedQuery, type QueryShape } from "./params";
import { badRequest, json } from "./response";

/**
 * The two halves of every route handler: parse the query against a shape (a 400 naming the parameter
 * on failure), and answer with cacheable JSON versioned by the loaded dataset.
 */
export function parseQuery<S extends QueryShape>(
  request: Request,
  shape: S,
): { query: ParsedQuery<S>; error?: undefined } | { query?: undefined; error: Response } {
  const result = parseParams(new URL(request.url).searchParams, shape);
  if (!result.ok) return { error: badRequest(result.problem) };
  return { query: result.value };
}

/** Canonical form of parsed parameters for the ETag: objects (districts) by their code. */
function canonical(query: object): string {
  return Object.entries(query)
    .map(([k, v]) => `${k}=${v !== null && typeof v === "object" && "code" in v ? v.code : String(v)}`)
    .join("&");
}

/** The path as a resource name: /api/services/vid%65o/targets and …/video/… are one resource. */
function resourcePath(url: string): string {
  const { pathname } = new URL(url);
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

export function ok(request: Request, data: unknown, query: object = {}): Response {
  return json(request, data, getEngine().meta.sha256, `${resourcePath(request.url)}?${canonical(query)}`);
}
