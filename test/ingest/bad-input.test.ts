import { mkdirSync, writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvText, generateMonth, toTable, writeCsv, writeXlsx, type Table } from "./generate";
import { cli, snapshot, removeTempDirs, tempDir } from "./helpers";
import type { XlsxCell } from "./xlsx-writer";

afterAll(removeTempDirs);

/**
 * Every refused input: a non-zero exit, a located message naming the Korean header and the value,
 * and the folder holding DIR byte-identical afterwards (no change to DIR, no debris beside it).
 */
let root: string;
let out: string;
let good: string;

beforeAll(async () => {
  root = tempDir("ingest-bad-");
  mkdirSync(path.join(root, "in"));
  good = path.join(root, "in", "2023-01.csv");
  writeCsv(good, toTable(generateMonth("2023-01"), { layout: "minimal" }));
  out = path.join(root, "ds");
  expect((await cli("--out", out, good)).code).toBe(0); // an existing dataset that must survive
});

async function refused(...files: string[]): Promise<string> {
  const before = snapshot(root);
  const run = await cli("--out", out, ...files);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  expect(snapshot(root)).toBe(before);
  return run.stderr;
}

function input(name: string): string {
  return path.join(root, "in", name);
}

/** A minimal month table with an edit applied to data row `i` (0-based) at column `header`. */
function edited(
  month: string,
  edits: [row: number, header: string, value: string | number | null][],
  mutate?: (t: Table) => void,
): Table {
  const t = toTable(generateMonth(month), { layout: "minimal" });
  for (const [row, header, value] of edits) t[row + 1]![t[0]!.indexOf(header)] = value;
  mutate?.(t);
  return t;
}

const col = (t: Table, header: string) => t[0]!.indexOf(header) + 1;

describe("bad input is refused with a located message and DIR untouched", () => {
  it("a missing required column: FILE:1 names it", async () => {
    const t = toTable(generateMonth("2023-02"), { layout: "minimal" });
    const k = t[0]!.indexOf("총인구수");
    const f = input("no-pop-202302.csv");
    writeCsv(
      f,
      t.map((r) => r.filter((_, i) => i !== k)),
    );
    const err = await refused(f);
    expect(err).toContain(`${f}:1: missing column "총인구수" (also accepted: 총인구)`);
  });

  it("a 미추정 column whose measure is missing: FILE:1:COLUMN names it", async () => {
    const t = toTable(generateMonth("2023-02"), { layout: "minimal" });
    t[0]![t[0]!.indexOf("넷플릭스 사용일수")] = "넷플릭스";
    const f = input("no-netflix-202302.csv");
    writeCsv(f, t);
    expect(await refused(f)).toContain(
      `${f}:1:${col(t, "넷플릭스 사용 미추정 인구수")}: column "넷플릭스 사용 미추정 인구수" counts the people without a value for "넷플릭스 사용일수", but the file has no such column`,
    );
  });

  it("an unparsable number, an infinity and a negative population: FILE:LINE:COLUMN, header and value", async () => {
    const t = edited("2023-02", [
      [4, "게임 서비스 사용일수", "12..5"],
      [6, "유튜브 사용일수", "Infinity"],
      [9, "총인구수", -3],
      [11, "쇼핑 서비스 사용 미추정 인구수", "n/a"],
    ]);
    const f = input("numbers-202302.csv");
    writeCsv(f, t);
    const err = await refused(f);
    expect(err).toContain(
      `${f}:6:${col(t, "게임 서비스 사용일수")}: 게임 서비스 사용일수 "12..5" is not a decimal number`,
    );
    expect(err).toContain(`${f}:8:${col(t, "유튜브 사용일수")}: 유튜브 사용일수 "Infinity" is not a decimal number`);
    expect(err).toContain(
      `${f}:11:${col(t, "총인구수")}: 총인구수 "-3" is outside the plausible range of a people value (0 … 10,000,000)`,
    );
    expect(err).toContain(
      `${f}:13:${col(t, "쇼핑 서비스 사용 미추정 인구수")}: 쇼핑 서비스 사용 미추정 인구수 "n/a" is not a decimal number`,
    );
    expect(err).toContain("import refused: 4 problems");
  });

  it("a 자치구 that is no district, an unknown sex, an unknown age band", async () => {
    const t = edited("2023-02", [
      [2, "자치구", "부산진구"],
      [3, "성별", "3"],
      [5, "연령대", "23"],
    ]);
    const f = input("keys-202302.csv");
    writeCsv(f, t);
    const err = await refused(f);
    expect(err).toContain(
      `${f}:4:${col(t, "자치구")}: 자치구 "부산진구" disagrees with 행정동코드 1101053, which is in 종로구 (11010)`,
    );
    expect(err).toContain(`${f}:5:${col(t, "성별")}: 성별 "3" is not a sex`);
    expect(err).toContain(`${f}:7:${col(t, "연령대")}: 연령대 "23" is not a 5-year age band`);
  });

  it("a 행정동코드 outside Seoul when 자치구 is absent", async () => {
    const t = edited("2023-02", [[0, "행정동코드", "2611051"]]);
    const k = t[0]!.indexOf("자치구");
    const f = input("dongcode-202302.csv");
    writeCsv(
      f,
      t.map((r) => r.filter((_, i) => i !== k)),
    );
    expect(await refused(f)).toMatch(/:2:1: 행정동코드 "2611051" is not in Seoul/);
  });

  it("a row with the wrong number of fields", async () => {
    const t = toTable(generateMonth("2023-02"), { layout: "minimal" });
    const f = input("width-202302.csv");
    const lines = t.map((r) => r.map((v) => (v === null ? "" : String(v))).join(","));
    lines[3] = lines[3]!.split(",").slice(0, -2).join(",");
    lines[5] = `${lines[5]},extra`;
    writeFileSync(f, lines.join("\n") + "\n");
    const n = t[0]!.length;
    const err = await refused(f);
    expect(err).toContain(
      `${f}:4:${n - 1}: row has ${n - 2} fields, the header has ${n} (first missing: "${t[0]![n - 2]}")`,
    );
    expect(err).toContain(`${f}:6:${n + 1}: row has ${n + 1} fields, the header has ${n} (extra value "extra")`);
  });

  it("a file that is neither CSV nor XLSX, an old .xls, a ZIP that is not a workbook, an empty file", async () => {
    const bin = input("image-202302.png");
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    const xls = input("old-202303.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const zip = input("fake-202304.xlsx");
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const empty = input("empty-202305.csv");
    writeFileSync(empty, "");
    const blank = input("blank-202306.csv");
    writeFileSync(blank, "\n\n");
    const err = await refused(bin, xls, zip, empty, blank);
    expect(err).toContain(`${bin}: is neither CSV nor XLSX (binary data)`);
    expect(err).toContain(`${xls}: is an old Excel .xls workbook; save it as .xlsx or CSV`);
    expect(err).toContain(`${zip}: is neither CSV nor a readable XLSX workbook`);
    expect(err).toContain(`${empty}: is empty`);
    expect(err).toContain(`${blank}: is empty (no rows)`);
  });

  it("the same month twice names both files", async () => {
    const again = input("copy-of-january.csv");
    writeCsv(again, toTable(generateMonth("2023-01"), { layout: "minimal", monthColumn: "기준연월" }));
    const err = await refused(good, again);
    expect(err).toContain(`month 2023-01 is also in ${good}`);
    expect(err).toContain(again);
    expect(err).not.toContain("duplicate row"); // the month error says it all, not one per row
    expect(err).toContain("import refused: 1 problem\n");
  });

  it("a row repeating a dong × sex × band already seen, written differently (여/F, 25/25~29세): FILE:LINE names the key and the first line", async () => {
    const t = toTable(generateMonth("2023-02"), { layout: "minimal", sexWords: true });
    const h = t[0]!;
    const row = t[16]!; // data row 15: 1101053, 여, 25 (line 17)
    expect([row[h.indexOf("행정동코드")], row[h.indexOf("성별")], row[h.indexOf("연령대")]]).toEqual([
      "1101053",
      "여",
      25,
    ]);
    const again = [...row];
    again[h.indexOf("성별")] = "F";
    again[h.indexOf("연령대")] = "25~29세";
    const young = [...t[1]!]; // an under-20 row (band 15) repeated too: skipped rows are still rows
    t.push(again, young);
    const f = input("dup-202302.csv");
    writeCsv(f, t);
    const err = await refused(f);
    expect(err).toContain(
      `${f}:${t.length - 1}: duplicate row for 행정동코드 1101053, 성별 2, 연령대 25 (first at line 17)`,
    );
    expect(err).toContain(
      `${f}:${t.length}: duplicate row for 행정동코드 1101053, 성별 1, 연령대 15 (first at line 2)`,
    );
    expect(err).toContain("import refused: 2 problems");
  });

  it("a file holding its rows twice (행정동코드, no 자치구): each repeat is listed with the month, 20 of them, then a count", async () => {
    const t = toTable(generateMonth("2023-03"), { layout: "minimal", monthColumn: "기준연월" });
    const k = t[0]!.indexOf("자치구");
    const n = t.length - 1;
    const f = input("twice.csv");
    writeCsv(
      f,
      [...t, ...t.slice(1)].map((r) => r.filter((_, i) => i !== k)),
    );
    const err = await refused(f);
    expect(err).toContain(
      `${f}:${n + 2}: duplicate row for 기준연월 2023-03, 행정동코드 1101053, 성별 1, 연령대 15 (first at line 2)`,
    );
    expect(err.split("\n").filter((l) => l.includes("duplicate row"))).toHaveLength(20);
    expect(err).toContain(`… and ${n - 20} more (${n} problems in all)`);
  });

  it("a 자치구 that disagrees with its 행정동코드, a 행정동코드 outside Seoul", async () => {
    const t = edited("2023-04", [
      [3, "자치구", "중구"],
      [5, "행정동코드", "2611051"],
    ]);
    const f = input("district-clash-202304.csv");
    writeCsv(f, t);
    const err = await refused(f);
    expect(err).toContain(
      `${f}:5:${col(t, "자치구")}: 자치구 "중구" disagrees with 행정동코드 1101053, which is in 종로구 (11010)`,
    );
    expect(err).toContain(
      `${f}:7:${col(t, "행정동코드")}: 행정동코드 "2611051" is not in Seoul: 26110 is not one of the 25 districts' statistics codes`,
    );
  });

  it("values outside their measure kind's plausible range (1e200, a negative count) and non-decimal numbers (0x1F): FILE:LINE:COLUMN", async () => {
    const t = edited("2023-04", [
      [0, "쇼핑 서비스 사용일수", "1e200"],
      [1, "게임 서비스 사용일수", "0x1F"],
      [2, "유튜브 사용일수", "11"],
      [3, "금융 서비스 사용일수", "-1"],
      [4, "게임 서비스 사용 미추정 인구수", "Infinity"],
      [5, "배달 서비스 사용일수", "1e308"], // its weighted sum once overflowed to Infinity
    ]);
    const f = input("ranges-202304.csv");
    writeCsv(f, t);
    const err = await refused(f);
    expect(err).toContain(
      `${f}:2:${col(t, "쇼핑 서비스 사용일수")}: 쇼핑 서비스 사용일수 "1e200" is outside the plausible range of a count value (0 … 10,000,000)`,
    );
    expect(err).toContain(
      `${f}:3:${col(t, "게임 서비스 사용일수")}: 게임 서비스 사용일수 "0x1F" is not a decimal number`,
    );
    expect(err).toContain(
      `${f}:4:${col(t, "유튜브 사용일수")}: 유튜브 사용일수 "11" is outside the plausible range of a index value (-10 … 10)`,
    );
    expect(err).toContain(
      `${f}:5:${col(t, "금융 서비스 사용일수")}: 금융 서비스 사용일수 "-1" is outside the plausible range of a count value`,
    );
    expect(err).toContain(
      `${f}:6:${col(t, "게임 서비스 사용 미추정 인구수")}: 게임 서비스 사용 미추정 인구수 "Infinity" is not a decimal number`,
    );
    expect(err).toContain(
      `${f}:7:${col(t, "배달 서비스 사용일수")}: 배달 서비스 사용일수 "1e308" is outside the plausible range`,
    );
    // the same in a workbook, where a number cell <v>0x1F</v> was read as 31
    const x = input("ranges-2023.4월.xlsx");
    const cells: XlsxCell[][] = edited("2023-04", []);
    cells[2]![col(t, "게임 서비스 사용일수") - 1] = { number: "0x1F" };
    cells[3]![col(t, "쇼핑 서비스 사용일수") - 1] = 1e200;
    await writeXlsx(x, cells);
    const xerr = await refused(x);
    expect(xerr).toContain(
      `${x}:3:${col(t, "게임 서비스 사용일수")}: 게임 서비스 사용일수 "0x1F" is not a decimal number`,
    );
    expect(xerr).toContain(
      `${x}:4:${col(t, "쇼핑 서비스 사용일수")}: 쇼핑 서비스 사용일수 "1e+200" is outside the plausible range`,
    );
  });

  it("a month's 29개 file given twice (also under another name) is refused; so is a file that is neither layout", async () => {
    const a = input("2023.4월_29개 통신정보.csv");
    writeCsv(a, toTable(generateMonth("2023-04"), { layout: "minimal" }));
    const b = input("copy-202304.csv");
    writeCsv(b, toTable(generateMonth("2023-04"), { layout: "minimal" }));
    expect(await refused(a, b)).toContain(`${b}: month 2023-04 is also in ${a}, with the same columns`);
    const c = input("other-202304.csv");
    writeCsv(c, [
      ["행정동코드", "성별", "연령대", "총인구수", "매출"],
      ["1101053", "1", "20", "100", "5"],
    ]);
    expect(await refused(c)).toContain(`${c}:1: is neither a 29개 통신정보 nor a 10개 관심집단 수 file`);
  });

  it("a repeated row in an XLSX is located by its sheet row", async () => {
    const t = toTable(generateMonth("2023-05"), { layout: "minimal" });
    t.splice(5, 0, [...t[30]!]); // data row 29 (1101054, 남, 30) again as sheet row 6; the original moves to row 32
    const f = input("2023.5월_29개 통신정보.xlsx");
    await writeXlsx(f, t, ["행정동 단위 서울 시민생활 데이터"]);
    expect(await refused(f)).toContain(
      `${f}:33: duplicate row for 행정동코드 1101054, 성별 1, 연령대 30 (first at line 7)`,
    );
  });

  it("no month in the columns or the file name", async () => {
    const f = input("citizens.csv");
    writeCsv(f, toTable(generateMonth("2023-02"), { layout: "minimal" }));
    expect(await refused(f)).toContain(`${f}: no month: the file has no 기준연월 column and its name has no month`);
  });

  it("a bare decimal month cell in XLSX (2023.10 read back as 2023.1) is ambiguous", async () => {
    const f = input("decimal-month.xlsx");
    const t = toTable(generateMonth("2023-10"), {
      layout: "minimal",
      monthColumn: "기준연월",
      monthFormat: () => 2023.1,
    });
    await writeXlsx(f, t);
    expect(await refused(f)).toContain(`${f}:2:1: 기준연월 "2023.1" is a decimal number, which is ambiguous`);
  });

  it("an XLSX cell error is located by its Korean header", async () => {
    const f = input("2023.2월_29개 통신정보.xlsx");
    const t = toTable(generateMonth("2023-02"), { layout: "minimal" });
    const c = col(t, "배달 서비스 사용일수");
    t[2]![c - 1] = "약 12";
    await writeXlsx(f, t);
    expect(await refused(f)).toContain(`${f}:3:${c}: 배달 서비스 사용일수 "약 12" is not a decimal number`);
  });

  it("a month without rows for a segment, or without a measure's value in one, lists what is missing (the loader keeps a month's column for all 300 or none)", async () => {
    const raw = generateMonth("2023-07").filter((r) => !(r.district === "강남구" && r.sex === 1 && r.band >= 70));
    const f = input("gaps-202307.csv");
    writeCsv(f, toTable(raw, { layout: "minimal" }));
    expect(await refused(f)).toContain(`${f}: month 2023-07: segment 강남구 남성 70대: no rows`);
    const again = generateMonth("2023-07");
    for (const r of again)
      if (r.district === "중구" && r.sex === 2 && (r.band === 30 || r.band === 35)) r.values.delivery = "*";
    for (const r of again)
      if (r.district === "용산구" && r.sex === 1 && (r.band === 20 || r.band === 25)) r.unestimated.game = r.population;
    const g = input("gaps2-202307.csv");
    writeCsv(g, toTable(again, { layout: "minimal" }));
    const err = await refused(g);
    expect(err).toContain(`${g}: month 2023-07: segment 중구 여성 30대: no value for 배달 서비스 사용일수`);
    expect(err).toContain(
      `${g}: month 2023-07: segment 용산구 남성 20대: 게임 서비스 사용일수 has only rows of weight 0 (미추정 인구수 ≥ 총인구수)`,
    );
  });

  it("lists 20 problems, then a count", async () => {
    const t = toTable(generateMonth("2023-08"), { layout: "minimal" });
    const k = t[0]!.indexOf("금융 서비스 사용일수");
    for (let i = 1; i <= 45; i++) t[i]![k] = "x";
    const f = input("many-202308.csv");
    writeCsv(f, t);
    const err = await refused(f);
    expect(err.split("\n").filter((l) => l.includes("is not a decimal number"))).toHaveLength(20);
    expect(err).toContain("… and 25 more (45 problems in all)");
  });

  it("refuses an --out that is a folder with other things in it, before reading", async () => {
    const other = path.join(root, "notes");
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, "todo.txt"), "keep me");
    const before = snapshot(root);
    const run = await cli("--out", other, good);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is a folder holding other things (todo.txt)");
    expect(snapshot(root)).toBe(before);
  });

  it("a header with no data rows names the file and the header line (was a self-check error about meta.json)", async () => {
    const f = input("header-only-202302.csv");
    writeCsv(f, toTable(generateMonth("2023-02"), { layout: "minimal" }).slice(0, 1));
    const err = await refused(f);
    expect(err).toContain(`${f}: has a header row (line 1) but no data rows`);
    expect(err).not.toContain("self-check");
  });

  it("a UTF-8 file switching to CP949 at line 601 is refused at that line (was decoded as CP949 from line 1)", async () => {
    const lines = csvText(toTable(generateMonth("2023-02"), { layout: "minimal" })).split("\r\n");
    const f = input("mixed-202302.csv");
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from(lines.slice(0, 600).join("\r\n") + "\r\n"),
        iconv.encode(lines.slice(600).join("\r\n"), "cp949"),
      ]),
    );
    const err = await refused(f);
    expect(err).toContain(`${f}:601: is not UTF-8, while the lines before it are: the file mixes encodings`);
    expect(err).toContain("import refused: 1 problem\n");
  });

  it("an unterminated quote is reported where it opened (was a field-count mismatch)", async () => {
    const t = toTable(generateMonth("2023-02"), { layout: "minimal" });
    const lines = csvText(t).split("\r\n");
    const k = col(t, "자치구");
    const cells = lines[10]!.split(",");
    cells[k - 1] = `"${cells[k - 1]}`;
    lines[10] = cells.join(",");
    const f = input("quote-202302.csv");
    writeFileSync(f, lines.join("\r\n"));
    const err = await refused(f);
    expect(err).toContain(`${f}:11:${k}: a quote opened here is never closed`);
    expect(err).not.toContain("fields, the header has");
  });
});
