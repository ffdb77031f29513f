import { readParam, type Allowed, type Param, type ParamResult } from "./codec";

/**
 * A query's parameters read together: each one valid, invalid or missing, and the values a view
 * renders with (a missing or invalid parameter takes its default, so a partly bad link keeps every
 * valid choice). Links are written back with only the non-default values.
 */
export type Shape = Record<string, Param<unknown>>;

export type ShapeValues<S extends Shape> = { [K in keyof S]: S[K] extends Param<infer T> ? T : never };

/** Something wrong with one parameter, in the form the API's 400 and the pages' notice both use. */
export interface ParamProblem {
  parameter: string;
  /** The parameter's Korean name. */
  label: string;
  kind: "invalid" | "missing";
  /** The value given (echo-safe), when there was one. */
  raw?: string;
  reason: string;
  allowed: Allowed;
}

export interface QueryReading<S extends Shape> {
  /** Each parameter's value: the given one when valid, else its default (undefined when required). */
  values: Partial<ShapeValues<S>>;
  results: { [K in keyof S]: ParamResult<ShapeValues<S>[K]> };
  problems: ParamProblem[];
}

/** Page search params as Next.js hands them, or a URLSearchParams. */
export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(input: QueryInput, name: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(name);
  const v = input[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function readQuery<S extends Shape>(input: QueryInput, shape: S): QueryReading<S> {
  const values: Record<string, unknown> = {};
  const results: Record<string, ParamResult<unknown>> = {};
  const problems: ParamProblem[] = [];
  for (const [name, param] of Object.entries(shape)) {
    const r = readParam(param, valuesOf(input, name));
    results[name] = r;
    if (r.kind === "valid") values[name] = r.value;
    else {
      values[name] = param.default;
      if (r.kind === "invalid")
        problems.push({
          parameter: name,
          label: param.label,
          kind: "invalid",
          raw: r.raw,
          reason: r.reason,
          allowed: r.allowed,
        });
      else if (param.required)
        problems.push({
          parameter: name,
          label: param.label,
          kind: "missing",
          reason: "missing",
          allowed: param.codec.allowed,
        });
    }
  }
  return { values: values as Partial<ShapeValues<S>>, results: results as QueryReading<S>["results"], problems };
}

/** The query string of `values` with only the non-default ones, in the shape's order ("" when all default). */
export function writeQuery<S extends Shape>(shape: S, values: Partial<ShapeValues<S>>): string {
  const out = new URLSearchParams();
  for (const [name, param] of Object.entries(shape)) {
    const v = (values as Record<string, unknown>)[name];
    if (v === undefined) continue;
    if (param.default !== undefined && param.codec.equals(v, param.default)) continue;
    out.set(name, param.codec.serialize(v));
  }
  const qs = out.toString();
  return qs ? `?${qs}` : "";
}

/** A link to `path` showing `values`: the one canonical form of that view's URL. */
export function hrefOf<S extends Shape>(path: string, shape: S, values: Partial<ShapeValues<S>>): string {
  return `${path}${writeQuery(shape, values)}`;
}
