import { csvParseRows } from "d3-dsv";
import { z } from "zod";
import { AGES, SERVICE_IDS, isAge, unitKind, type ServiceId } from "@/lib/domain";
import { DISTRICTS } from "@/lib/districts";
import { META_FILE, MONTH_PATTERN, USAGE_COLUMNS, USAGE_FILE } from "./format";
import { PLAUSIBLE_RANGES } from "./measures";
import type { Dataset, DatasetMeta, UsageRow } from "./types";

/** A dataset that cannot be served; the message names the file and line of each problem. */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : "";
    super(`invalid dataset:\n${shown.join("\n")}${more}`);
    this.name = "DatasetError";
  }
}

const districtNameByCode = new Map(DISTRICTS.map((d) => [d.code, d.name_ko]));

const MAX_PROBLEMS = 100;

/**
 * Parses usage.csv. Every row is checked; problems are reported as `file:line: column "x" …` so a
 * broken dataset is refused whole at start-up instead of being served half-loaded.
 */
export function parseUsageCsv(text: string, file = USAGE_FILE): UsageRow[] {
  const problems: string[] = [];
  const report = (line: number, msg: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${file}:${line}: ${msg}`);
  };
  const records = csvParseRows(text.replace(/^\uFEFF/, ""));
  const header = records[0];
  if (!header || header.join(",") !== USAGE_COLUMNS.join(",")) {
    throw new DatasetError([
      `${file}:1: header must be "${USAGE_COLUMNS.join(",")}", got "${(header ?? []).join(",")}"`,
    ]);
  }
  const rows: UsageRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i]!;
    const line = i + 1;
    if (rec.length === 1 && rec[0] === "") continue; // trailing blank line
    if (rec.length !== USAGE_COLUMNS.length) {
      report(line, `expected ${USAGE_COLUMNS.length} fields, got ${rec.length}`);
      continue;
    }
    const [month, districtCode, district, sex, ageText, populationText] = rec as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const before = problems.length;
    if (!MONTH_PATTERN.test(month)) report(line, `column "month": "${month}" is not YYYY-MM`);
    const expectedName = districtNameByCode.get(districtCode);
    if (!expectedName) report(line, `column "district_code": unknown district code "${districtCode}"`);
    else if (district !== expectedName)
      report(line, `column "district": "${district}" does not match code ${districtCode} (${expectedName})`);
    if (sex !== "F" && sex !== "M") report(line, `column "sex": "${sex}" is not F or M`);
    const age = Number(ageText);
    if (!isAge(age)) report(line, `column "age_band": "${ageText}" is not one of ${AGES.join(", ")}`);
    const population = parseNumber(populationText);
    if (population === null || population < 0)
      report(line, `column "population": "${populationText}" is not a non-negative number`);
    else if (population > PLAUSIBLE_RANGES.people.max)
      report(line, `column "population": ${populationText} is over the plausible ${PLAUSIBLE_RANGES.people.max}`);
    const usage = {} as Record<ServiceId, number>;
    SERVICE_IDS.forEach((service, k) => {
      const text = rec[6 + k]!;
      const v = parseNumber(text);
      // This format has always accepted any sign (data/README.md), so only the magnitude is bounded here.
      const bound = PLAUSIBLE_RANGES[unitKind(service)].max;
      if (v === null) report(line, `column "${service}": "${text}" is not a finite number`);
      else if (Math.abs(v) > bound) report(line, `column "${service}": ${text} is outside the plausible ±${bound}`);
      else usage[service] = v;
    });
    if (problems.length === before) {
      rows.push({
        month,
        districtCode,
        sex: sex as UsageRow["sex"],
        age: age as UsageRow["age"],
        population: population!,
        usage,
      });
    }
  }
  if (problems.length) throw new DatasetError(problems);
  return rows;
}

const DECIMAL = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** A plain decimal number; hexadecimal and the like are refused (Number() reads "0x1F" as 31). */
function parseNumber(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** What meta.json says of a dataset in either format (lib/dataset/v2.ts extends it). */
export const metaCommonSchema = z.object({
  kind: z.enum(["bundled", "imported"]),
  title: z.string().min(1),
  source: z.string().min(1),
  attribution: z.string().min(1),
  aggregation: z.string().min(1),
  method: z.enum(["unweighted", "weighted"]).optional(),
  months: z.array(z.string().regex(MONTH_PATTERN)).min(1),
});

const metaSchema = metaCommonSchema.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  files: z.array(z.object({ name: z.string(), sha256: z.string() })).optional(),
  created: z.string().optional(),
});

export function parseMeta(text: string, file = META_FILE): DatasetMeta {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DatasetError([`${file}: not valid JSON (${(e as Error).message})`]);
  }
  const parsed = metaSchema.safeParse(json);
  if (!parsed.success) {
    throw new DatasetError(parsed.error.issues.map((i) => `${file}: field "${i.path.join(".")}": ${i.message}`));
  }
  return parsed.data;
}

/**
 * Checks that rows and meta describe one complete dataset: every month in meta has exactly one row
 * for each of the 300 segments, and no other months appear.
 */
export function checkComplete(meta: DatasetMeta, rows: readonly UsageRow[], file = USAGE_FILE): void {
  const problems: string[] = [];
  const months = new Set(meta.months);
  if (months.size !== meta.months.length) problems.push(`${META_FILE}: "months" lists a month twice`);
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const line = i + 2;
    if (!months.has(r.month)) problems.push(`${file}:${line}: month ${r.month} is not listed in ${META_FILE}`);
    const key = `${r.month}|${r.districtCode}|${r.sex}|${r.age}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${file}:${line}: duplicate of line ${first} (${key.replaceAll("|", " ")})`);
    else seen.set(key, line);
  });
  for (const month of meta.months) {
    for (const d of DISTRICTS) {
      for (const sex of ["F", "M"] as const) {
        for (const age of AGES) {
          if (!seen.has(`${month}|${d.code}|${sex}|${age}`))
            problems.push(`${file}: missing row for ${month} ${d.name_ko} ${sex} ${age}`);
        }
      }
    }
  }
  if (problems.length) throw new DatasetError(problems);
}

/** Parses and cross-checks a dataset's two files; `sha256` is the usage.csv digest computed by the caller. */
export function parseDataset(usageCsv: string, metaJson: string, usageSha256: string): Dataset {
  const meta = parseMeta(metaJson);
  if (meta.sha256 !== usageSha256) {
    throw new DatasetError([
      `${META_FILE}: sha256 ${meta.sha256} does not match ${USAGE_FILE} (${usageSha256}); was the CSV edited without rebuilding?`,
    ]);
  }
  const rows = parseUsageCsv(usageCsv);
  checkComplete(meta, rows);
  const sorted = [...meta.months].sort();
  return { meta: { ...meta, months: sorted }, rows };
}
