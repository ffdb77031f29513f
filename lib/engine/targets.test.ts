import { describe, expect, it } from "vitest";
import { DISTRICTS } from "@/lib/districts";
import { SERVICE_IDS, type ServiceId } from "@/lib/domain";
import { fixtureDataset } from "@/test/fixtures/dataset";
import { Engine } from "./engine";
import type { SeoulLevels } from "./seasonality";
import type { SegmentSeries } from "./segments";
import { relatedAdjusted } from "./targets";

const SD_AGE = Math.sqrt(35 / 12);

/** A three-month segment whose day-basis series are given (zero elsewhere). */
function segmentWith(daily: Partial<Record<ServiceId, number[]>>): SegmentSeries {
  const series = Object.fromEntries(SERVICE_IDS.map((s) => [s, daily[s] ?? [0, 0, 0]])) as Record<ServiceId, number[]>;
  const meanUsage = Object.fromEntries(SERVICE_IDS.map((s) => [s, 0])) as Record<ServiceId, number>;
  return {
    district: DISTRICTS[0]!,
    sex: "F",
    age: 20,
    population: [1, 1, 1],
    meanPopulation: 1,
    series,
    daily: series,
    meanUsage,
  };
}
const levelsWith = (levels: Partial<SeoulLevels>) =>
  Object.fromEntries(SERVICE_IDS.map((s) => [s, levels[s] ?? [0, 0, 0]])) as SeoulLevels;

describe("relatedAdjusted", () => {
  it("correlates the residuals v_day − Seoul level_day, nulls last", () => {
    const seg = segmentWith({ game: [1, 2, 3], finance: [2, 4, 9], shopping: [5, 6, 7], video: [3, 2, 1] });
    const levels = levelsWith({ game: [1, 1, 1], finance: [0, 1, 3], shopping: [4, 5, 6] });
    // residuals: game 0, 1, 2; finance 2, 3, 6; shopping 1, 1, 1 (moves only with Seoul); video 3, 2, 1.
    // r(game, finance): centred −1, 0, 1 and −5/3, −2/3, 7/3 → 4 / √(2 · 78/9) = 12/√156.
    expect(relatedAdjusted(seg, "game", levels)).toEqual([
      { service: "finance", r: expect.closeTo(12 / Math.sqrt(156), 12) },
      { service: "video", r: expect.closeTo(-1, 12) },
      { service: "shopping", r: null }, // raw r with game would be 1: all of it the city-wide shift
      { service: "youtube", r: null },
      { service: "netflix", r: null },
      { service: "delivery", r: null },
    ]);
  });
  it("reads a segment at the Seoul level give or take rounding as no movement (null), not r = ±1 of noise", () => {
    const seg = segmentWith({ netflix: [-0.2, -0.2, -0.2], game: [1, 2, 3] });
    const levels = levelsWith({ netflix: [-0.2, -0.20000000000000004, -0.19999999999999998] });
    expect(relatedAdjusted(seg, "netflix", levels).every((r) => r.r === null)).toBe(true);
  });
});

describe("targets: relatedAdjusted and alsoUses on the fixture", () => {
  const engine = new Engine(fixtureDataset());
  const top = engine.targets("finance", 1)[0]!; // 강동구 F 20대

  it("keeps related as it was and adds the adjusted ranking", () => {
    expect(top.related.map((r) => r.service)).toEqual(["video", "youtube", "delivery", "shopping", "game", "netflix"]);
    expect(top.relatedAdjusted.map((r) => r.service).sort()).toEqual([
      "delivery",
      "game",
      "netflix",
      "shopping",
      "video",
      "youtube",
    ]);
    // shopping (10 − m for everyone) and netflix (−0.2 for everyone) are exactly the Seoul level:
    // raw r of shopping with finance is −1, all of it the shared trend; adjusted there is nothing left.
    expect(top.relatedAdjusted.slice(-2)).toEqual([
      { service: "shopping", r: null },
      { service: "netflix", r: null },
    ]);
  });

  it("lists the three other services the segment over-uses most, by its own overall z", () => {
    // 강동구 F 20대: youtube +1 (F), game −1 (F), video and delivery (2 − 4.5)/√(35/12) tie → service order.
    expect(top.alsoUses).toEqual([
      { service: "youtube", z: expect.closeTo(1, 12) },
      { service: "game", z: expect.closeTo(-1, 12) },
      { service: "video", z: expect.closeTo(-2.5 / SD_AGE, 12) },
    ]);
  });
});
