import { execFileSync } from "node:child_process";
import { rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { DISTRICTS, statCodeOf } from "@/lib/districts";
import { segmentIndex } from "@/lib/engine/segments";
import { fixtureV2Files, writeFixtureDir } from "@/test/fixtures/dataset-v2";
import { SIZE_LIMITS } from "./files";
import { loadDataDir } from "./load";
import { DatasetError } from "./parse";
import { dongCellIndex, rollUpDongSegments } from "./rollup";
import { dongMonthFile, META_FILE, sha256Hex } from "./v2";
import { checkWindow, ENGINE_NEEDS, engineDataset, windowMonths } from "./window";

const dirs: string[] = [];
const fixtureDir = (files = fixtureV2Files()) => {
  const dir = writeFixtureDir(files);
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  throw new Error("expected a DatasetError");
}

/** The fixture with one 행정동 month's CSV text edited (meta.json's sha256 updated to match). */
function withDongMonth(month: string, edit: (csv: string) => string): Map<string, Buffer> {
  const files = fixtureV2Files();
  const rel = dongMonthFile(month);
  files.set(rel, brotliCompressSync(edit(brotliDecompressSync(files.get(rel)!).toString("utf8"))));
  const meta = JSON.parse(files.get(META_FILE)!.toString("utf8"));
  meta.files[rel] = sha256Hex(files.get(rel)!);
  files.set(META_FILE, Buffer.from(JSON.stringify(meta)));
  return files;
}

const gangnam = DISTRICTS.findIndex((d) => d.name_ko === "강남구");

describe("loadDataDir (format v2)", () => {
  const data = loadDataDir(fixtureDir());

  it("reads both grains: 행정동 months column-wise, every month at district grain", () => {
    expect(data.meta.months).toEqual(["2022-12", "2023-01", "2023-02"]);
    expect([...data.dongMonths.keys()]).toEqual(["2022-12", "2023-01"]);
    expect(data.dongMonths.get("2022-12")!.rows).toBe(50 * 2 * 12);
    expect(data.dongs[0]).toEqual({ code: "1101051", name_ko: "종로1동", districtCode: "11110" });
  });

  it("rolls a district figure up as the unweighted mean of its 행정동 rows, people as sums", () => {
    const dec = data.districtMonths.get("2022-12")!;
    const c = segmentIndex("11680", "F", 30);
    // 강남구 F 30대: rows j = 0, 1 × bands 30, 35 → finance d+0+0, d+0+1, d+1+0, d+1+1 → mean d + 1
    expect(dec.columns.finance![c]).toBe(gangnam + 1);
    expect(dec.columns.population![c]).toBe(42);
    expect(dec.columns.very_homebound![c]).toBe(6);
    expect(dec.columns.micropay_amount![c]).toBe(1500);
    expect(dec.columns.youtube![c]).toBeCloseTo(-0.15, 12);
    expect(dec.rolledUp).toContain("finance");
  });

  it("takes a district.csv cell over the roll-up of the same month", () => {
    const jan = data.districtMonths.get("2023-01")!;
    const c = segmentIndex("11110", "M", 70);
    expect(jan.columns.population![c]).toBe(40);
    expect(jan.columns.very_homebound![c]).toBe(6);
    expect(jan.rolledUp).toEqual(["very_homebound"]);
    expect(data.districtMonths.get("2023-02")!.columns.very_homebound).toBeUndefined();
  });

  it("rolls 행정동 × sex × 10-year cells up the same way", () => {
    const cells = rollUpDongSegments(data.dongMonths.get("2022-12")!, data.dongs.length);
    const k = data.dongs.findIndex((d) => d.code === `${statCodeOf(DISTRICTS[gangnam]!)}52`);
    // 행정동 j = 1, M, 70대: bands 70, 75 → finance d+1+0, d+1+1 → d + 1.5; population 11 + 11
    expect(cells.finance![dongCellIndex(k, 1, 5)]).toBe(gangnam + 1.5);
    expect(cells.population![dongCellIndex(k, 1, 5)]).toBe(22);
  });

  it("builds an engine window and names the months a window needs", () => {
    expect(windowMonths(data.meta, { from: "2022-12", to: "2023-01" })).toEqual(["2022-12", "2023-01"]);
    const ds = engineDataset(data, { from: "2022-12", to: "2023-02" });
    expect(ds.rows).toHaveLength(900);
    expect(ds.meta.sha256).toBe(data.version);
    const row = ds.rows.find(
      (r) => r.month === "2023-02" && r.districtCode === "11680" && r.sex === "F" && r.age === 20,
    )!;
    expect(row.usage.finance).toBe(2 * gangnam);
    expect(checkWindow(data, { from: "2022-12", to: "2023-02" }, ENGINE_NEEDS)).toBeNull();
    expect(
      checkWindow(data, { from: "2022-12", to: "2023-02" }, { columns: ["micropay_amount"], grain: "district" }),
    ).toEqual({
      missing: ["2023-01", "2023-02"],
      have: ["2022-12"],
    });
    expect(checkWindow(data, { from: "2023-02", to: "2023-02" }, { columns: ["population"], grain: "dong" })).toEqual({
      missing: ["2023-02"],
      have: ["2022-12", "2023-01"],
    });
  });
});

describe("loadDataDir refuses what cannot be served, naming file and line", () => {
  it("a bad cell, a value outside its kind's range, a hexadecimal number", () => {
    const files = withDongMonth("2022-12", (csv) => {
      const lines = csv.split("\n");
      const header = lines[0]!.split(",");
      const set = (line: number, col: string, v: string) => {
        const cells = lines[line - 1]!.split(",");
        cells[header.indexOf(col)] = v;
        lines[line - 1] = cells.join(",");
      };
      set(2, "finance", "abc");
      set(3, "population", "1e200");
      set(4, "game", "0x1F");
      set(5, "youtube", "-11");
      return lines.join("\n");
    });
    const dir = fixtureDir(files);
    const file = path.join(dir, "dong/2022-12.csv.br");
    expect(problemsOf(() => loadDataDir(dir))).toEqual([
      `${file}:2: column "finance": "abc" is not a decimal number`,
      `${file}:3: column "population": 1e200 is outside the plausible range 0…10000000 of its kind (people)`,
      `${file}:4: column "game": "0x1F" is not a decimal number`,
      `${file}:5: column "youtube": -11 is outside the plausible range -10…10 of its kind (index)`,
    ]);
  });

  it("a missing folder, a missing or broken meta.json", () => {
    const dir = fixtureDir();
    expect(problemsOf(() => loadDataDir(path.join(dir, "nope")))).toEqual([
      `${path.join(dir, "nope")}: the dataset folder does not exist (DATA_DIR)`,
    ]);
    writeFileSync(path.join(dir, META_FILE), "{ not json");
    expect(problemsOf(() => loadDataDir(dir))[0]).toMatch(new RegExp(`^${dir}/meta.json: not valid JSON`));
    rmSync(path.join(dir, META_FILE));
    expect(problemsOf(() => loadDataDir(dir))).toEqual([`${dir}/meta.json: missing`]);
  });

  it("a FIFO in place of a data file, without hanging", () => {
    const dir = fixtureDir();
    const file = path.join(dir, "district.csv");
    rmSync(file);
    execFileSync("mkfifo", [file]);
    expect(problemsOf(() => loadDataDir(dir))).toEqual([
      `${file}: not a regular file (a folder, FIFO, socket or device); refused without reading`,
    ]);
  });

  it("a file over its size bound, before reading it", () => {
    const dir = fixtureDir();
    const file = path.join(dir, "district.csv");
    truncateSync(file, SIZE_LIMITS.table + 1); // sparse: nothing is written
    expect(problemsOf(() => loadDataDir(dir))).toEqual([
      `${file}: 67108865 bytes is over this file's bound of 67108864 bytes (64 MB); refused without reading`,
    ]);
  });

  it("a file edited without updating meta.json, a duplicate 행정동 row, a month meta.json claims", () => {
    const dir = fixtureDir();
    writeFileSync(path.join(dir, "district.csv"), "x");
    expect(problemsOf(() => loadDataDir(dir))).toEqual([
      `${dir}/district.csv: sha256 does not match meta.json (edited without rebuilding?)`,
    ]);

    const dup = fixtureDir(
      withDongMonth(
        "2023-01",
        (csv) =>
          csv
            .replace(/\n([^\n]*)\n/, "\n$1\n$1\n")
            .split("\n")
            .slice(0, -2)
            .join("\n") + "\n",
      ),
    );
    expect(problemsOf(() => loadDataDir(dup))).toEqual([
      `${dup}/dong/2023-01.csv.br:3: duplicate row for 행정동 1101051, F, 20 (first at line 2)`,
    ]);

    const claims = fixtureV2Files();
    const meta = JSON.parse(claims.get(META_FILE)!.toString("utf8"));
    meta.groups[0].months.push("2023-02");
    claims.set(META_FILE, Buffer.from(JSON.stringify(meta)));
    const dir3 = fixtureDir(claims);
    expect(problemsOf(() => loadDataDir(dir3))).toEqual([
      `${dir3}/meta.json: "very_homebound" lists 2023-02, but that month's files have no "very_homebound" column`,
    ]);
  });
});
