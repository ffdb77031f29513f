/**
 * Builds the bundled default dataset data/seoul (format v2, data/README.md) from the shared reference:
 *   npm run data:bundle [-- --reference ../shared/reference --district data/2023 --out data/seoul]
 * - 2022-01…12 at 행정동 grain from reference/dong/2022/2022-MM.csv (25 measures, 9 groups, 총인구, 1인가구수);
 * - 2023-01…06 at 행정동 grain from the official 「10개 관심집단 수」 workbooks (총인구, 1인가구수, 10 groups);
 * - 2023-01…09 at district grain: the seven services and population of data/2023/usage.csv, unchanged
 *   (the published 2023 analysis' table, which the fidelity tests check).
 * The folder is validated with the server's own loader before anything is written.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { constants, brotliCompressSync } from "node:zlib";
import { csvParseRows } from "d3-dsv";
import * as XLSX from "@e965/xlsx";
import { findDistrictByStatCode } from "@/lib/districts";
import { SERVICE_IDS } from "@/lib/domain";
import { fromLegacy, loadDataDir, loadDatasetDir } from "@/lib/dataset/load";
import { columnOfHeader, GROUPS, GROUP_BY_ID, MEASURE_BY_ID, type ColumnId } from "@/lib/dataset/measures";
import { AGE5_BANDS, type DatasetMetaV2, type Dong, type DongMonth, type Grain } from "@/lib/dataset/types";
import {
  DISTRICT_FILE,
  DONGS_FILE,
  dongMonthFile,
  formatDistrictCsv,
  formatDongMonthCsv,
  formatDongsCsv,
  META_FILE,
  sha256Hex,
} from "@/lib/dataset/v2";

const { values } = parseArgs({
  options: {
    reference: { type: "string", default: "../shared/reference" },
    district: { type: "string", default: "data/2023" },
    out: { type: "string", default: "data/seoul" },
  },
});
const reference = path.resolve(values.reference!);

/** A provider table: header cells and rows of cells, whatever the file type. */
interface Table {
  file: string;
  header: string[];
  rows: string[][];
}

const dongs = new Map<string, Dong>();

function fail(msg: string): never {
  throw new Error(msg);
}

/** Provider rows → one month of 행정동 rows in our columns; the dong list grows as codes appear. */
function dongMonthOf(month: string, t: Table): DongMonth {
  const col = (name: string) => t.header.indexOf(name);
  const iCode = col("행정동코드");
  const iName = col("행정동명");
  const iSex = col("성별");
  const iAge = col("연령대");
  if ([iCode, iName, iSex, iAge].includes(-1)) fail(`${t.file}:1: missing a key column`);
  const mapped: [number, ColumnId][] = [];
  t.header.forEach((h, i) => {
    const id = columnOfHeader(h);
    if (id) mapped.push([i, id]);
  });
  const order = [...dongs.keys()];
  const n = t.rows.length;
  const m: DongMonth = {
    month,
    rows: n,
    dong: new Uint16Array(n),
    sex: new Uint8Array(n),
    age5: new Uint8Array(n),
    columns: {},
  };
  for (const [, id] of mapped) m.columns[id] = new Float64Array(n);
  t.rows.forEach((r, k) => {
    const at = `${t.file}:${k + 2}`;
    const code = r[iCode]!;
    const district = findDistrictByStatCode(code.slice(0, 5)) ?? fail(`${at}: 행정동코드 ${code} is in no district`);
    // The 2022 copy writes "종로구 사직동"; the official files "사직동" with the district in its own column.
    const name = r[iName]!.replace(new RegExp(`^${district.name_ko}\\s+`), "");
    if (!dongs.has(code)) {
      dongs.set(code, { code, name_ko: name, districtCode: district.code });
      order.push(code);
    }
    const sex = Number(r[iSex]);
    const age = Number(r[iAge]);
    if (sex !== 1 && sex !== 2) fail(`${at}: 성별 "${r[iSex]}"`);
    if (!(AGE5_BANDS as readonly number[]).includes(age)) fail(`${at}: 연령대 "${r[iAge]}"`);
    m.dong[k] = order.indexOf(code);
    m.sex[k] = sex === 2 ? 0 : 1; // provider 1 = male, 2 = female; ours 0 = F, 1 = M
    m.age5[k] = age;
    for (const [i, id] of mapped) {
      const raw = Number(r[i]);
      // 2022-01…09 give 관심집단 counts to 15 digits, 2022-10…12 and 2023 to 2 decimals: stored to 0.01
      // person throughout (the bundle then fits 15 MB; a sum moves by < 0.005 per row).
      const v = GROUP_BY_ID.has(id) ? Math.round(raw * 100) / 100 : raw;
      if (r[i] === "" || !Number.isFinite(raw)) fail(`${at}: ${t.header[i]} "${r[i]}"`);
      m.columns[id]![k] = v;
    }
  });
  return m;
}

function readCsv(file: string): Table {
  const [header = [], ...rows] = csvParseRows(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  return { file, header, rows };
}

function readWorkbook(file: string): Table {
  const wb = XLSX.read(readFileSync(file));
  const sheet = wb.Sheets[wb.SheetNames[0]!]!;
  const [header = [], ...rows] = XLSX.utils
    .sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: "" })
    .map((r) => r.map((c) => String(c)));
  return { file, header: header.map((h) => h.trim()), rows };
}

const dongMonths: DongMonth[] = [];
const dir2022 = path.join(reference, "dong/2022");
for (const name of readdirSync(dir2022).sort()) {
  const month = /^(\d{4}-\d{2})\.csv$/.exec(name)?.[1];
  if (month) dongMonths.push(dongMonthOf(month, readCsv(path.join(dir2022, name))));
}
const dirGroups = path.join(reference, "dong/interest-groups-2023");
for (const name of readdirSync(dirGroups).sort()) {
  const m = /^(\d{4})\.(\d{1,2})월_10개 관심집단 수\.xlsx$/.exec(name.normalize("NFC"));
  if (m) dongMonths.push(dongMonthOf(`${m[1]}-${m[2]!.padStart(2, "0")}`, readWorkbook(path.join(dirGroups, name))));
}
dongMonths.sort((a, b) => a.month.localeCompare(b.month));

// 2023 district table, unchanged: population and the seven services of the published analysis.
const legacy = fromLegacy(loadDatasetDir(path.resolve(values.district!)));
const districtMonths = [...legacy.districtMonths.values()];
const districtColumns: ColumnId[] = ["population", ...SERVICE_IDS];

const dongList = [...dongs.values()];
const months = [...new Set([...dongMonths.map((m) => m.month), ...districtMonths.map((m) => m.month)])].sort();

/** Which months and grains have each column. */
const coverage = new Map<ColumnId, { months: Set<string>; grains: Set<Grain> }>();
const cover = (id: ColumnId, month: string, grain: Grain) => {
  const c = coverage.get(id) ?? { months: new Set(), grains: new Set() };
  c.months.add(month);
  c.grains.add(grain);
  if (grain === "dong") c.grains.add("district"); // rolled up at load
  coverage.set(id, c);
};
for (const m of dongMonths) for (const id of Object.keys(m.columns) as ColumnId[]) cover(id, m.month, "dong");
for (const m of districtMonths) for (const id of districtColumns) cover(id, m.month, "district");
const coverOf = (id: string) => {
  const c = coverage.get(id as ColumnId)!;
  return { months: [...c.months].sort(), grains: (["dong", "district"] as const).filter((g) => c.grains.has(g)) };
};

const files = new Map<string, Buffer>();
files.set(DONGS_FILE, Buffer.from(formatDongsCsv(dongList)));
files.set(DISTRICT_FILE, Buffer.from(formatDistrictCsv(districtMonths, districtColumns)));
for (const m of dongMonths) {
  const csv = formatDongMonthCsv(m, dongList);
  files.set(
    dongMonthFile(m.month),
    brotliCompressSync(csv, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: csv.length,
      },
    }),
  );
}

const measureIds = [...coverage.keys()].filter((id) => MEASURE_BY_ID.has(id));
const meta: DatasetMetaV2 = {
  kind: "bundled",
  title: "서울 시민생활 데이터 2022년 1월~2023년 9월 (행정동·자치구 × 성별 × 연령대)",
  source:
    "서울 열린데이터 광장 「행정동 단위 서울 시민생활 데이터 (29개 통신정보)」와 「10개 관심집단 수」 (통계청·서울시 공공 인구 통계와 SK텔레콤 가명 통신 데이터 결합): 2022년 1~12월 행정동 월별 파일, 2023년 1~6월 관심집단 파일, 2023년 1~9월 월별 파일을 자치구로 집계한 2023년 분석의 공개 표",
  attribution: "서울특별시, 서울 열린데이터 광장 「서울 시민생활 데이터」",
  aggregation:
    "행정동 × 5세 연령대 행을 자치구(또는 행정동) × 성별 × 10세 연령대로 묶음: 지표는 행의 단순 평균(합 ÷ 행 수, 가중치 없음, 2023년 분석의 방식), 인구·1인가구수·관심집단 수는 합",
  method: "unweighted",
  months,
  defaultWindow: { from: "2023-01", to: "2023-09" },
  measures: [...MEASURE_BY_ID.values()]
    .filter((m) => measureIds.includes(m.id as ColumnId))
    .map((m) => ({
      id: m.id,
      name_ko: m.name_ko,
      kind: m.kind,
      unit_ko: m.unit_ko,
      ...coverOf(m.id),
      weights: "unweighted" as const,
    })),
  groups: GROUPS.filter((g) => coverage.has(g.id)).map((g) => ({
    id: g.id,
    name_ko: GROUP_BY_ID.get(g.id)!.name_ko,
    ...coverOf(g.id),
  })),
  files: Object.fromEntries([...files].map(([rel, bytes]) => [rel, sha256Hex(bytes)])),
};

const out = path.resolve(values.out!);
const tmp = `${out}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(path.join(tmp, "dong"), { recursive: true });
for (const [rel, bytes] of files) writeFileSync(path.join(tmp, rel), bytes);
writeFileSync(path.join(tmp, META_FILE), JSON.stringify(meta, null, 2) + "\n");
const loaded = loadDataDir(tmp); // validate exactly as the server will
rmSync(out, { recursive: true, force: true });
mkdirSync(path.dirname(out), { recursive: true });
renameSync(tmp, out);
const bytes = [...files.values()].reduce((n, b) => n + b.length, 0);
console.log(
  `wrote ${path.relative(process.cwd(), out)}: ${months.length} months (${loaded.dongMonths.size} with 행정동 rows, ${dongList.length} 행정동), ${(bytes / 1e6).toFixed(2)} MB of data files`,
);
