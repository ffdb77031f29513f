import { z } from "zod";
import { readParam, type Param } from "./codec";
import type { ParamProblem, Shape, ShapeValues } from "./query";

/**
 * The codecs as zod schemas, for the API's route handlers: one object schema per endpoint, each field
 * reading all the values its parameter was given through the parameter's codec. An issue carries the
 * problem the 400 answer reports.
 */
function paramSchema<T>(param: Param<T>) {
  return z.array(z.string()).transform((given, ctx): T => {
    const r = readParam(param, given);
    if (r.kind === "valid") return r.value;
    if (r.kind === "missing" && !param.required) return param.default as T;
    const problem: ParamProblem =
      r.kind === "missing"
        ? {
            parameter: param.name,
            label: param.label,
            kind: "missing",
            reason: "missing",
            allowed: param.codec.allowed,
          }
        : {
            parameter: param.name,
            label: param.label,
            kind: "invalid",
            raw: r.raw,
            reason: r.reason,
            allowed: r.allowed,
          };
    ctx.addIssue({ code: "custom", message: r.kind === "missing" ? "missing" : r.reason, params: { problem } });
    return z.NEVER;
  });
}

const schemas = new WeakMap<Shape, z.ZodType>();

export function querySchema<S extends Shape>(shape: S): z.ZodType<ShapeValues<S>, Record<string, string[]>> {
  let schema = schemas.get(shape);
  if (!schema) {
    schema = z.object(Object.fromEntries(Object.entries(shape).map(([name, param]) => [name, paramSchema(param)])));
    schemas.set(shape, schema);
  }
  return schema as z.ZodType<ShapeValues<S>, Record<string, string[]>>;
}

/** Parses a query against a shape: the values, or the first parameter's problem. */
export function parseWithSchema<S extends Shape>(
  input: URLSearchParams | Record<string, string>,
  shape: S,
): { ok: true; value: ShapeValues<S> } | { ok: false; problem: ParamProblem } {
  const given: Record<string, string[]> = {};
  for (const name of Object.keys(shape))
    given[name] =
      input instanceof URLSearchParams ? input.getAll(name) : input[name] === undefined ? [] : [input[name]!];
  const parsed = querySchema(shape).safeParse(given);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: (issue as { params?: { problem: ParamProblem } }).params!.problem };
}
