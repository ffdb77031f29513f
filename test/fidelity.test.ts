import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import { SERVICE_IDS, type Age, type Sex } from "@/lib/domain";
import { loadDatasetDir } from "@/lib/dataset/load";
import { createEngine } from "@/lib/engine";

/**
 * The bundled dataset must reproduce the 2023 analysis's published results (data/reference, copied
 * from the shared reference folder): every z-score, every population figure, and the oldest and
 * youngest districts.
 */
const engine = createEngine(loadDatasetDir("data/2023"));
const reference = (name: string) => csvParse(readFileSync(`data/reference/${name}`, "utf8"));

describe("fidelity to the published 2023 results", () => {
  it("reproduces all 2,100 published z-scores within 1e-5", () => {
    const rows = reference("segment-service-zscores.csv");
    expect(rows).toHaveLength(300);
    let checked = 0;
    let worst = 0;
    for (const r of rows) {
      const key = { district: findDistrict(r.district!)!, sex: r.sex as Sex, age: Number(r.age_band) as Age };
      const overall = engine.priority(key).overall;
      for (const service of SERVICE_IDS) {
        const z = overall.find((s) => s.service === service)!.z!;
        worst = Math.max(worst, Math.abs(z - Number(r[service])));
        checked++;
      }
    }
    expect(checked).toBe(2100);
    expect(worst).toBeLessThan(1e-5);
  });

  it("reproduces the published population of all 450 district × age × sex figures within 2", () => {
    const rows = reference("population-by-segment.csv");
    expect(rows).toHaveLength(450);
    for (const r of rows) {
      const code = findDistrict(r.district!)!.code;
      const ours = engine
        .population(Number(r.age_band) as Age, r.sex as "F" | "M" | "T")
        .find((d) => d.district.code === code)!;
      expect(
        Math.abs(ours.population - Number(r.population)),
        `${r.district} ${r.age_band} ${r.sex}`,
      ).toBeLessThanOrEqual(2);
    }
  });

  it("ranks the oldest and youngest districts as published", () => {
    const ranked = engine.averageAge("T").map((d) => d.district.name_ko);
    expect(ranked.slice(0, 3)).toEqual(["강북구", "도봉구", "은평구"]);
    expect(ranked.slice(-3).reverse()).toEqual(["관악구", "광진구", "마포구"]);
  });

  it("keeps negative index values and values above 31 as they are", () => {
    const trend = engine.trend({ district: findDistrict("11680")!, sex: "F", age: 20 });
    const values = (s: string) => trend.series.find((x) => x.service === s)!.values;
    expect(values("shopping").some((v) => v > 31)).toBe(true);
    expect(engine.targets("netflix", 300).every((t) => t.usage < 0)).toBe(true);
  });
});
