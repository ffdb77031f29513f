import { describe, expect, it } from "vitest";
import { DISTRICTS } from "@/lib/districts";
import { SERVICE_IDS } from "@/lib/domain";
import type { DistrictAverageAge, DistrictEffect, DistrictPopulation } from "@/lib/engine";
import {
  correlationTable,
  formatCompact,
  heatmapCells,
  insightsMap,
  insightsMapTable,
  insightsTitle,
  mapTitle,
  METRIC_OPTIONS,
  populationBars,
  populationTable,
  populationTicks,
  topDistricts,
} from "./insights";

const d = (i: number) => DISTRICTS[i]!;

// Four districts, given out of rank order on purpose.
const population: DistrictPopulation[] = [
  { district: d(2), population: 500, rank: 3 },
  { district: d(0), population: 900, rank: 1 },
  { district: d(3), population: 100, rank: 4 },
  { district: d(1), population: 700, rank: 2 },
];

const averageAge: DistrictAverageAge[] = [
  { district: d(1), averageAge: 44.994, rank: 2 },
  { district: d(0), averageAge: 48.586, rank: 1 },
  { district: d(3), averageAge: NaN, rank: 4 },
  { district: d(2), averageAge: 46.004, rank: 3 },
];

describe("population bars", () => {
  it("ranks the districts, highlights the top 3 and sizes bars against the largest", () => {
    const bars = populationBars(population);
    expect(bars.map((b) => [b.name, b.population, b.top, Math.round(b.percent * 100) / 100])).toEqual([
      ["종로구", 900, true, 100],
      ["중구", 700, true, 77.78],
      ["용산구", 500, true, 55.56],
      ["성동구", 100, false, 11.11],
    ]);
    expect(topDistricts(bars).map((b) => b.code)).toEqual(["11110", "11140", "11170"]);
    expect(populationTable(bars).rows[0]).toEqual([1, "종로구", "11110", 900]);
    expect(populationTable(bars).columns.map((c) => c.label)).toEqual(["순위", "자치구", "자치구 코드", "인구(명)"]);
  });
  it("puts gridlines at round steps and formats them compactly in Korean", () => {
    expect(formatCompact(100000)).toBe("10만");
    expect(formatCompact(25000)).toBe("2.5만");
    // 900 / 4 = 225 → step 250: 0, 250, 500, 750.
    expect(populationTicks(900).map((t) => t.value)).toEqual([0, 250, 500, 750]);
    expect(populationTicks(900)[2]!.percent).toBeCloseTo(55.556, 3);
    expect(populationTicks(0)).toEqual([]);
  });
  it("titles the page by age band and sex, and the map's service when it shows one", () => {
    expect(insightsTitle(20, "T", "average-age")).toBe("현황 분석 — 20대 전체");
    expect(insightsTitle(70, "F", "population")).toBe("현황 분석 — 70대 여성");
    expect(insightsTitle(30, "M", "delivery")).toBe("현황 분석 — 30대 남성 · 배달 지도");
  });
});

describe("correlation heatmap", () => {
  const matrix = SERVICE_IDS.map((_, i) =>
    SERVICE_IDS.map((__, j) => (i === j ? 1 : i === 6 || j === 6 ? null : -0.4567)),
  );
  const corr = { services: SERVICE_IDS, matrix };
  it("gives 7×7 cells with r rounded as printed, and – for a missing r", () => {
    const cells = heatmapCells(corr);
    expect(cells).toHaveLength(7);
    expect(cells.every((row) => row.length === 7)).toBe(true);
    expect(cells[0]![0]).toMatchObject({ row: "game", col: "game", r: 1, label: "+1.00", fill: "#d73027" });
    // −0.46 is in the second class of negatives, [−0.5, −0.25).
    expect(cells[0]![1]).toMatchObject({ r: -0.46, label: "−0.46", fill: "#abd9e9" });
    expect(cells[6]![0]).toMatchObject({ r: null, label: "–" });
  });
  it("tables the matrix with service names", () => {
    const t = correlationTable(corr);
    expect(t.columns.map((c) => c.label)).toEqual([
      "서비스",
      "게임",
      "금융",
      "쇼핑",
      "동영상/방송",
      "유튜브",
      "넷플릭스",
      "배달",
    ]);
    expect(t.rows[0]).toEqual(["게임", 1, -0.46, -0.46, -0.46, -0.46, -0.46, null]);
    expect(t.rows).toHaveLength(7);
  });
});

describe("district map", () => {
  it("offers average age, population and the seven services' district effects", () => {
    expect(METRIC_OPTIONS.map((o) => o.value)).toEqual(["average-age", "population", ...SERVICE_IDS]);
    expect(METRIC_OPTIONS[0]!.label).toBe("평균 연령 (연령대 선택과 무관)");
    expect(METRIC_OPTIONS[8]!.label).toBe("배달 자치구 효과");
  });
  it("titles follow the filters, except average age, which says it ignores the age band", () => {
    expect(mapTitle("average-age", 30, "F")).toBe("자치구 평균 연령 — 여성 (연령대 선택과 무관, 20대 이상 전체)");
    expect(mapTitle("population", 30, "F")).toBe("자치구 인구 — 30대 여성");
    expect(mapTitle("youtube", 20, "T")).toBe("유튜브 자치구 효과 — 20대 전체");
  });
  it("classes average ages in rank order and describes each district in words", () => {
    const map = insightsMap({ metric: "average-age", districts: averageAge }, 20, "F");
    expect(map.districts.map((m) => [m.name, m.value, m.valueText])).toEqual([
      ["종로구", 48.586, "48.59세"],
      ["중구", 44.994, "44.99세"],
      ["용산구", 46.004, "46.00세"],
      ["성동구", null, "자료 없음"],
    ]);
    // 44.99…48.59 → classes of 1 year from 44 to 49.
    expect(map.legend.map((l) => l.label)).toEqual(["44–45", "45–46", "46–47", "47–48", "48–49"]);
    expect(map.legendTitle).toBe("평균 연령 (세)");
    expect(map.districts[0]).toMatchObject({
      fill: "#440154",
      description: "종로구 평균 연령 48.59세, 구간 48–49, 1위",
    });
    expect(map.districts[3]).toMatchObject({ fill: "#c8ccd2", description: "성동구 평균 연령 자료 없음, 4위" });
    const t = insightsMapTable({ metric: "average-age", districts: averageAge });
    expect(t.columns.map((c) => c.label)).toEqual(["순위", "자치구", "자치구 코드", "평균 연령(세)"]);
    expect(t.rows[1]).toEqual([2, "중구", "11140", 44.994]);
    expect(t.rows[3]).toEqual([4, "성동구", "11200", null]);
  });
  it("classes populations with round edges", () => {
    const map = insightsMap({ metric: "population", districts: population }, 20, "T");
    // 100…900: step 200 from 0 → 5 classes up to 1,000.
    expect(map.legend.map((l) => l.label)).toEqual(["0–200", "200–400", "400–600", "600–800", "800–1,000"]);
    expect(map.districts[0]!.valueText).toBe("900명");
  });
  it("shows a count service's district effect as an index around 100, an index service's as z", () => {
    const effect = (index: number | null, z: number, rank: number, i: number): DistrictEffect => ({
      district: d(i),
      usage: 1,
      districtZ: z,
      index,
      population: 10,
      rank,
    });
    const delivery = insightsMap(
      { metric: "delivery", districts: [effect(93, -1.2, 3, 0), effect(104, 0.3, 2, 1), effect(106, 0.9, 1, 2)] },
      20,
      "T",
    );
    expect(delivery.legendTitle).toBe("배달 이용 지수 (25개 구 평균 = 100)");
    // Farthest from 100 is 7 → step 2, 92 … 108.
    expect(delivery.legend.map((l) => l.label)).toEqual([
      "92–94",
      "94–96",
      "96–98",
      "98–100",
      "100–102",
      "102–104",
      "104–106",
      "106–108",
    ]);
    expect(delivery.districts.map((m) => [m.name, m.valueText, m.fill])).toEqual([
      ["용산구", "106.00", "#d73027"],
      ["중구", "104.00", "#f46d43"],
      ["종로구", "93.00", "#4575b4"],
    ]);
    const youtube = insightsMap(
      { metric: "youtube", districts: [effect(null, -1.2, 2, 0), effect(null, 1.9, 1, 1)] },
      20,
      "F",
    );
    expect(youtube.legendTitle).toBe("유튜브 자치구 z (25개 구 평균 = 0, 단위: 표준편차)");
    expect(youtube.legend.map((l) => l.label)).toEqual([
      "−2.0 ~ −1.5",
      "−1.5 ~ −1.0",
      "−1.0 ~ −0.5",
      "−0.5 ~ 0.0",
      "0.0–0.5",
      "0.5–1.0",
      "1.0–1.5",
      "1.5–2.0",
    ]);
    expect(youtube.districts[1]).toMatchObject({
      valueText: "−1.20",
      description: "종로구 유튜브 자치구 z −1.20, 구간 −1.5 ~ −1.0, 2위",
    });
    const t = insightsMapTable({ metric: "youtube", districts: [effect(null, -1.2, 2, 0)] });
    expect(t.columns.map((c) => c.label)).toEqual([
      "순위",
      "자치구",
      "자치구 코드",
      "평균 유튜브 이용 (표준화 지수)",
      "자치구 z",
      "인구 (월평균)",
    ]);
  });
});
