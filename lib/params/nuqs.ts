import { createParser } from "nuqs";
import { normalizeRaw, type Codec, type Param } from "./codec";
import type { Shape } from "./query";

/**
 * The codecs as nuqs parsers, for client components' URL state: the browser reads and writes a value
 * exactly as the server's readQuery does. An invalid value reads as null, so the default shows — the
 * server page has already said what was wrong with the link.
 */
export function nuqsParser<T>(codec: Codec<T>) {
  return createParser<T>({
    parse: (raw) => {
      const v = normalizeRaw(raw);
      if (v === "" || v.length > codec.maxLength) return null;
      const r = codec.parse(v);
      return r.ok ? r.value : null;
    },
    serialize: codec.serialize,
    eq: codec.equals,
  });
}

/** A parameter as a nuqs parser with its default, cleared from the URL when the default is chosen. */
export function paramParser<T>(param: Param<T>) {
  const parser = nuqsParser(param.codec);
  return param.default === undefined ? parser : parser.withDefault(param.default as NonNullable<T>);
}

type Parsers<S extends Shape> = {
  [K in keyof S]: ReturnType<typeof paramParser<S[K] extends Param<infer T> ? T : never>>;
};

/** A page's shape as nuqs parsers; `shallow: false` so the server re-renders the view for the new URL. */
export function shapeParsers<S extends Shape>(shape: S): Parsers<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([k, p]) => [k, paramParser(p).withOptions({ shallow: false, history: "push" })]),
  ) as Parsers<S>;
}
