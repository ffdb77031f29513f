import { brotliCompressSync, constants as zlib } from "node:zlib";
import { AGES, SEXES } from "@/lib/domain";
import { DISTRICTS } from "@/lib/districts";
import { GROUPS, type GroupId } from "@/lib/dataset/measures";
import { AGE5_BANDS, type MeasureWeights } from "@/lib/dataset/types";
import { STORED_MEASURES, type StoredMeasure } from "./layout";
import { N_BANDS, POPULATION, ROWS_PER_DONG, SINGLE, weightColumn, type MonthTable, type Store } from "./store";

export type Method = "weighted" | "unweighted";

export interface OutputFile {
  /** Relative path inside the dataset folder (`dong/2023-01.csv.br`). */
  name: string;
  content: Buffer;
}

/** The folder of dongMonthFile (lib/dataset/v2.ts): `dong/YYYY-MM.csv.br`. */
export const DONG_DIR = "dong";

/**
 * Brotli quality for the 행정동 files, measured on the output (CPU ms / bytes): a real 2022 month (3.3 MB
 * of CSV) q4 86 ms → 1.36 MB, q5 168 ms → 1.43 MB; a generated full 29개 month (12 MB) q4 359 ms → 5.3 MB,
 * q5 883 ms → 5.6 MB. q4 is smaller and faster here; 11 (the default) takes tens of seconds.
 */
const BROTLI_QUALITY = 4;

/** A measure as a month has it, with the weights its district figures use. */
export interface MeasureOut {
  measure: StoredMeasure;
  months: string[];
  /** What its district figures are: unweighted means, weighted by 총인구수 − its 미추정 count, or by 총인구수; undefined: people, summed. */
  weights?: MeasureWeights;
}

/**
 * Per measure: the months that have it and, for a weighted import, its weights. A measure is weighted
 * by its 미추정 count only if every month that has it had that column; otherwise by 총인구수 in every
 * month, so that what meta.json claims holds for all of them.
 */
export function measuresOf(store: Store, months: readonly string[], method: Method): MeasureOut[] {
  const out: MeasureOut[] = [];
  for (const measure of STORED_MEASURES) {
    const have = months.filter((m) => store.months.get(m)!.has(measure.id));
    if (!have.length) continue;
    let weights: MeasureWeights | undefined;
    if (measure.base.kind === "people") weights = undefined;
    else if (method === "unweighted") weights = "unweighted";
    else
      weights = have.every((m) => store.months.get(m)!.has(weightColumn(measure.base.id)))
        ? "unestimated"
        : "population";
    out.push({ measure, months: have, weights });
  }
  return out;
}

export function groupsOf(store: Store, months: readonly string[]): { id: GroupId; months: string[] }[] {
  return GROUPS.map((g) => ({ id: g.id, months: months.filter((m) => store.months.get(m)!.has(g.id)) })).filter(
    (g) => g.months.length,
  );
}

/**
 * One month of 행정동 rows as CSV bytes: dong_code, sex, age_band, population, single_households?,
 * measures, groups. Written line by line into one buffer (all ASCII), so a full month (≈9 MB) never
 * exists as a string of 10,000 concatenations.
 */
export function dongCsv(t: MonthTable, measures: readonly MeasureOut[]): Buffer {
  const ids = [
    POPULATION,
    ...(t.has(SINGLE) ? [SINGLE] : []),
    ...measures.filter((m) => t.has(m.measure.id)).map((m) => m.measure.id),
    ...GROUPS.filter((g) => t.has(g.id)).map((g) => g.id),
  ];
  const cols = ids.map((id) => t.column(id));
  // Sized for the month (numbers of up to ~12 characters), so it is rarely copied to grow.
  let buf = Buffer.allocUnsafe(Math.max(1 << 16, t.rowCount * (24 + ids.length * 12)));
  let at = 0;
  const put = (line: string) => {
    if (at + line.length + 1 > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + line.length + 1));
      buf.copy(bigger, 0, 0, at);
      buf = bigger;
    }
    at += buf.write(line, at, "latin1");
    buf[at++] = 10;
  };
  put(["dong_code", "sex", "age_band", ...ids].join(","));
  const order = t.dongs.map((code, i) => ({ code, i })).sort((a, b) => a.code.localeCompare(b.code));
  const perDong = ROWS_PER_DONG;
  const perSex = N_BANDS;
  const sexes = [...SEXES];
  const bands = [...AGE5_BANDS];
  for (const { code, i } of order) {
    for (let s = 0; s < sexes.length; s++) {
      for (let b = 0; b < perSex; b++) {
        const r = i * perDong + s * perSex + b;
        if (!t.filled[r]) continue;
        let line = `${code},${sexes[s]},${bands[b]}`;
        for (let k = 0; k < cols.length; k++) {
          const x = cols[k]![r]!;
          line += x === x ? `,${x}` : ",";
        }
        put(line);
      }
    }
  }
  return buf.subarray(0, at);
}

const DISTRICT_SLOT = new Map(DISTRICTS.map((d, i) => [d.code, i]));
const SEGMENTS = DISTRICTS.length * SEXES.length * AGES.length;
/** district slot × sex × 10-year band; 5-year bands 2k and 2k + 1 (20 and 25, …, 70 and 75) share a 10-year band. */
const segmentOf = (slot: number, sex: number, band: number) =>
  (slot * SEXES.length + sex) * AGES.length + Math.floor(band / 2);

/**
 * district.csv for a weighted import: district × sex × 10-year band per month, population summed,
 * each measure the weighted mean Σ w·v / Σ w of the 행정동 rows that have a value (people counts
 * summed). Written because the loader's own roll-up of 행정동 rows is the unweighted mean; a cell whose
 * weights are all 0 stays empty, and the loader's roll-up (unweighted) fills it.
 */
export function districtHeader(measures: readonly MeasureOut[]): string {
  return [
    "month",
    "district_code",
    "district",
    "sex",
    "age_band",
    POPULATION,
    ...measures.map((m) => m.measure.id),
  ].join(",");
}

/** Each row's district × sex × 10-year segment, −1 for rows no file gave. */
function segmentsOf(store: Store, t: MonthTable): Int32Array {
  const perDong = ROWS_PER_DONG;
  const perSex = N_BANDS;
  const segOf = new Int32Array(t.rowCount).fill(-1);
  t.dongs.forEach((code, i) => {
    const slot = DISTRICT_SLOT.get(store.dongs.get(code)!.districtCode)!;
    for (let k = 0; k < perDong; k++)
      if (t.filled[i * perDong + k]) segOf[i * perDong + k] = segmentOf(slot, Math.floor(k / perSex), k % perSex);
  });
  return segOf;
}

const SEGMENT_NAMES = DISTRICTS.flatMap((d) =>
  SEXES.flatMap((sex) => AGES.map((age) => `${d.name_ko} ${sex === "F" ? "여성" : "남성"} ${age}대`)),
);

/**
 * What a month lacks for its district figures: a district × sex × 10-year segment without rows, or a
 * column (population, a measure, a group) without a value in a segment where other segments have one, or
 * (weighted) only rows whose weight is 0. The dataset keeps a month's column for all 300 segments or none.
 */
export function monthGaps(
  store: Store,
  month: string,
  measures: readonly MeasureOut[],
  groupIds: readonly string[],
): string[] {
  const t = store.months.get(month)!;
  const segOf = segmentsOf(store, t);
  const gaps: string[] = [];
  const rowsIn = new Uint32Array(SEGMENTS);
  for (let r = 0; r < segOf.length; r++) if (segOf[r]! >= 0) rowsIn[segOf[r]!]!++;
  for (let seg = 0; seg < SEGMENTS; seg++) if (!rowsIn[seg]) gaps.push(`segment ${SEGMENT_NAMES[seg]}: no rows`);
  if (gaps.length) return gaps;
  const pop = t.column(POPULATION);
  const check = (id: string, name: string, weight?: Float64Array) => {
    if (!t.has(id)) return;
    const v = t.column(id);
    const n = new Uint32Array(SEGMENTS);
    const sw = new Float64Array(SEGMENTS);
    for (let r = 0; r < segOf.length; r++) {
      const seg = segOf[r]!;
      if (seg < 0 || Number.isNaN(v[r]!)) continue;
      n[seg]!++;
      sw[seg]! += weight ? weight[r]! : 1;
    }
    for (let seg = 0; seg < SEGMENTS; seg++) {
      if (!n[seg]) gaps.push(`segment ${SEGMENT_NAMES[seg]}: no value for ${name}`);
      else if (!(sw[seg]! > 0))
        gaps.push(`segment ${SEGMENT_NAMES[seg]}: ${name} has only rows of weight 0 (미추정 인구수 ≥ 총인구수)`);
    }
  };
  if (t.has(SINGLE)) check(SINGLE, "1인가구수");
  for (const m of measures)
    check(
      m.measure.id,
      m.measure.name_ko,
      m.weights === "unestimated"
        ? t.column(weightColumn(m.measure.base.id))
        : m.weights === "population"
          ? pop
          : undefined,
    );
  for (const id of groupIds) check(id, id);
  return gaps;
}

/** One month's district.csv lines (see districtHeader). */
export function districtLines(store: Store, month: string, measures: readonly MeasureOut[]): string[] {
  const lines: string[] = [];
  const t = store.months.get(month)!;
  const rows = t.rowCount;
  const segOf = segmentsOf(store, t);
  const pop = t.column(POPULATION);
  const popSum = new Float64Array(SEGMENTS);
  for (let r = 0; r < rows; r++) if (segOf[r]! >= 0) popSum[segOf[r]!]! += pop[r]!;
  const swv = new Float64Array(SEGMENTS);
  const sw = new Float64Array(SEGMENTS);
  const n = new Uint32Array(SEGMENTS);
  const cells = measures.map((m) => {
    const out = new Array<string>(SEGMENTS).fill("");
    if (!t.has(m.measure.id)) return out;
    const v = t.column(m.measure.id);
    const w = m.weights === "unestimated" ? t.column(weightColumn(m.measure.base.id)) : pop;
    const sum = m.weights === undefined;
    swv.fill(0);
    sw.fill(0);
    n.fill(0);
    for (let r = 0; r < rows; r++) {
      const seg = segOf[r]!;
      const x = v[r]!;
      if (seg < 0 || x !== x) continue; // no row, or no value (NaN)
      const weight = sum ? 1 : w[r]!;
      swv[seg]! += weight * x;
      sw[seg]! += weight;
      n[seg]!++;
    }
    for (let seg = 0; seg < SEGMENTS; seg++)
      if (n[seg]! > 0 && (sum || sw[seg]! > 0)) out[seg] = String(sum ? swv[seg]! : swv[seg]! / sw[seg]!);
    return out;
  });
  DISTRICTS.forEach((d, slot) =>
    SEXES.forEach((sex, s) =>
      AGES.forEach((age, a) => {
        const seg = (slot * SEXES.length + s) * AGES.length + a;
        if (popSum[seg] === 0) return;
        lines.push(
          [month, d.code, d.name_ko, sex, String(age), String(popSum[seg]), ...cells.map((c) => c[seg]!)].join(","),
        );
      }),
    ),
  );
  return lines;
}

/** dongs.csv: every 행정동 the dataset has rows for, by code. */
export function dongsCsv(store: Store, months: readonly string[]): string {
  const codes = new Set<string>();
  for (const m of months) {
    const t = store.months.get(m)!;
    t.dongs.forEach((code, i) => {
      if (t.filled.subarray(i * ROWS_PER_DONG, (i + 1) * ROWS_PER_DONG).some((f) => f === 1)) codes.add(code);
    });
  }
  const lines = ["dong_code,dong,district_code"];
  for (const code of [...codes].sort()) {
    const d = store.dongs.get(code)!;
    lines.push(`${code},${csvField(d.name)},${d.districtCode}`);
  }
  return lines.join("\n") + "\n";
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function brotli(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
}
