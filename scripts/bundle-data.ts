/**
 * Rebuilds data/2023 (the bundled dataset) from the shared reference table:
 *   npm run data:bundle [-- --from ../shared/reference/segment-month-usage.csv --out data/2023]
 * The reference gives districts by Korean name; the normalized format adds the administrative code.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { csvParse } from "d3-dsv";
import { findDistrict } from "@/lib/districts";
import { SERVICE_IDS, isAge, type ServiceId } from "@/lib/domain";
import { compareRows, formatUsageCsv, META_FILE, USAGE_FILE } from "@/lib/dataset/format";
import { sha256 } from "@/lib/dataset/load";
import { parseDataset } from "@/lib/dataset/parse";
import type { DatasetMeta, UsageRow } from "@/lib/dataset/types";

const { values } = parseArgs({
  options: {
    from: { type: "string", default: "../shared/reference/segment-month-usage.csv" },
    out: { type: "string", default: "data/2023" },
  },
});

const fromPath = path.resolve(values.from!);
const source = readFileSync(fromPath, "utf8");
const rows: UsageRow[] = csvParse(source).map((r, i) => {
  const line = i + 2;
  const district = findDistrict(r.district ?? "");
  const age = Number(r.age_band);
  if (!district) throw new Error(`${fromPath}:${line}: unknown district "${r.district}"`);
  if (!isAge(age)) throw new Error(`${fromPath}:${line}: unknown age band "${r.age_band}"`);
  if (r.sex !== "F" && r.sex !== "M") throw new Error(`${fromPath}:${line}: unknown sex "${r.sex}"`);
  const usage = Object.fromEntries(SERVICE_IDS.map((s) => [s, Number(r[s])])) as Record<ServiceId, number>;
  return { month: r.month!, districtCode: district.code, sex: r.sex, age, population: Number(r.population), usage };
});
rows.sort(compareRows);

const csv = formatUsageCsv(rows);
const months = [...new Set(rows.map((r) => r.month))].sort();
const meta: DatasetMeta = {
  kind: "bundled",
  title: "서울 시민생활 데이터 2023년 1~9월 (자치구 × 성별 × 연령대)",
  source:
    "서울 열린데이터 광장 「행정동 단위 서울 시민생활 데이터 (29개 통신정보)」 (통계청·서울시 공공 인구 통계와 SK텔레콤 가명 통신 데이터 결합), 2023년 1~9월 월별 파일을 자치구로 집계한 2023년 분석의 공개 표",
  attribution: "서울특별시, 서울 열린데이터 광장 「서울 시민생활 데이터」",
  aggregation:
    "행정동 × 5세 연령대 행을 자치구 × 성별 × 10세 연령대로 묶음: 인구는 총인구수의 합, 서비스 값은 행의 단순 평균(가중치 없음, 2023년 분석의 방식)",
  method: "unweighted",
  months,
  sha256: sha256(csv),
};

// Validate exactly as the server will before writing anything.
parseDataset(csv, JSON.stringify(meta), meta.sha256);

const out = path.resolve(values.out!);
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, USAGE_FILE), csv);
writeFileSync(path.join(out, META_FILE), JSON.stringify(meta, null, 2) + "\n");
console.log(`wrote ${rows.length} rows (${months.length} months) to ${path.relative(process.cwd(), out) || "."}; sha256 ${meta.sha256}`);
