import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { DongData } from "@/lib/engine/dong-engine";
import { dongFixture } from "@/test/fixtures/dongs";
import { getDongEffect, getDongs, getDongSimilar, readDongWindow, viewDongWindow } from "./dong-queries";

const data = new DongData(dongFixture);

describe("readDongWindow", () => {
  it("defaults to the months with the measure's 행정동 figures", () => {
    expect(readDongWindow(data, undefined, undefined, "game")).toEqual({ ok: true, window: { from: "2022-01", to: "2022-02", months: ["2022-01", "2022-02"] } });
    expect(readDongWindow(data, "2022-02", undefined)).toEqual({ ok: true, window: { from: "2022-02", to: "2022-02", months: ["2022-02"] } });
  });
  it("names the parameter of an impossible window and the months that would do", () => {
    const after = readDongWindow(data, "2022-02", "2022-01");
    expect(after.ok === false && [after.problem.parameter, after.problem.reason]).toEqual(["to", "before from (2022-02)"]);
    const empty = readDongWindow(data, "2023-01", undefined, "game");
    // to defaults to the last month with figures, 2022-02: the given from is the one to change.
    expect(empty.ok === false && [empty.problem.parameter, empty.problem.reason]).toEqual(["from", "after the last month with 행정동 figures (2022-02)"]);
    const none = readDongWindow(data, "2023-01", "2023-01", "game");
    expect(none.ok === false && [none.problem.parameter, none.problem.reason, none.problem.allowed.values?.map((v) => v.value)]).toEqual([
      "from",
      "no month from 2023-01 to 2023-01 has 행정동 figures for game",
      ["2022-01", "2022-02"],
    ]);
    const unknown = readDongWindow(data, undefined, undefined, "netflix");
    expect(unknown.ok === false && unknown.problem.reason).toBe("the dataset has no 행정동 figures for netflix");
  });
});

describe("viewDongWindow", () => {
  it("shows the page's window where it has 행정동 figures, else the months that do, saying it fell back", () => {
    expect(viewDongWindow(data, undefined, undefined, "game")).toEqual({ window: { from: "2022-01", to: "2022-02", months: ["2022-01", "2022-02"] }, asked: false, fellBack: false });
    expect(viewDongWindow(data, "2022-02", "2022-02", "game")).toMatchObject({ window: { months: ["2022-02"] }, asked: true, fellBack: false });
    expect(viewDongWindow(data, "2023-01", "2023-01", "game")).toMatchObject({ window: { months: ["2022-01", "2022-02"] }, asked: true, fellBack: true });
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
