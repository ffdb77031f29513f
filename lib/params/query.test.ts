import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISTRICTS } from "@/lib/districts";
import { readParam } from "./codec";
import { paramParser } from "./nuqs";
import { pageShapes, segmentPage } from "./pages";
import { hrefOf, readQuery, writeQuery, type Shape } from "./query";
import { parseWithSchema } from "./zod";
import * as api from "./api";

const gangnam = DISTRICTS.find((d) => d.slug === "gangnam-gu")!;
const mapo = DISTRICTS.find((d) => d.slug === "mapo-gu")!;

describe("readQuery", () => {
  it("gives defaults for missing values and no problems", () => {
    const r = readQuery({}, segmentPage);
    expect(r.values).toEqual({
      district: gangnam,
      sex: "F",
      age: 20,
      basis: "month",
      service: undefined,
      hide: undefined,
      table: [],
    });
    expect(r.problems).toEqual([]);
  });
  it("keeps every valid choice of a partly bad link and reports the bad one", () => {
    const r = readQuery({ district: "mapo-gu", sex: "X", age: "30" }, segmentPage);
    expect(r.values).toMatchObject({ district: mapo, sex: "F", age: 30, basis: "month" });
    expect(r.problems).toMatchObject([{ parameter: "sex", label: "성별", kind: "invalid", raw: "X" }]);
    expect(r.results.sex.kind).toBe("invalid");
  });
  it("reports a missing required parameter", () => {
    expect(readQuery(new URLSearchParams("sex=F&age=20"), api.segmentQuery).problems).toMatchObject([
      { parameter: "district", kind: "missing" },
    ]);
  });
});

describe("writeQuery / hrefOf", () => {
  it("write only non-default values, in the shape's order, each in its codec's form", () => {
    expect(hrefOf("/segment", segmentPage, { district: gangnam, sex: "F", age: 20 })).toBe("/segment");
    expect(hrefOf("/segment", segmentPage, { age: 30, district: mapo, sex: "M" })).toBe(
      "/segment?district=mapo-gu&sex=M&age=30",
    );
    expect(writeQuery(segmentPage, { district: gangnam, sex: "M", age: 20 })).toBe("?sex=M");
  });
  it("reads back what it writes (the canonical URL is a fixed point)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISTRICTS),
        fc.constantFrom("F" as const, "M" as const, "T" as const),
        fc.constantFrom(20, 30, 40, 50, 60, 70 as const),
        (district, sex, age) => {
          const qs = writeQuery(segmentPage, { district, sex, age: age as 20 });
          const back = readQuery(new URLSearchParams(qs), segmentPage);
          expect(back.problems).toEqual([]);
          expect(writeQuery(segmentPage, back.values)).toBe(qs);
        },
      ),
    );
  });
});

describe("API schemas", () => {
  it("parse through the same codecs and name the first bad parameter", () => {
    expect(parseWithSchema(new URLSearchParams("district=강남구&sex=f&age=20"), api.segmentQuery)).toEqual({
      ok: true,
      value: { district: gangnam, sex: "F", age: 20 },
    });
    const bad = parseWithSchema(new URLSearchParams("district=gangnam-gu&sex=T&age=20"), api.segmentQuery);
    expect(bad).toMatchObject({ ok: false, problem: { parameter: "sex", raw: "T" } });
    expect(parseWithSchema(new URLSearchParams(""), api.populationQuery)).toMatchObject({
      ok: false,
      problem: { parameter: "age", kind: "missing" },
    });
  });
});

/**
 * The browser (nuqs parsers) and the server (readQuery) must read every raw value alike: the same value
 * when valid, and "not usable" (null in the browser) when the server finds it invalid or missing.
 * Checked for every parameter of every page and API shape, on each allowed value in several spellings
 * and on arbitrary strings.
 */
describe("client and server agree", () => {
  const shapes: [string, Shape][] = [
    ...Object.entries(pageShapes(["2023-01", "2023-02", "2023-03"])),
    ...Object.entries(api).filter(([, s]) => typeof s === "object"),
  ] as [string, Shape][];
  const samples = (values: readonly { value: string; label: string }[] = []) =>
    values.flatMap((a) => [
      a.value,
      a.value.toLowerCase(),
      a.value.toUpperCase(),
      a.label,
      ` ${a.value} `,
      a.label.normalize("NFD"),
      `\u202E${a.value}`,
    ]);

  for (const [where, shape] of shapes) {
    for (const [name, param] of Object.entries(shape)) {
      it(`${where} ${name}`, () => {
        const client = paramParser({ ...param, default: undefined });
        const check = (raw: string) => {
          const server = readParam(param, [raw]);
          const browser = client.parse(raw);
          if (server.kind === "valid") {
            expect(browser, JSON.stringify(raw)).not.toBeNull();
            expect(param.codec.equals(browser, server.value), JSON.stringify(raw)).toBe(true);
            expect(client.serialize(browser)).toBe(param.codec.serialize(server.value));
          } else expect(browser, JSON.stringify(raw)).toBeNull();
        };
        for (const raw of samples(param.codec.allowed.values)) check(raw);
        fc.assert(fc.property(fc.string({ maxLength: 80 }), check), { numRuns: 200 });
      });
    }
  }
});
