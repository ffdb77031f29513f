import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { FIXTURE_MONTHS, fixtureDataset } from "@/test/fixtures/dataset";
import { Engine } from "./engine";
import { waterFill } from "./plan";

describe("waterFill", () => {
  it("shares in proportion to weight when nothing is full", () => {
    expect(
      waterFill(40, [
        { weight: 1, capacity: 100 },
        { weight: 3, capacity: 100 },
      ]),
    ).toEqual({ amounts: [10, 30], full: [false, false], unallocated: 0 });
  });
  it("caps a cell at its capacity and shares the rest again over the others", () => {
    // 60 by 1 : 1 : 2 → 15, 15, 30; the first holds 10, the other 50 by 1 : 2 → 16.67, 33.33
    const f = waterFill(60, [
      { weight: 1, capacity: 10 },
      { weight: 1, capacity: 100 },
      { weight: 2, capacity: 100 },
    ]);
    expect(f.amounts[0]).toBe(10);
    expect(f.amounts[1]).toBeCloseTo(50 / 3, 12);
    expect(f.amounts[2]).toBeCloseTo(100 / 3, 12);
    expect(f.full).toEqual([true, false, false]);
    expect(f.unallocated).toBe(0);
  });
  it("repeats until no share exceeds its cell (a cap can push another over)", () => {
    // round 1: 15, 15, 30 → cap the first at 10; round 2: 50 by 1 : 2 → 16.67 > 16 → cap; round 3: 34 left for the last
    const f = waterFill(60, [
      { weight: 1, capacity: 10 },
      { weight: 1, capacity: 16 },
      { weight: 2, capacity: 100 },
    ]);
    expect(f).toEqual({ amounts: [10, 16, 34], full: [true, true, false], unallocated: 0 });
  });
  it("leaves what no cell can take when every weighted cell is full", () => {
    expect(
      waterFill(60, [
        { weight: 1, capacity: 5 },
        { weight: 2, capacity: 5 },
        { weight: 0, capacity: 5 },
      ]),
    ).toEqual({ amounts: [5, 5, 0], full: [true, true, false], unallocated: 50 });
  });
  it("gives weight-0 cells nothing, and refuses when every weight is 0", () => {
    expect(
      waterFill(10, [
        { weight: 0, capacity: 100 },
        { weight: 1, capacity: 100 },
      ]).amounts,
    ).toEqual([0, 10]);
    expect(() =>
      waterFill(10, [
        { weight: 0, capacity: 100 },
        { weight: 0, capacity: 100 },
      ]),
    ).toThrow(RangeError);
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
    const outcome = engine.plan({
      service: "finance",
      budget: 96,
      cpm: 2000,
      cap: 1,
      reachable: 100,
      shape: 1,
      months: jan,
      segments: [songpa, gangdong],
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    const plan = outcome.plan;
    expect(plan).toMatchObject({
      service: "finance",
      budget: 96,
      cpm: 2000,
      cap: 1,
      reachable: 100,
      shape: 1,
      months: jan,
      impressions: 48,
      spent: 96,
      unspent: 0,
    });
    // sorted by budget: 강동구 (25 impressions × 2,000 / 1,000 = 50 KRW) before 송파구 (23 → 46)
    const [g, s] = plan.segments;
    expect(g).toMatchObject({
      segment: { district: { code: "11740" }, sex: "F", age: 20 },
      population: 25,
      impressions: 25,
      budget: 50,
      frequency: 1,
      saturated: true,
    });
    expect(s).toMatchObject({ segment: { district: { code: "11710" } }, population: 24, saturated: false });
    expect(s!.impressions).toBeCloseTo(23, 12);
    expect(s!.budget).toBeCloseTo(46, 12);
    expect(s!.frequency).toBeCloseTo(23 / 24, 12);
    // everyone reachable (the default), cap 1: 강동구 is full, all 25 reached once; 송파구's 23 impressions over
    // 24 people reach P(X ≥ 1) = E[min(X, 1)] = 23/24 of them, 23
    expect(g!.months).toEqual([
      {
        month: jan[0],
        z: expect.closeTo(12 / Math.sqrt(52), 12),
        impressions: 25,
        budget: 50,
        reachable: 25,
        reach1: 25,
        reach3: 0,
        frequencyDistribution: [25],
        averageFrequency: 1,
      },
    ]);
    expect(s!.months[0]!.reach1).toBeCloseTo(23, 9);
    expect(s!.reach).toEqual({ lower: expect.closeTo(23, 9), upper: expect.closeTo(23, 9) });
    expect(plan).toMatchObject({ reachable: 100, shape: 1 });
    expect(plan.reach).toEqual({ lower: expect.closeTo(48, 9), upper: expect.closeTo(48, 9) });
    expect(plan.byMonth).toEqual([
      {
        month: jan[0],
        impressions: expect.closeTo(48, 12),
        budget: expect.closeTo(96, 12),
        reach1: expect.closeTo(48, 9),
      },
    ]);
    expect(g!.alsoUses.map((a) => a.service)).toEqual(["youtube", "game", "video"]);
  });

  it("caps at reachable people × cap: half of them reachable halves what can be bought", () => {
    // R = 12.5 and 12, cap 1 → 24.5 impressions at most (of 48): both full, 23.5 × 2 KRW unspent
    const outcome = engine.plan({
      service: "finance",
      budget: 96,
      cpm: 2000,
      cap: 1,
      reachable: 50,
      shape: 1,
      months: jan,
      segments: [songpa, gangdong],
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.plan).toMatchObject({ reachable: 50, impressions: 24.5, spent: 49, unspent: 47 });
    expect(outcome.plan.reach.lower).toBeCloseTo(24.5, 9);
    expect(outcome.plan.segments.map((s) => s.months[0]!.reachable)).toEqual([12.5, 12]);
  });

  it("leaves the rest of the budget unspent when every weighted cell is full", () => {
    // I = 200; capacities 25 + 24 = 49 → 151 impressions × 2 KRW unspent
    const outcome = engine.plan({
      service: "finance",
      budget: 400,
      cpm: 2000,
      cap: 1,
      reachable: 100,
      shape: 1,
      months: jan,
      segments: [gangdong, songpa],
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.plan).toMatchObject({ impressions: 49, spent: 98, unspent: 302 });
    expect(outcome.plan.segments.every((s) => s.saturated)).toBe(true);
  });

  it("shares over months by population when z is the same every month; frequency is per person per month", () => {
    // 강동구 F 20대: p = 25, 25.2, 25.4 (Σ 75.6); I = 30, far below 10 × p
    const outcome = engine.plan({
      service: "finance",
      budget: 30_000,
      cpm: 1_000_000,
      cap: 10,
      reachable: 100,
      shape: 1,
      segments: [gangdong],
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    const [seg] = outcome.plan.segments;
    expect(outcome.plan.months).toEqual(FIXTURE_MONTHS);
    expect(seg!.months.map((m) => m.impressions)).toEqual(
      [25, 25.2, 25.4].map((p) => expect.closeTo((30 * p) / 75.6, 12)),
    );
    expect(seg!.frequency).toBeCloseTo(30 / 75.6, 12);
    expect(seg!.saturated).toBe(false);
    expect(outcome.plan.spent).toBe(30_000);
  });

  it("refuses, naming segments, when no chosen segment over-uses the service in the chosen months", () => {
    const jongno = { district: findDistrict("jongno-gu")!, sex: "F", age: 20 } as const; // z = −12/√52
    const outcome = engine.plan({
      service: "finance",
      budget: 10_000,
      cpm: 1000,
      cap: 10,
      reachable: 100,
      shape: 1,
      segments: [jongno],
    });
    expect(outcome).toMatchObject({ ok: false, parameter: "segments" });
    // shopping has no spread at all (z null every month): nothing to weight by either
    expect(engine.plan({ service: "shopping", budget: 10_000, cpm: 1000, cap: 10, reachable: 100, shape: 1 }).ok).toBe(
      false,
    );
  });

  it("defaults to the service's top 10 targets and all months", () => {
    const outcome = engine.plan({ service: "finance", budget: 10_000, cpm: 1000, cap: 10, reachable: 100, shape: 1 });
    if (!outcome.ok) throw new Error(outcome.reason);
    const codes = outcome.plan.segments
      .map((s) => `${s.segment.district.code}.${s.segment.sex}.${s.segment.age}`)
      .sort();
    expect(codes).toEqual(
      engine
        .targets("finance", 10)
        .map((t) => `${t.district.code}.${t.sex}.${t.age}`)
        .sort(),
    );
    expect(outcome.plan.months).toEqual(FIXTURE_MONTHS);
  });
});

describe("engine.planCurve on the fixture", () => {
  const engine = new Engine(fixtureDataset());
  const gangdong = { district: findDistrict("gangdong-gu")!, sex: "F", age: 20 } as const;
  const songpa = { district: findDistrict("songpa-gu")!, sex: "F", age: 20 } as const;

  it("plans the same inputs at ¼ … 3 × the budget; impressions and reach only rise, reach per won falls", () => {
    // capacity 10 × Σ p ≈ 1,477 impressions; 800 impressions at 1 × → the 3 × point is capped
    const outcome = engine.planCurve({
      service: "finance",
      budget: 8_000,
      cpm: 10_000,
      cap: 10,
      reachable: 100,
      shape: 1,
      segments: [gangdong, songpa],
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    const { points } = outcome;
    expect(points.map((p) => p.multiple)).toEqual([0.25, 0.5, 0.75, 1, 1.5, 2, 3]);
    expect(points.map((p) => p.budget)).toEqual([2_000, 4_000, 6_000, 8_000, 12_000, 16_000, 24_000]);
    const one = engine.plan({
      service: "finance",
      budget: 8_000,
      cpm: 10_000,
      cap: 10,
      reachable: 100,
      shape: 1,
      segments: [gangdong, songpa],
    });
    if (!one.ok) throw new Error(one.reason);
    expect(points[3]).toEqual({
      multiple: 1,
      budget: 8_000,
      impressions: one.plan.impressions,
      reach: one.plan.reach,
      reach3: one.plan.reach3,
    });
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1]!, points[i]!];
      expect(b.impressions).toBeGreaterThanOrEqual(a.impressions);
      for (const key of ["reach", "reach3"] as const) {
        expect(b[key].lower).toBeGreaterThanOrEqual(a[key].lower);
        expect(b[key].upper).toBeGreaterThanOrEqual(a[key].upper);
      }
      expect(b.reach.upper / b.budget).toBeLessThan(a.reach.upper / a.budget);
    }
    // the last point is past capacity: everything bought, every cell full, everyone reached
    expect(points[6]!.impressions).toBeLessThan(2_400);
    expect(points[6]!.reach.lower).toBeCloseTo(25.4 + 24.4, 6);
  });

  it("is refused like the plan when nothing chosen over-uses the service", () => {
    const jongno = { district: findDistrict("jongno-gu")!, sex: "F", age: 20 } as const;
    expect(
      engine.planCurve({
        service: "finance",
        budget: 10_000,
        cpm: 1000,
        cap: 10,
        reachable: 100,
        shape: 1,
        segments: [jongno],
      }),
    ).toMatchObject({ ok: false, parameter: "segments" });
  });
});
