/**
 * Test-data generator for the importer: complete monthly tables (25 districts × dongs × 2 sexes ×
 * 5-year bands) in the official layouts — the 143-column 29개 통신정보 file, with its headers read from
 * test/fixtures/official-29-columns.tsv (a copy of ../shared/reference/dong/official-29-columns.tsv),
 * and the 17-column 10개 관심집단 수 file — written as CSV (UTF-8, UTF-8 BOM, CP949) or XLSX, plus an
 * independent reference aggregation to check the importer's figures against.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { GROUPS, MEASURES, type MeasureKind } from "@/lib/dataset/measures";
import { DISTRICTS } from "@/lib/districts";
import { writeXlsx as writeWorkbook, type XlsxCell } from "./xlsx-writer";

export type Value = number | string | null;

/** The official 29개 통신정보 headers, in order (143). */
export const OFFICIAL_29_HEADERS: readonly string[] = readFileSync(
  path.resolve("test/fixtures/official-29-columns.tsv"),
  "utf8",
)
  .split("\n")
  .filter(Boolean)
  .map((l) => l.split("\t")[1]!);

/** The official 10개 관심집단 수 headers (2023 files), in order (17). */
export const OFFICIAL_10_HEADERS: readonly string[] = [
  "행정동코드",
  "자치구",
  "행정동명",
  "성별",
  "연령대",
  "총인구",
  "1인가구수",
  "커뮤니케이션이 적은 집단",
  "평일 외출이 적은 집단",
  "휴일 외출이 적은 집단",
  "출근소요시간 및 근무시간이 많은 집단",
  "외출이 매우 적은 집단(전체)",
  "외출이 매우 많은 집단",
  "동영상서비스 이용이 많은 집단",
  "생활서비스 이용이 많은 집단",
  "재정상태에 대한 관심집단",
  "외출-커뮤니케이션이 모두 적은 집단(전체)",
];

const KEY_HEADERS = ["행정동코드", "자치구", "행정동", "성별", "연령대", "총인구수", "1인가구수"];

/**
 * What each official column is, worked out here from the layout's order alone (independently of
 * lib/ingest/layout.ts): a measure's own header is its name_ko; the `: 4분위수, N%` columns after it are
 * its quartiles `<id>_qN`; a `… 미추정 …` column weighs the block that follows it.
 */
export type OfficialColumn =
  | { header: string; role: "key" }
  | { header: string; role: "unestimated"; base: string }
  | { header: string; role: "value"; id: string; base: string; kind: MeasureKind };

export const OFFICIAL_29_COLUMNS: readonly OfficialColumn[] = (() => {
  const byName = new Map<string, (typeof MEASURES)[number]>(MEASURES.map((m) => [m.name_ko, m]));
  const out: OfficialColumn[] = [];
  let base: (typeof MEASURES)[number] | undefined;
  OFFICIAL_29_HEADERS.forEach((header, i) => {
    if (KEY_HEADERS.includes(header)) return out.push({ header, role: "key" });
    if (header.includes("미추정"))
      return out.push({ header, role: "unestimated", base: byName.get(OFFICIAL_29_HEADERS[i + 1]!)!.id });
    const q = /: 4분위수, (\d+)%$/.exec(header);
    if (q) return out.push({ header, role: "value", id: `${base!.id}_q${q[1]}`, base: base!.id, kind: base!.kind });
    base = byName.get(header);
    if (!base) throw new Error(`official column ${header} is no known measure`);
    out.push({ header, role: "value", id: base.id, base: base.id, kind: base.kind });
  });
  return out;
})();

/** Base measure ids that have a 미추정 column in the official layout. */
export const WEIGHTED_BASES: ReadonlySet<string> = new Set(
  OFFICIAL_29_COLUMNS.flatMap((c) => (c.role === "unestimated" ? [c.base] : [])),
);

export const SERVICE_IDS = ["game", "finance", "shopping", "video", "youtube", "netflix", "delivery"] as const;

export interface RawRow {
  month: string;
  dongCode: string;
  district: string;
  dong: string;
  /** 1 = 남, 2 = 여 as in the official files. */
  sex: 1 | 2;
  band: number;
  population: Value;
  single: Value;
  /** Every stored column: measure ids (quartiles `<id>_q25` …) and group ids. */
  values: Record<string, Value>;
  /** Per base measure id with a 미추정 column: that count. */
  unestimated: Record<string, Value>;
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (v: number, d: number) => Number(v.toFixed(d));
/** 15 is a band under 20, which the importer skips (and counts). */
export const BANDS = [15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75];

/** The bundled data's 424 행정동 (real codes and names), by district code. */
const DONGS_BY_DISTRICT: ReadonlyMap<string, { code: string; name: string }[]> = (() => {
  const m = new Map<string, { code: string; name: string }[]>();
  for (const line of readFileSync(path.resolve("data/seoul/dongs.csv"), "utf8").trim().split("\n").slice(1)) {
    const [code, name, district] = line.split(",");
    m.set(district!, [...(m.get(district!) ?? []), { code: code!, name: name! }]);
  }
  return m;
})();

export interface GenOptions {
  /** The first n 행정동 of each district (Infinity: all 424). */
  dongsPerDistrict?: number;
  bands?: number[];
  seed?: number;
}

function valueOf(kind: MeasureKind, r: () => number, population: number): number {
  switch (kind) {
    case "index":
      return round(r() * 1.2 - 0.7, 6);
    case "amount":
      return round(r() * 15000, 2);
    case "ratio":
      return round(r() * 0.2, 4);
    case "people":
      return round(r() * population * 0.5, 2);
    default:
      return round(10 + r() * 150, 6);
  }
}

/** A complete month: every district, sex and band, every measure and group, values in the provider's ranges. */
export function generateMonth(month: string, opts: GenOptions = {}): RawRow[] {
  const r = rng(opts.seed ?? Number(month.replace("-", "")));
  const dongs = opts.dongsPerDistrict ?? 2;
  const rows: RawRow[] = [];
  for (const d of DISTRICTS) {
    for (const { code: dongCode, name } of DONGS_BY_DISTRICT.get(d.code)!.slice(0, dongs)) {
      for (const sex of [1, 2] as const) {
        for (const band of opts.bands ?? BANDS) {
          const population = round(200 + r() * 3000, 2);
          const values: Record<string, Value> = {};
          const unestimated: Record<string, Value> = {};
          for (const c of OFFICIAL_29_COLUMNS) {
            if (c.role === "value") values[c.id] = valueOf(c.kind, r, population);
            else if (c.role === "unestimated") unestimated[c.base] = round(r() * population * 0.3, 2);
          }
          for (const g of GROUPS) values[g.id] = round(r() * population * 0.2, 2);
          rows.push({
            month,
            dongCode,
            district: d.name_ko,
            dong: name,
            sex,
            band,
            population,
            single: round(r() * population * 0.4, 2),
            values,
            unestimated,
          });
        }
      }
    }
  }
  return rows;
}

export interface LayoutOptions {
  /** "official": the 143 columns of the 29개 file; "minimal": the keys and the seven services (with their 미추정 columns); "groups": the 17-column 10개 file. */
  layout?: "official" | "minimal" | "groups";
  /** Add a month column with this header, values formatted by monthFormat. */
  monthColumn?: string;
  monthFormat?: (month: string) => Value;
  /** Leave out the 미추정 인구수 columns (weights are then 총인구수). */
  noUnestimated?: boolean;
  /** Shuffle the column order with this seed. */
  shuffleSeed?: number;
  /** Write 성별 as 남/여 instead of 1/2. */
  sexWords?: boolean;
}

export type Table = Value[][];
type Col = [string, (r: RawRow) => Value];

function keyColumn(header: string): Col {
  switch (header) {
    case "행정동코드":
      return [header, (r) => r.dongCode];
    case "자치구":
      return [header, (r) => r.district];
    case "행정동":
    case "행정동명":
      return [header, (r) => r.dong];
    case "연령대":
      return [header, (r) => r.band];
    case "총인구수":
    case "총인구":
      return [header, (r) => r.population];
    case "1인가구수":
      return [header, (r) => r.single];
    default:
      throw new Error(header);
  }
}

/** Header + rows in an official column layout. */
export function toTable(rows: readonly RawRow[], o: LayoutOptions = {}): Table {
  const cols: Col[] = [];
  if (o.monthColumn)
    cols.push([o.monthColumn, (r) => (o.monthFormat ? o.monthFormat(r.month) : r.month.replace("-", ""))]);
  const sex: Col = ["성별", (r) => (o.sexWords ? (r.sex === 1 ? "남" : "여") : r.sex)];
  if (o.layout === "groups") {
    const groupId = new Map<string, string>(GROUPS.map((g) => [g.name_ko, g.id]));
    for (const h of OFFICIAL_10_HEADERS)
      cols.push(h === "성별" ? sex : groupId.has(h) ? [h, (r) => r.values[groupId.get(h)!] ?? null] : keyColumn(h));
  } else {
    const services = new Set<string>(SERVICE_IDS);
    for (const c of OFFICIAL_29_COLUMNS) {
      if (c.role === "key") {
        if (o.layout === "minimal" && c.header === "1인가구수") continue;
        cols.push(c.header === "성별" ? sex : keyColumn(c.header));
      } else if (c.role === "unestimated") {
        if (!o.noUnestimated && (o.layout !== "minimal" || services.has(c.base)))
          cols.push([c.header, (r) => r.unestimated[c.base] ?? null]);
      } else if (o.layout !== "minimal" || (services.has(c.id) && c.id === c.base))
        cols.push([c.header, (r) => r.values[c.id] ?? null]);
    }
  }
  if (o.shuffleSeed !== undefined) {
    const r = rng(o.shuffleSeed);
    for (let i = cols.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [cols[i], cols[j]] = [cols[j]!, cols[i]!];
    }
  }
  return [cols.map((c) => c[0]), ...rows.map((r) => cols.map((c) => c[1](r)))];
}

function csvCell(v: Value): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvText(t: Table): string {
  return t.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function writeCsv(file: string, t: Table, encoding: "utf8" | "utf8bom" | "cp949" = "utf8"): void {
  const text = csvText(t);
  if (encoding === "cp949") writeFileSync(file, iconv.encode(text, "cp949"));
  else writeFileSync(file, (encoding === "utf8bom" ? "\uFEFF" : "") + text);
}

/** An XLSX workbook (see xlsx-writer.ts); `titleRows` are put above the header as some published sheets have. */
export async function writeXlsx(
  file: string,
  t: readonly (readonly XlsxCell[])[],
  titleRows: string[] = [],
): Promise<void> {
  writeWorkbook(file, t, { titleRows });
}

const num = (v: Value) =>
  typeof v === "number" ? v : v === null || v === "" || v === "*" || v === "-" ? null : Number(v);

export interface Expected {
  population: number;
  values: Record<string, number>;
}

/**
 * The reference district figures, written independently of lib/ingest: key `month|districtName|F|20`.
 * For each value column `ids` lists (with the base measure its block belongs to and its kind): people
 * counts summed; else weighted: Σ w·v / Σ w with w = max(0, pop − 미추정) where `weighted` has the base,
 * else pop; unweighted: the mean of the values present.
 */
export function expectedFigures(
  rows: readonly RawRow[],
  method: "weighted" | "unweighted",
  ids: readonly { id: string; base: string; kind: MeasureKind }[],
  weighted: ReadonlySet<string>,
): Map<string, Expected> {
  const groups = new Map<string, RawRow[]>();
  for (const r of rows) {
    if (r.band < 20) continue;
    const key = `${r.month}|${r.district}|${r.sex === 1 ? "M" : "F"}|${Math.floor(r.band / 10) * 10}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out = new Map<string, Expected>();
  for (const [key, g] of groups) {
    const values: Record<string, number> = {};
    for (const { id, base, kind } of ids) {
      let sw = 0;
      let swv = 0;
      let sv = 0;
      let n = 0;
      for (const r of g) {
        const v = num(r.values[id] ?? null);
        if (v === null) continue;
        const w = weighted.has(base)
          ? Math.max(0, num(r.population)! - (num(r.unestimated[base] ?? null) ?? 0))
          : num(r.population)!;
        sw += w;
        swv += w * v;
        sv += v;
        n++;
      }
      if (n === 0) continue;
      values[id] = kind === "people" ? sv : method === "weighted" ? swv / sw : sv / n;
    }
    out.set(key, { population: g.reduce((s, r) => s + num(r.population)!, 0), values });
  }
  return out;
}
