import { interpolatePuOr } from "d3-scale-chromatic";
import { rgb } from "d3-color";
import { describe, expect, it } from "vitest";
import type { Seasonality, ServiceScore } from "@/lib/engine";
import { describeZ } from "@/lib/format";
import {
  monthlyRankTable,
  priorityTable,
  seasonalityRows,
  seasonalityTable,
  seasonColor,
  segmentTitle,
  trendTable,
  unitLabel,
  whenAnswers,
  whenTable,
  zWords,
  Z_THRESHOLD_NOTE,
} from "./segment";

const overall: ServiceScore[] = [
  { service: "netflix", z: 1.44, rank: 1 },
  { service: "youtube", z: 0.96, rank: 2 },
  { service: "game", z: -0.63, rank: 3 },
];

describe("titles and units", () => {
  it("names the segment, or asks for a sex when both were given", () => {
    expect(segmentTitle("강남구", "F", 20)).toBe("강남구 20대 여성 광고 우선순위");
    expect(segmentTitle("마포구", "T", 30)).toBe("마포구 30대 — 성별을 골라 주세요");
  });
  it("names the provider's measure per basis; indices are never divided by days", () => {
    expect(unitLabel("delivery", "month")).toBe("제공처 단위, 월 합계");
    expect(unitLabel("delivery", "day")).toBe("제공처 단위 ÷ 그 달 일수");
    expect(unitLabel("netflix", "day")).toBe("표준화 지수 (일수로 나누지 않음)");
  });
});

describe("tables", () => {
  it("lists services in priority order with z and words", () => {
    const t = priorityTable(overall);
    expect(t.columns.map((c) => c.label)).toEqual(["순위", "서비스", "z (서울 300개 세그먼트 대비)", "해석"]);
    expect(t.rows).toEqual([
      [1, "넷플릭스", 1.44, "서울 평균보다 크게 높음"],
      [2, "유튜브", 0.96, "서울 평균보다 크게 높음"],
      [3, "게임", -0.63, "서울 평균보다 크게 낮음"],
    ]);
  });

  it("has one monthly row per month, whatever the number of months", () => {
    const monthly = ["2023-01", "2023-02", "2023-03", "2023-04"].map((month) => ({ month, ranking: overall }));
    const t = monthlyRankTable(monthly);
    expect(t.rows).toHaveLength(4);
    expect(t.columns.map((c) => c.label)).toEqual(["월", "1위", "2위", "3위"]);
    expect(t.rows[3]).toEqual(["2023년 4월", "넷플릭스", "유튜브", "게임"]);
  });

  it("puts the value on the chart's basis beside the unit-free index, for all services or one", () => {
    const trend = {
      months: ["2023-01", "2023-02"],
      series: [
        { service: "netflix" as const, values: [-0.1, -0.3] },
        { service: "game" as const, values: [7, 7] },
      ],
    };
    const t = trendTable(trend, "month");
    expect(t.columns[2]!.label).toBe("월 사용량 (서비스 고유 단위)");
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
    const one = trendTable(trend, "day", "game");
    expect(one.columns[2]!.label).toBe("일평균 사용량 (서비스 고유 단위)");
    expect(one.rows).toEqual([
      ["2023년 1월", "게임", 7, null],
      ["2023년 2월", "게임", 7, null],
    ]);
  });
});

describe("z in words", () => {
  it("drops the '서울 평균보다' the card states once", () => {
    expect(zWords(1.6)).toBe("매우 높음");
    expect(zWords(-0.7)).toBe("크게 낮음");
    expect(zWords(0.1)).toBe("서울 평균 수준");
  });
  it("states describeZ's own thresholds", () => {
    expect(Z_THRESHOLD_NOTE).toContain("0.15 초과는 약간");
    expect(describeZ(0.15)).toBe("서울 평균 수준");
    expect(describeZ(0.151)).toBe("서울 평균보다 약간 높음");
    expect(Z_THRESHOLD_NOTE).toContain("0.5 이상은 크게");
    expect(describeZ(0.5)).toBe("서울 평균보다 크게 높음");
    expect(describeZ(0.499)).toBe("서울 평균보다 약간 높음");
    expect(Z_THRESHOLD_NOTE).toContain("1.5 이상은 매우");
    expect(describeZ(1.5)).toBe("서울 평균보다 매우 높음");
    expect(describeZ(1.499)).toBe("서울 평균보다 크게 높음");
    expect(describeZ(-0.499)).toBe("서울 평균보다 약간 낮음");
    expect(describeZ(-0.5)).toBe("서울 평균보다 크게 낮음");
    expect(describeZ(-1.5)).toBe("서울 평균보다 매우 낮음");
  });
});

const months = ["2023-01", "2023-02", "2023-03"];
const seasonDay: Seasonality = {
  basis: "day",
  months,
  services: [
    // Seoul peaks in March for netflix, in January for game (ties → earliest month), February for youtube.
    {
      service: "netflix",
      unitKind: "index",
      level: [-0.2, -0.19, -0.1],
      relative: [-0.03, -0.02, 0.05],
      relativeKind: "difference",
    },
    {
      service: "game",
      unitKind: "count",
      level: [2, 1.5, 2],
      relative: [109.0909, 81.8182, 109.0909],
      relativeKind: "index100",
    },
    {
      service: "youtube",
      unitKind: "index",
      level: [0.1, 0.12, 0.11],
      relative: [-0.01, 0.01, 0],
      relativeKind: "difference",
    },
  ],
};

describe("whenAnswers", () => {
  const answers = whenAnswers(
    overall,
    [
      {
        service: "game",
        months: [
          { month: "2023-02", z: -0.2 },
          { month: "2023-01", z: -0.4 },
        ],
      },
      {
        service: "netflix",
        months: [
          { month: "2023-03", z: 1.2 },
          { month: "2023-01", z: 0.9 },
        ],
      },
      { service: "youtube", months: [{ month: "2023-01", z: 0.15 }] },
    ],
    [
      { service: "netflix", months: [{ month: "2023-03", value: -0.05, diff: 0.04 }] },
      { service: "youtube", months: [{ month: "2023-01", value: 0.2, diff: 0.01 }] },
      { service: "game", months: [{ month: "2023-01", value: 2.1, diff: 0.2 }] },
    ],
    seasonDay,
  );
  it("answers for every service in priority order", () => {
    expect(answers.map((a) => [a.rank, a.service])).toEqual([
      [1, "netflix"],
      [2, "youtube"],
      [3, "game"],
    ]);
  });
  it("says whether the segment stands out at all (z above 0.15 in its best month)", () => {
    expect(answers.map((a) => a.standsOut)).toEqual([true, false, false]);
  });
  it("compares the segment's top per-day month with Seoul's peak", () => {
    expect(answers.map((a) => [a.seoulPeak, a.sameAsSeoul])).toEqual([
      ["2023-03", true],
      ["2023-02", false],
      ["2023-01", true],
    ]);
  });
  it("tabulates exactly the figures shown", () => {
    expect(whenTable(answers).rows).toEqual([
      [1, "넷플릭스", "다른 고객층보다 두드러진 달", "2023년 3월", 1.2, null, null],
      [1, "넷플릭스", "다른 고객층보다 두드러진 달", "2023년 1월", 0.9, null, null],
      [1, "넷플릭스", "일평균 사용이 가장 높은 달", "2023년 3월", null, -0.05, 0.04],
      [2, "유튜브", "다른 고객층보다 두드러진 달", "2023년 1월", 0.15, null, null],
      [2, "유튜브", "일평균 사용이 가장 높은 달", "2023년 1월", null, 0.2, 0.01],
      [3, "게임", "다른 고객층보다 두드러진 달", "2023년 2월", -0.2, null, null],
      [3, "게임", "다른 고객층보다 두드러진 달", "2023년 1월", -0.4, null, null],
      [3, "게임", "일평균 사용이 가장 높은 달", "2023년 1월", null, 2.1, 0.2],
    ]);
  });
});

describe("Seoul seasonality strip", () => {
  const hex = (t: number) => rgb(interpolatePuOr(t)).formatHex();
  it("colours the average month neutral and ±25 points (counts) or ±0.05 (indices) fully, clamped", () => {
    expect(seasonColor(100, "index100").background).toBe(hex(0.5));
    expect(seasonColor(125, "index100").background).toBe(hex(1));
    expect(seasonColor(50, "index100").background).toBe(hex(0));
    expect(seasonColor(112.5, "index100").background).toBe(hex(0.75));
    expect(seasonColor(-0.05, "difference").background).toBe(hex(0));
    expect(seasonColor(0, "difference").background).toBe(hex(0.5));
  });
  it("picks the text colour with the better contrast", () => {
    expect(seasonColor(100, "index100").color).toBe("#000");
    expect(seasonColor(125, "index100").color).toBe("#fff");
    expect(seasonColor(75, "index100").color).toBe("#fff");
  });
  it("shows counts as an index with one decimal and indices as a signed difference", () => {
    const rows = seasonalityRows(seasonDay, ["game", "netflix"]);
    expect(rows.map((r) => r.service)).toEqual(["game", "netflix"]);
    expect(rows[0]!.cells.map((c) => c.text)).toEqual(["109.1", "81.8", "109.1"]);
    expect(rows[1]!.cells.map((c) => c.text)).toEqual(["−0.030", "−0.020", "+0.050"]);
    // A difference that rounds to zero carries no sign.
    expect(
      seasonalityRows({ ...seasonDay, services: [{ ...seasonDay.services[0]!, relative: [0.00004, -0.00004, 0] }] }, [
        "netflix",
      ])[0]!.cells.map((c) => c.text),
    ).toEqual(["0.000", "0.000", "0.000"]);
    expect(seasonalityTable(seasonDay, ["game"]).rows).toEqual([
      ["게임", "2023년 1월", 2, 109.0909],
      ["게임", "2023년 2월", 1.5, 81.8182],
      ["게임", "2023년 3월", 2, 109.0909],
    ]);
  });
});
