import { describe, expect, it } from "vitest";
import type { DongMonth, LoadedDataset } from "@/lib/dataset/types";
import { DongIndex } from "@/lib/dongs";
import { Engine } from "@/lib/engine";
import { DongData } from "@/lib/engine/dong-engine";
import { FIXTURE_MONTHS, fixtureDataset } from "@/test/fixtures/dataset";
import { dongFixture } from "@/test/fixtures/dongs";
import { OG_MAX_ITEMS, OG_PAGES, monthsText, ogCanonicalPath, ogCard } from "./og";
import { reachTotals } from "./plan";

// The fixture's rules (test/fixtures/dataset.ts) give every expectation below by hand.
const engine = new Engine(fixtureDataset());
const q = (s: string) => new URLSearchParams(s);

describe("ogCard", () => {
  it("segment: the segment's services in priority order with z, negatives with U+2212", () => {
    // 종로구 20대 여성: youtube mean −0.4 vs −0.6 for men → z +1; game 1 vs 3 → z −1; shopping and
    // netflix are equal everywhere (no z) so they come last.
    const card = ogCard("segment", q("district=jongno-gu&sex=F&age=20"), engine);
    expect(card.headline).toBe("종로구 20대 여성 광고 우선순위");
    expect(card.items).toHaveLength(OG_MAX_ITEMS);
    expect(card.items[0]).toEqual({ label: "1위 유튜브", value: "z +1.00" });
    expect(card.items[1]).toEqual({ label: "2위 게임", value: "z \u22121.00" });
    // finance: (0 − 12) ÷ √52 = −1.664; video and delivery: (2 − 4.5) ÷ √(35/12) = −1.464.
    expect(card.items.slice(2).map((i) => i.value)).toEqual(["z \u22121.46", "z \u22121.46", "z \u22121.66"]);
    expect(card.footer).toBe("자료: tests · 2024년 1월–2024년 3월 (3개월)");
    expect(card.note).toContain("3개월");
  });

  it("segment with sex=T: asks for a sex and shows each sex's first priority", () => {
    const card = ogCard("segment", q("district=jongno-gu&sex=T&age=20"), engine);
    expect(card.headline).toBe("종로구 20대: 성별을 골라 주세요");
    // Men: game 3 vs 1 → z +1 is their first (youtube −1).
    expect(card.items).toEqual([
      { label: "여성 1순위", value: "유튜브 · z +1.00" },
      { label: "남성 1순위", value: "게임 · z +1.00" },
    ]);
  });

  it("service without sex and age: the map of the top target's group, as the page shows it", () => {
    // finance: every 강동구 segment has the top z (+1.66); the first in canonical order is 20대 여성.
    const card = ogCard("service", q("service=finance"), engine);
    expect(card.headline).toBe("자치구별 금융 이용 — 20대 여성");
    expect(card.items[0]).toEqual({ label: "1. 강동구", value: "192.31" });
  });

  it("insights: population, average age (sex filter only) and a service's district effect", () => {
    // 20대, both sexes: (index + 1) × 3 + 0.4 → 강동구 75.4, 송파구 72.4.
    const pop = ogCard("insights", q("metric=population&age=20"), engine);
    expect(pop.headline).toBe("20대 전체 인구가 많은 자치구");
    expect(pop.items.slice(0, 2)).toEqual([
      { label: "1. 강동구", value: "75명" },
      { label: "2. 송파구", value: "72명" },
    ]);
    // 종로구 weights its age bands 1…6 (3w + 0.4 people per band): Σ(3w + 0.4)·midpoint ÷ Σ(3w + 0.4)
    // = 3,795 ÷ 65.4 = 58.03; every other district weighs them equally → 50.
    const age = ogCard("insights", q(""), engine);
    expect(age.headline).toBe("평균 연령이 높은 자치구 (전체, 모든 연령대)");
    expect(age.items[0]).toEqual({ label: "1. 종로구", value: "58.0세" });
    expect(age.items[1]!.value).toBe("50.0세");
    // finance for 20대 여성: usage = index + 1, mean over the 25 = 13 → 강동구 100 × 25 ÷ 13 = 192.3.
    const effect = ogCard("insights", q("metric=finance&sex=F"), engine);
    expect(effect.headline).toBe("20대 여성: 금융 이용이 많은 자치구");
    expect(effect.items[0]).toEqual({ label: "1. 강동구", value: "지수 192" });
    // youtube is an index service (no ratios) and equal across districts here: no z to show.
    expect(ogCard("insights", q("metric=youtube&sex=F"), engine).items[0]!.value).toBe("z 없음");
  });

  it("service: the map the link names (its sex × age district effect), its top districts beside it", () => {
    // finance for 20대 여성: usage = index + 1, mean over the 25 = 13 → 강동구 100 × 25 ÷ 13 = 192.31,
    // 송파구 100 × 24 ÷ 13 = 184.62, 종로구 100 × 1 ÷ 13 = 7.69 (lowest).
    const card = ogCard("service", q("service=finance&sex=F&age=20"), engine);
    expect(card.headline).toBe("자치구별 금융 이용 — 20대 여성");
    expect(card.items.slice(0, 2)).toEqual([
      { label: "1. 강동구", value: "192.31" },
      { label: "2. 송파구", value: "184.62" },
    ]);
    const map = card.map!;
    expect(Object.keys(map.fills)).toHaveLength(25);
    expect(map.names["11740"]).toBe("강동구");
    // Highest and lowest districts sit at the two ends of the diverging legend.
    expect(map.fills["11740"]).toBe(map.legend.at(-1)!.color);
    expect(map.fills["11110"]).toBe(map.legend[0]!.color);
    expect(map.legendTitle).toBe("금융 이용 지수 (25개 구 평균 = 100)");
    // Another group is another map.
    expect(ogCard("service", q("service=finance&sex=M&age=30"), engine).headline).toBe(
      "자치구별 금융 이용 — 30대 남성",
    );
  });

  it("plan: service, budget, impressions, months and audience, as the page computes the plan", () => {
    // 10,000원 at CPM 1,000원 buys 10,000 impressions; with cap 100 no cell is full, so all are placed.
    const card = ogCard("plan", q("service=finance&budget=10000&cpm=1000&cap=100"), engine);
    const outcome = engine.plan({ service: "finance", budget: 10000, cpm: 1000, cap: 100, reachable: 100, shape: 1 });
    if (!outcome.ok) throw new Error(outcome.reason);
    const { plan } = outcome;
    expect(card.headline).toBe("금융 광고 예산 계획 · 10,000원");
    expect(card.items.slice(0, 3)).toEqual([
      { label: "서비스", value: "금융" },
      { label: "예산", value: "10,000원 (CPM 1,000원)" },
      { label: "노출 수", value: "10,000회" },
    ]);
    expect(card.items[3]).toEqual({
      label: "도달 (1회 이상)",
      value: reachTotals(plan).find((t) => t.key === "reach")!.compact,
    });
    expect(card.items[3]!.value).toMatch(/^[\d,]+~[\d,]+명$/);
    expect(card.items[4]).toEqual({ label: "기간", value: "2024년 1월–3월 (3개월)" });
    expect(card.items[5]!.value).toMatch(/^상위 타겟 10개 고객층 · 인구 \d+명$/);
    expect(card.note).toContain("1인당 월 100회 상한");
    // No chosen segment over-uses the service (game: women z −1): no plan, and the card says why.
    const none = ogCard("plan", q("service=game&segments=jongno-gu.F.20"), engine);
    expect(none.items).toEqual([{ label: "기간", value: "2024년 1월–3월 (3개월)" }]);
    expect(none.note.length).toBeGreaterThan(10);
    // A link with one bad id plans the valid ones, as the page does.
    expect(
      ogCard(
        "plan",
        q("service=finance&budget=10000&cpm=1000&segments=gangdong-gu.F.20,nowhere,gangdong-gu.M.20"),
        engine,
      ).items.at(-1)!.value,
    ).toMatch(/^고른 고객층 2개 · /);
    // Twice the budget, twice the impressions: a different card.
    expect(ogCard("plan", q("service=finance&budget=20000&cpm=1000&cap=100"), engine).items[2]).toEqual({
      label: "노출 수",
      value: "20,000회",
    });
    expect(
      ogCard("plan", q("service=finance&budget=10000&cpm=1000&cap=100&months=2024-01,2024-03"), engine).items[4]!.value,
    ).toBe("2024년 1월, 2024년 3월 (2개월)");
  });

  it("compare: each segment's z and rank for the chosen service, and its first priority; a bad id is left out", () => {
    // finance z = (d − 12) ÷ √52: 종로구 −1.66, 5th of its seven (youtube +1, game −1, video and delivery
    // −1.46 come first); 강동구 +1.66, first for 20대 남성 (game +1 second).
    const card = ogCard("compare", q("segments=jongno-gu.F.20,gangdong-gu.M.20,nowhere.F.20&service=finance"), engine);
    expect(card.headline).toBe("고객층 2개 비교: 금융");
    expect(card.items).toEqual([
      { label: "종로구 20대 여성", value: "금융 z \u22121.66 (5위) · 1순위 유튜브" },
      { label: "강동구 20대 남성", value: "금융 z +1.66 (1위) · 1순위 금융" },
    ]);
    // Fewer than two segments: the generic card.
    expect(ogCard("compare", q("segments=jongno-gu.F.20"), engine).items).toEqual([]);
  });

  it("audience: the picked segments' population and mean z, or the filtered table's first rows", () => {
    // 강동구 20대: 25 + 0.2 × mean month 1 = 25.2 women, 50.2 men → 75; both finance z +1.66.
    const picked = ogCard("audience", q("service=finance&pick=gangdong-gu.F.20,gangdong-gu.M.20,bad"), engine);
    expect(picked.headline).toBe("금융 광고 오디언스: 고른 고객층 2개");
    expect(picked.items.slice(0, 2)).toEqual([
      { label: "인구 합계", value: "75명" },
      { label: "평균 z (인구 가중)", value: "+1.66" },
    ]);
    expect(picked.items.slice(2).map((i) => i.value)).toEqual(["z +1.66", "z +1.66"]);
    const table = ogCard("audience", q("service=finance&sex=F&age=20"), engine);
    expect(table.headline).toMatch(/^금융 고객층 25개 · /);
    expect(table.items[0]!.label).toBe("1. 강동구 20대 여성");
    expect(table.note).toContain("여성 · 20대 · 전체 자치구");
    // The 행정동 grain is not drawn with the district rows.
    const dong = ogCard("audience", q("service=finance&grain=dong&pick=1101053.F.20"), engine);
    expect([dong.headline, dong.items]).toEqual(["금융 광고 오디언스: 행정동 고객층", []]);
  });

  it("every page has a headline; a page with no view of its own has the generic card", () => {
    for (const page of OG_PAGES) expect(ogCard(page, q(""), engine).headline.length).toBeGreaterThan(0);
    expect(
      ogCard("method", q(""), engine)
        .items.map((i) => i.value)
        .join(" "),
    ).toContain("3개월");
  });
});

/**
 * Two 행정동 with game for 20대 여성 in 2022-01…02 (provider rows: 행정동 index, sex 0 = F, 5-year band,
 * population, game): 사직동 (15 + 30) ÷ 2 = 22.5, 삼청동 (5 + 15) ÷ 2 = 10 over the window.
 */
function dongMonth(name: string, rows: [number, number, number, number, number][]): DongMonth {
  const f = (i: number) => Float64Array.from(rows.map((r) => r[i]!));
  return {
    month: name,
    rows: rows.length,
    dong: Uint16Array.from(rows.map((r) => r[0])),
    sex: Uint8Array.from(rows.map((r) => r[1])),
    age5: Uint8Array.from(rows.map((r) => r[2])),
    columns: { population: f(3), game: f(4) },
  } as DongMonth;
}
const dongData = new DongData({
  ...dongFixture,
  dongMonths: new Map([
    [
      "2022-01",
      dongMonth("2022-01", [
        [1, 0, 20, 5, 10],
        [1, 0, 25, 7, 20],
        [0, 0, 20, 4, 5],
      ]),
    ],
    [
      "2022-02",
      dongMonth("2022-02", [
        [1, 0, 20, 5, 30],
        [0, 0, 20, 4, 15],
      ]),
    ],
  ]),
} as LoadedDataset);

describe("ogCard for the 행정동 pages", () => {
  it("dong: the 행정동 segment's priorities over the months with 행정동 figures, with those months", () => {
    // game z across the two segments with figures: 22.5 and 10 around 16.25, population SD 6.25 → +1.
    const card = ogCard("dong", q("dong=종로구 사직동&sex=F&age=20"), engine, () => dongData);
    expect(card.headline).toBe("종로구 사직동 20대 여성 광고 우선순위");
    expect(card.items[0]).toEqual({ label: "1위 게임", value: "z +1.00" });
    expect(card.footer).toBe("자료: tests · 2022년 1월–2022년 2월 (2개월)");
    expect(card.note).toContain("2개월");
    expect(ogCard("dong", q("dong=1101054&sex=F&age=20"), engine, () => dongData).items[0]).toEqual({
      label: "1위 게임",
      value: "z \u22121.00",
    });
    // Without a 행정동, or without the 행정동 side: the generic card.
    expect(ogCard("dong", q(""), engine, () => dongData).headline).toBe("행정동 고객층");
    expect(ogCard("dong", q("dong=1101053"), engine).headline).toBe("행정동 고객층");
  });
  it("dongs: the map its link names, every 행정동 coloured, and the 행정동 using the service most", () => {
    // index = 100 × u ÷ the mean of the two (16.25): 사직동 138.46, 삼청동 61.54.
    const card = ogCard("dongs", q("service=game&sex=F&age=20"), engine, () => dongData);
    expect(card.headline).toBe("20대 여성: 게임 이용이 많은 행정동");
    expect(card.items).toEqual([
      { label: "1. 종로구 사직동", value: "138.46" },
      { label: "2. 종로구 삼청동", value: "61.54" },
    ]);
    expect(card.map?.areas).toBe("dong");
    expect(Object.keys(card.map!.fills).sort()).toEqual(["1101053", "1101054"]);
    expect(card.map!.fills["1101053"]).not.toBe(card.map!.fills["1101054"]);
    expect(card.note).toContain("2개 동 평균 = 100");
    expect(card.footer).toBe("자료: tests · 2022년 1월–2022년 2월 (2개월)");
    // A service without 행정동 figures says so.
    expect(ogCard("dongs", q("service=netflix"), engine, () => dongData).note).toBe(
      "이 자료에는 넷플릭스의 행정동 단위 자료가 없습니다.",
    );
  });
  it("canonical preview paths: a 행정동 by name or code is one image", () => {
    const index = new DongIndex(dongFixture.dongs);
    expect(ogCanonicalPath("dong", q("dong=종로구 사직동&sex=F&age=30"), FIXTURE_MONTHS, index)).toBe(
      "/og/dong?dong=1101053&age=30",
    );
    expect(ogCanonicalPath("dong", q("sex=F&dong=1101053&utm=x"), FIXTURE_MONTHS, index)).toBe(
      ogCanonicalPath("dong", q("dong=사직동"), FIXTURE_MONTHS, index),
    );
    expect(ogCanonicalPath("dongs", q("service=배달&sex=T"), FIXTURE_MONTHS)).toBe("/og/dongs");
  });
});

describe("monthsText", () => {
  const all = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09"];
  it("writes a run of months as a span, others as a list, with the count", () => {
    expect(monthsText(["2023-06", "2023-07", "2023-08"], all)).toBe("2023년 6월–8월 (3개월)");
    expect(monthsText(["2023-06", "2023-08"], all)).toBe("2023년 6월, 2023년 8월 (2개월)");
    expect(monthsText(["2023-06"], all)).toBe("2023년 6월");
    expect(monthsText(["2023-12", "2024-01"], ["2023-12", "2024-01"])).toBe("2023년 12월–2024년 1월 (2개월)");
  });
});

describe("ogCanonicalPath", () => {
  it("writes the page's own parameters in canonical form, dropping defaults and unknown ones", () => {
    expect(ogCanonicalPath("segment", q("sex=m&district=Gangnam-gu&utm_source=x"), FIXTURE_MONTHS)).toBe(
      "/og/segment?sex=M",
    );
    expect(ogCanonicalPath("segment", q("age=30&district=마포구"), FIXTURE_MONTHS)).toBe(
      "/og/segment?district=mapo-gu&age=30",
    );
    expect(ogCanonicalPath("service", q("service=배달"), FIXTURE_MONTHS)).toBe("/og/service");
    expect(ogCanonicalPath("home", q("x=1"), FIXTURE_MONTHS)).toBe("/og/home");
  });
  it("reads an invalid value as its default, as the page renders it", () => {
    expect(ogCanonicalPath("segment", q("age=99&sex=F"), FIXTURE_MONTHS)).toBe("/og/segment");
  });
  it("keeps the valid ids of a partly bad compare or audience link, as the pages do", () => {
    const clean = ogCanonicalPath("compare", q("segments=jongno-gu.F.20,gangdong-gu.M.20"), FIXTURE_MONTHS);
    expect(ogCanonicalPath("compare", q("segments=jongno-gu.F.20,nowhere,gangdong-gu.M.20"), FIXTURE_MONTHS)).toBe(
      clean,
    );
    expect(clean).toContain("segments=");
    expect(ogCanonicalPath("plan", q("segments=jongno-gu.F.20,bad,gangdong-gu.M.20"), FIXTURE_MONTHS)).toBe(
      ogCanonicalPath("plan", q("segments=jongno-gu.F.20,gangdong-gu.M.20"), FIXTURE_MONTHS),
    );
    expect(ogCanonicalPath("audience", q("pick=jongno-gu.F.20,bad"), FIXTURE_MONTHS)).toBe(
      ogCanonicalPath("audience", q("pick=jongno-gu.F.20"), FIXTURE_MONTHS),
    );
  });
  it("gives a page without parameters one preview whatever the query", () => {
    expect(ogCanonicalPath("method", q("anything=1&sex=F"), FIXTURE_MONTHS)).toBe("/og/method");
  });
});
