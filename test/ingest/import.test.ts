import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_IDS } from "@/lib/domain";
import { findDistrict, statCodeOf } from "@/lib/districts";
import { loadDatasetDir } from "@/lib/dataset/load";
import type { Dataset } from "@/lib/dataset/types";
import { createEngine } from "@/lib/engine";
import { csvText, expectedFigures, generateMonth, toTable, writeCsv, writeXlsx, type RawRow } from "./generate";
import { cli, snapshot, removeTempDirs, tempDir } from "./helpers";

afterAll(removeTempDirs);

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Checks every segment of the loaded dataset against the reference aggregation of the raw rows. */
function expectFigures(ds: Dataset, raw: readonly RawRow[], method: "weighted" | "unweighted") {
  const expected = expectedFigures(raw, method);
  expect(ds.rows.length).toBe(expected.size);
  for (const r of ds.rows) {
    const e = expected.get(`${r.month}|${findDistrict(r.districtCode)!.name_ko}|${r.sex}|${r.age}`);
    expect(e, `${r.month} ${r.districtCode} ${r.sex} ${r.age}`).toBeDefined();
    expect(r.population).toBeCloseTo(e!.population, 6);
    for (const s of SERVICE_IDS) expect(r.usage[s], s).toBeCloseTo(e!.usage[s], 9);
  }
}

function load(dir: string): Dataset {
  const ds = loadDatasetDir(dir);
  const engine = createEngine(ds); // the app's engine accepts it
  expect(engine.months).toEqual(ds.meta.months);
  return ds;
}

describe("importing the official layouts", () => {
  let work: string;
  beforeAll(() => {
    work = tempDir();
  });

  it("reads a dong-level XLSX in the real ~140-column layout with the month only in its file name", async () => {
    const raw = generateMonth("2023-01");
    const file = path.join(work, "2023.1월_29개 통신정보.xlsx");
    const table = toTable(raw);
    expect(table[0]!.length).toBeGreaterThan(130);
    await writeXlsx(file, table);
    const out = path.join(work, "xlsx-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rows read: 1,300/);
    expect(run.stdout).toMatch(/rows skipped: 100 \(연령대 under 20\)/);
    const ds = load(out);
    expect(ds.meta).toMatchObject({ kind: "imported", method: "weighted", months: ["2023-01"], files: [{ name: "2023.1월_29개 통신정보.xlsx", sha256: sha(file) }] });
    expect(ds.rows.some((r) => r.usage.netflix < 0 && r.usage.youtube < 0)).toBe(true); // indices stay negative
    expect(ds.rows.some((r) => r.usage.shopping > 31)).toBe(true); // and other units are not clamped
    expectFigures(ds, raw, "weighted");
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });

  it("reads CP949 CSV with renamed columns (행정동명, 총인구), shuffled columns and a 기준년월 column", async () => {
    const raw = generateMonth("2023-03");
    const file = path.join(work, "march-cp949.csv");
    writeCsv(file, toTable(raw, { renamed: true, shuffleSeed: 7, monthColumn: "기준년월", monthFormat: (m) => m }), "cp949");
    expect(readFileSync(file).includes(Buffer.from("행정동명"))).toBe(false); // really not UTF-8
    const out = path.join(work, "cp949-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("csv, cp949");
    expectFigures(load(out), raw, "weighted");
  });

  it("reads UTF-8 BOM CSV with 남/여, a month column 2023.04 and no 미추정 columns (weights = 총인구수)", async () => {
    const raw = generateMonth("2023-04");
    const file = path.join(work, "april-bom.csv");
    writeCsv(file, toTable(raw, { sexWords: true, monthColumn: " 기준연월 ", monthFormat: (m) => m.replace("-", "."), noUnestimated: true }), "utf8bom");
    const out = path.join(work, "bom-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("utf-8 (BOM)");
    const noWeights = raw.map((r) => ({ ...r, unestimated: Object.fromEntries(SERVICE_IDS.map((s) => [s, 0])) as RawRow["unestimated"] }));
    expectFigures(load(out), noWeights, "weighted");
  });

  it("reads district-level CSV (no dong columns), several months in one file, files in any order", async () => {
    const months = ["2022-12", "2023-05", "2023-02"];
    const raw = months.flatMap((m) => generateMonth(m, { districtLevel: true }));
    const a = path.join(work, "districts-a.csv");
    writeCsv(a, toTable(raw.filter((r) => r.month !== "2023-02"), { districtLevel: true, monthColumn: "년월" }));
    const b = path.join(work, "districts-b.csv");
    writeCsv(b, toTable(raw.filter((r) => r.month === "2023-02"), { districtLevel: true, monthColumn: "년월", layout: "minimal" }));
    const out1 = path.join(work, "district-out-1");
    const out2 = path.join(work, "district-out-2");
    expect((await cli("--out", out1, a, b)).code).toBe(0);
    expect((await cli("--out", out2, b, a)).code).toBe(0);
    const ds = load(out1);
    expect(ds.meta.months).toEqual(["2022-12", "2023-02", "2023-05"]);
    expectFigures(ds, raw, "weighted");
    expect(readFileSync(path.join(out1, "usage.csv"))).toEqual(readFileSync(path.join(out2, "usage.csv")));
  });

  it("maps dongs by the statistics code in 행정동코드 when 자치구 is absent", async () => {
    const raw = generateMonth("2023-08");
    const t = toTable(raw, { layout: "minimal" });
    const k = t[0]!.indexOf("자치구");
    const file = path.join(work, "no-gu-202308.csv");
    writeCsv(file, t.map((r) => r.filter((_, i) => i !== k)));
    const out = path.join(work, "no-gu-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    const ds = load(out);
    expect(ds.meta.files).toEqual([{ name: "no-gu-202308.csv", sha256: sha(file) }]);
    expectFigures(ds, raw, "weighted");
  });

  it("district-level tables keyed by a district code of either numbering scheme (11110 is 종로구's and 노원구's)", async () => {
    const raw = generateMonth("2023-09", { districtLevel: true });
    for (const scheme of ["code", "statCode"] as const) {
      const t = toTable(raw, { districtLevel: true, layout: "minimal" });
      const k = t[0]!.indexOf("자치구");
      t[0]![k] = "자치구코드";
      for (const r of t.slice(1)) {
        const d = findDistrict(String(r[k]))!;
        r[k] = scheme === "code" ? d.code : statCodeOf(d);
      }
      const file = path.join(work, `codes-${scheme}-202309.csv`);
      writeCsv(file, t);
      const out = path.join(work, `codes-${scheme}-out`);
      const run = await cli("--out", out, file);
      expect(run.stderr).toBe("");
      expectFigures(load(out), raw, "weighted");
    }
  });

  it("reads a CSV with CR-only line ends (old Mac Excel), quoted fields included", async () => {
    const raw = generateMonth("2023-11");
    const t = toTable(raw, { layout: "minimal" });
    const file = path.join(work, "cr-only-202311.csv");
    writeFileSync(file, csvText(t).replaceAll("\r\n", "\r").replace("행정동코드", '"행정동코드"')); // a quoted header cell: the quoted-record path too
    const out = path.join(work, "cr-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("CR line ends");
    expectFigures(load(out), raw, "weighted");
  });

  it("reads an XLSX with a title row above the header and an integer month cell 202310", async () => {
    const raw = generateMonth("2023-10");
    const file = path.join(work, "oct-title.xlsx");
    await writeXlsx(file, toTable(raw, { monthColumn: "기준연월", monthFormat: (m) => Number(m.replace("-", "")) }), ["행정동 단위 서울 시민생활 데이터"]);
    const out = path.join(work, "title-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    expectFigures(load(out), raw, "weighted");
  });
});

describe("hand-computed segment: 종로구 여성 20대, two dongs × bands 20 and 25", () => {
  // pop 100, 200, 300, 400; game 10, 20, 30, 40 with 미추정 0, 50, 100, 0 → weights 100, 150, 200, 400.
  // youtube -0.5, *, -0.25, (empty) with 미추정 0 → only rows 1 and 3 count.
  // netflix -0.1, -0.2, -, -0.4 with 미추정 10 each → weights 90, 190, 390.
  const hand = [
    { pop: 100, game: 10, gameU: 0, yt: -0.5, nf: -0.1 },
    { pop: 200, game: 20, gameU: 50, yt: "*", nf: -0.2 },
    { pop: 300, game: 30, gameU: 100, yt: -0.25, nf: "-" },
    { pop: 400, game: 40, gameU: 0, yt: "", nf: -0.4 },
  ];
  let file: string;
  let work: string;
  beforeAll(() => {
    work = tempDir();
    const raw = generateMonth("2023-06");
    const target = raw.filter((r) => r.district === "종로구" && r.sex === 2 && (r.band === 20 || r.band === 25));
    expect(target).toHaveLength(4);
    target.forEach((r, i) => {
      const h = hand[i]!;
      r.population = h.pop;
      r.values.game = h.game;
      r.unestimated.game = h.gameU;
      r.values.youtube = h.yt === "" ? null : h.yt;
      r.unestimated.youtube = 0;
      r.values.netflix = h.nf;
      r.unestimated.netflix = 10;
    });
    file = path.join(work, "2023-06.csv");
    writeCsv(file, toTable(raw));
  });

  const segment = (ds: Dataset) => ds.rows.find((r) => r.districtCode === "11110" && r.sex === "F" && r.age === 20)!;

  it("weighted by 총인구수 − 미추정 인구수 (the default)", async () => {
    const out = path.join(work, "w");
    expect((await cli("--out", out, file)).code).toBe(0);
    const ds = load(out);
    const s = segment(ds);
    expect(s.population).toBe(1000);
    expect(s.usage.game).toBeCloseTo((100 * 10 + 150 * 20 + 200 * 30 + 400 * 40) / 850, 12); // 30.588…
    // as served: the engine behind the API reports the same figures for the segment
    const key = { district: findDistrict("11110")!, sex: "F", age: 20 } as const;
    const engine = createEngine(ds);
    expect(engine.segment(key)!.population).toBe(1000);
    expect(engine.trend(key)!.series.find((x) => x.service === "game")!.values).toEqual([s.usage.game]);
    expect(engine.trend(key)!.series.find((x) => x.service === "youtube")!.values[0]).toBeCloseTo(-0.3125, 12);
    expect(s.usage.youtube).toBeCloseTo((100 * -0.5 + 300 * -0.25) / 400, 12); // -0.3125
    expect(s.usage.netflix).toBeCloseTo((90 * -0.1 + 190 * -0.2 + 390 * -0.4) / 670, 12);
  });

  it("--unweighted: the plain mean of the rows that have a value", async () => {
    const out = path.join(work, "u");
    expect((await cli("--unweighted", "--out", out, file)).code).toBe(0);
    const ds = load(out);
    expect(ds.meta.method).toBe("unweighted");
    const s = segment(ds);
    expect(s.population).toBe(1000);
    expect(s.usage.game).toBe(25);
    expect(s.usage.youtube).toBe(-0.375);
    expect(s.usage.netflix).toBeCloseTo(-0.7 / 3, 12);
  });

  it("--dry-run prints the summary and writes nothing", async () => {
    const out = path.join(work, "dry");
    const run = await cli("--dry-run", "--out", out, file);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/months: 1 \(2023-06\)/);
    expect(run.stdout).toContain("dry run: nothing written");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((n) => n.includes("dry"))).toEqual([]);
  });
});

describe("replacing an existing DIR", () => {
  it("swaps the symlink to a new version and removes the old one", async () => {
    const work = tempDir();
    const jan = path.join(work, "202301.csv");
    const feb = path.join(work, "202302.csv");
    writeCsv(jan, toTable(generateMonth("2023-01"), { layout: "minimal" }));
    writeCsv(feb, toTable(generateMonth("2023-02"), { layout: "minimal" }));
    const out = path.join(work, "data", "imported");
    expect((await cli("--out", out, jan)).code).toBe(0);
    expect(load(out).meta.months).toEqual(["2023-01"]);
    expect((await cli("--out", out, jan, feb)).code).toBe(0);
    expect(load(out).meta.months).toEqual(["2023-01", "2023-02"]);
    expect(readdirSync(path.join(work, "data")).sort()).toEqual([".imported.versions", "imported"]);
    expect(readdirSync(path.join(work, "data", ".imported.versions"))).toHaveLength(1);
  });

  it("refuses while another live import holds DIR's lock", async () => {
    const work = tempDir();
    const jan = path.join(work, "202301.csv");
    writeCsv(jan, toTable(generateMonth("2023-01"), { layout: "minimal" }));
    const out = path.join(work, "ds");
    expect((await cli("--out", out, jan)).code).toBe(0);
    writeFileSync(path.join(work, ".ds.lock"), String(process.pid)); // this (live) process
    const before = snapshot(work);
    const run = await cli("--out", out, jan);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`another import (pid ${process.pid}) is writing it`);
    expect(snapshot(work)).toBe(before);
  });

  it("converts a plain dataset folder to the symlink scheme", async () => {
    const work = tempDir();
    const jan = path.join(work, "202301.csv");
    writeCsv(jan, toTable(generateMonth("2023-01"), { layout: "minimal" }));
    const first = path.join(work, "first");
    expect((await cli("--out", first, jan)).code).toBe(0);
    const plain = path.join(work, "plain");
    mkdirSync(plain);
    for (const f of ["usage.csv", "meta.json"]) cpSync(path.join(first, f), path.join(plain, f));
    const feb = path.join(work, "feb-202302.csv");
    writeCsv(feb, toTable(generateMonth("2023-02"), { layout: "minimal" }));
    expect((await cli("--out", plain, feb)).code).toBe(0);
    expect(lstatSync(plain).isSymbolicLink()).toBe(true);
    expect(load(plain).meta.months).toEqual(["2023-02"]);
  });
});
