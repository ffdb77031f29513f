import "server-only";
import type { ParamProblem, Shape, ShapeValues } from "@/lib/params";
import { allowedList } from "@/lib/params/codec";
import { parseWithSchema } from "@/lib/params/zod";
import type { Engine } from "@/lib/engine";
import type { WindowResult } from "@/lib/engine/windows";
import { getEngine, getEngines } from "@/lib/server/engine";
import { badRequest, csvFile, json } from "./response";

/**
 * The two halves of every route handler: parse the query against its shape (a 400 naming the
 * parameter and its allowed values on failure), and answer with cacheable JSON versioned by the
 * loaded dataset.
 */
export function problemMessage(p: ParamProblem): string {
  const what =
    p.kind === "missing"
      ? `missing parameter "${p.parameter}"`
      : `invalid value ${JSON.stringify(p.raw ?? "")} for parameter "${p.parameter}" (${p.reason})`;
  return `${what}; allowed: ${p.allowed.text}`;
}

export function problemResponse(p: ParamProblem): Response {
  return badRequest({ message: problemMessage(p), parameter: p.parameter, allowed: allowedList(p.allowed) });
}

export function parseQuery<S extends Shape>(
  request: Request,
  shape: S,
): { query: ShapeValues<S>; error?: undefined } | { query?: undefined; error: Response } {
  const result = parseWithSchema(new URL(request.url).searchParams, shape);
  return result.ok ? { query: result.value } : { error: problemResponse(result.problem) };
}

type WindowParams = { from?: string; to?: string };

/** The 400 for a window that cannot be analysed: it names from/to and the months that have the data. */
export function windowProblemResponse(r: Extract<WindowResult, { ok: false }>): Response {
  const { window: w, gap } = r;
  const why =
    w.from > w.to
      ? "from is after to"
      : gap.missing.length
        ? `${gap.missing.join(", ")} lack population or one of the seven services`
        : "the window holds none of the dataset's months";
  const parameter = w.from > w.to || !gap.have.includes(w.from) ? "from" : "to";
  return badRequest({
    message: `invalid window from=${w.from} to=${w.to}: ${why}; months that have them: ${gap.have.join(", ")}`,
    parameter,
    allowed: gap.have,
  });
}

/** The engine over the query's window (from/to, each defaulting to the dataset's default window's). */
export function engineFor(
  query: WindowParams,
): { engine: Engine; error?: undefined } | { engine?: undefined; error: Response } {
  const engines = getEngines();
  const r = engines.engine(engines.resolve(query.from, query.to));
  return r.ok ? { engine: r.engine } : { error: windowProblemResponse(r) };
}

/** parseQuery, then the engine over the query's window. */
export function parseWindowQuery<S extends Shape>(
  request: Request,
  shape: S,
):
  | { query: ShapeValues<S>; engine: Engine; error?: undefined }
  | { query?: undefined; engine?: undefined; error: Response } {
  const parsed = parseQuery(request, shape);
  if (parsed.error) return { error: parsed.error };
  const { engine, error } = engineFor(parsed.query as WindowParams);
  return error ? { error } : { query: parsed.query, engine: engine! };
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

/** ok's CSV twin: a cacheable file download, versioned by the dataset as the JSON answers are. */
export function okCsv<S extends Shape>(
  request: Request,
  body: string,
  filename: string,
  shape: S,
  query: ShapeValues<S>,
): Response {
  const key = `${resourcePath(request.url)}?${canonical(shape, query as Record<string, unknown>)}`;
  return csvFile(request, body, filename, getEngine().meta.sha256, key);
}
