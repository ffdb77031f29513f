import { interpolateBlues } from "d3-scale-chromatic";
import { describe, expect, it } from "vitest";
import { findDistrict, type District } from "@/lib/districts";
import type { Plan, PlanSegment } from "@/lib/engine";
import { planPage } from "@/lib/params/pages";
import {
  allocationRule,
  blankProblems,
  budgetBars,
  cellShade,
  curveTable,
  flightGrid,
  flightTable,
  frequencyTable,
  kstTimestamp,
  monthReachTable,
  peopleRange,
  placementText,
  planDescription,
  planFileName,
  planSummary,
  planTitle,
  planTotals,
  reachTotals,
  regroupTyped,
  segmentTable,
  unspentReason,
  wholeCells,
  zeroWeightExplanation,
} from "./plan";

function ref(slug: string): District {
  const { code, name_ko, name_en } = findDistrict(slug)!;
  return { code, slug, name_ko, name_en };
}

/*
 * A hand-made plan with CPM 1,000 (so won = impressions): 1,000,000원 budget, 900,000 placed, 100,000
 * left over. 강북구 30대 남성 gets 400,000 in January and 200,000 in February; 마포구 20대 여성 100,000
 * and 200,000; 종로구 70대 여성 under-uses the service both months and gets nothing.
 */
function segment(slug: string, sex: "F" | "M", age: 20 | 30 | 70, rest: Omit<PlanSegment, "segment">): PlanSegment {
  return { segment: { district: ref(slug), sex, age }, ...rest };
}

// Reach is not what these views compute; each month's is set to a made-up half of its impressions.
const monthOf = (month: string, z: number | null, impressions: number) => ({
  month,
  z,
  impressions,
  budget: impressions,
  reachable: 10_000,
  reach1: impressions / 2,
  reach3: 0,
  frequencyDistribution: [impressions / 2],
  averageFrequency: impressions > 0 ? 2 : null,
});
const months = (jan: [number | null, number], feb: [number | null, number]) => [
  monthOf("2023-01", ...jan),
  monthOf("2023-02", ...feb),
];
const range = (lower: number, upper: number) => ({ lower, upper });

const PLAN: Plan = {
  service: "delivery",
  budget: 1_000_000,
  cpm: 1_000,
  cap: 50,
  reachable: 100,
  shape: 1,
  months: ["2023-01", "2023-02"],
  impressions: 900_000,
  spent: 900_000,
  unspent: 100_000,
  reach: range(350_000, 500_000),
  reach3: range(0, 0),
  segments: [
    segment("gangbuk-gu", "M", 30, {
      population: 10_000,
      z: 1.5,
      impressions: 600_000,
      budget: 600_000,
      frequency: 30,
      saturated: true,
      reach: range(200_000, 300_000),
      reach3: range(0, 0),
      months: months([1.2, 400_000], [0.8, 200_000]),
      alsoUses: [
        { service: "game", z: 1.2 },
        { service: "video", z: 0.4 },
        { service: "finance", z: -0.1 },
      ],
    }),
    segment("mapo-gu", "F", 20, {
      population: 5_000,
      z: 0.5,
      impressions: 300_000,
      budget: 300_000,
      frequency: 30,
      saturated: true,
      reach: range(100_000, 150_000),
      reach3: range(0, 0),
      months: months([0.5, 100_000], [0.9, 200_000]),
      alsoUses: [{ service: "youtube", z: -0.2 }],
    }),
    segment("jongno-gu", "F", 70, {
      population: 1_000,
      z: -0.3,
      impressions: 0,
      budget: 0,
      frequency: 0,
      saturated: false,
      reach: range(0, 0),
      reach3: range(0, 0),
      months: months([-0.2, 0], [null, 0]),
      alsoUses: [],
    }),
  ],
  byMonth: [
    { month: "2023-01", impressions: 500_000, budget: 500_000, reach1: 250_000 },
    { month: "2023-02", impressions: 400_000, budget: 400_000, reach1: 200_000 },
  ],
};

const FULL: Plan = { ...PLAN, spent: 1_000_000, unspent: 0, impressions: 1_000_000 };

describe("planTitle and allocationRule", () => {
  it("name the service, the budget in 만/억 and the cap", () => {
    expect(planTitle("delivery", 50_000_000)).toBe("배달 광고 예산 계획 · 5,000만 원");
    const rule = allocationRule("game", 10);
    expect(rule).toContain("인구 × 그 달 게임 이용 z");
    expect(rule).toContain("한 달 10회(빈도 상한)");
    expect(rule.split(". ")).toHaveLength(2);
  });
});

describe("planTotals and unspentReason", () => {
  it("give impressions, spent and unspent in 만 with the exact figure", () => {
    expect(planTotals(PLAN)).toEqual([
      { key: "impressions", label: "노출 수", value: 900_000, compact: "90만 회", exact: "900,000회" },
      { key: "spent", label: "집행 예산", value: 900_000, compact: "90만 원", exact: "900,000원" },
      { key: "unspent", label: "남는 예산", value: 100_000, compact: "10만 원", exact: "100,000원" },
    ]);
  });
  it("explain a leftover by the cap, and say nothing when all is placed", () => {
    expect(unspentReason(PLAN)).toMatch(
      /^고른 고객층이 배달 서비스를 평균보다 많이 쓰는 모든 달에 1인당 월 50회 상한까지 채워, 100,000원은/,
    );
    expect(unspentReason(FULL)).toBeNull();
  });
});

describe("segmentTable", () => {
  it("has a row per segment in the plan's order, 원, impressions and people whole", () => {
    const t = segmentTable(PLAN);
    expect(t.columns.map((c) => c.label)).toEqual([
      "순위",
      "자치구",
      "성별",
      "연령대",
      "예산 (원)",
      "예산 비중 (%)",
      "노출 수",
      "도달 1회 이상 하한 (명)",
      "도달 1회 이상 상한 (명)",
      "도달 3회 이상 하한 (명)",
      "도달 3회 이상 상한 (명)",
      "빈도 (거주자 1인당 월 노출)",
      "빈도 상한 도달",
      "인구 (월평균)",
      "z",
      "광고 게재처 (함께 많이 쓰는 서비스, z)",
    ]);
    expect(t.rows[0]).toEqual([
      1,
      "강북구",
      "남성",
      "30대",
      600_000,
      expect.closeTo(200 / 3, 10),
      600_000,
      200_000,
      300_000,
      0,
      0,
      30,
      "예",
      10_000,
      1.5,
      "게임 +1.20 · 동영상/방송 +0.40",
    ]);
    expect(t.rows[2]).toEqual([3, "종로구", "여성", "70대", 0, 0, 0, 0, 0, 0, 0, 0, "아니오", 1_000, -0.3, "–"]);
  });
  it("rounds 원 and impressions by largest remainder so the rows add up to the totals", () => {
    // thirds of a won: 100/3 in each of three cells of one segment, 100 in all
    const third = 100 / 3;
    const odd: Plan = {
      ...PLAN,
      spent: 100,
      impressions: 100,
      months: ["2023-01", "2023-02", "2023-03"],
      segments: [
        {
          ...PLAN.segments[0]!,
          budget: 100,
          impressions: 100,
          months: [1, 2, 3].map((m) => ({
            ...PLAN.segments[0]!.months[0]!,
            month: `2023-0${m}`,
            budget: third,
            impressions: third,
          })),
        },
      ],
      byMonth: [1, 2, 3].map((m) => ({ month: `2023-0${m}`, impressions: third, budget: third, reach1: 10 })),
    };
    expect(wholeCells(odd)).toEqual({ budget: [[34, 33, 33]], impressions: [[34, 33, 33]] });
    expect(flightTable(odd).rows).toEqual([
      ["강북구 30대 남성", 34, 33, 33, 100],
      ["월 합계", 34, 33, 33, 100],
    ]);
    expect(segmentTable(odd).rows[0]!.slice(4, 7)).toEqual([100, 100, 100]);
  });
  it("lists only services the segment over-uses as placements", () => {
    expect(
      placementText([
        { service: "youtube", z: -0.2 },
        { service: "netflix", z: null },
      ]),
    ).toBe("–");
  });
});

describe("flightGrid and flightTable", () => {
  it("shade each cell by its share of the largest cell", () => {
    const g = flightGrid(PLAN);
    expect(g.months).toEqual([
      { month: "2023-01", label: "1월" },
      { month: "2023-02", label: "2월" },
    ]);
    expect(g.rows[0]!.cells[0]).toMatchObject({ budget: 400_000, z: 1.2, color: interpolateBlues(0.6) });
    // 200,000 of 400,000: half way up the scale.
    expect(g.rows[1]!.cells[1]).toMatchObject({ budget: 200_000, color: interpolateBlues(0.05 + 0.55 * 0.5) });
    expect(g.rows[2]!.cells[1]).toMatchObject({ budget: 0, z: null, color: interpolateBlues(0.05) });
    expect(g.monthTotals).toEqual([500_000, 400_000]);
    expect(g.total).toBe(900_000);
  });
  it("as a table ends with the month totals, whose sum is the spent budget", () => {
    const t = flightTable(PLAN);
    expect(t.columns.map((c) => c.label)).toEqual([
      "고객층",
      "2023년 1월 예산 (원)",
      "2023년 2월 예산 (원)",
      "합계 (원)",
    ]);
    expect(t.rows).toEqual([
      ["강북구 30대 남성", 400_000, 200_000, 600_000],
      ["마포구 20대 여성", 100_000, 200_000, 300_000],
      ["종로구 70대 여성", 0, 0, 0],
      ["월 합계", 500_000, 400_000, 900_000],
    ]);
  });
  it("cellShade clamps its input", () => {
    expect(cellShade(2)).toEqual(cellShade(1));
    expect(cellShade(-1)).toEqual({ color: interpolateBlues(0.05) });
  });
});

describe("reach views", () => {
  it("give reach as a range in 만 and exactly, one number when the bounds meet", () => {
    expect(peopleRange({ lower: 350_000, upper: 500_000 })).toEqual({
      compact: "35만~50만 명",
      exact: "350,000~500,000명",
    });
    expect(peopleRange({ lower: 1234.4, upper: 1234.2 })).toEqual({ compact: "1,234명", exact: "1,234명" });
    expect(reachTotals(PLAN).map((t) => [t.key, t.compact])).toEqual([
      ["reach", "35만~50만 명"],
      ["reach3", "0명"],
    ]);
  });
  it("list every segment × month with won, impressions and reach", () => {
    const t = monthReachTable(PLAN);
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]).toEqual(["강북구 30대 남성", "2023년 1월", 400_000, 400_000, 10_000, 200_000, 0, 2]);
    expect(t.rows[5]).toEqual(["종로구 70대 여성", "2023년 2월", 0, 0, 10_000, 0, 0, null]);
  });
  it("add the segments' frequency distributions per month, the cap last", () => {
    const t = frequencyTable({ ...PLAN, cap: 1 });
    expect(t.columns.map((c) => c.label)).toEqual(["한 사람이 본 횟수", "1월 (명)", "2월 (명)"]);
    // January: 200,000 + 50,000 + 0 people once; the reach row is byMonth's reach1
    expect(t.rows).toEqual([
      ["1회 (상한)", 250_000, 200_000],
      ["1회 이상 (도달)", 250_000, 200_000],
    ]);
  });
  it("write the curve's budgets and reach whole", () => {
    const t = curveTable([
      {
        multiple: 0.5,
        budget: 500_000.4,
        impressions: 100.6,
        reach: { lower: 10.2, upper: 20.7 },
        reach3: { lower: 0, upper: 1.5 },
      },
    ]);
    expect(t.rows).toEqual([["0.5배", 500_000, 101, 10, 21, 0, 2]]);
  });
  it("stamp files on Seoul's clock", () => {
    expect(kstTimestamp(new Date("2026-12-03T15:30:00Z"))).toBe("2026-12-04 00:30 (KST)");
  });
});

describe("budgetBars", () => {
  it("labels each segment and keeps the order", () => {
    expect(budgetBars(PLAN).map((b) => [b.label, b.budget, b.saturated])).toEqual([
      ["강북구 30대 남성", 600_000, true],
      ["마포구 20대 여성", 300_000, true],
      ["종로구 70대 여성", 0, false],
    ]);
  });
});

describe("planSummary", () => {
  it("says who gets the most, the runner-up, the busiest month, the idle and capped segments and the leftover", () => {
    expect(planSummary(PLAN)).toBe(
      "배달 광고 예산 100만 원을 CPM 1,000원으로 나누면 최대 100만 회를 노출할 수 있습니다. " +
        "모형으로 추정한 도달은 1회 이상 35만~50만 명, 3회 이상 0명입니다(가정: 거주자의 100%에 도달 가능, 노출 분포 모양 k = 1). " +
        "강북구 30대 남성에 가장 많은 60만 원(집행 예산의 66.7%)을 배정해 60만 회(거주자 1인당 월 30.0회)를 보여 줍니다. 그다음은 마포구 20대 여성(30만 원) 순입니다. " +
        "달로는 2023년 1월에 가장 많은 50만 원을 씁니다. " +
        "1개 고객층은 고른 달에 배달 이용이 서울 평균 이하라 배정이 없습니다. " +
        "2개 고객층은 1인당 월 50회 상한에 닿아 예산을 더 받을 수 없습니다. " +
        "집행 예산은 90만 원이고 10만 원이 남습니다.",
    );
  });
  it("ends with 'all placed' when nothing is left over", () => {
    expect(planSummary(FULL)).toMatch(/예산은 모두 배정됩니다\.$/);
  });
});

describe("zeroWeightExplanation", () => {
  it("names the segments, the period and the service", () => {
    expect(zeroWeightExplanation("game", ["2023-01", "2023-02", "2023-03"], 1)).toMatch(
      /^고른 1개 고객층은 2023년 1월~3월에 게임 서비스를 서울 평균보다 많이 쓰지 않아/,
    );
    expect(zeroWeightExplanation("game", ["2023-05"], 2)).toMatch(/^고른 2개 고객층은 2023년 5월에 게임/);
  });
});

describe("planFileName", () => {
  it("says the service and Seoul's date", () => {
    // 2026-11-26 20:00 UTC is already the 27th in Seoul (UTC+9).
    expect(planFileName("delivery", new Date("2026-11-26T20:00:00Z"), "plan", "xlsx")).toBe(
      "adtarget-plan-delivery-2026-11-27.xlsx",
    );
    expect(planFileName("game", new Date("2026-11-26T10:00:00Z"), "plan-segments", "csv")).toBe(
      "adtarget-plan-segments-game-2026-11-26.csv",
    );
  });
});

describe("regroupTyped", () => {
  it("regroups digits with commas and keeps the caret after the same digit", () => {
    expect(regroupTyped("5000000", 7)).toEqual({ text: "5,000,000", caret: 9, value: 5_000_000 });
    // Typing a 1 after "50,000," at the front of the last group.
    expect(regroupTyped("50,0001,000", 6)).toEqual({ text: "500,001,000", caret: 6, value: 500_001_000 });
    // Deleting the comma's neighbour: "50,00,000" → "5,000,000" with the caret after the 4th digit.
    expect(regroupTyped("50,00,000", 5)).toEqual({ text: "5,000,000", caret: 5, value: 5_000_000 });
  });
  it("drops non-digits and leading zeros; empty means no value", () => {
    expect(regroupTyped("₩ 0012a3", 8)).toEqual({ text: "123", caret: 3, value: 123 });
    expect(regroupTyped("", 0)).toEqual({ text: "", caret: 0, value: null });
  });
});

describe("blankProblems", () => {
  it("reports budget= or cpm= given empty, which would otherwise silently take the default", () => {
    const shape = planPage(["2023-01"]);
    expect(blankProblems(new URLSearchParams("budget=&cpm=5000"), shape)).toEqual([
      expect.objectContaining({ parameter: "budget", label: "예산", kind: "missing" }),
    ]);
    expect(blankProblems({ budget: " ", cpm: "" }, shape).map((p) => p.parameter)).toEqual(["budget", "cpm"]);
    expect(blankProblems(new URLSearchParams("service=game"), shape)).toEqual([]);
  });
});

describe("planDescription", () => {
  it("joins the segments with 와 or 과 by the last syllable (not '고객층 6개과')", () => {
    expect(planDescription({ service: "finance", budget: 30_000_000, cpm: 5_000, cap: 10, segmentCount: 6 })).toBe(
      "금융 광고 예산 3,000만 원을 CPM 5,000원, 1인당 월 10회 상한으로 고른 고객층 6개와 달에 나눈 노출·도달 계획.",
    );
    expect(planDescription({ service: "delivery", budget: 50_000_000, cpm: 5_000, cap: 10 })).toContain(
      "상위 타겟 10개 고객층과 달에",
    );
  });
});
