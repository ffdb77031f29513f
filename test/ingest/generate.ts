/**
 * Test-data generator for the importer: complete monthly tables (25 districts × dongs × 2 sexes ×
 * 5-year bands) in the official layout, written as CSV (UTF-8, UTF-8 BOM, CP949) or XLSX, plus an
 * independent reference aggregation to check the importer's figures against.
 */
import { writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import { SERVICES, type ServiceId } from "@/lib/domain";
import { DISTRICTS, statCodeOf } from "@/lib/districts";
import { writeXlsx as writeWorkbook, type XlsxCell } from "./xlsx-writer";

export type Value = number | string | null;

export interface RawRow {
  month: string;
  dongCode: string;
  district: string;
  dong: string;
  /** 1 = 남, 2 = 여 as in the official files. */
  sex: 1 | 2;
  band: number;
  population: Value;
  single: number;
  values: Record<ServiceId, Value>;
  unestimated: Record<ServiceId, Value>;
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
export const BANDS = [15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75];

export interface GenOptions {
  dongsPerDistrict?: number;
  bands?: number[];
  seed?: number;
  /** One row per district instead of per dong (district-level table). */
  districtLevel?: boolean;
}

/** A complete month: every district, sex and band, with values in the provider's ranges (indices negative). */
export function generateMonth(month: string, opts: GenOptions = {}): RawRow[] {
  const r = rng(opts.seed ?? Number(month.replace("-", "")));
  const dongs = opts.districtLevel ? 1 : (opts.dongsPerDistrict ?? 2);
  const rows: RawRow[] = [];
  for (const d of DISTRICTS) {
    for (let k = 1; k <= dongs; k++) {
      const dongCode = `${statCodeOf(d)}${String(50 + k).padStart(2, "0")}`;
      for (const sex of [1, 2] as const) {
        for (const band of opts.bands ?? BANDS) {
          const population = round(200 + r() * 3000, 2);
          const values = {} as Record<ServiceId, Value>;
          const unestimated = {} as Record<ServiceId, Value>;
          for (const s of SERVICES) {
            values[s.id] = s.id === "youtube" || s.id === "netflix" ? round(r() * 1.2 - 0.7, 6) : round(10 + r() * 150, 6);
            unestimated[s.id] = round(r() * population * 0.3, 2);
          }
          rows.push({ month, dongCode, district: d.name_ko, dong: `${d.name_ko.slice(0, -1)}${k}동`, sex, band, population, single: Math.round(r() * 500), values, unestimated });
        }
      }
    }
  }
  return rows;
}

/** The other indicators of the official files, so tables have the real width (~140 columns). */
const OTHER_INDICATORS = [
  "평균 통화량", "평균 문자량", "평균 통화대상자 수", "평균 문자대상자 수", "데이터 사용량", "평일 총 이동 거리 합계",
  "휴일 총 이동 거리 합계", "평균 근무지 체류시간", "평균 집 추정 위치 평일 총 체류시간", "평균 집 추정 위치 휴일 총 체류시간",
  "평균 외출 횟수", "평균 이동 횟수", "SNS 사용횟수", "다른 지역구 출근 횟수", "지하철 이동일수 합계", "배달 브랜드 서비스 사용일수",
  "배달 식재료 서비스 사용일수", "요식업 서비스 사용일수", "엔터테인먼트 서비스 사용일수", "여행 서비스 사용일수",
];

export interface LayoutOptions {
  /** "full": the official ~140 columns; "minimal": only what the importer needs. */
  layout?: "full" | "minimal";
  /** Use 행정동명 / 총인구 instead of 행정동 / 총인구수. */
  renamed?: boolean;
  /** Add a month column with this header, values formatted by monthFormat. */
  monthColumn?: string;
  monthFormat?: (month: string) => Value;
  /** District-level table: no 행정동코드 / 행정동 columns. */
  districtLevel?: boolean;
  /** Leave out the 미추정 인구수 columns (weights are then 총인구수). */
  noUnestimated?: boolean;
  /** Shuffle the column order with this seed. */
  shuffleSeed?: number;
  /** Write 성별 as 남/여 instead of 1/2. */
  sexWords?: boolean;
}

export type Table = Value[][];

/** Header + rows in the official column layout. */
export function toTable(rows: readonly RawRow[], o: LayoutOptions = {}): Table {
  type Col = [string, (r: RawRow) => Value];
  const cols: Col[] = [];
  if (o.monthColumn) cols.push([o.monthColumn, (r) => (o.monthFormat ? o.monthFormat(r.month) : r.month.replace("-", ""))]);
  if (!o.districtLevel) cols.push(["행정동코드", (r) => r.dongCode]);
  cols.push(["자치구", (r) => r.district]);
  if (!o.districtLevel) cols.push([o.renamed ? "행정동명" : "행정동", (r) => r.dong]);
  cols.push(["성별", (r) => (o.sexWords ? (r.sex === 1 ? "남" : "여") : r.sex)]);
  cols.push(["연령대", (r) => r.band]);
  cols.push([o.renamed ? "총인구" : "총인구수", (r) => r.population]);
  if (o.layout !== "minimal") cols.push(["1인가구수", (r) => r.single]);
  const quart = (name: string, q: number, f: (r: RawRow) => Value): Col => [`${name}: 4분위수, ${q}%`, f];
  for (const s of SERVICES) {
    cols.push([s.indicator_ko, (r) => r.values[s.id]]);
    if (!o.noUnestimated) cols.push([`${s.indicator_ko} 미추정 인구수`, (r) => r.unestimated[s.id]]);
    if (o.layout !== "minimal") for (const q of [25, 50, 75]) cols.push(quart(s.indicator_ko, q, (r) => r.values[s.id]));
  }
  if (o.layout !== "minimal") {
    for (const [i, name] of OTHER_INDICATORS.entries()) {
      cols.push([name, (r) => ((r.band * 7 + i * 13) % 97) + 0.5]);
      cols.push([`${name} 미추정 인구수`, () => 0]);
      for (const q of [25, 50, 75]) cols.push(quart(name, q, () => i + q / 100));
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
export async function writeXlsx(file: string, t: readonly (readonly XlsxCell[])[], titleRows: string[] = []): Promise<void> {
  writeWorkbook(file, t, { titleRows });
}

export interface Expected {
  population: number;
  usage: Record<ServiceId, number>;
}

/**
 * The reference aggregation, written independently of lib/ingest: key `month|districtName|F|20`.
 * Weighted: Σ (pop − 미추정)·v / Σ (pop − 미추정); unweighted: mean of the values present.
 */
export function expectedFigures(rows: readonly RawRow[], method: "weighted" | "unweighted"): Map<string, Expected> {
  const groups = new Map<string, RawRow[]>();
  for (const r of rows) {
    if (r.band < 20) continue;
    const key = `${r.month}|${r.district}|${r.sex === 1 ? "M" : "F"}|${Math.floor(r.band / 10) * 10}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out = new Map<string, Expected>();
  const num = (v: Value) => (typeof v === "number" ? v : v === null || v === "" || v === "*" || v === "-" ? null : Number(v));
  for (const [key, g] of groups) {
    const usage = {} as Record<ServiceId, number>;
    for (const s of SERVICES) {
      let sw = 0;
      let swv = 0;
      let sv = 0;
      let n = 0;
      for (const r of g) {
        const v = num(r.values[s.id]);
        if (v === null) continue;
        const w = Math.max(0, num(r.population)! - (num(r.unestimated[s.id]) ?? 0));
        sw += w;
        swv += w * v;
        sv += v;
        n++;
      }
      usage[s.id] = method === "weighted" ? swv / sw : sv / n;
    }
    out.set(key, { population: g.reduce((s, r) => s + num(r.population)!, 0), usage });
  }
  return out;
}
