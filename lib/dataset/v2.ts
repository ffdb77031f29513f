import { createHash } from "node:crypto";
import path from "node:path";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { z } from "zod";
import { DISTRICTS, findDistrictByStatCode, statCodeOf } from "@/lib/districts";
import { AGES, SEXES } from "@/lib/domain";
import { segmentIndex } from "@/lib/engine/segments";
import { inflateBounded, readBounded, SIZE_LIMITS } from "./files";
import { MONTH_PATTERN } from "./format";
import { GROUP_BY_ID, kindOfColumn, MEASURE_KINDS, PLAUSIBLE_RANGES, type ColumnId } from "./measures";
import { DatasetError, metaCommonSchema } from "./parse";
import { rollUpDistricts } from "./rollup";
import {
  AGE5_BANDS,
  type DatasetMetaV2,
  type DistrictMonth,
  type Dong,
  type DongMonth,
  type LoadedDataset,
} from "./types";

/** The files of a v2 dataset folder (data/README.md). */
export const META_FILE = "meta.json";
export const DISTRICT_FILE = "district.csv";
export const DONGS_FILE = "dongs.csv";
export const dongMonthFile = (month: string) => `dong/${month}.csv.br`;

export const DISTRICT_KEYS = ["month", "district_code", "district", "sex", "age_band"] as const;
export const DONG_KEYS = ["dong_code", "sex", "age_band"] as const;
export const DONGS_COLUMNS = ["dong_code", "dong", "district_code"] as const;

/** The segment cells of a month: 25 districts × 2 sexes × 6 bands. */
export const CELLS = DISTRICTS.length * SEXES.length * AGES.length;

const MAX_PROBLEMS = 100;

/** Collects `FILE:LINE: reason` problems; the loader refuses the dataset if any were found. */
class Problems {
  readonly list: string[] = [];
  add(msg: string) {
    if (this.list.length < MAX_PROBLEMS) this.list.push(msg);
  }
  throwIfAny() {
    if (this.list.length) throw new DatasetError(this.list);
  }
}

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

// ---- writing (the bundle script and the importer) ----

const num = (v: number) => (Number.isNaN(v) ? "" : String(v));

export function formatDongsCsv(dongs: readonly Dong[]): string {
  return csvFormatRows([[...DONGS_COLUMNS], ...dongs.map((d) => [d.code, d.name_ko, d.districtCode])]) + "\n";
}

/** One month of 행정동 rows as CSV (brotli it for dong/YYYY-MM.csv.br); NaN is written as an empty cell. */
export function formatDongMonthCsv(month: DongMonth, dongs: readonly Dong[]): string {
  const ids = Object.keys(month.columns) as ColumnId[];
  const cols = ids.map((id) => month.columns[id]!);
  const lines = [[...DONG_KEYS, ...ids].join(",")];
  for (let r = 0; r < month.rows; r++) {
    lines.push(
      [dongs[month.dong[r]!]!.code, SEXES[month.sex[r]!], month.age5[r], ...cols.map((c) => num(c[r]!))].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** district.csv: the given months' cells for the given columns (population first); NaN → empty. */
export function formatDistrictCsv(months: readonly DistrictMonth[], ids: readonly ColumnId[]): string {
  const lines = [[...DISTRICT_KEYS, ...ids].join(",")];
  for (const m of months) {
    for (const d of DISTRICTS) {
      for (const age of AGES) {
        for (const sex of SEXES) {
          const c = segmentIndex(d.code, sex, age);
          lines.push(
            [m.month, d.code, d.name_ko, sex, age, ...ids.map((id) => num(m.columns[id]?.[c] ?? NaN))].join(","),
          );
        }
      }
    }
  }
  return lines.join("\n") + "\n";
}

// ---- reading ----

const windowSchema = z.object({ from: z.string().regex(MONTH_PATTERN), to: z.string().regex(MONTH_PATTERN) });
const grains = z.array(z.enum(["dong", "district"])).min(1);
const monthList = z.array(z.string().regex(MONTH_PATTERN));
const metaSchema = metaCommonSchema.extend({
  defaultWindow: windowSchema,
  measures: z.array(
    z.object({
      id: z
        .string()
        .refine((id) => kindOfColumn(id) !== undefined && !GROUP_BY_ID.has(id), "is not a known measure id"),
      name_ko: z.string().min(1),
      kind: z.enum(MEASURE_KINDS),
      unit_ko: z.string().min(1),
      months: monthList,
      grains,
      weights: z.enum(["unweighted", "unestimated", "population"]).optional(),
    }),
  ),
  groups: z.array(
    z.object({
      id: z.string().refine((id) => GROUP_BY_ID.has(id), "is not a known group id"),
      name_ko: z.string().min(1),
      months: monthList,
      grains,
    }),
  ),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  sources: z.array(z.object({ name: z.string(), sha256: z.string() })).optional(),
  created: z.string().optional(),
});

/** Whether a parsed meta.json is a v2 one (the legacy format has no defaultWindow). */
export function isV2Meta(json: unknown): boolean {
  return typeof json === "object" && json !== null && "defaultWindow" in json;
}

export function parseMetaV2(json: unknown, file: string): DatasetMetaV2 {
  const parsed = metaSchema.safeParse(json);
  if (!parsed.success)
    throw new DatasetError(parsed.error.issues.map((i) => `${file}: field "${i.path.join(".")}": ${i.message}`));
  const meta = parsed.data as DatasetMetaV2;
  const problems: string[] = [];
  const sorted = [...meta.months].sort();
  if (new Set(sorted).size !== sorted.length) problems.push(`${file}: "months" lists a month twice`);
  const known = new Set(sorted);
  const { from, to } = meta.defaultWindow;
  if (!known.has(from) || !known.has(to) || from > to)
    problems.push(`${file}: "defaultWindow" ${from}…${to} must be two of "months", from ≤ to`);
  for (const m of [...meta.measures, ...meta.groups]) {
    const stray = m.months.filter((x) => !known.has(x));
    if (stray.length) problems.push(`${file}: "${m.id}" lists months not in "months": ${stray.join(", ")}`);
  }
  if (problems.length) throw new DatasetError(problems);
  return { ...meta, months: sorted };
}

/** Splits a file we wrote (no quoting: codes and numbers only) into lines, dropping a final newline. */
function linesOf(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A cell's value: NaN for an empty cell (the month or row does not have it), else a plain decimal number
 * inside the column kind's plausible range. Hexadecimal, `Infinity` and the like are refused (Number()
 * would read `0x1F` as 31).
 */
function cellValue(text: string, id: string, at: string, problems: Problems): number {
  if (text === "") return NaN;
  const range = PLAUSIBLE_RANGES[kindOfColumn(id)!];
  const v = DECIMAL.test(text) ? Number(text) : NaN;
  if (Number.isNaN(v)) problems.add(`${at}: column "${id}": "${text}" is not a decimal number`);
  else if (v < range.min || v > range.max)
    problems.add(
      `${at}: column "${id}": ${text} is outside the plausible range ${range.min}…${range.max} of its kind (${kindOfColumn(id)})`,
    );
  else return v;
  return NaN;
}

/** The value columns of a header after its keys: known ids, each once. */
function valueColumns(header: string[], keys: readonly string[], at: string, problems: Problems): ColumnId[] | null {
  if (keys.some((k, i) => header[i] !== k)) {
    problems.add(`${at}: header must start with "${keys.join(",")}", got "${header.slice(0, keys.length).join(",")}"`);
    return null;
  }
  const ids = header.slice(keys.length);
  const bad = ids.filter((id, i) => kindOfColumn(id) === undefined || ids.indexOf(id) !== i);
  if (bad.length) {
    problems.add(
      `${at}: unknown or repeated column ${bad.map((b) => `"${b}"`).join(", ")} (ids: lib/dataset/measures.ts)`,
    );
    return null;
  }
  if (!ids.includes("population")) {
    problems.add(`${at}: a "population" column is required`);
    return null;
  }
  return ids as ColumnId[];
}

export function parseDongsCsv(text: string, file: string): Dong[] {
  const problems = new Problems();
  const records = csvParseRows(text.replace(/^\uFEFF/, ""));
  if ((records[0] ?? []).join(",") !== DONGS_COLUMNS.join(","))
    throw new DatasetError([`${file}:1: header must be "${DONGS_COLUMNS.join(",")}"`]);
  const dongs: Dong[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((rec, i) => {
    const at = `${file}:${i + 2}`;
    if (rec.length === 1 && rec[0] === "") return;
    const [code = "", name = "", districtCode = ""] = rec;
    const district = DISTRICTS.find((d) => d.code === districtCode);
    if (rec.length !== 3) problems.add(`${at}: expected 3 fields, got ${rec.length}`);
    else if (!/^\d{7}$/.test(code))
      problems.add(`${at}: column "dong_code": "${code}" is not a 7-digit statistics code`);
    else if (!district) problems.add(`${at}: column "district_code": unknown district code "${districtCode}"`);
    else if (findDistrictByStatCode(code.slice(0, 5)) !== district)
      problems.add(
        `${at}: 행정동 ${code} does not lie in ${district.name_ko} (statistics code ${statCodeOf(district)})`,
      );
    else if (name.trim() === "") problems.add(`${at}: column "dong": empty name`);
    else if (seen.has(code)) problems.add(`${at}: 행정동 ${code} listed twice`);
    else {
      seen.add(code);
      dongs.push({ code, name_ko: name, districtCode });
    }
  });
  problems.throwIfAny();
  if (dongs.length > 0xffff) throw new DatasetError([`${file}: more than 65,535 행정동`]);
  return dongs;
}

const age5Index = new Map<number, number>(AGE5_BANDS.map((a, i) => [a, i]));

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** The unsigned integer written in bytes[from, to), or −1 if any byte is not a digit or it is empty. */
function digitsAt(bytes: Buffer, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return to > from ? v : -1;
}
const [C0, C9, DOT, MINUS, COMMA, LF, CR] = [48, 57, 46, 45, 44, 10, 13];

/**
 * One dong/YYYY-MM.csv file's rows (inflated bytes), column-wise; every (행정동, sex, 5-year band) at
 * most once. Read on bytes rather than split into strings: 18 months are 5.7 million cells, which
 * split + regex + Number() took 2.0 s to read on this machine under load, this 0.3 s. A plain decimal of
 * at most 15 digits is m ÷ 10^k with m and 10^k exact doubles, so the one division is correctly rounded
 * and equals Number(text); anything longer or with an exponent goes through Number() after the same
 * decimal check.
 */
export function parseDongMonth(
  bytes: Buffer,
  file: string,
  month: string,
  dongIndex: ReadonlyMap<string, number>,
): DongMonth {
  const problems = new Problems();
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headerEnd = bytes.indexOf(LF, pos);
  const header = bytes
    .toString("utf8", pos, headerEnd < 0 ? bytes.length : headerEnd)
    .replace(/\r$/, "")
    .split(",");
  const ids = valueColumns(header, DONG_KEYS, `${file}:1`, problems);
  problems.throwIfAny();
  pos = headerEnd < 0 ? bytes.length : headerEnd + 1;
  let n = 0;
  for (let i = pos; i < bytes.length; i++) if (bytes[i] === LF || (i === bytes.length - 1 && bytes[i] !== LF)) n++;
  const dong = new Uint16Array(n);
  const sex = new Uint8Array(n);
  const age5 = new Uint8Array(n);
  const columns: Partial<Record<ColumnId, Float64Array>> = {};
  for (const id of ids!) columns[id] = new Float64Array(n);
  const cols = ids!.map((id) => columns[id]!);
  const ranges = ids!.map((id) => PLAUSIBLE_RANGES[kindOfColumn(id)!]);
  const firstLine = new Int32Array(Math.max(1, dongIndex.size) * 2 * AGE5_BANDS.length);
  const byNumber = new Map([...dongIndex].map(([code, i]) => [Number(code), i]));
  const dongCodes = [...dongIndex.keys()];
  const width = header.length;
  const keyEnd = [0, 0, 0];
  for (let r = 0; r < n; r++) {
    const line = r + 2;
    let lineEnd = bytes.indexOf(LF, pos);
    if (lineEnd < 0) lineEnd = bytes.length;
    const end = bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
    // Keys (행정동 code, sex, band) read as numbers off the bytes; strings only for a message.
    let p = pos;
    let keys = 0;
    for (; keys < 3 && p <= end; keys++) {
      let q = p;
      while (q < end && bytes[q] !== COMMA) q++;
      keyEnd[keys] = q;
      p = q + 1;
    }
    const code = keys > 0 && keyEnd[0]! - pos === 7 ? digitsAt(bytes, pos, keyEnd[0]!) : -1;
    const d = byNumber.get(code);
    const sexByte = keys > 1 && keyEnd[1]! - keyEnd[0]! === 2 ? bytes[keyEnd[0]! + 1] : -1;
    const s = sexByte === 70 ? 0 : sexByte === 77 ? 1 : -1; // "F", "M"
    const a = keys > 2 ? age5Index.get(digitsAt(bytes, keyEnd[1]! + 1, keyEnd[2]!)) : undefined;
    if (d === undefined || s < 0 || a === undefined) {
      const keyText = (k: number) =>
        k < keys ? bytes.toString("latin1", k === 0 ? pos : keyEnd[k - 1]! + 1, keyEnd[k]) : "";
      if (d === undefined) problems.add(`${file}:${line}: column "dong_code": "${keyText(0)}" is not in ${DONGS_FILE}`);
      if (s < 0) problems.add(`${file}:${line}: column "sex": "${keyText(1)}" is not F or M`);
      if (a === undefined)
        problems.add(`${file}:${line}: column "age_band": "${keyText(2)}" is not one of ${AGE5_BANDS.join(", ")}`);
    } else {
      const key = (d * 2 + s) * AGE5_BANDS.length + a;
      const first = firstLine[key];
      if (first)
        problems.add(
          `${file}:${line}: duplicate row for 행정동 ${dongCodes[d]}, ${s === 0 ? "F" : "M"}, ${AGE5_BANDS[a]} (first at line ${first})`,
        );
      else firstLine[key] = line;
      dong[r] = d;
      sex[r] = s;
      age5[r] = AGE5_BANDS[a]!;
    }
    let k = 0;
    while (k < cols.length && p <= end) {
      const cellStart = p;
      let neg = false;
      let m = 0;
      let digits = 0;
      let frac = -1;
      let plain = true;
      if (bytes[p] === MINUS) {
        neg = true;
        p++;
      }
      for (; p < end; p++) {
        const c = bytes[p]!;
        if (c === COMMA) break;
        if (c >= C0 && c <= C9) {
          m = m * 10 + (c - C0);
          digits++;
          if (frac >= 0) frac++;
        } else if (c === DOT && frac < 0) frac = 0;
        else plain = false;
      }
      const cellEnd = p;
      p++;
      let v: number;
      if (cellEnd === cellStart) v = NaN;
      else if (plain && digits > 0 && digits <= 15) v = (neg ? -1 : 1) * (frac > 0 ? m / POW10[frac]! : m);
      else {
        const text = bytes.toString("utf8", cellStart, cellEnd);
        v = DECIMAL.test(text) ? Number(text) : NaN;
        if (Number.isNaN(v)) problems.add(`${file}:${line}: column "${ids![k]}": "${text}" is not a decimal number`);
      }
      if (!Number.isNaN(v) && (v < ranges[k]!.min || v > ranges[k]!.max)) {
        problems.add(
          `${file}:${line}: column "${ids![k]}": ${bytes.toString("utf8", cellStart, cellEnd)} is outside the plausible range ${ranges[k]!.min}…${ranges[k]!.max} of its kind (${kindOfColumn(ids![k]!)})`,
        );
        v = NaN;
      }
      cols[k]![r] = v;
      k++;
    }
    if (k !== cols.length || p <= end)
      problems.add(
        `${file}:${line}: expected ${width} fields, got ${bytes.toString("utf8", pos, end).split(",").length}`,
      );
    pos = lineEnd + 1;
  }
  problems.throwIfAny();
  return { month, rows: n, dong, sex, age5, columns };
}

/** district.csv: per month, each column over the 300 cells; a month's rows must cover all 300 once. */
export function parseDistrictCsv(text: string, file: string, months: ReadonlySet<string>): Map<string, DistrictMonth> {
  const problems = new Problems();
  const lines = linesOf(text);
  const header = (lines[0] ?? "").split(",");
  const ids = valueColumns(header, DISTRICT_KEYS, `${file}:1`, problems);
  problems.throwIfAny();
  const byMonth = new Map<string, { m: DistrictMonth; line: Int32Array }>();
  const districtByCode = new Map(DISTRICTS.map((d) => [d.code, d]));
  for (let i = 1; i < lines.length; i++) {
    const at = `${file}:${i + 1}`;
    const cells = lines[i]!.split(",");
    if (cells.length !== header.length) {
      problems.add(`${at}: expected ${header.length} fields, got ${cells.length}`);
      continue;
    }
    const [month, code, name, sex, ageText] = cells as [string, string, string, string, string];
    const district = districtByCode.get(code);
    const age = Number(ageText);
    const before = problems.list.length;
    if (!months.has(month)) problems.add(`${at}: column "month": "${month}" is not one of meta.json's months`);
    if (!district) problems.add(`${at}: column "district_code": unknown district code "${code}"`);
    else if (name !== district.name_ko)
      problems.add(`${at}: column "district": "${name}" does not match code ${code} (${district.name_ko})`);
    if (sex !== "F" && sex !== "M") problems.add(`${at}: column "sex": "${sex}" is not F or M`);
    if (!(AGES as readonly number[]).includes(age) || !/^\d+$/.test(ageText))
      problems.add(`${at}: column "age_band": "${ageText}" is not one of ${AGES.join(", ")}`);
    if (problems.list.length !== before) continue;
    let entry = byMonth.get(month);
    if (!entry) {
      const columns: Partial<Record<ColumnId, Float64Array>> = {};
      for (const id of ids!) columns[id] = new Float64Array(CELLS).fill(NaN);
      entry = { m: { month, columns, rolledUp: [] }, line: new Int32Array(CELLS) };
      byMonth.set(month, entry);
    }
    const c = segmentIndex(code, sex as "F" | "M", age as (typeof AGES)[number]);
    if (entry.line[c]) problems.add(`${at}: duplicate of line ${entry.line[c]} (${month} ${name} ${sex} ${age})`);
    entry.line[c] = i + 1;
    ids!.forEach((id, k) => (entry.m.columns[id]![c] = cellValue(cells[k + 5]!, id, at, problems)));
  }
  const result = new Map<string, DistrictMonth>();
  for (const [month, { m, line }] of byMonth) {
    const missing = line.reduce((n, l) => n + (l ? 0 : 1), 0);
    if (missing)
      problems.add(`${file}: month ${month} has ${CELLS - missing} of the ${CELLS} district × sex × age rows`);
    for (const id of ids!) {
      const col = m.columns[id]!;
      const filled = col.reduce((n, v) => n + (Number.isNaN(v) ? 0 : 1), 0);
      if (filled === 0) delete m.columns[id];
      else if (filled < CELLS && !missing)
        problems.add(`${file}: month ${month}, column "${id}": ${filled} of ${CELLS} cells have a value (all or none)`);
    }
    result.set(month, m);
  }
  problems.throwIfAny();
  return result;
}

/** A dataset read in two steps: what the default window needs now, the 행정동 months on complete(). */
export interface DeferredDataset {
  data: LoadedDataset;
  /** Reads, validates and rolls up the 행정동 months (once); throws DatasetError like the first step. */
  complete: () => void;
  /** One piece of complete() (a month, or the final roll-up and checks): true once all is done. */
  step: () => boolean;
}

/**
 * Reads and validates a v2 dataset folder: meta.json, every file it lists (sha256 checked), dongs.csv,
 * district.csv and the 행정동 months, then rolls district figures up from 행정동 rows where district.csv
 * lacks them, and checks that every measure and group has data in every month meta.json says it has.
 * The first step (every file read and hashed, dongs.csv and district.csv parsed) returns at once; the
 * 행정동 months (0.3–0.6 s of CPU for the bundled 18) are parsed by complete(), which the server runs
 * right after it starts answering and any request that needs them runs first.
 */
export function loadV2(dir: string, metaBytes: Buffer, metaJson: unknown): DeferredDataset {
  const metaFile = path.join(dir, META_FILE);
  const meta = parseMetaV2(metaJson, metaFile);
  const read = (rel: string, limit: number) => {
    const bytes = readBounded(dir, rel, limit);
    const expected = meta.files[rel];
    if (expected === undefined) throw new DatasetError([`${metaFile}: "files" does not list ${rel}`]);
    if (sha256Hex(bytes) !== expected)
      throw new DatasetError([`${path.join(dir, rel)}: sha256 does not match meta.json (edited without rebuilding?)`]);
    return bytes;
  };
  const listed = new Set(Object.keys(meta.files));
  const stray = [...listed].filter(
    (rel) => rel !== DONGS_FILE && rel !== DISTRICT_FILE && !meta.months.some((m) => dongMonthFile(m) === rel),
  );
  if (stray.length)
    throw new DatasetError([
      `${metaFile}: "files" lists ${stray.join(", ")}, which is not a data file of this format or not of a listed month`,
    ]);
  const dongs = listed.has(DONGS_FILE)
    ? parseDongsCsv(read(DONGS_FILE, SIZE_LIMITS.small).toString("utf8"), path.join(dir, DONGS_FILE))
    : [];
  const dongIndex = new Map(dongs.map((d, i) => [d.code, i]));
  const months = new Set(meta.months);
  const fromCsv = listed.has(DISTRICT_FILE)
    ? parseDistrictCsv(read(DISTRICT_FILE, SIZE_LIMITS.table).toString("utf8"), path.join(dir, DISTRICT_FILE), months)
    : new Map<string, DistrictMonth>();
  // Every file is read and checked against meta.json now (a snapshot: later changes on disk are not seen).
  const stored = new Map(
    meta.months
      .filter((m) => listed.has(dongMonthFile(m)))
      .map((m) => [m, read(dongMonthFile(m), SIZE_LIMITS.compressed)]),
  );

  const dongMonths = new Map<string, DongMonth>();
  const districtMonths = new Map<string, DistrictMonth>();
  for (const [month, m] of fromCsv) districtMonths.set(month, m);
  const data: LoadedDataset = { meta, version: sha256Hex(metaBytes), dongs, dongMonths, districtMonths };

  let done = false;
  const step = () => {
    if (done) return true;
    const next = stored.entries().next();
    if (!next.done) {
      const [month, bytes] = next.value;
      const file = path.join(dir, dongMonthFile(month));
      dongMonths.set(month, parseDongMonth(inflateBounded(file, bytes), file, month, dongIndex));
      stored.delete(month);
      return false;
    }
    const problems = new Problems();
    for (const month of meta.months) {
      const csv = fromCsv.get(month);
      const dm = dongMonths.get(month);
      const columns = { ...csv?.columns };
      const rolledUp: ColumnId[] = [];
      if (dm) {
        const rolled = rollUpDistricts(dm, dongs);
        for (const [id, col] of Object.entries(rolled) as [ColumnId, Float64Array][]) {
          if (columns[id]) continue; // district.csv takes precedence (contract: it holds what 행정동 rows lack)
          const empty = col.findIndex((v) => Number.isNaN(v));
          if (empty >= 0 && col.some((v) => !Number.isNaN(v)))
            problems.add(
              `${path.join(dir, dongMonthFile(month))}: column "${id}" has no value for some district × sex × age cell (cell ${empty})`,
            );
          columns[id] = col;
          rolledUp.push(id);
        }
      }
      if (!columns.population)
        problems.add(`${metaFile}: month ${month} has neither ${DISTRICT_FILE} rows nor ${dongMonthFile(month)}`);
      districtMonths.set(month, { month, columns, rolledUp });
    }
    for (const m of [...meta.measures, ...meta.groups]) {
      const id = m.id as ColumnId;
      for (const month of m.months) {
        if (!districtMonths.get(month)!.columns[id])
          problems.add(`${metaFile}: "${id}" lists ${month}, but that month's files have no "${id}" column`);
      }
      if (m.grains.includes("dong") && !m.months.some((month) => dongMonths.get(month)?.columns[id])) {
        problems.add(`${metaFile}: "${id}" lists grain "dong", but none of its months has 행정동 rows with it`);
      }
    }
    problems.throwIfAny();
    done = true;
    return true;
  };
  const complete = () => {
    while (!step());
  };
  return { data, complete, step };
}
