import { describe, expect, it } from "vitest";
import type { AverageAgeResponse, CorrelationResponse, PopulationResponse } from "@/lib/api/types";
import { DISTRICTS, districtRef } from "@/lib/districts";
import { SERVICE_IDS } from "@/lib/domain";
import {
  correlationTable,
  formatCompact,
  formatMetricValue,
  heatmapCells,
  insightsTitle,
  mapDistricts,
  mapTable,
  mapView,
  populationBars,
  populationTable,
  topDistricts,
} from "./views";

const d = (i: number) => districtRef(DISTRICTS[i]!);

// Four districts, given out of rank order on purpose.
const population: PopulationResponse = {
  age: 20,
  sex: "T",
  districts: [
    { district: d(2), population: 500, rank: 3 },
    { district: d(0), population: 900, rank: 1 },
    { district: d(3), population: 100, rank: 4 },
    { district: d(1), population: 700, rank: 2 },
  ],
};

const averageAge: AverageAgeResponse = {
  sex: "F",
  districts: [
    { district: d(1), averageAge: 44.994, rank: 2 },
    { district: d(0), averageAge: 48.586, rank: 1 },
    { district: d(3), averageAge: NaN, rank: 4 },
    { district: d(2), averageAge: 46.004, rank: 3 },
  ],
};

describe("population bars", () => {
  it("ranks the districts and highlights the top 3", () => {
    const bars = populationBars(population);
    expect(bars.map((b) => [b.name, b.population, b.top])).toEqual([
      ["종로구", 900, true],
      ["중구", 700, true],
      ["용산구", 500, true],
      ["성동구", 100, false],
    ]);
    expect(topDistricts(bars).map((b) => b.code)).toEqual(["11110", "11140", "11170"]);
    expect(populationTable(bars).rows[0]).toEqual([1, "종로구", "11110", 900]);
    expect(populationTable(bars).columns.map((c) => c.label)).toEqual(["순위", "자치구", "자치구 코드", "인구(명)"]);
  });
  it("formats axis ticks compactly in Korean", () => {
    expect(formatCompact(100000)).toBe("10만");
    expect(formatCompact(25000)).toBe("2.5만");
  });
  it("titles the page by age band and sex", () => {
    expect(insightsTitle(20, "T")).toBe("현황 분석 — 20대 전체");
    expect(insightsTitle(70, "F")).toBe("현황 분석 — 70대 여성");
  });
});

describe("correlation heatmap", () => {
  const matrix = SERVICE_IDS.map((_, i) => SERVICE_IDS.map((__, j) => (i === j ? 1 : i === 6 || j === 6 ? null : -0.4567)));
  const corr: CorrelationResponse = { age: 20, sex: "T", services: SERVICE_IDS, matrix, observations: 450 };
  it("gives 7×7 cells with r rounded as printed, and – for a missing r", () => {
    const cells = heatmapCells(corr);
    expect(cells).toHaveLength(7);
    expect(cells.every((row) => row.length === 7)).toBe(true);
    expect(cells[0]![0]).toMatchObject({ row: "game", col: "game", r: 1, label: "+1.00", fill: "#b35806" });
    expect(cells[0]![1]).toMatchObject({ r: -0.46, label: "−0.46", fill: "#92c5de" });
    expect(cells[6]![0]).toMatchObject({ r: null, label: "–" });
  });
  it("tables the matrix with service names", () => {
    const t = correlationTable(corr);
    expect(t.columns.map((c) => c.label)).toEqual(["서비스", "게임", "금융", "쇼핑", "동영상/방송", "유튜브", "넷플릭스", "배달"]);
    expect(t.rows[0]).toEqual(["게임", 1, -0.46, -0.46, -0.46, -0.46, -0.46, null]);
    expect(t.rows).toHaveLength(7);
  });
});

describe("choropleth", () => {
  it("takes the chosen metric's values in rank order, average age to 2 decimals", () => {
    expect(mapDistricts("average-age", averageAge, population).map((m) => [m.name, m.value])).toEqual([
      ["종로구", 48.59],
      ["중구", 44.99],
      ["용산구", 46],
      ["성동구", null],
    ]);
    expect(mapDistricts("population", averageAge, population).map((m) => m.value)).toEqual([900, 700, 500, 100]);
  });
  it("classes the values and describes each district in words", () => {
    const view = mapView("average-age", mapDistricts("average-age", averageAge, population));
    // 44.99…48.59 → classes of 1 year from 44 to 49.
    expect(view.legend.map((l) => l.label)).toEqual(["44–45세", "45–46세", "46–47세", "47–48세", "48–49세"]);
    expect(view.byCode.get("11110")).toMatchObject({ fill: "#440154", description: "종로구 평균 연령 48.59세 (구간 48–49세)" });
    expect(view.byCode.get("11200")).toMatchObject({ fill: "#c8ccd2", description: "성동구 평균 연령 자료 없음" });
    const t = mapTable("average-age", view);
    expect(t.columns.map((c) => c.label)).toEqual(["순위", "자치구", "자치구 코드", "평균 연령(세)", "색 구간"]);
    expect(t.rows[1]).toEqual([2, "중구", "11140", 44.99, "44–45세"]);
    expect(t.rows[3]).toEqual([4, "성동구", "11200", null, "자료 없음"]);
  });
  it("formats values with their unit", () => {
    expect(formatMetricValue("population", 101291)).toBe("101,291명");
    expect(formatMetricValue("average-age", 46)).toBe("46.00세");
    expect(formatMetricValue("average-age", null)).toBe("자료 없음");
    const view = mapView("population", mapDistricts("population", averageAge, population));
    // 100…900: step 200 from floor(100 / 200) × 200 = 0 → 5 classes up to 1,000.
    expect(view.legend.map((l) => l.label)).toEqual(["0–200명", "200–400명", "400–600명", "600–800명", "800–1,000명"]);
  });
});
