import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GROUPS, type ColumnId } from "@/lib/dataset/measures";
import { getMeta } from "@/lib/api/queries";
import { segmentIndex } from "@/lib/engine/segments";
import { Engines } from "@/lib/engine/windows";
import { findDistrict } from "@/lib/districts";
import { Problems } from "@/lib/ingest/errors";
import { ingest, knownDongsOf } from "@/lib/ingest/ingest";
import { matchHeader, OFFICIAL_29_BLOCKS } from "@/lib/ingest/layout";
import {
  csvText,
  expectedFigures,
  generateMonth,
  OFFICIAL_10_HEADERS,
  OFFICIAL_29_COLUMNS,
  OFFICIAL_29_HEADERS,
  SERVICE_IDS,
  toTable,
  WEIGHTED_BASES,
  writeCsv,
  writeXlsx,
  type RawRow,
} from "./generate";
import { cli, readWritten, removeTempDirs, snapshot, tempDir, type WrittenDataset } from "./helpers";

afterAll(removeTempDirs);

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every value column of the official 29개 layout, as the test reads it from the layout's order. */
const VALUE_COLUMNS = OFFICIAL_29_COLUMNS.flatMap((c) => (c.role === "value" ? [c] : []));
const SERVICE_COLUMNS = VALUE_COLUMNS.filter((c) => (SERVICE_IDS as readonly string[]).includes(c.id));
const GROUP_COLUMNS = GROUPS.map((g) => ({ id: g.id, base: g.id, kind: "people" as const }));

const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
const rawNum = (v: RawRow["values"][string] | undefined) =>
  v === null || v === undefined || v === "" || v === "*" || v === "-" ? null : Number(v);

/** Every 행정동 row of the input is in its month's dong file, with every column equal to the input cell. */
function expectDongRows(ds: WrittenDataset, raw: readonly RawRow[], ids: readonly string[]) {
  const byKey = new Map(
    raw.filter((r) => r.band >= 20).map((r) => [`${r.month}|${r.dongCode}|${r.sex === 1 ? "M" : "F"}|${r.band}`, r]),
  );
  let rows = 0;
  for (const [month, t] of ds.dong) {
    expect(t.header.slice(0, 4)).toEqual(["dong_code", "sex", "age_band", "population"]);
    for (const id of ids) expect(t.header, id).toContain(id);
    for (const cells of t.rows) {
      const r = byKey.get(`${month}|${cells[0]}|${cells[1]}|${cells[2]}`);
      expect(r, cells.slice(0, 3).join(" ")).toBeDefined();
      rows++;
      expect(num(cells[3])).toBe(rawNum(r!.population));
      for (const id of ids)
        expect(num(cells[t.header.indexOf(id)]), `${id} ${cells.slice(0, 3).join(" ")}`).toBe(rawNum(r!.values[id]));
    }
  }
  expect(rows).toBe(byKey.size);
}

/** district.csv's figures against the reference aggregation of the raw rows. */
function expectDistrictFigures(
  ds: WrittenDataset,
  raw: readonly RawRow[],
  cols: readonly { id: string; base: string; kind: "count" | "index" | "amount" | "ratio" | "people" }[],
  weighted: ReadonlySet<string>,
) {
  const expected = expectedFigures(raw, "weighted", cols, weighted);
  const t = ds.district!;
  expect(t.rows).toHaveLength(expected.size);
  for (const cells of t.rows) {
    const [month, code, name, sex, age] = cells;
    expect(findDistrict(code!)!.name_ko).toBe(name);
    const e = expected.get(`${month}|${name}|${sex}|${age}`)!;
    expect(e, cells.slice(0, 5).join(" ")).toBeDefined();
    expect(num(cells[5])).toBeCloseTo(e.population, 6);
    for (const c of cols)
      expect(num(cells[t.header.indexOf(c.id)]), `${c.id} ${cells.slice(0, 5).join(" ")}`).toBeCloseTo(
        e.values[c.id]!,
        9,
      );
  }
}

describe("the official layouts' headers", () => {
  it("the layout table spells the official 143 columns in order; each 미추정 column weighs the block right after it", () => {
    if (existsSync("../shared/reference/dong/official-29-columns.tsv")) {
      expect(readFileSync("test/fixtures/official-29-columns.tsv", "utf8")).toBe(
        readFileSync("../shared/reference/dong/official-29-columns.tsv", "utf8"),
      );
    }
    expect(OFFICIAL_29_HEADERS).toHaveLength(143);
    const problems = new Problems();
    const layout = matchHeader(OFFICIAL_29_HEADERS, 0, "f.csv", 1, problems)!;
    expect(problems.listed).toEqual([]);
    expect(layout.ignored).toEqual([]);
    expect(layout.measures.map((m) => m.measure.id)).toEqual(VALUE_COLUMNS.map((c) => c.id));
    expect(layout.measures.map((m) => m.measure.name_ko)).toEqual(VALUE_COLUMNS.map((c) => c.header));
    for (const m of layout.measures) {
      const own = OFFICIAL_29_COLUMNS.find((c) => c.role === "unestimated" && c.base === m.measure.base.id);
      expect(m.unestimated?.header, m.measure.id).toBe(own?.header);
    }
    expect(
      layout.measures.filter((m) => m.unestimated && m.measure.id === m.measure.base.id).map((m) => m.measure.id),
    ).toEqual([...WEIGHTED_BASES]);
    expect(OFFICIAL_29_BLOCKS).toHaveLength(32);
  });

  it("the 10개 관심집단 수 layout: keys, 총인구, 1인가구수 and the ten groups; the 2022 names of two groups", () => {
    const problems = new Problems();
    const layout = matchHeader(OFFICIAL_10_HEADERS, 0, "f.csv", 1, problems)!;
    expect(problems.listed).toEqual([]);
    expect([layout.ignored, layout.measures]).toEqual([[], []]);
    expect(layout.groups.map((g) => g.id).sort()).toEqual(GROUPS.map((g) => g.id).sort());
    expect([layout.population.header, layout.single?.header, layout.dongName?.header]).toEqual([
      "총인구",
      "1인가구수",
      "행정동명",
    ]);
    const old = matchHeader(
      [
        "",
        "행정동코드",
        "행정동명",
        "성별",
        "연령대",
        "총인구",
        "외출이 매우 적은 집단",
        "외출-커뮤니케이션이 모두 적은 집단",
        "비고",
      ],
      0,
      "f.csv",
      1,
      problems,
    )!;
    expect(old.groups.map((g) => g.id)).toEqual(["very_homebound", "isolated"]);
    expect(old.ignored.map((c) => [c.number, c.header])).toEqual([
      [1, ""],
      [9, "비고"],
    ]);
  });

  it("an unknown 미추정 column pairs with the known measure right after it; one without its measure, a missing key column: FILE:1", () => {
    const problems = new Problems();
    const layout = matchHeader(
      [
        "행정동코드",
        "성별",
        "연령대",
        "총인구수",
        "게임 미추정 인구수",
        "게임 서비스 사용일수",
        "유튜브 사용 미추정 인구수",
      ],
      0,
      "f.csv",
      1,
      problems,
    );
    expect(layout).toBeUndefined();
    expect(problems.listed).toEqual([
      'f.csv:1:7: column "유튜브 사용 미추정 인구수" counts the people without a value for "유튜브 사용일수", but the file has no such column',
    ]);
    const p2 = new Problems();
    const ok = matchHeader(
      ["행정동코드", "성별", "연령대", "총인구수", "게임 미추정 인구수", "게임 서비스 사용일수"],
      0,
      "f.csv",
      1,
      p2,
    )!;
    expect(ok.measures[0]!.unestimated?.header).toBe("게임 미추정 인구수");
    const p3 = new Problems();
    matchHeader(["행정동코드", "연령대", "총인구수", "게임 서비스 사용일수"], 0, "f.csv", 1, p3);
    expect(p3.listed).toEqual(['f.csv:1: missing column "성별"']);
  });
});

describe("importing the official layouts at the 행정동 grain", () => {
  let work: string;
  beforeAll(() => {
    work = tempDir();
  });

  it("a 143-column 29개 XLSX, month only in its file name: every 행정동 row and measure kept, district figures weighted per measure", async () => {
    const raw = generateMonth("2023-01");
    const file = path.join(work, "2023.1월_29개 통신정보.xlsx");
    const table = toTable(raw);
    expect(table[0]).toEqual(OFFICIAL_29_HEADERS);
    await writeXlsx(file, table);
    const out = path.join(work, "xlsx-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rows read: 1,300/);
    expect(run.stdout).toMatch(/rows skipped: 100 \(연령대 under 20\)/);
    const ds = readWritten(out);
    expect(ds.meta).toMatchObject({
      kind: "imported",
      method: "weighted",
      months: ["2023-01"],
      sources: [{ name: "2023.1월_29개 통신정보.xlsx", sha256: sha(file) }],
    });
    expectDongRows(
      ds,
      raw,
      VALUE_COLUMNS.map((c) => c.id),
    );
    expect(ds.dong.get("2023-01")!.header).toContain("single_households");
    expect(ds.dongs).toHaveLength(50);
    expect(ds.dongs[0]).toEqual(["1101053", "사직동", "11110"]);
    expectDistrictFigures(ds, raw, VALUE_COLUMNS, WEIGHTED_BASES);
    const weights = Object.fromEntries(ds.meta.measures.map((m) => [m.id, m.weights ?? "sum"]));
    expect(weights).toMatchObject({
      game: "unestimated",
      game_q50: "unestimated",
      holiday_trips: "unestimated",
      subway_days: "unestimated",
      sns_count: "population",
      overdue_ratio: "population",
      micropay_amount: "population",
      micropay_nonusers: "sum",
    });
    for (const c of VALUE_COLUMNS)
      expect(weights[c.id], c.id).toBe(
        c.kind === "people" ? "sum" : WEIGHTED_BASES.has(c.base) ? "unestimated" : "population",
      );
    expect(ds.meta.measures.find((m) => m.id === "holiday_trips_q75")!.name_ko).toBe("휴일 총 이동 횟수: 4분위수, 75%");
    // as the server loads it: every 행정동 row with every column, and the district figures are the weighted ones
    const loaded = ds.loaded;
    expect(loaded.dongMonths.get("2023-01")!.rows).toBe(1200);
    // The input files reach /api/meta (dataset.files) and the home page's "원본 파일" list.
    expect(getMeta(new Engines(loaded)).dataset.files).toEqual(["2023.1월_29개 통신정보.xlsx"]);
    for (const c of VALUE_COLUMNS)
      expect(loaded.dongMonths.get("2023-01")!.columns[c.id as ColumnId], c.id).toBeDefined();
    const cells = ds.district!.rows.find((r) => r[1] === "11680" && r[3] === "M" && r[4] === "40")!;
    const served = loaded.districtMonths.get("2023-01")!.columns;
    for (const id of ["game", "holiday_trips_q25", "sns_count", "micropay_nonusers"] as const) {
      expect(served[id as ColumnId]![segmentIndex("11680", "M", 40)], id).toBe(
        Number(cells[ds.district!.header.indexOf(id)]),
      );
    }
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });

  it("a month's 29개 CSV and 10개 XLSX combine into one month; a 10개 file alone is a month with groups only", async () => {
    const raw = generateMonth("2023-02");
    const a = path.join(work, "2023.2월_29개 통신정보.csv");
    writeCsv(a, toTable(raw));
    const b = path.join(work, "2023.2월_10개 관심집단 수.xlsx");
    await writeXlsx(b, toTable(raw, { layout: "groups" }));
    const march = generateMonth("2023-03");
    const c = path.join(work, "2023.3월_10개 관심집단 수.xlsx");
    await writeXlsx(c, toTable(march, { layout: "groups" }));
    const out = path.join(work, "combined-out");
    const run = await cli("--out", out, b, a, c);
    expect(run.stderr).toBe("");
    const ds = readWritten(out);
    expect(ds.meta.months).toEqual(["2023-02", "2023-03"]);
    // the app opens on the months that have the seven services, not on March's groups alone
    expect(ds.loaded.meta.defaultWindow).toEqual({ from: "2023-02", to: "2023-02" });
    expectDongRows(
      ds,
      [...raw, ...march],
      GROUP_COLUMNS.map((g) => g.id),
    );
    expect(ds.dong.get("2023-03")!.header).toEqual([
      "dong_code",
      "sex",
      "age_band",
      "population",
      "single_households",
      ...GROUPS.map((g) => g.id),
    ]);
    expect(ds.meta.measures.every((m) => m.months.join() === "2023-02")).toBe(true);
    expect(ds.meta.groups.map((g) => [g.id, g.months.join()])).toEqual(GROUPS.map((g) => [g.id, "2023-02,2023-03"]));
    expect(ds.meta.groups.find((g) => g.id === "isolated")!.name_ko).toBe("외출-커뮤니케이션이 모두 적은 집단(전체)");
    // district.csv: February's measures; March has none, so its cells stay empty (the loader rolls its population up)
    expect(ds.district!.rows.filter((r) => r[0] === "2023-03").every((r) => r.slice(6).every((c) => c === ""))).toBe(
      true,
    );
  });

  it("CP949 CSV with shuffled columns and a 기준년월 column; UTF-8 BOM with 남/여, 2023.04 and no 미추정 columns (weights = 총인구수)", async () => {
    const raw = generateMonth("2023-03");
    const f1 = path.join(work, "march-cp949.csv");
    writeCsv(
      f1,
      toTable(raw, { layout: "minimal", shuffleSeed: 7, monthColumn: "기준년월", monthFormat: (m) => m }),
      "cp949",
    );
    expect(readFileSync(f1).includes(Buffer.from("행정동코드"))).toBe(false); // really not UTF-8
    const o1 = path.join(work, "cp949-out");
    const r1 = await cli("--out", o1, f1);
    expect(r1.stderr).toBe("");
    expect(r1.stdout).toContain("csv, cp949");
    expectDistrictFigures(readWritten(o1), raw, SERVICE_COLUMNS, WEIGHTED_BASES);

    const april = generateMonth("2023-04");
    const f2 = path.join(work, "april-bom.csv");
    writeCsv(
      f2,
      toTable(april, {
        layout: "minimal",
        sexWords: true,
        monthColumn: " 기준연월 ",
        monthFormat: (m) => m.replace("-", "."),
        noUnestimated: true,
      }),
      "utf8bom",
    );
    const o2 = path.join(work, "bom-out");
    const r2 = await cli("--out", o2, f2);
    expect(r2.stderr).toBe("");
    expect(r2.stdout).toContain("utf-8 (BOM)");
    const ds = readWritten(o2);
    expectDistrictFigures(ds, april, SERVICE_COLUMNS, new Set());
    expect(ds.meta.measures.map((m) => m.weights)).toEqual(Array(7).fill("population"));
  });

  it("CR-only line ends with a quoted header cell; an XLSX with a title row and an integer month cell 202310", async () => {
    const raw = generateMonth("2023-11");
    const file = path.join(work, "cr-only-202311.csv");
    writeFileSync(
      file,
      csvText(toTable(raw, { layout: "minimal" }))
        .replaceAll("\r\n", "\r")
        .replace("행정동코드", '"행정동코드"'),
    );
    const out = path.join(work, "cr-out");
    const run = await cli("--out", out, file);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("CR line ends");
    expectDongRows(readWritten(out), raw, SERVICE_IDS);

    const oct = generateMonth("2023-10");
    const x = path.join(work, "oct-title.xlsx");
    await writeXlsx(
      x,
      toTable(oct, { layout: "minimal", monthColumn: "기준연월", monthFormat: (m) => Number(m.replace("-", "")) }),
      ["행정동 단위 서울 시민생활 데이터"],
    );
    const o2 = path.join(work, "title-out");
    const r2 = await cli("--out", o2, x);
    expect(r2.stderr).toBe("");
    expectDongRows(readWritten(o2), oct, SERVICE_IDS);
  });

  it("a month's two files that disagree on a row's 총인구: the first file's value is kept, with a note", async () => {
    const raw = generateMonth("2023-08", { dongsPerDistrict: 1 });
    const a = path.join(work, "2023.8월_29개 통신정보.csv");
    writeCsv(a, toTable(raw, { layout: "minimal" }));
    const other = raw.map((r, i) => (i === 5 ? { ...r, population: 1234.5 } : r));
    const b = path.join(work, "2023.8월_10개 관심집단 수.csv");
    writeCsv(b, toTable(other, { layout: "groups" }));
    const result = await ingest({ files: [a, b], method: "weighted" });
    expect(result.notes).toEqual([
      `2023-08 population: 1 row differs between the month's files; the first file's value is kept (e.g. ${b}:7: 1234.5 (kept ${raw[5]!.population}))`,
    ]);
  });

  it("a 행정동 code the bundled data does not know (a newer vintage) is kept under the file's own name, with a note", async () => {
    const raw = generateMonth("2023-05", { dongsPerDistrict: 1 });
    for (const r of raw.filter((x) => x.dongCode === "1101053")) {
      r.dongCode = "1101099";
      r.dong = "종로구 새동";
    }
    const file = path.join(work, "2023-05.csv");
    writeCsv(file, toTable(raw, { layout: "minimal" }));
    const result = await ingest({ files: [file], method: "weighted", knownDongs: knownDongsOf("data/seoul") });
    expect(result.notes).toEqual([
      `${file}: 1 행정동 code is not among the bundled data's 424 (a newer vintage?); kept with the file's own names: 1101099 종로구 새동`,
    ]);
    const dongs = result.output.find((f) => f.name === "dongs.csv")!.content.toString("utf8");
    expect(dongs).toContain("\n1101099,새동,11110\n");
    expect(dongs.trim().split("\n")).toHaveLength(26);
  });
});

describe("hand-computed segment: 종로구 여성 20대, two dongs × bands 20 and 25", () => {
  // pop 100, 200, 300, 400; game 10, 20, 30, 40 with 미추정 0, 50, 100, 500 → weights 100, 150, 200, 0 (floored).
  // youtube -0.5, *, -0.25, (empty) with 미추정 0 → only rows 1 and 3 count.
  // netflix -0.1, -0.2, -, -0.4 with 미추정 10 each → weights 90, 190, 390.
  const hand = [
    { pop: 100, game: 10, gameU: 0, yt: -0.5, nf: -0.1 },
    { pop: 200, game: 20, gameU: 50, yt: "*", nf: -0.2 },
    { pop: 300, game: 30, gameU: 100, yt: -0.25, nf: "-" },
    { pop: 400, game: 40, gameU: 500, yt: "", nf: -0.4 },
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

  const segment = (ds: WrittenDataset) => {
    const t = ds.district!;
    const row = t.rows.find((r) => r[1] === "11110" && r[3] === "F" && r[4] === "20")!;
    return (id: string) => num(row[t.header.indexOf(id)]);
  };

  it("weighted by 총인구수 − the measure's own 미추정 count, floored at 0 (the default)", async () => {
    const out = path.join(work, "w");
    expect((await cli("--out", out, file)).code).toBe(0);
    const s = segment(readWritten(out));
    expect(s("population")).toBe(1000);
    expect(s("game")).toBeCloseTo((100 * 10 + 150 * 20 + 200 * 30) / 450, 12); // 22.2…
    expect(s("youtube")).toBeCloseTo((100 * -0.5 + 300 * -0.25) / 400, 12); // -0.3125
    expect(s("netflix")).toBeCloseTo((90 * -0.1 + 190 * -0.2 + 390 * -0.4) / 670, 12);
  });

  it("--unweighted: the plain mean of the rows that have a value; no district.csv (the loader rolls the same up)", async () => {
    const out = path.join(work, "u");
    expect((await cli("--unweighted", "--out", out, file)).code).toBe(0);
    const ds = readWritten(out);
    expect(ds.meta.method).toBe("unweighted");
    expect(ds.district).toBeUndefined();
    expect(new Set(ds.meta.measures.map((m) => m.weights ?? "sum"))).toEqual(new Set(["unweighted", "sum"]));
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

const REAL = "../shared/reference/dong/interest-groups-2023";

describe.skipIf(!existsSync(REAL))("the six real 10개 관심집단 수 files (2023-01…06)", () => {
  it("import, and their district × sex × 10-year population sums equal the bundled 2023 population", async () => {
    const files = readdirSync(REAL)
      .sort()
      .map((f) => path.join(REAL, f));
    expect(files).toHaveLength(6);
    const out = path.join(tempDir(), "real");
    const run = await cli("--out", out, ...files);
    // population and groups only: the pages need the seven services, so the importer says the app cannot serve it alone
    expect(run.stderr).toMatch(
      /^note: no month has 총인구 and the seven services \(game, finance, shopping, video, youtube, netflix, delivery\): the pages need them/,
    );
    expect(run.stderr.split("\n")).toHaveLength(1);
    expect(run.stdout).toMatch(/rows read: 61,056/);
    const ds = readWritten(out);
    expect(ds.meta.months).toEqual(["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"]);
    expect(ds.dongs).toHaveLength(424);
    const sums = new Map<string, number>();
    const district = new Map(ds.dongs.map(([code, , d]) => [code!, d!]));
    for (const [month, t] of ds.dong) {
      for (const r of t.rows) {
        const key = `${month},${district.get(r[0]!)},${r[1]},${Math.min(70, Math.floor(Number(r[2]) / 10) * 10)}`;
        sums.set(key, (sums.get(key) ?? 0) + Number(r[3]));
      }
    }
    const bundled = readFileSync("data/2023/usage.csv", "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    let compared = 0;
    for (const [month, code, , sex, age, population] of bundled) {
      if (month! > "2023-06") continue;
      expect(sums.get(`${month},${code},${sex},${age}`), `${month} ${code} ${sex} ${age}`).toBeCloseTo(
        Number(population),
        6,
      );
      compared++;
    }
    expect(compared).toBe(6 * 300);
  }, 60_000);
});

const REAL_2022 = "../shared/reference/dong/2022/2022-06.csv";

describe.skipIf(!existsSync(REAL_2022))(
  "a real 2022 copy (41 columns: both files joined, 25 measures, nine groups)",
  () => {
    it("imports: every value within its kind's plausible range, the unnamed row-number column reported as ignored, weights by 총인구 (no 미추정 columns)", async () => {
      const out = path.join(tempDir(), "real-2022");
      const run = await cli("--out", out, REAL_2022);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain("ignored 1 column the importer does not know: 1 (no header)");
      const ds = readWritten(out);
      expect(ds.dong.get("2022-06")!.rows).toHaveLength(10_176);
      expect(ds.meta.measures).toHaveLength(25);
      expect(ds.meta.groups.map((g) => g.id)).not.toContain("financial_concern");
      expect(new Set(ds.meta.measures.map((m) => m.weights))).toEqual(new Set(["population"]));
      // the city's press release of 2022-08-29 on June 2022: 1인가구 of 역삼1동 16,130 (all rows summed)
      const t = ds.dong.get("2022-06")!;
      const yeoksam = ds.dongs.find((d) => d[1] === "역삼1동")![0];
      const single = t.rows
        .filter((r) => r[0] === yeoksam)
        .reduce((s, r) => s + Number(r[t.header.indexOf("single_households")]), 0);
      expect(Math.round(single)).toBe(16_130);
    }, 60_000);
  },
);

describe("replacing an existing DIR", () => {
  it("swaps the symlink to a new version and removes the old one", async () => {
    const work = tempDir();
    const jan = path.join(work, "202301.csv");
    const feb = path.join(work, "202302.csv");
    writeCsv(jan, toTable(generateMonth("2023-01"), { layout: "minimal" }));
    writeCsv(feb, toTable(generateMonth("2023-02"), { layout: "minimal" }));
    const out = path.join(work, "data", "imported");
    expect((await cli("--out", out, jan)).code).toBe(0);
    expect(readWritten(out).meta.months).toEqual(["2023-01"]);
    const second = await cli("--out", out, jan, feb);
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    expect(readWritten(out).meta.months).toEqual(["2023-01", "2023-02"]);
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

  it("converts a plain dataset folder (with its dong/ folder) to the symlink scheme", async () => {
    const work = tempDir();
    const jan = path.join(work, "202301.csv");
    writeCsv(jan, toTable(generateMonth("2023-01"), { layout: "minimal" }));
    const first = path.join(work, "first");
    expect((await cli("--out", first, jan)).code).toBe(0);
    const plain = path.join(work, "plain");
    mkdirSync(plain);
    cpSync(first, plain, { recursive: true, dereference: true });
    const feb = path.join(work, "feb-202302.csv");
    writeCsv(feb, toTable(generateMonth("2023-02"), { layout: "minimal" }));
    expect((await cli("--out", plain, feb)).code).toBe(0);
    expect(lstatSync(plain).isSymbolicLink()).toBe(true);
    expect(readWritten(plain).meta.months).toEqual(["2023-02"]);
  });
});
