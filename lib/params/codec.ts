/**
 * The shape every URL parameter codec has. One codec per kind of value (district, sex, age, service,
 * segment id, budget, …) is shared by the API (through lib/params/zod.ts), the pages' server parsing
 * (lib/params/query.ts) and the browser's URL state (lib/params/nuqs.ts), so the three cannot disagree.
 */

/** One allowed value with its Korean label, for the pages' "사용할 수 있는 값" list. */
export interface AllowedValue {
  value: string;
  label: string;
}

/**
 * What a parameter accepts: the values when few enough to list, otherwise their range or form. Every
 * codec gives one of the two, so every 400 of the API carries a non-empty `allowed` (allowedList).
 */
export type Allowed = {
  /** What is accepted, in English, for the API's messages (developers read those). */
  text: string;
} & (
  | { values: readonly AllowedValue[]; form?: undefined }
  | {
      /** Too many values to list: their range ("1–300") or form ("district.sex.age"). */
      form: string;
      values?: undefined;
    }
);

/** The API's `allowed`: the accepted values, or the one string giving their range or form. */
export function allowedList(allowed: Allowed): string[] {
  return allowed.values ? allowed.values.map((a) => a.value) : [allowed.form];
}

export type CodecResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Codec<T> {
  /** Parses one present, normalized raw value (see normalizeRaw). */
  parse(raw: string): CodecResult<T>;
  /** The value's one written form: parse(serialize(v)) gives v back. */
  serialize(value: T): string;
  equals(a: T, b: T): boolean;
  allowed: Allowed;
  /** Longest raw value worth reading; longer ones are refused before parsing. */
  maxLength: number;
}

/** A parameter: a name, its Korean label, its codec, and what a missing value means. */
export interface Param<T> {
  name: string;
  label: string;
  codec: Codec<T>;
  /** A missing required parameter is a problem; a missing optional one takes `default` (maybe undefined). */
  required: boolean;
  default?: T;
}

/** What reading one parameter gives: owid's grapher calls these valid / invalid / missing. */
export type ParamResult<T> =
  | { kind: "valid"; value: T }
  | { kind: "invalid"; raw: string; reason: string; allowed: Allowed }
  | { kind: "missing" };

export const MAX_PARAM_LENGTH = 64;

// Unicode bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C): echoed back into a sentence
// they would reverse it, and no valid value contains one.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A raw value as the codecs see it: bidi controls removed, NFC (macOS types NFD Hangul), trimmed. */
export function normalizeRaw(raw: string): string {
  return raw.replace(BIDI_CONTROLS, "").normalize("NFC").trim();
}

/** A raw value safe to echo in a message: no bidi controls, at most 40 characters. */
export function echo(raw: string): string {
  const clean = raw.replace(BIDI_CONTROLS, "");
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/** Reads one parameter from all the values a query gave it. */
export function readParam<T>(param: Param<T>, given: readonly string[]): ParamResult<T> {
  const { codec } = param;
  if (given.length > 1) {
    return {
      kind: "invalid",
      raw: echo(given[0]!),
      reason: `given ${given.length} times; give it once`,
      allowed: codec.allowed,
    };
  }
  const first = given[0];
  if (first === undefined) return { kind: "missing" };
  const raw = normalizeRaw(first);
  if (raw === "") return { kind: "missing" };
  if (raw.length > codec.maxLength) {
    return {
      kind: "invalid",
      raw: echo(raw),
      reason: `too long (${raw.length} characters, at most ${codec.maxLength})`,
      allowed: codec.allowed,
    };
  }
  const parsed = codec.parse(raw);
  return parsed.ok
    ? { kind: "valid", value: parsed.value }
    : { kind: "invalid", raw: echo(raw), reason: parsed.reason, allowed: codec.allowed };
}

/** A codec over a fixed list of values, matched case-insensitively (links get retyped: sex=f). */
export function enumCodec<const V extends string>(
  values: readonly V[],
  label: (v: V) => string,
  aliases: Readonly<Record<string, V>> = {},
): Codec<V> {
  const byKey = new Map<string, V>();
  for (const v of values) byKey.set(v.toLowerCase(), v);
  for (const [alias, v] of Object.entries(aliases)) byKey.set(alias.toLowerCase(), v);
  return {
    parse: (raw) => {
      const v = byKey.get(raw.toLowerCase());
      return v === undefined ? { ok: false, reason: "not one of the allowed values" } : { ok: true, value: v };
    },
    serialize: (v) => v,
    equals: (a, b) => a === b,
    allowed: { text: values.join(", "), values: values.map((v) => ({ value: v, label: label(v) })) },
    maxLength: MAX_PARAM_LENGTH,
  };
}

/** A codec for whole numbers in [min, max]; thousands separators (50,000,000 or 50_000_000) are accepted. */
export function integerCodec(min: number, max: number, text = `an integer from ${min} to ${max}`): Codec<number> {
  return {
    parse: (raw) => {
      const digits = raw.replace(/[,_]/g, "");
      if (!/^\d{1,15}$/.test(digits)) return { ok: false, reason: "not a whole number" };
      const n = Number(digits);
      if (n < min || n > max) return { ok: false, reason: `out of range (${min}–${max})` };
      return { ok: true, value: n };
    },
    serialize: (n) => String(n),
    equals: (a, b) => a === b,
    allowed: { text, form: `${min}–${max}` },
    maxLength: 24,
  };
}

/** A codec for decimal numbers in [min, max] written plainly (72.5, 0.5); no exponents, no units. */
export function decimalCodec(min: number, max: number, text: string): Codec<number> {
  return {
    parse: (raw) => {
      if (!/^\d{1,6}(\.\d{1,6})?$/.test(raw)) return { ok: false, reason: "not a plain decimal number (e.g. 72.5)" };
      const n = Number(raw);
      if (n < min || n > max) return { ok: false, reason: `out of range (${min}–${max})` };
      return { ok: true, value: n };
    },
    serialize: (n) => String(n),
    equals: (a, b) => a === b,
    allowed: { text, form: `${min}–${max}` },
    maxLength: 16,
  };
}
