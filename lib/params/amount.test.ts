import { describe, expect, it } from "vitest";
import { parseKoreanAmount } from "./amount";
import { readQuery } from "./query";
import { planQuery } from "./api";
import * as v from "./values";

describe("parseKoreanAmount", () => {
  it.each([
    ["30000000", 30_000_000],
    ["30,000,000", 30_000_000],
    ["30_000_000", 30_000_000],
    ["3천만", 30_000_000],
    ["3천만원", 30_000_000],
    ["3,000만 원", 30_000_000],
    ["0.3억", 30_000_000],
    ["3억 5천만원", 350_000_000],
    ["3억5천만", 350_000_000],
    ["1.5천만", 15_000_000],
    ["천만 원", 10_000_000],
    ["만 원", 10_000],
    ["5천", 5_000],
    ["2조", 2_000_000_000_000],
    ["₩30,000,000", 30_000_000],
    ["1억 2천3백만 4천5백원", 123_004_500],
  ])("reads %s as %d", (raw, value) => {
    expect(parseKoreanAmount(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["3e7", /exponents/],
    ["3E+07", /exponents/],
    ["$30000", /only amounts in won/],
    ["30000 USD", /only amounts in won/],
    ["3만 달러", /only amounts in won/],
    ["3000엔", /only amounts in won/],
    ["€5", /only amounts in won/],
    ["-5", /not a positive amount/],
    ["30 000 000", /separated by a space/],
    ["30000000.5", /not a whole number/],
    ["0.00001만", /not a whole number/],
    ["3,00", /"," is not part/],
    ["5천만 3억", /억 out of order/],
    ["5백3천", /천 out of order/],
    ["만만", /만 out of order/],
    ["원", /no amount/],
    ["abc", /"a" is not part/],
  ])("refuses %s", (raw, reason) => {
    const r = parseKoreanAmount(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("the budget and cpm codecs", () => {
  it("keep the range and say what is accepted", () => {
    expect(v.budget.parse("3천만원")).toEqual({ ok: true, value: 30_000_000 });
    expect(v.budget.parse("9,999")).toEqual({ ok: false, reason: "out of range (10000–10000000000)" });
    expect(v.budget.parse("101억")).toEqual({ ok: false, reason: "out of range (10000–10000000000)" });
    expect(v.cpm.parse("5천")).toEqual({ ok: true, value: 5_000 });
    expect(v.cpm.parse("0").ok).toBe(false);
    expect(v.budget.allowed.text).toContain("3천만원");
    expect(v.budget.allowed.text).toContain("no exponents (3e7), no other currencies");
    expect(v.budget.serialize(30_000_000)).toBe("30000000");
  });

  it("an empty budget is a missing parameter, named, not a default", () => {
    const r = readQuery(new URLSearchParams("service=delivery&budget=&cpm=5000"), planQuery(["2023-01"]));
    expect(r.problems).toEqual([expect.objectContaining({ parameter: "budget", kind: "missing" })]);
  });
});

describe("the reach assumptions' codecs", () => {
  it("reachable is a percentage 1–100, shape 0.1–100, both plain decimals", () => {
    expect(v.reachable.parse("72.5")).toEqual({ ok: true, value: 72.5 });
    expect(v.reachable.parse("100")).toEqual({ ok: true, value: 100 });
    expect(v.reachable.parse("0.5")).toEqual({ ok: false, reason: "out of range (1–100)" });
    expect(v.reachable.parse("101").ok).toBe(false);
    expect(v.reachable.parse("70%").ok).toBe(false);
    expect(v.shape.parse("0.1")).toEqual({ ok: true, value: 0.1 });
    expect(v.shape.parse("0.05").ok).toBe(false);
    expect(v.shape.parse("1e1").ok).toBe(false);
    expect(v.shape.parse("100")).toEqual({ ok: true, value: 100 });
  });
});
