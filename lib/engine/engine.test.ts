import { describe, expect, it } from "vitest";
import { DISTRICTS, type District } from "@/lib/districts";
import { FIXTURE_MONTHS, fixtureDataset } from "@/test/fixtures/dataset";
import { Engine } from "./engine";

// Expectations below follow from the rules documented in test/fixtures/dataset.ts, worked out by hand.
const engine = new Engine(fixtureDataset());
const GANGDONG = DISTRICTS[24]!; // 11740, d = 24
const JONGNO = DISTRICTS[0]!; // 11110, d = 0
const SQRT52 = Math.sqrt(52); // population SD of d + 1 over d = 0…24 (each district equally often)
const SD_AGE = Math.sqrt(35 / 12); // population SD of a = 2…7

describe("priority: overall", () => {
  const p = engine.priority({ district: GANGDONG, sex: "M", age: 70 });

  it("standardizes each service's mean usage across all segments", () => {
    const z = Object.fromEntries(p.overall.map((s) => [s.service, s.z]));
    expect(z.finance).toBeCloseTo((25 - 13) / SQRT52, 12); // 1.6641
    expect(z.video).toBeCloseTo((7 - 4.5) / SD_AGE, 12); // 1.4639
    expect(z.delivery).toBeCloseTo((7 - 4.5) / SD_AGE, 12);
    expect(z.game).toBeCloseTo(1, 12);
    expect(z.youtube).toBeCloseTo(-1, 12); // M mean −0.6 vs F −0.4
    expect(z.shopping).toBeNull();
    expect(z.netflix).toBeNull();
  });

  it("ranks by z, ties in service order, nulls last", () => {
    expect(p.overall.map((s) => [s.service, s.rank])).toEqual([
      ["finance", 1],
      ["video", 2],
      ["delivery", 3],
      ["game", 4],
      ["youtube", 5],
      ["shopping", 6],
      ["netflix", 7],
    ]);
  });
});

describe("priority: monthly", () => {
  const p = engine.priority({ district: JONGNO, sex: "F", age: 20 });

  it("has one ranking per month, standardized within that month", () => {
    expect(p.monthly.map((m) => m.month)).toEqual(FIXTURE_MONTHS);
    const jan = Object.fromEntries(p.monthly[0]!.ranking.map((s) => [s.service, s.z]));
    // In January every segment's youtube is −0.5: nothing to standardize against.
    expect(jan.youtube).toBeNull();
    expect(jan.finance).toBeCloseTo((0 - 12) / SQRT52, 12);
    const feb = Object.fromEntries(p.monthly[1]!.ranking.map((s) => [s.service, s.z]));
    expect(feb.youtube).toBeCloseTo(1, 12); // F −0.4 vs M −0.6
    expect(p.monthly[1]!.ranking[0]!.service).toBe("youtube");
  });
});

describe("priority: best months", () => {
  it("gives the three highest months with their difference from the segment's mean, in the service's unit", () => {
    const p = engine.priority({ district: GANGDONG, sex: "M", age: 70 });
    const finance = p.bestMonths.find((b) => b.service === "finance")!.months;
    expect(finance.map((b) => b.month)).toEqual(["2024-03", "2024-02", "2024-01"]);
    expect(finance.map((b) => b.value)).toEqual([26, 25, 24]);
    expect(finance[0]!.diff).toBeCloseTo(1, 12);
    // Negative index: −0.5, −0.6, −0.7 for M; January is highest, 0.1 above the mean of −0.6.
    const youtube = p.bestMonths.find((b) => b.service === "youtube")!.months;
    expect(youtube[0]!.month).toBe("2024-01");
    expect(youtube[0]!.value).toBeCloseTo(-0.5, 12);
    expect(youtube[0]!.diff).toBeCloseTo(0.1, 12);
  });
  it("lists services in priority order", () => {
    const p = engine.priority({ district: GANGDONG, sex: "M", age: 70 });
    expect(p.bestMonths.map((b) => b.service)).toEqual(p.overall.map((s) => s.service));
  });
  it("keeps calendar order on ties", () => {
    const p = engine.priority({ district: GANGDONG, sex: "M", age: 70 });
    const game = p.bestMonths.find((b) => b.service === "game")!.months; // constant 3
    expect(game.map((b) => [b.month, b.diff])).toEqual(FIXTURE_MONTHS.map((m) => [m, 0]));
  });
});

describe("trend", () => {
  it("returns the months and one series per service", () => {
    const t = engine.trend({ district: JONGNO, sex: "M", age: 30 });
    expect(t.months).toEqual(FIXTURE_MONTHS);
    expect(t.series.map((s) => s.service)).toEqual([
      "game",
      "finance",
      "shopping",
      "video",
      "youtube",
      "netflix",
      "delivery",
    ]);
    expect(t.series.find((s) => s.service === "video")!.values).toEqual([-2, 0, 2]);
    expect(t.series.find((s) => s.service === "youtube")!.values.map((v) => +v.toFixed(10))).toEqual([
      -0.5, -0.6, -0.7,
    ]);
  });
  it("refuses a district that is not one of the 25 (keys come from parsed parameters)", () => {
    const nowhere: District = { ...JONGNO, code: "99999" };
    expect(() => engine.trend({ district: nowhere, sex: "M", age: 30 })).toThrow(RangeError);
  });
});

describe("targets", () => {
  const targets = engine.targets("finance", 300);

  it("ranks segments by the service's z, ties in canonical order", () => {
    expect(targets).toHaveLength(300);
    // 강동구 (d = 24) holds the 12 highest finance z; first is its F 20대 segment.
    expect(targets.slice(0, 12).every((t) => t.district.code === GANGDONG.code)).toBe(true);
    expect(targets[0]).toMatchObject({ district: { code: GANGDONG.code, slug: "gangdong-gu" }, sex: "F", age: 20 });
    expect(targets[0]!.z).toBeCloseTo(12 / SQRT52, 12);
    expect(targets[0]!.usage).toBe(25); // mean of 24, 25, 26
    expect(targets[0]!.population).toBe(25); // (24 + 1)·1·1 + mean(0, 0.2, 0.4) = 25.2 → 25
  });

  it("ranks the other services by r of the monthly series, nulls last", () => {
    // finance rises by 1 a month: video (+2m), youtube for F (+0.1m) and delivery (+0.5m) move with it,
    // shopping (−m) against it; game and netflix are constant (r undefined).
    expect(targets[0]!.related).toEqual([
      { service: "video", r: 1 },
      { service: "youtube", r: 1 },
      { service: "delivery", r: 1 },
      { service: "shopping", r: -1 },
      { service: "game", r: null },
      { service: "netflix", r: null },
    ]);
    const male = targets.find((t) => t.sex === "M")!;
    // For M youtube falls (−0.1m): it ties shopping at r = −1, and ties keep the service order.
    expect(male.related.map((r) => r.service)).toEqual(["video", "delivery", "shopping", "youtube", "game", "netflix"]);
    expect(male.related[3]!.r).toBeCloseTo(-1, 12);
  });

  it("slices to the limit", () => {
    expect(engine.targets("finance", 1)).toEqual(targets.slice(0, 1));
  });
});

describe("population", () => {
  it("is the mean over months, rounded, ranked; T rounds F + M", () => {
    const t = engine.population(20, "T");
    expect(t).toHaveLength(25);
    // means over months: F (d+1) + 0.2, M 2(d+1) + 0.2, T 3(d+1) + 0.4 → rounded: d+1, 2(d+1), 3(d+1)
    expect(t[0]).toMatchObject({ district: { code: GANGDONG.code }, population: 75, rank: 1 });
    expect(t[24]).toMatchObject({ district: { code: JONGNO.code }, population: 3, rank: 25 });
    const f = engine.population(20, "F");
    expect(f.find((r) => r.district.code === GANGDONG.code)!.population).toBe(25);
    // 종로구's weight grows with age: 70대 (w = 6) gives F 6, M 12.
    expect(engine.population(70, "T").find((r) => r.district.code === JONGNO.code)!.population).toBe(18);
  });
});

describe("averageAge", () => {
  it("is the population-weighted mean of band midpoints", () => {
    const all = engine.averageAge("T");
    // 종로구 weights per band (F + M, means over months): 3w + 0.4 = 3.4, 6.4 … 18.4 → 3795 / 65.4
    expect(all[0]).toMatchObject({ district: { code: JONGNO.code }, rank: 1 });
    expect(all[0]!.averageAge).toBeCloseTo(3795 / 65.4, 12);
    // every other district has equal weights across bands: (25 + … + 75) / 6 = 50
    expect(all.slice(1).every((r) => Math.abs(r.averageAge - 50) < 1e-12)).toBe(true);
    // F only: weights w + 0.2 = 1.2 … 6.2 → Σ(mid·w) / Σw = 1285 / 22.2
    expect(engine.averageAge("F").find((r) => r.district.code === JONGNO.code)!.averageAge).toBeCloseTo(
      1285 / 22.2,
      12,
    );
  });
});

describe("correlation", () => {
  it("is a 7×7 Pearson matrix over the age band's segment-months", () => {
    const c = engine.correlation(20);
    expect(c.services).toHaveLength(7);
    expect(c.observations).toBe(25 * 2 * 3);
    const at = (a: string, b: string) => c.matrix[c.services.indexOf(a as never)]![c.services.indexOf(b as never)]!;
    expect(at("finance", "finance")).toBe(1);
    // game centred is −s, youtube centred 0.1·m·s: cov = −0.1·E[m] = −0.1, var = 1 and 0.01·5/3.
    expect(at("game", "youtube")).toBeCloseTo(-Math.sqrt(0.6), 12);
    expect(at("game", "finance")).toBeCloseTo(0, 12); // independent by design
    expect(at("netflix", "finance")).toBeNull();
    expect(at("shopping", "video")).toBeCloseTo(-1, 12); // within one age band video = const + 2m
    expect(c.matrix.every((row, i) => row.every((r, j) => r === c.matrix[j]![i]))).toBe(true);
  });
  it("restricts to one sex when given", () => {
    const f = engine.correlation(20, "F");
    expect(f.observations).toBe(25 * 3);
    // Within F, game is constant: its row is null except nothing (even the diagonal is undefined).
    expect(f.matrix[0]!.every((r) => r === null)).toBe(true);
  });
});
