import { describe, expect, it } from "vitest";
import { fixtureDataset } from "@/test/fixtures/dataset";
import { Engine } from "./engine";

// Fixture populations summed over the 300 segments in month m (hand-worked from test/fixtures/dataset.ts):
// F: Σ over d ≥ 1 of 6·(d + 1) = 1944, plus 종로구's w = 1…6 → 21, plus 0.2m × 150 → 1965 + 30m;
// M twice the base: 3930 + 30m; all: 5895 + 60m.
const engine = new Engine(fixtureDataset());
const P_F = (m: number) => 1965 + 30 * m;
const P_M = (m: number) => 3930 + 30 * m;
const DAYS = [31, 29, 31]; // 2024 is a leap year
const get = (basis: "month" | "day", service: string) =>
  engine.seasonality(basis).services.find((s) => s.service === service)!;

describe("seasonality: the Seoul level", () => {
  it("weights segments by population (game: F 1, M 3 → 7/3 in January, not the plain mean 2)", () => {
    const level = get("month", "game").level;
    expect(level[0]).toBeCloseTo(7 / 3, 12);
    for (const m of [0, 1, 2]) expect(level[m]).toBeCloseTo((1 * P_F(m) + 3 * P_M(m)) / (P_F(m) + P_M(m)), 12);
  });
  it("is per day on the day basis for counts — February divided by 29 — and unchanged for indices", () => {
    const perDay = get("day", "game").level;
    const perMonth = get("month", "game").level;
    for (const m of [0, 1, 2]) expect(perDay[m]).toBeCloseTo(perMonth[m]! / DAYS[m]!, 14);
    // youtube: F −0.5 + 0.1m, M −0.5 − 0.1m → −0.5 + 0.1m·(P_F − P_M)/P = −0.5 − 0.1m·1965/(5895 + 60m)
    const youtube = get("day", "youtube").level;
    expect(youtube[1]).toBeCloseTo(-0.5 - (0.1 * 1965) / 5955, 12);
    expect(youtube).toEqual(get("month", "youtube").level);
  });
});

describe("seasonality: relative to the mean month", () => {
  it("is 100 × level ÷ mean level for counts", () => {
    const s = get("day", "game");
    expect(s).toMatchObject({ unitKind: "count", relativeKind: "index100" });
    const avg = (s.level[0]! + s.level[1]! + s.level[2]!) / 3;
    s.relative.forEach((r, m) => expect(r).toBeCloseTo((100 * s.level[m]!) / avg, 12));
    // February per day is the highest: 29 days of the same usage.
    expect(s.relative[1]).toBeGreaterThan(100);
  });
  it("is level − mean level for indices (a ratio of negative indices means nothing)", () => {
    const netflix = get("month", "netflix"); // −0.2 everywhere
    expect(netflix).toMatchObject({ unitKind: "index", relativeKind: "difference" });
    netflix.level.forEach((v) => expect(v).toBeCloseTo(-0.2, 14));
    netflix.relative.forEach((r) => expect(r).toBeCloseTo(0, 14));
    const youtube = get("month", "youtube");
    const avg = (youtube.level[0]! + youtube.level[1]! + youtube.level[2]!) / 3;
    expect(youtube.relative[0]).toBeCloseTo(-0.5 - avg, 12);
  });
  it("names its basis and months, all seven services in order", () => {
    const s = engine.seasonality("day");
    expect(s.basis).toBe("day");
    expect(s.months).toEqual(engine.months);
    expect(s.services.map((x) => x.service)).toEqual([
      "game",
      "finance",
      "shopping",
      "video",
      "youtube",
      "netflix",
      "delivery",
    ]);
    expect(engine.seasonality()).toBe(engine.seasonality("month"));
  });
});
