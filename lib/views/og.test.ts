import { describe, expect, it } from "vitest";
import { Engine } from "@/lib/engine";
import { FIXTURE_MONTHS, fixtureDataset } from "@/test/fixtures/dataset";
import { OG_MAX_ITEMS, OG_PAGES, ogCanonicalPath, ogCard } from "./og";

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

  it("service: the top segments with z and mean population", () => {
    // finance = district index + month: 강동구 (index 24) is highest, z = (24 − 12) ÷ √52 = 1.664;
    // population 25 (women) or 50 (men) + 0.2 × mean month 1 = 25.2 / 50.2 → 25 / 50.
    const card = ogCard("service", q("service=finance"), engine);
    expect(card.headline).toBe("금융 서비스를 많이 쓰는 고객층");
    expect(card.items).toHaveLength(OG_MAX_ITEMS);
    for (const item of card.items) {
      expect(item.label).toMatch(/^\d\. 강동구 \d0대 (여성|남성)$/);
      expect(item.value).toMatch(/^z \+1\.66 · 인구 (25|50)명$/);
    }
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

  it("pages without a view-specific card get their generic card; every page has a headline", () => {
    const plan = ogCard("plan", q("budget=1000000"), engine);
    expect(plan).toMatchObject({ headline: "예산 계획", items: [] });
    for (const page of OG_PAGES) expect(ogCard(page, q(""), engine).headline.length).toBeGreaterThan(0);
    expect(ogCard("method", q(""), engine).items.map((i) => i.value).join(" ")).toContain("3개월");
  });
});

describe("ogCanonicalPath", () => {
  it("writes the page's own parameters in canonical form, dropping defaults and unknown ones", () => {
    expect(ogCanonicalPath("segment", q("sex=m&district=Gangnam-gu&utm_source=x"), FIXTURE_MONTHS)).toBe("/og/segment?sex=M");
    expect(ogCanonicalPath("segment", q("age=30&district=마포구"), FIXTURE_MONTHS)).toBe("/og/segment?district=mapo-gu&age=30");
    expect(ogCanonicalPath("service", q("service=배달"), FIXTURE_MONTHS)).toBe("/og/service");
    expect(ogCanonicalPath("home", q("x=1"), FIXTURE_MONTHS)).toBe("/og/home");
  });
  it("reads an invalid value as its default, as the page renders it", () => {
    expect(ogCanonicalPath("segment", q("age=99&sex=F"), FIXTURE_MONTHS)).toBe("/og/segment");
  });
  it("gives a page without parameters one preview whatever the query", () => {
    expect(ogCanonicalPath("method", q("anything=1&sex=F"), FIXTURE_MONTHS)).toBe("/og/method");
  });
});
