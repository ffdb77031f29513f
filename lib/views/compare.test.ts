import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { SERVICE_IDS, type Age, type ServiceId, type Sex } from "@/lib/domain";
import {
  compareColumns,
  compareTrend,
  profileTable,
  scaleTicks,
  sharedZScale,
  standoutQualityNotes,
  standoutTable,
  trendTable,
  trendUnit,
  type ComparisonSource,
} from "./compare";

/** A segment whose z for service i (SERVICE_IDS order) is zs[i], ranked by z; delivery's trend is `delivery`. */
function source(
  slug: string,
  sex: Sex,
  age: Age,
  population: number,
  zs: (number | null)[],
  delivery: number[],
): ComparisonSource {
  const order = SERVICE_IDS.map((s, i) => ({ service: s, z: zs[i]! })).sort(
    (a, b) => (b.z ?? -Infinity) - (a.z ?? -Infinity),
  );
  return {
    segment: { district: findDistrict(slug)!, sex, age, population },
    overall: order.map((o, i) => ({ ...o, rank: i + 1 })),
    standoutMonths: SERVICE_IDS.map((s) => ({
      service: s,
      months:
        s === "delivery"
          ? [
              { month: "2023-03", z: 1.25 },
              { month: "2023-01", z: 0.5 },
            ]
          : [],
    })),
    trend: {
      months: ["2023-01", "2023-02"],
      series: SERVICE_IDS.map((s: ServiceId) => ({ service: s, values: s === "delivery" ? delivery : [0, 0] })),
    },
  };
}

const a = source("gangnam-gu", "F", 20, 1234, [0.2, -0.4, 0.1, 1.3, -2.1, null, 0.6], [40, 45.5]);
const b = source("mapo-gu", "M", 30, 5678, [0, 0.3, -0.2, 0.7, 0.9, -1, 0.05], [38, 39]);

describe("shared z scale", () => {
  it("is the largest |z| of all columns rounded up to a half, at least 1", () => {
    expect(sharedZScale([a, b])).toBe(2.5); // |−2.1|
    expect(sharedZScale([b])).toBe(1); // 0.9 → 1
    expect(sharedZScale([source("jongno-gu", "F", 20, 1, [1.5, 0, 0, 0, 0, 0, 0], [1, 1])])).toBe(1.5);
  });
  it("puts ticks across the shared scale, 0 in the middle", () => {
    expect(scaleTicks(2).map((t) => [t.label, t.at])).toEqual([
      ["−2.0", 0],
      ["−1.0", 25],
      ["0.0", 50],
      ["+1.0", 75],
      ["+2.0", 100],
    ]);
  });
});

describe("compareColumns", () => {
  const { max, columns } = compareColumns([a, b], "delivery");
  it("gives every column the seven services in one order with z, rank and bars on the shared scale", () => {
    expect(max).toBe(2.5);
    expect(columns.map((c) => [c.id, c.label, c.population])).toEqual([
      ["gangnam-gu.F.20", "강남구 20대 여성", 1234],
      ["mapo-gu.M.30", "마포구 30대 남성", 5678],
    ]);
    expect(columns[0]!.bars.map((x) => x.service)).toEqual([...SERVICE_IDS]);
    // a's video z 1.3 is its highest → rank 1; its bar is 1.3 / 2.5 × 50 = 26 % wide.
    expect(columns[0]!.bars[3]).toMatchObject({ service: "video", name: "동영상/방송", z: 1.3, rank: 1, left: 50 });
    expect(columns[0]!.bars[3]!.width).toBeCloseTo(26, 12);
    expect(columns[0]!.bars[5]).toMatchObject({ service: "netflix", z: null, rank: 7, width: 0 });
  });
  it("lists the chosen service's standout months", () => {
    expect(columns[1]!.standout).toEqual([
      { month: "2023-03", label: "2023년 3월", z: 1.25 },
      { month: "2023-01", label: "2023년 1월", z: 0.5 },
    ]);
    expect(compareColumns([a], "game").columns[0]!.standout).toEqual([]);
  });
  it("marks a doubtful standout month ⚠ in the list and the table, and says why beside them", () => {
    const flagged = compareColumns([a, b], "delivery", new Set(["2023-03"])).columns;
    expect(flagged[0]!.standout.map((m) => m.label)).toEqual(["2023년 3월 ⚠", "2023년 1월"]);
    expect(standoutTable(flagged, "delivery").rows[2]).toEqual(["마포구 30대 남성", "배달", 1, "2023년 3월 ⚠", 1.25]);
    const notes = [
      { month: "2022-10", measures: ["game" as const], ratio: 1.3 },
      { month: "2023-03", measures: ["game" as const, "delivery" as const], ratio: 0.8 },
    ];
    // Only the notes of months shown: 2023-03 is among the standout months, 2022-10 is not.
    expect(standoutQualityNotes(flagged, notes)).toEqual(["2023년 3월: 게임·배달이(가) 앞뒤 달 평균보다 20% 낮음"]);
    expect(standoutQualityNotes(columns, [])).toEqual([]);
  });
  it("tables the bars and the standout months row by row", () => {
    const t = profileTable(columns);
    expect(t.rows).toHaveLength(14);
    expect(t.rows[3]).toEqual(["강남구 20대 여성", "gangnam-gu.F.20", 1234, "동영상/방송", 1.3, 1]);
    expect(standoutTable(columns, "delivery").rows).toEqual([
      ["강남구 20대 여성", "배달", 1, "2023년 3월", 1.25],
      ["강남구 20대 여성", "배달", 2, "2023년 1월", 0.5],
      ["마포구 30대 남성", "배달", 1, "2023년 3월", 1.25],
      ["마포구 30대 남성", "배달", 2, "2023년 1월", 0.5],
    ]);
  });
});

describe("compareTrend", () => {
  it("puts each segment's values of the service under s0, s1 … per month", () => {
    const { rows, series } = compareTrend([a, b], "delivery");
    expect(rows).toEqual([
      { month: "2023-01", label: "1월", s0: 40, s1: 38 },
      { month: "2023-02", label: "2월", s0: 45.5, s1: 39 },
    ]);
    expect(series).toEqual([
      { key: "s0", id: "gangnam-gu.F.20", label: "강남구 20대 여성" },
      { key: "s1", id: "mapo-gu.M.30", label: "마포구 30대 남성" },
    ]);
  });
  it("tables the same values with the unit of the basis", () => {
    const t = trendTable([a, b], "delivery", "day");
    expect(t.columns.map((c) => c.label)).toEqual([
      "월",
      "강남구 20대 여성 배달 일평균 (제공처 단위)",
      "마포구 30대 남성 배달 일평균 (제공처 단위)",
    ]);
    expect(t.rows).toEqual([
      ["2023년 1월", 40, 38],
      ["2023년 2월", 45.5, 39],
    ]);
    expect(trendUnit("delivery", "month")).toBe("월 합계 (제공처 단위)");
    expect(trendUnit("netflix", "day")).toBe("표준화 지수 (기준과 무관)");
  });
});
