import { describe, expect, it } from "vitest";
import { DongData } from "@/lib/engine/dong-engine";
import { dongFixture } from "@/test/fixtures/dongs";
import { audienceCsv, dongAudienceRows } from "./audience-table";
import { readDongWindow } from "./dong-queries";

const data = new DongData(dongFixture);

describe("the /audience table's rows and CSV at the 행정동 grain", () => {
  const w = readDongWindow(data, undefined, undefined, "game");
  if (!w.ok) throw new Error("window");
  it("every filtered row in the table's sort, written with the table's columns and rounding", () => {
    // The fixture's three segments (lib/api/dong-queries.test.ts works them out): 사직동 F 20대 people 8.5 → 9,
    // game 22.5, z √2, score round(9 × √2) = 13; 사직동 F 70대 3, 4, z −1/√2, score 0; 삼청동 M 30대 10, 4, −1/√2, 0.
    // Each is the only 행정동 of its district in its sex × age group, so its 행정동 effect is the group's mean: 100.
    const rows = dongAudienceRows(data, "game", { sex: "T" }, "population-asc", w.window);
    expect(rows.map((r) => r.id)).toEqual(["1101053.F.70", "1101053.F.20", "1101054.M.30"]);
    const lines = audienceCsv(rows, "game", "dong").split("\r\n");
    expect(lines[0]).toBe(
      '\uFEFF행정동,성별,연령대,"인구 (명, 월평균 거주)",게임 사용량 (제공처 단위),z,"행정동 효과 (지수, 100 = 구 안 행정동 평균)",점수',
    );
    expect(lines.slice(1, 4).map((l) => l.split(",").slice(0, 5))).toEqual([
      ["종로구 사직동", "여성", "70대", "3", "4"],
      ["종로구 사직동", "여성", "20대", "9", "22.5"],
      ["종로구 삼청동", "남성", "30대", "10", "4"],
    ]);
    const z = lines.slice(1, 4).map((l) => Number(l.split(",")[5]));
    expect(z[0]).toBeCloseTo(-Math.SQRT1_2, 6);
    expect(z[1]).toBeCloseTo(Math.SQRT2, 6);
    expect(lines.slice(1, 4).map((l) => l.split(",").slice(6))).toEqual([
      ["100", "0"],
      ["100", "13"],
      ["100", "0"],
    ]);
    expect(lines.slice(4)).toEqual([""]);
  });
  it("filters as the page does", () => {
    expect(dongAudienceRows(data, "game", { sex: "M" }, "score-desc", w.window).map((r) => r.id)).toEqual([
      "1101054.M.30",
    ]);
    expect(dongAudienceRows(data, "game", { sex: "T", age: 70 }, "score-desc", w.window)).toHaveLength(1);
  });
});
