import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import type { Age, Sex } from "@/lib/domain";
import * as v from "@/lib/params/values";
import {
  audienceTable,
  audienceViewRows,
  compareLink,
  audiencePager,
  filterText,
  lenientSegments,
  pickSummary,
  planLink,
  sortAudienceRows,
  toggledPicks,
  type AudienceSource,
} from "./audience";

const ref = (slug: string) => findDistrict(slug)!;
const source = (
  slug: string,
  sex: Sex,
  age: Age,
  population: number,
  z: number | null,
  districtZ: number | null = 0,
  usage = 40,
): AudienceSource => ({
  segment: { district: ref(slug), sex, age },
  population,
  usage,
  z,
  districtZ,
  score: Math.round(population * Math.max(z ?? 0, 0)),
});

// 강남구 11680, 마포구 11440, 종로구 11110: codes order 종로 < 마포 < 강남; 가나다 order 강남 < 마포 < 종로.
const rows = [
  source("gangnam-gu", "F", 20, 1000, 1.5, 0.5),
  source("mapo-gu", "M", 30, 3000, 0.5, -1),
  source("jongno-gu", "F", 20, 2000, null, null),
  source("mapo-gu", "F", 30, 3000, 0.5, 2),
];
const seg = (id: string) => {
  const r = v.segment.parse(id);
  if (!r.ok) throw new Error(id);
  return r.value;
};

describe("audienceViewRows", () => {
  it("shows a count service's district effect as its index, an index service's as districtZ", () => {
    const index = (r: AudienceSource) => (r.segment.district.slug === "mapo-gu" ? 112.5 : 95);
    const delivery = audienceViewRows(rows, "delivery", index);
    expect(delivery.map((r) => r.effect)).toEqual([95, 112.5, 95, 112.5]);
    expect(delivery[0]).toMatchObject({ id: "gangnam-gu.F.20", label: "강남구 20대 여성", score: 1500 });
    expect(audienceViewRows(rows, "netflix", index).map((r) => r.effect)).toEqual([0.5, -1, null, 2]);
  });
});

describe("sortAudienceRows", () => {
  const view = audienceViewRows(rows, "netflix", () => null);
  const ids = (sort: v.AudienceTableSort) => sortAudienceRows(view, sort).map((r) => r.id);

  it("sorts numbers highest or lowest first, ties in district-code order, missing figures last both ways", () => {
    // z 0.5 tie: 마포 M 30 and 마포 F 30 → F first (canonical), both ways.
    expect(ids("z-desc")).toEqual(["gangnam-gu.F.20", "mapo-gu.F.30", "mapo-gu.M.30", "jongno-gu.F.20"]);
    expect(ids("z-asc")).toEqual(["mapo-gu.F.30", "mapo-gu.M.30", "gangnam-gu.F.20", "jongno-gu.F.20"]);
    // population 3000 tie (마포 F, M), then 2000, 1000.
    expect(ids("population-desc")).toEqual(["mapo-gu.F.30", "mapo-gu.M.30", "jongno-gu.F.20", "gangnam-gu.F.20"]);
    expect(ids("effect-asc")).toEqual(["mapo-gu.M.30", "gangnam-gu.F.20", "mapo-gu.F.30", "jongno-gu.F.20"]);
    // score: 강남 1000×1.5, 마포 3000×0.5 (F and M) all 1500 → canonical 마포 F, 마포 M, 강남; 종로 (no z) 0.
    expect(ids("score-desc")).toEqual(["mapo-gu.F.30", "mapo-gu.M.30", "gangnam-gu.F.20", "jongno-gu.F.20"]);
  });
  it("sorts districts in 가나다 order, sexes F then M, ages ascending, and reverses them", () => {
    expect(ids("district-asc")).toEqual(["gangnam-gu.F.20", "mapo-gu.F.30", "mapo-gu.M.30", "jongno-gu.F.20"]);
    expect(ids("district-desc")).toEqual(["jongno-gu.F.20", "mapo-gu.F.30", "mapo-gu.M.30", "gangnam-gu.F.20"]);
    expect(ids("sex-desc")).toEqual(["mapo-gu.M.30", "jongno-gu.F.20", "mapo-gu.F.30", "gangnam-gu.F.20"]);
    expect(ids("age-asc")).toEqual(["jongno-gu.F.20", "gangnam-gu.F.20", "mapo-gu.F.30", "mapo-gu.M.30"]);
  });
});

describe("audienceTable", () => {
  it("has one row per shown row with the unrounded figures, and the unit in the headings", () => {
    const t = audienceTable(
      audienceViewRows(rows.slice(0, 1), "delivery", () => 95.25),
      "delivery",
    );
    expect(t.columns.map((c) => c.label)).toEqual([
      "자치구",
      "성별",
      "연령대",
      "인구 (명, 월평균 거주)",
      "배달 사용량 (제공처 단위)",
      "z",
      "자치구 효과 (지수, 100 = 25개 구 평균)",
      "점수",
    ]);
    expect(t.rows).toEqual([["강남구", "여성", "20대", 1000, 40, 1.5, 95.25, 1500]]);
    expect(audienceTable([], "youtube").columns[4]!.label).toBe("유튜브 사용량 (표준화 지수)");
  });
});

describe("pickSummary", () => {
  it("adds the residents and weights z by them, leaving out picks without a z", () => {
    // (1000 × 1.5 + 3000 × 0.5) ÷ 4000 = 3000 ÷ 4000 = 0.75; 종로구 (no z) adds people only.
    expect(pickSummary([rows[0]!, rows[1]!, rows[2]!])).toEqual({ count: 3, population: 6000, meanZ: 0.75 });
    expect(pickSummary([rows[2]!])).toEqual({ count: 1, population: 2000, meanZ: null });
    expect(pickSummary([])).toEqual({ count: 0, population: 0, meanZ: null });
  });
});

describe("picks and links", () => {
  it("appends a tick, removes an untick, and keeps the order of ticking", () => {
    const a = toggledPicks([], "mapo-gu.F.30", true);
    const b = toggledPicks(a, "gangnam-gu.M.20", true);
    expect(v.pickedSegments.serialize(b)).toBe("mapo-gu.F.30,gangnam-gu.M.20");
    expect(v.pickedSegments.serialize(toggledPicks(b, "mapo-gu.F.30", false))).toBe("gangnam-gu.M.20");
    expect(v.pickedSegments.serialize(toggledPicks(b, "mapo-gu.F.30", true))).toBe("gangnam-gu.M.20,mapo-gu.F.30");
  });
  it("compares 2–4 picks with the service, and says why not otherwise", () => {
    expect(compareLink("game", [seg("gangnam-gu.F.20")])).toEqual({ reason: "비교하려면 2개 이상 고르세요" });
    expect(compareLink("game", [seg("gangnam-gu.F.20"), seg("mapo-gu.M.30")])).toEqual({
      href: "/compare?segments=gangnam-gu.F.20%2Cmapo-gu.M.30&service=game",
    });
    expect(compareLink("delivery", [seg("gangnam-gu.F.20"), seg("mapo-gu.M.30")])).toEqual({
      href: "/compare?segments=gangnam-gu.F.20%2Cmapo-gu.M.30",
    });
    const five = ["jongno-gu.F.20", "jongno-gu.F.30", "jongno-gu.F.40", "jongno-gu.F.50", "jongno-gu.F.60"].map(seg);
    expect(compareLink("game", five)).toEqual({ reason: "비교는 한 번에 4개까지입니다" });
  });
  it("plans the picks (1–50), or the service's default segments with none", () => {
    expect(planLink("delivery", [seg("gangnam-gu.F.20"), seg("mapo-gu.M.30")])).toEqual({
      href: "/plan?service=delivery&segments=gangnam-gu.F.20%2Cmapo-gu.M.30",
    });
    expect(planLink("game", [])).toEqual({ href: "/plan?service=game" });
    const many = ["F", "M"].flatMap((sex) =>
      ["jongno-gu", "jung-gu", "yongsan-gu", "seongdong-gu", "gwangjin-gu"].flatMap((d) =>
        [20, 30, 40, 50, 60, 70].map((a) => seg(`${d}.${sex}.${a}`)),
      ),
    );
    expect(many).toHaveLength(60);
    expect(planLink("game", many)).toEqual({ reason: "예산 계획은 50개까지의 고객층으로 세웁니다" });
  });
});

describe("filterText and lenientSegments", () => {
  it("says the filters in words", () => {
    expect(filterText({ sex: "T" })).toBe("남녀 전체 · 전체 연령대 · 전체 자치구");
    expect(filterText({ sex: "F", age: 30, district: { name_ko: "마포구" } })).toBe("여성 · 30대 · 마포구");
  });
  it("keeps the valid distinct ids of a partly bad list, up to max, and says why each other one was left out", () => {
    const r = lenientSegments(
      { segments: "gangnam-gu.F.20,nowhere.F.20,11680.f.20,mapo-gu.M.30,jongno-gu.F.40" },
      "segments",
      2,
    );
    expect(r.items.map(v.segment.serialize)).toEqual(["gangnam-gu.F.20", "mapo-gu.M.30"]);
    expect(r.dropped).toEqual([
      { raw: "nowhere.F.20", reason: "알 수 없는 고객층 ID" },
      { raw: "11680.f.20", reason: "이미 있는 고객층(중복)" },
      { raw: "jongno-gu.F.40", reason: "한 번에 2개까지" },
    ]);
    expect(lenientSegments(new URLSearchParams("pick=mapo-gu.M.30&pick=mapo-gu.M.30"), "pick", 300).items).toHaveLength(
      1,
    );
    expect(lenientSegments({}, "pick", 300)).toEqual({ items: [], dropped: [] });
  });
});

describe("audiencePager", () => {
  it("labels pages of 50 by their row ranges and keeps an offset past the end on the last page", () => {
    expect(audiencePager(300, 0).pages.map((p) => p.label)).toEqual([
      "1–50",
      "51–100",
      "101–150",
      "151–200",
      "201–250",
      "251–300",
    ]);
    expect(audiencePager(120, 100)).toEqual({
      offset: 100,
      pages: [
        { offset: 0, label: "1–50" },
        { offset: 50, label: "51–100" },
        { offset: 100, label: "101–120" },
      ],
    });
    expect(audiencePager(25, 250).offset).toBe(0);
    expect(audiencePager(0, 50)).toEqual({ offset: 0, pages: [] });
  });
});
