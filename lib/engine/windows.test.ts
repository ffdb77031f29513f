import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { DISTRICTS } from "@/lib/districts";
import { loadDataDir, openDataDir } from "@/lib/dataset/load";
import { writeFixtureDir } from "@/test/fixtures/dataset-v2";
import { Engines, MAX_WINDOW_ENGINES } from "./windows";

const dir = writeFixtureDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engines = new Engines(loadDataDir(dir));
const gangnam = DISTRICTS.findIndex((d) => d.name_ko === "강남구");
const key = { district: DISTRICTS[gangnam]!, sex: "F" as const, age: 30 as const };
const all = { from: "2022-12", to: "2023-02" };

describe("Engines (one engine per analysis window)", () => {
  it("serves the default window unless from/to say otherwise, and memoizes windows", () => {
    expect(engines.default.months).toEqual(["2023-01", "2023-02"]);
    expect(engines.resolve(undefined, "2023-01")).toEqual({ from: "2023-01", to: "2023-01" });
    const a = engines.engine(all);
    expect(a.ok && a.months).toEqual(["2022-12", "2023-01", "2023-02"]);
    const b = engines.engine({ ...all });
    expect(a.ok && b.ok && a.engine === b.engine).toBe(true);
    expect(engines.engine({ from: "2023-01", to: "2023-02" })).toMatchObject({ ok: true, engine: engines.default });
  });

  it("keeps at most MAX_WINDOW_ENGINES besides the default", () => {
    const first = engines.engine({ from: "2022-12", to: "2022-12" });
    for (const w of [
      all,
      { from: "2023-01", to: "2023-01" },
      { from: "2023-02", to: "2023-02" },
      { from: "2022-12", to: "2023-01" },
    ].slice(0, MAX_WINDOW_ENGINES))
      engines.engine(w);
    const again = engines.engine({ from: "2022-12", to: "2022-12" });
    expect(first.ok && again.ok && first.engine !== again.engine).toBe(true);
  });

  it("names what a window lacks: from after to, or no month of the dataset", () => {
    expect(engines.engine({ from: "2023-02", to: "2022-12" })).toMatchObject({
      ok: false,
      gap: { missing: [], have: ["2022-12", "2023-01", "2023-02"] },
    });
    expect(engines.engine({ from: "2021-01", to: "2021-06" })).toMatchObject({
      ok: false,
      gap: { missing: [], have: ["2022-12", "2023-01", "2023-02"] },
    });
  });

  it("a 2022 month's services come from the 행정동 roll-up: 강남구 F 30 finance = d + 1 in 2022-12", () => {
    const r = engines.engine(all);
    if (!r.ok) throw new Error("window");
    expect(r.engine.trend(key).series.find((s) => s.service === "finance")!.values).toEqual([
      gangnam + 1,
      2 * gangnam,
      2 * gangnam,
    ]);
  });

  it("profiles a segment over the window: each measure over the months that have it, z across the 300", () => {
    const p = engines.profile(all, key);
    const finance = p.measures.find((m) => m.measure === "finance")!;
    // months: d + 1 (2022-12), 2d, 2d → (5d + 1) / 3; across segments only d varies: z = (d − 12) / √52
    expect(finance.value).toBeCloseTo((5 * gangnam + 1) / 3, 12);
    expect(finance.z).toBeCloseTo((gangnam - 12) / Math.sqrt(52), 12);
    expect(finance.months).toEqual(["2022-12", "2023-01", "2023-02"]);
    expect(p.measures.find((m) => m.measure === "micropay_amount")).toEqual({
      measure: "micropay_amount",
      value: 1500,
      z: null,
      months: ["2022-12"],
    });
    // very_homebound: 6 in 2022-12 and 2023-01; population 42 (roll-up) and 40 (district.csv)
    expect(p.groups).toEqual([{ group: "very_homebound", count: 6, share: 6 / 41, months: ["2022-12", "2023-01"] }]);
  });

  it("builds the default window before the 행정동 months are read, and reads them on first need", () => {
    const { data, ...rest } = openDataDir(dir);
    expect(data.dongMonths.size).toBe(0);
    const lazy = new Engines(data, rest);
    expect(lazy.default.months).toEqual(["2023-01", "2023-02"]);
    expect(data.dongMonths.size).toBe(0);
    expect(lazy.engine(all).ok).toBe(true);
    expect(data.dongMonths.size).toBe(2);
  });

  it("completes in the background a month per turn, then reports done", async () => {
    const { data, ...rest } = openDataDir(dir);
    const lazy = new Engines(data, rest);
    const error = await new Promise((resolve) => lazy.completeInBackground(resolve));
    expect(error).toBeNull();
    expect(data.dongMonths.size).toBe(2);
    expect(data.districtMonths.get("2022-12")!.columns.finance).toBeDefined();
  });
});
