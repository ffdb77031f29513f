import { describe, expect, it } from "vitest";
import { dongFixture as data } from "@/test/fixtures/dongs";
import { DongWindow } from "./dong-engine";
import { dongPanelOf, monthsWith } from "./dong-panel";

describe("행정동 panel", () => {
  const panel = dongPanelOf(data);
  const seg = (dong: number, sex: number, ageIndex: number) => dong * 12 + sex * 6 + ageIndex;
  it("has every 행정동 × sex × 10-year band, in code order", () => {
    expect(panel.dongs.map((d) => d.code)).toEqual(["1101053", "1101054"]);
    expect(panel.segments).toHaveLength(24);
    expect(panel.segments[seg(1, 1, 5)]).toEqual({ dong: 1, sex: "M", age: 70 });
    expect(panel.months).toEqual(["2022-01", "2022-02", "2023-01"]);
  });
  it("takes the unweighted mean of a segment's provider rows, the sum of population; 70 holds 75", () => {
    const jan = panel.measures.get("game")!.months[0]!;
    expect(jan[seg(0, 0, 0)]).toBe(15); // 사직동 F 20대: (10 + 20) ÷ 2
    expect(panel.population[0]![seg(0, 0, 0)]).toBe(12);
    expect(jan[seg(0, 0, 5)]).toBe(4); // 70 and 75: (3 + 5) ÷ 2
    expect(jan[seg(1, 1, 1)]).toBe(4); // 삼청동 M 30대: the empty row is not a row with 0
    expect(jan[seg(1, 0, 0)]).toBeNaN();
  });
  it("leaves the 관심집단 counts out and marks months without the measure", () => {
    expect([...panel.measures.keys()]).toEqual(["game"]);
    expect(panel.measures.get("game")!.months[2]).toBeUndefined();
  });
  it("knows the months with 행정동 figures of a measure and states a window's", () => {
    expect(monthsWith(panel, "game")).toEqual(["2022-01", "2022-02"]);
    expect(monthsWith(panel, "netflix")).toEqual([]);
    const w = new DongWindow(panel, { from: "2022-02", to: "2023-01" });
    expect(w.info("game")).toEqual({ from: "2022-02", to: "2023-01", months: ["2022-02"] });
    expect(w.panel.measures.get("game")!.months).toHaveLength(2);
  });
  it("gives a segment's 생활 지표: window mean and z across all segments", () => {
    const w = new DongWindow(panel, { from: "2022-01", to: "2022-02" });
    // 사직동 F 20대: January 15, February 30 → 22.5; the only other segments with game: 사직동 F 70대 4, 삼청동 M 30대 4.
    // mean 10.1667, population SD √(((12.3333)² + 2 × (6.1667)²) ÷ 3) = 8.7210 → z 1.414214.
    const [game] = w.profile(panel.dongs[0]!, "F", 20);
    expect(game).toMatchObject({ measure: "game", value: 22.5, months: ["2022-01", "2022-02"] });
    expect(game!.z).toBeCloseTo(1.414214, 5);
  });
  it("sums the 관심집단 and gives a segment's count and share over the months that have it", () => {
    // isolated: 1 per provider row. 사직동 F 20대: January rows 20 and 25 → 2 of population 12; February 1 of 5.
    const w = new DongWindow(panel, { from: "2022-01", to: "2023-01" });
    const isolated = w.groups(panel.dongs[0]!, "F", 20).find((g) => g.group === "isolated")!;
    // Months: 2022-01 (2 of 12), 2022-02 (1 of 5), 2023-01 (1 of 9) → count 4/3, population 26/3, share 4/26.
    expect(isolated.months).toEqual(["2022-01", "2022-02", "2023-01"]);
    expect(isolated.count).toBeCloseTo(4 / 3, 12);
    expect(isolated.share).toBeCloseTo(4 / 26, 12);
  });
});
