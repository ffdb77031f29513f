import "server-only";
import type { ParamProblem, Shape, ShapeValues } from "@/lib/params";
import { allowedList } from "@/lib/params/codec";
import { parseWithSchema } from "@/lib/params/zod";
import { getEngine } from "@/lib/server/engine";
import { badRequest, json } from "./response";

/**
 * The two halves of every route handler: parse the query against its shape (a 400 naming the
 * parameter and its allowed values on failure), and answer with cacheable JSON versioned by the
 * loaded dataset.
 */
export function problemMessage(p: ParamProblem): string {
  const what = p.kind === "missing" ? `missing parameter "${p.parameter}"` : `invalid value ${JSON.stringify(p.raw ?? "")} for parameter "${p.parameter}" (${p.reason})`;
  return `${what}; allowed: ${p.allowed.text}`;
}

export function problemResponse(p: ParamProblem): Response {
  return badRequest({ message: problemMessage(p), parameter: p.parameter, allowed: allowedList(p.allowed) });
}

export function parseQuery<S extends Shape>(request: Request, shape: S): { query: ShapeValues<S>; error?: undefined } | { query?: undefined; error: Response } {
  const result = parseWithSchema(new URL(request.url).searchParams, shape);
  return result.ok ? { query: result.value } : { error: problemResponse(result.problem) };
}

/** The query written canonically (each value by its codec), so equivalent spellings share an ETag. */
function canonical(shape: Shape, query: Record<string, unknown>): string {
  return Object.entries(shape)
    .map(([k, p]) => (query[k] === undefined ? `${k}=` : `${k}=${p.codec.serialize(query[k])}`))
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

export function ok<S extends Shape>(request: Request, data: unknown, shape?: S, query?: ShapeValues<S>): Response {
  const key = shape && query ? canonical(shape, query as Record<string, unknown>) : "";
  return json(request, data, getEngine().meta.sha256, `${resourcePath(request.url)}?${key}`);
}
