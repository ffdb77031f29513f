import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { DongData } from "@/lib/engine/dong-engine";
import { dongFixture } from "@/test/fixtures/dongs";
import {
  getDongAudience,
  getDongComparison,
  getDongEffect,
  getDongs,
  getDongSimilar,
  readDongWindow,
  viewDongWindow,
} from "./dong-queries";

const data = new DongData(dongFixture);

describe("readDongWindow", () => {
  it("defaults to the months with the measure's 행정동 figures", () => {
    expect(readDongWindow(data, undefined, undefined, "game")).toEqual({
      ok: true,
      window: { from: "2022-01", to: "2022-02", months: ["2022-01", "2022-02"] },
    });
    expect(readDongWindow(data, "2022-02", undefined)).toEqual({
      ok: true,
      window: { from: "2022-02", to: "2022-02", months: ["2022-02"] },
    });
  });
  it("names the parameter of an impossible window and the months that would do", () => {
    const after = readDongWindow(data, "2022-02", "2022-01");
    expect(after.ok === false && [after.problem.parameter, after.problem.reason]).toEqual([
      "to",
      "before from (2022-02)",
    ]);
    const empty = readDongWindow(data, "2023-01", undefined, "game");
    // to defaults to the last month with figures, 2022-02: the given from is the one to change.
    expect(empty.ok === false && [empty.problem.parameter, empty.problem.reason]).toEqual([
      "from",
      "after the last month with 행정동 figures (2022-02)",
    ]);
    const none = readDongWindow(data, "2023-01", "2023-01", "game");
    expect(
      none.ok === false && [
        none.problem.parameter,
        none.problem.reason,
        none.problem.allowed.values?.map((v) => v.value),
      ],
    ).toEqual(["from", "no month from 2023-01 to 2023-01 has 행정동 figures for game", ["2022-01", "2022-02"]]);
    const unknown = readDongWindow(data, undefined, undefined, "netflix");
    expect(unknown.ok === false && unknown.problem.reason).toBe("the dataset has no 행정동 figures for netflix");
  });
});

describe("viewDongWindow", () => {
  it("shows the page's window where it has 행정동 figures, else the months that do, saying it fell back", () => {
    expect(viewDongWindow(data, undefined, undefined, "game")).toEqual({
      window: { from: "2022-01", to: "2022-02", months: ["2022-01", "2022-02"] },
      asked: false,
      fellBack: false,
    });
    expect(viewDongWindow(data, "2022-02", "2022-02", "game")).toMatchObject({
      window: { months: ["2022-02"] },
      asked: true,
      fellBack: false,
    });
    expect(viewDongWindow(data, "2023-01", "2023-01", "game")).toMatchObject({
      window: { months: ["2022-01", "2022-02"] },
      asked: true,
      fellBack: true,
    });
    expect(viewDongWindow(data, undefined, undefined, "netflix")).toBeNull();
  });
});

describe("행정동 queries", () => {
  it("list a district's 행정동 in code order", () => {
    expect(getDongs(data, findDistrict("종로구")).dongs.map((d) => d.code)).toEqual(["1101053", "1101054"]);
    expect(getDongs(data, findDistrict("강남구")).dongs).toEqual([]);
  });
  it("answer the effect with its window", () => {
    const w = readDongWindow(data, undefined, undefined, "game");
    if (!w.ok) throw new Error("window");
    // F 20대: 사직동 (15 in January + 30 in February) ÷ 2 = 22.5; 삼청동 has no F 20대 rows → left out.
    const r = getDongEffect(data, "game", { sex: "F", age: 20, window: w.window });
    expect(r.window.months).toEqual(["2022-01", "2022-02"]);
    expect(r.dongs.map((d) => [d.dong.code, d.usage, d.dongZ, d.rank])).toEqual([["1101053", 22.5, null, 1]]);
  });
  it("answer the look-alikes over the window's measures", () => {
    const w = readDongWindow(data, undefined, undefined);
    if (!w.ok) throw new Error("window");
    // game over all rows and months: 사직동 (15 + 4 + 30) ÷ 3, 삼청동 4 → z −1 and +1 whatever the values: distance 2.
    expect(getDongSimilar(data, data.index.get("1101053")!, { window: w.window, limit: 10 })).toMatchObject({
      measures: ["game"],
      similar: [{ dong: { code: "1101054" }, distance: 2, rank: 1 }],
    });
  });
});

describe("the 행정동 grain of /audience and /compare", () => {
  const w = readDongWindow(data, undefined, undefined, "game");
  if (!w.ok) throw new Error("window");
  const window = w.window;
  const all = { sex: "T" as const, sort: "z" as const, limit: 300, offset: 0, window };
  // Segments with rows in 2022-01…02: 사직동 F 20대 (game 15 then 30 → 22.5; people 12 then 5 → 8.5 → 9),
  // 사직동 F 70대 (70 and 75 rows: game (3 + 5) ÷ 2 = 4; people 3), 삼청동 M 30대 (game 4, the NaN row left
  // out; people 10). z across 22.5, 4, 4: mean 10.1667, SD 8.72098 → √2 and −1/√2.
  it("list every segment with rows, with z across them, filtered, sorted and paged", () => {
    const r = getDongAudience(data, "game", all);
    expect(r).toMatchObject({ service: "game", grain: "dong", window, total: 3 });
    expect(
      r.segments.map((s) => [
        s.segment.dong.code,
        s.segment.sex,
        s.segment.age,
        s.segment.district.slug,
        s.population,
        s.usage,
        s.score,
      ]),
    ).toEqual([
      ["1101053", "F", 20, "jongno-gu", 9, 22.5, 13],
      ["1101053", "F", 70, "jongno-gu", 3, 4, 0],
      ["1101054", "M", 30, "jongno-gu", 10, 4, 0],
    ]);
    expect(r.segments[0]!.z).toBeCloseTo(Math.SQRT2, 6);
    expect(r.segments[2]!.z).toBeCloseTo(-Math.SQRT1_2, 6);
    expect(getDongAudience(data, "game", { ...all, sex: "M" }).segments.map((s) => s.segment.dong.code)).toEqual([
      "1101054",
    ]);
    expect(getDongAudience(data, "game", { ...all, age: 70 }).total).toBe(1);
    expect(getDongAudience(data, "game", { ...all, district: findDistrict("강남구") }).total).toBe(0);
    // population: 10, 9, 3; offset 1, limit 1 → the 9.
    expect(
      getDongAudience(data, "game", { ...all, sort: "population", offset: 1, limit: 1 }).segments.map(
        (s) => s.population,
      ),
    ).toEqual([9]);
  });
  it("compare 행정동 segments: population, z and rank across them, the window's monthly values", () => {
    const sajik = data.index.get("1101053")!,
      samcheong = data.index.get("1101054")!;
    const r = getDongComparison(
      data,
      [
        { dong: sajik, sex: "F", age: 20 },
        { dong: samcheong, sex: "M", age: 30 },
      ],
      "month",
      window,
    );
    expect(r.window).toEqual(window);
    expect(r.segments.map((s) => [s.segment.dong.code, s.segment.district.slug, s.segment.population])).toEqual([
      ["1101053", "jongno-gu", 9],
      ["1101054", "jongno-gu", 10],
    ]);
    const game = r.segments.map((s) => s.overall.find((o) => o.service === "game")!);
    expect(game[0]!.z).toBeCloseTo(Math.SQRT2, 6);
    expect(game.map((g) => g.rank)).toEqual([1, 1]);
    expect(r.segments.map((s) => s.trend.series.find((x) => x.service === "game")!.values)).toEqual([
      [15, 30],
      [4, null],
    ]);
    expect(r.segments[0]!.trend.months).toEqual(["2022-01", "2022-02"]);
    // Per day: January ÷ 31, February ÷ 28.
    const daily = getDongComparison(
      data,
      [{ dong: sajik, sex: "F", age: 20 }],
      "day",
      window,
    ).segments[0]!.trend.series.find((x) => x.service === "game")!.values;
    expect(daily).toEqual([15 / 31, 30 / 28]);
  });
});
