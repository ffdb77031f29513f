import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { SERVICE_IDS } from "@/lib/domain";
import { loadDataDir, loadDatasetDir } from "@/lib/dataset/load";
import { qualityNotes } from "@/lib/dataset/quality";
import { rollUpDistricts } from "@/lib/dataset/rollup";
import { createEngine } from "@/lib/engine";
import { segmentIndex } from "@/lib/engine/segments";
import { Engines } from "@/lib/engine/windows";

/** The bundled default dataset (data/seoul), built by npm run data:bundle. */
const data = loadDataDir("data/seoul");
const gangnam = findDistrict("강남구")!;

describe("data/seoul", () => {
  it("holds 21 months: 2022 and 2023-01…06 with 행정동 rows, the default window 2023-01…09", () => {
    expect(data.meta.months).toHaveLength(21);
    expect(data.meta.months[0]).toBe("2022-01");
    expect(data.meta.months.at(-1)).toBe("2023-09");
    expect([...data.dongMonths.keys()]).toEqual([...data.meta.months.slice(0, 18)]);
    expect(data.meta.defaultWindow).toEqual({ from: "2023-01", to: "2023-09" });
    expect(data.dongs).toHaveLength(424);
    expect(data.meta.measures.map((m) => m.id)).toHaveLength(25);
    expect(data.meta.groups.find((g) => g.id === "very_homebound")!.name_ko).toBe("외출이 매우 적은 집단(전체)");
  });

  it("a 2022 district figure is the unweighted mean of its 행정동 rows (population: their sum)", () => {
    const month = data.dongMonths.get("2022-05")!;
    const values: number[] = [];
    let population = 0;
    for (let r = 0; r < month.rows; r++) {
      const dong = data.dongs[month.dong[r]!]!;
      if (dong.districtCode === gangnam.code && month.sex[r] === 0 && (month.age5[r] === 30 || month.age5[r] === 35)) {
        values.push(month.columns.finance![r]!);
        population += month.columns.population![r]!;
      }
    }
    expect(values).toHaveLength(2 * 22); // 강남구's 22 행정동 × bands 30 and 35
    const c = segmentIndex(gangnam, "F", 30);
    const cols = data.districtMonths.get("2022-05")!.columns;
    expect(cols.finance![c]).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 10);
    expect(cols.population![c]).toBe(population);
  });

  it("2023-01…06 population of district.csv agrees with the 행정동 files' roll-up (relative ≤ 1e-9)", () => {
    for (const m of ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"]) {
      const rolled = rollUpDistricts(data.dongMonths.get(m)!, data.dongs).population!;
      const table = data.districtMonths.get(m)!.columns.population!;
      for (let c = 0; c < 300; c++) expect(Math.abs(rolled[c]! - table[c]!) / table[c]!).toBeLessThanOrEqual(1e-9);
    }
  });

  it("flags 2022-10, and only it, by the quality rule", () => {
    const notes = qualityNotes(data);
    expect(notes.map((n) => n.month)).toEqual(["2022-10"]);
    expect(notes[0]!.measures).toEqual(["game", "finance", "shopping", "video", "delivery"]);
    expect(notes[0]!.ratio).toBeGreaterThan(1.26);
  });

  it("the default window answers exactly as data/2023 does", () => {
    const engines = new Engines(data);
    const old = createEngine(loadDatasetDir("data/2023"));
    const now = engines.default;
    expect(now.months).toEqual(old.months);
    const key = { district: gangnam, sex: "F" as const, age: 30 as const };
    expect(now.priority(key, "day")).toEqual(old.priority(key, "day"));
    expect(now.trend(key)).toEqual(old.trend(key));
    expect(now.seasonality("day")).toEqual(old.seasonality("day"));
    for (const s of SERVICE_IDS) expect(now.targets(s, 300)).toEqual(old.targets(s, 300));
    expect(now.correlation(30)).toEqual(old.correlation(30));
  });
});
