import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { FIXTURE_MONTHS, fixtureDataset } from "@/test/fixtures/dataset";
import { Engine } from "./engine";
import { waterFill } from "./plan";

describe("waterFill", () => {
  it("shares in proportion to weight when nothing is full", () => {
    expect(waterFill(40, [{ weight: 1, capacity: 100 }, { weight: 3, capacity: 100 }])).toEqual({ amounts: [10, 30], full: [false, false], unallocated: 0 });
  });
  it("caps a cell at its capacity and shares the rest again over the others", () => {
    // 60 by 1 : 1 : 2 → 15, 15, 30; the first holds 10, the other 50 by 1 : 2 → 16.67, 33.33
    const f = waterFill(60, [{ weight: 1, capacity: 10 }, { weight: 1, capacity: 100 }, { weight: 2, capacity: 100 }]);
    expect(f.amounts[0]).toBe(10);
    expect(f.amounts[1]).toBeCloseTo(50 / 3, 12);
    expect(f.amounts[2]).toBeCloseTo(100 / 3, 12);
    expect(f.full).toEqual([true, false, false]);
    expect(f.unallocated).toBe(0);
  });
  it("repeats until no share exceeds its cell (a cap can push another over)", () => {
    // round 1: 15, 15, 30 → cap the first at 10; round 2: 50 by 1 : 2 → 16.67 > 16 → cap; round 3: 34 left for the last
    const f = waterFill(60, [{ weight: 1, capacity: 10 }, { weight: 1, capacity: 16 }, { weight: 2, capacity: 100 }]);
    expect(f).toEqual({ amounts: [10, 16, 34], full: [true, true, false], unallocated: 0 });
  });
  it("leaves what no cell can take when every weighted cell is full", () => {
    expect(waterFill(60, [{ weight: 1, capacity: 5 }, { weight: 2, capacity: 5 }, { weight: 0, capacity: 5 }])).toEqual({ amounts: [5, 5, 0], full: [true, true, false], unallocated: 50 });
  });
  it("gives weight-0 cells nothing, and refuses when every weight is 0", () => {
    expect(waterFill(10, [{ weight: 0, capacity: 100 }, { weight: 1, capacity: 100 }]).amounts).toEqual([0, 10]);
    expect(() => waterFill(10, [{ weight: 0, capacity: 100 }, { weight: 0, capacity: 100 }])).toThrow(RangeError);
    expect(() => waterFill(10, [])).toThrow(RangeError);
  });
});

describe("engine.plan on the fixture", () => {
  const engine = new Engine(fixtureDataset());
  // finance = d + m: within-month z = (d − 12)/√52 every month. January populations (F 20대): 강동구 25, 송파구 24.
  const gangdong = { district: findDistrict("gangdong-gu")!, sex: "F", age: 20 } as const;
  const songpa = { district: findDistrict("songpa-gu")!, sex: "F", age: 20 } as const;
  const jan = [FIXTURE_MONTHS[0]!];

  it("caps the segment that would exceed cap × people and gives the rest to the other", () => {
    // weights 25·12/√52 : 24·11/√52 = 300 : 264; I = 96 / 2,000 × 1,000 = 48 → 강동구 25.53 > 25 → 25, 송파구 the other 23
    const outcome = engine.plan({ service: "finance", budget: 96, cpm: 2000, cap: 1, months: jan, segments: [songpa, gangdong] });
    if (!outcome.ok) throw new Error(outcome.reason);
    const plan = outcome.plan;
    expect(plan).toMatchObject({ service: "finance", budget: 96, cpm: 2000, cap: 1, months: jan, impressions: 48, spent: 96, unspent: 0 });
    // sorted by budget: 강동구 (25 impressions × 2,000 / 1,000 = 50 KRW) before 송파구 (23 → 46)
    const [g, s] = plan.segments;
    expect(g).toMatchObject({ segment: { district: { code: "11740" }, sex: "F", age: 20 }, population: 25, impressions: 25, budget: 50, frequency: 1, saturated: true });
    expect(s).toMatchObject({ segment: { district: { code: "11710" } }, population: 24, saturated: false });
    expect(s!.impressions).toBeCloseTo(23, 12);
    expect(s!.budget).toBeCloseTo(46, 12);
    expect(s!.frequency).toBeCloseTo(23 / 24, 12);
    expect(g!.months).toEqual([{ month: jan[0], z: expect.closeTo(12 / Math.sqrt(52), 12), impressions: 25, budget: 50 }]);
    expect(plan.byMonth).toEqual([{ month: jan[0], impressions: expect.closeTo(48, 12), budget: expect.closeTo(96, 12) }]);
    expect(g!.alsoUses.map((a) => a.service)).toEqual(["youtube", "game", "video"]);
  });

  it("leaves the rest of the budget unspent when every weighted cell is full", () => {
    // I = 200; capacities 25 + 24 = 49 → 151 impressions × 2 KRW unspent
    const outcome = engine.plan({ service: "finance", budget: 400, cpm: 2000, cap: 1, months: jan, segments: [gangdong, songpa] });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.plan).toMatchObject({ impressions: 49, spent: 98, unspent: 302 });
    expect(outcome.plan.segments.every((s) => s.saturated)).toBe(true);
  });

  it("shares over months by population when z is the same every month; frequency is per person per month", () => {
    // 강동구 F 20대: p = 25, 25.2, 25.4 (Σ 75.6); I = 30, far below 10 × p
    const outcome = engine.plan({ service: "finance", budget: 30_000, cpm: 1_000_000, cap: 10, segments: [gangdong] });
    if (!outcome.ok) throw new Error(outcome.reason);
    const [seg] = outcome.plan.segments;
    expect(outcome.plan.months).toEqual(FIXTURE_MONTHS);
    expect(seg!.months.map((m) => m.impressions)).toEqual([25, 25.2, 25.4].map((p) => expect.closeTo((30 * p) / 75.6, 12)));
    expect(seg!.frequency).toBeCloseTo(30 / 75.6, 12);
    expect(seg!.saturated).toBe(false);
    expect(outcome.plan.spent).toBe(30_000);
  });

  it("refuses, naming segments, when no chosen segment over-uses the service in the chosen months", () => {
    const jongno = { district: findDistrict("jongno-gu")!, sex: "F", age: 20 } as const; // z = −12/√52
    const outcome = engine.plan({ service: "finance", budget: 10_000, cpm: 1000, cap: 10, segments: [jongno] });
    expect(outcome).toMatchObject({ ok: false, parameter: "segments" });
    // shopping has no spread at all (z null every month): nothing to weight by either
    expect(engine.plan({ service: "shopping", budget: 10_000, cpm: 1000, cap: 10 }).ok).toBe(false);
  });

  it("defaults to the service's top 10 targets and all months", () => {
    const outcome = engine.plan({ service: "finance", budget: 10_000, cpm: 1000, cap: 10 });
    if (!outcome.ok) throw new Error(outcome.reason);
    const codes = outcome.plan.segments.map((s) => `${s.segment.district.code}.${s.segment.sex}.${s.segment.age}`).sort();
    expect(codes).toEqual(engine.targets("finance", 10).map((t) => `${t.district.code}.${t.sex}.${t.age}`).sort());
    expect(outcome.plan.months).toEqual(FIXTURE_MONTHS);
  });
});
