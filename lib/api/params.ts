import { z } from "zod";
import { findDistrict, type District } from "@/lib/districts";
import { AGES, SERVICE_IDS, SEXES, SEX_FILTERS, isAge, isServiceId, type Age, type ServiceId } from "@/lib/domain";

/**
 * Shared zod fragments for API and page parameters. Each fragment knows how to describe its allowed
 * values, so every 400 names the parameter and what it accepts.
 */
export const MAX_PARAM_LENGTH = 64;

export interface ParamSpec<T> {
  schema: z.ZodType<T, string>;
  /** Human description of what is accepted, used in error messages. */
  allowedText: string;
  /** Enumerable allowed values, when there are few enough to list. */
  allowed?: readonly (string | number)[];
}

export function enumParam<const V extends readonly string[]>(values: V): ParamSpec<V[number]> {
  return {
    schema: z.string().refine((v): v is V[number] => values.includes(v)) as unknown as z.ZodType<V[number], string>,
    allowedText: values.join(", "),
    allowed: values,
  };
}

export const districtParam: ParamSpec<District> = {
  schema: z.string().transform((v, ctx) => findDistrict(v) ?? (ctx.addIssue({ code: "custom", message: "unknown district" }), z.NEVER)),
  allowedText: "one of the 25 districts by code, slug or Korean name (e.g. 11680, gangnam-gu, 강남구); see /api/meta",
};

export const ageParam: ParamSpec<Age> = {
  schema: z.string().transform((v, ctx) => {
    const n = /^\d{2}$/.test(v) ? Number(v) : NaN;
    return isAge(n) ? n : (ctx.addIssue({ code: "custom", message: "unknown age band" }), z.NEVER);
  }),
  allowedText: AGES.join(", "),
  allowed: AGES,
};

export const sexParam = enumParam(SEXES);
export const sexFilterParam = enumParam(SEX_FILTERS);

export const serviceParam: ParamSpec<ServiceId> = {
  schema: z.string().refine(isServiceId) as unknown as z.ZodType<ServiceId, string>,
  allowedText: SERVICE_IDS.join(", "),
  allowed: SERVICE_IDS,
};

export const LIMIT_MAX = 300;
export const limitParam: ParamSpec<number> = {
  schema: z.string().transform((v, ctx) => {
    const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN;
    return n >= 1 && n <= LIMIT_MAX ? n : (ctx.addIssue({ code: "custom", message: "out of range" }), z.NEVER);
  }),
  allowedText: `an integer from 1 to ${LIMIT_MAX}`,
};

/** A parameter that may be left out: `fallback` is used then (undefined for "not given"). */
export interface QueryField<T> {
  spec: ParamSpec<T>;
  optional?: { fallback: T | undefined };
}

export type QueryShape = Record<string, QueryField<unknown>>;

export type ParsedQuery<S extends QueryShape> = {
  [K in keyof S]: S[K] extends QueryField<infer T> ? (S[K]["optional"] extends { fallback: infer F } ? T | F : T) : never;
};

export interface ParamProblem {
  parameter: string;
  /** What was wrong, for the UI to say in its own words. */
  reason: "missing" | "repeated" | "too_long" | "invalid";
  /** The value given (cut to 40 characters), when there was one. */
  value?: string;
  message: string;
  allowed?: readonly (string | number)[];
}

function cut(v: string): string {
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

/**
 * Validates query parameters against a shape. Parameters the shape doesn't name are ignored (links
 * may carry tracking tags); named ones must appear at most once.
 */
export function parseParams<S extends QueryShape>(
  params: URLSearchParams,
  shape: S,
): { ok: true; value: ParsedQuery<S> } | { ok: false; problem: ParamProblem } {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) {
    const { spec, optional } = field;
    const all = params.getAll(name);
    const fail = (reason: ParamProblem["reason"], message: string, value?: string) =>
      ({
        ok: false,
        problem: { parameter: name, reason, value: value === undefined ? undefined : cut(value), message: `${message}; allowed: ${spec.allowedText}`, allowed: spec.allowed },
      }) as const;
    if (all.length > 1) return fail("repeated", `parameter "${name}" is repeated (${all.length} times); give it once`);
    const raw = all[0];
    if (raw === undefined || (raw === "" && optional)) {
      if (optional) {
        out[name] = optional.fallback;
        continue;
      }
      return fail("missing", `missing parameter "${name}"`);
    }
    if (raw.length > MAX_PARAM_LENGTH) return fail("too_long", `parameter "${name}" is too long (${raw.length} characters, at most ${MAX_PARAM_LENGTH})`, raw);
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) return fail("invalid", `invalid value ${JSON.stringify(cut(raw))} for parameter "${name}"`, raw);
    out[name] = parsed.data;
  }
  return { ok: true, value: out as ParsedQuery<S> };
}
