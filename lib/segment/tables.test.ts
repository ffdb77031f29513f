import { describe, expect, it } from "vitest";
import type { ServiceScore } from "@/lib/engine";
import { bestMonthCards, bestMonthsTable, monthlyRankTable, priorityTable, trendTable, zBar } from "./tables";

const overall: ServiceScore[] = [
  { service: "netflix", z: 1.44, rank: 1 },
  { service: "youtube", z: 0.96, rank: 2 },
  { service: "game", z: -0.63, rank: 3 },
];

describe("segment tables", () => {
  it("lists services in priority order with z and words", () => {
    const t = priorityTable(overall);
    expect(t.columns.map((c) => c.label)).toEqual(["순위", "서비스", "z (서울 300개 세그먼트 대비)", "해석"]);
    expect(t.rows).toEqual([
      [1, "넷플릭스", 1.44, "서울 평균보다 크게 높음"],
      [2, "유튜브", 0.96, "서울 평균보다 크게 높음"],
      [3, "게임", -0.63, "서울 평균보다 크게 낮음"],
    ]);
  });

  it("has one row per month, whatever the number of months", () => {
    const monthly = ["2023-01", "2023-02", "2023-03", "2023-04"].map((month) => ({ month, ranking: overall }));
    const t = monthlyRankTable(monthly);
    expect(t.rows).toHaveLength(4);
    expect(t.columns.map((c) => c.label)).toEqual(["월", "1위", "2위", "3위"]);
    expect(t.rows[3]).toEqual(["2023년 4월", "넷플릭스", "유튜브", "게임"]);
  });

  it("puts the raw value beside the unit-free index", () => {
    const t = trendTable({ months: ["2023-01", "2023-02"], series: [{ service: "netflix", values: [-0.1, -0.3] }, { service: "game", values: [7, 7] }] });
    // −0.1 and −0.3: mean −0.2, SD 0.1 → +1 and −1; a constant series has no index.
    expect(t.rows.map((r) => r.slice(0, 3))).toEqual([
      ["2023년 1월", "넷플릭스", -0.1],
      ["2023년 1월", "게임", 7],
      ["2023년 2월", "넷플릭스", -0.3],
      ["2023년 2월", "게임", 7],
    ]);
    expect(t.rows[0]![3]).toBeCloseTo(1, 10);
    expect(t.rows[1]![3]).toBeNull();
    expect(t.rows[2]![3]).toBeCloseTo(-1, 10);
  });

  it("keeps the best months of the top services only, in priority order", () => {
    const best = [
      { service: "game" as const, months: [{ month: "2023-07", value: 42, diff: 2 }] },
      { service: "netflix" as const, months: [{ month: "2023-03", value: -0.02, diff: 0.05 }] },
      { service: "youtube" as const, months: [{ month: "2023-02", value: 0.13, diff: 0.003 }] },
    ];
    const cards = bestMonthCards(overall, best, 2);
    expect(cards.map((c) => c.service)).toEqual(["netflix", "youtube"]);
    expect(bestMonthsTable(cards).rows).toEqual([
      [1, "넷플릭스", "2023년 3월", -0.02, 0.05],
      [2, "유튜브", "2023년 2월", 0.13, 0.003],
    ]);
  });

  it("scales z bars and clamps them", () => {
    expect(zBar(1)).toEqual({ side: "pos", fraction: 0.5 });
    expect(zBar(-3)).toEqual({ side: "neg", fraction: 1 });
    expect(zBar(null)).toEqual({ side: "none", fraction: 0 });
  });
});
