import { SEXES } from "@/lib/domain";
import { DISTRICTS } from "@/lib/districts";
import { Aggregator, ageIndex, ambiguousSlot, districtSlot, POP, ROWS, segmentOffset, sexIndex, svc } from "./aggregate";
import { Problems, showValue } from "./errors";
import type { Column, ColumnMap } from "./headers";
import { parseMonthCell, type MonthResult } from "./month";
import type { Row } from "./row";
import { AMBIGUOUS_CODES, districtByCode, parseAgeBand, parseDistrict, parseDongCode, parseSex, schemeOf, type AgeResult, type Cell, type DistrictResult } from "./values";

export const SKIP_UNDER_20 = "연령대 under 20";
export const SKIP_NO_POPULATION = "총인구수 empty, * or -";

/** What one file contributed, for the summary and the duplicate-month check. */
export interface FileStats {
  file: string;
  format: string;
  bytes: number;
  sha256: string;
  rowsRead: number;
  rowsUsed: number;
  skipped: Record<string, number>;
  months: Set<string>;
}

/** Per-column memo of parsed key cells: a file repeats the same few hundred values a million times. */
class Memo<T> {
  private readonly map = new Map<unknown, T>();
  constructor(private readonly parse: (c: Cell) => T) {}
  get(row: Row, i: number): T {
    const k = row.key(i);
    let v = this.map.get(k);
    if (v === undefined) {
      v = this.parse(row.cell(i));
      if (this.map.size < 50_000 && !(k instanceof Date)) this.map.set(k, v);
    }
    return v;
  }
}

/** Key slots per place and sex: 32 age bands (0–19 as written, then 20, 25, …, 75). */
const BAND_SLOTS = 32;
function bandIndex(age5: number): number {
  return age5 < 20 ? age5 : 20 + (age5 - 20) / 5;
}

/**
 * Per month, the line each key (place × sex × 5-year band) was first seen on, 0 when not yet seen:
 * one Int32Array indexed by a packed number, so checking a row costs no allocation.
 */
class SeenKeys {
  private readonly months = new Map<string, Int32Array>();
  private lastMonth = "";
  private last: Int32Array = new Int32Array(0);

  /** Records `line` for the key; returns the line it was first seen on, or 0 when it is new. */
  check(month: string, key: number, line: number): number {
    let t = this.last;
    if (month !== this.lastMonth) {
      t = this.months.get(month) ?? new Int32Array(2 * BAND_SLOTS * 64);
      this.lastMonth = month;
    }
    if (key >= t.length) {
      let n = t.length;
      while (key >= n) n *= 2;
      const bigger = new Int32Array(n);
      bigger.set(t);
      t = bigger;
    }
    if (t !== this.last) {
      this.months.set(month, t);
      this.last = t;
    }
    const first = t[key]!;
    if (first === 0) t[key] = line;
    return first;
  }
}

/**
 * Turns a file's data rows into additions to the aggregator, or into located problems. `fileMonth`
 * is the month from the file name, used when the file has no month column.
 */
export class RowHandler {
  private readonly months: Memo<MonthResult>;
  private readonly districts: Memo<DistrictResult & { slot: number; place: number }>;
  /** When the file has 행정동코드 but reads the district from another column: the dong's place number. */
  private readonly dongPlaces: Memo<number> | undefined;
  /** The column naming a row's place (행정동코드, else the district column) and each place number's label. */
  private readonly placeCol: Column;
  private readonly placeLabels: string[] = [];
  private readonly placeByCode = new Map<string, number>();
  private readonly seen = new SeenKeys();
  private readonly sexes = new Memo((c) => {
    const sex = parseSex(c);
    return sex ? sexIndex(sex) : -1;
  });
  private readonly ages = new Memo<AgeResult>((c) => parseAgeBand(c));
  private readonly districtCol: Column;
  private readonly nServices: number;
  private readonly values: Float64Array;
  private readonly weights: Float64Array;
  private readonly present: Uint8Array;
  private schemes = new Map<"admin" | "stat", number>();
  private schemeNoted = "";
  private lastMonth = "";
  private lastTable: Float64Array | undefined;

  constructor(
    private readonly file: string,
    private readonly cols: ColumnMap,
    private readonly fileMonth: string | undefined,
    untyped: boolean,
    private readonly agg: Aggregator,
    private readonly problems: Problems,
    private readonly stats: FileStats,
  ) {
    this.months = new Memo((c) => parseMonthCell(c, untyped));
    // A row's place: the 행정동코드 when the file has one (as written, so 7- and 10-digit codes never
    // meet), else its district slot. Place numbers are dense, so keys stay small integers.
    const byDistrict = (d: DistrictResult) => {
      const slot = withSlot(d);
      return { ...slot, place: slot.slot };
    };
    if (cols.district) {
      this.districtCol = cols.district;
      this.districts = new Memo((c) => byDistrict(parseDistrict(c)));
    } else if (cols.districtCode) {
      this.districtCol = cols.districtCode;
      this.districts = new Memo((c) => byDistrict(c === null || c === undefined || c instanceof Date ? { kind: "unknown" } : districtByCode(String(c).trim())));
    } else {
      this.districtCol = cols.dongCode!;
      this.districts = new Memo((c) => {
        const d = withSlot(parseDongCode(c));
        return { ...d, place: d.kind === "unknown" ? -1 : this.placeOf(c) };
      });
    }
    this.placeCol = cols.dongCode ?? this.districtCol;
    if (cols.dongCode && this.districtCol !== cols.dongCode) this.dongPlaces = new Memo((c) => this.placeOf(c));
    else if (!cols.dongCode) for (let i = 0; i < DISTRICTS.length + AMBIGUOUS_CODES.length; i++) this.placeLabels.push(i < DISTRICTS.length ? DISTRICTS[i]!.name_ko : AMBIGUOUS_CODES[i - DISTRICTS.length]!);
    this.nServices = cols.services.length;
    this.values = new Float64Array(this.nServices);
    this.weights = new Float64Array(this.nServices);
    this.present = new Uint8Array(this.nServices);
  }

  private bad(row: Row, line: number, col: Column, what: string): void {
    const problem = row.problem?.(col.index);
    if (problem) return this.problems.add({ file: this.file, line, column: col.number }, `${col.header}: ${problem}`);
    const value = row.cell(col.index);
    this.problems.add({ file: this.file, line, column: col.number }, `${col.header} ${showValue(value instanceof Date ? value.toISOString() : value)} ${what}`);
  }

  /** The place number of a 행정동코드 cell (-1 when empty: such rows are not checked for repeats). */
  private placeOf(c: Cell): number {
    const code = c === null || c === undefined ? "" : c instanceof Date ? c.toISOString() : String(c).trim();
    if (!code) return -1;
    let p = this.placeByCode.get(code);
    if (p === undefined) {
      p = this.placeLabels.length;
      this.placeLabels.push(code);
      this.placeByCode.set(code, p);
    }
    return p;
  }

  private skip(reason: string): void {
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
  }

  handle(row: Row, line: number): void {
    const { cols } = this;
    this.stats.rowsRead++;
    const before = this.problems.count;

    let month = this.fileMonth;
    if (cols.month) {
      const m = this.months.get(row, cols.month.index);
      if ("error" in m) this.bad(row, line, cols.month, m.error);
      else month = m.month;
    }

    const d = this.districts.get(row, this.districtCol.index);
    const slot = d.slot;
    if (d.kind === "unknown") this.bad(row, line, this.districtCol, "is not one of Seoul's 25 districts");
    else if (d.kind === "district" && d.code) this.noteScheme(d.code);

    const sex = this.sexes.get(row, cols.sex.index);
    if (sex < 0) this.bad(row, line, cols.sex, "is not a sex (1 = 남, 2 = 여, 남/여, 남성/여성, M/F)");

    const age = this.ages.get(row, cols.age.index);
    if (age.kind === "invalid") this.bad(row, line, cols.age, "is not a 5-year age band (20, 25, …, 75)");

    const pop = row.num(cols.population.index);
    if (pop !== null && !(pop >= 0)) this.bad(row, line, cols.population, Number.isNaN(pop) ? "is not a number" : "is a negative population");

    for (let k = 0; k < this.nServices; k++) {
      const sc = cols.services[k]!;
      const v = row.num(sc.value.index);
      this.present[k] = 0;
      if (v === null) continue;
      if (Number.isNaN(v)) {
        this.bad(row, line, sc.value, "is not a number");
        continue;
      }
      let w = pop ?? 0;
      if (sc.unestimated) {
        const u = row.num(sc.unestimated.index);
        if (u !== null && !(u >= 0)) {
          this.bad(row, line, sc.unestimated, Number.isNaN(u) ? "is not a number" : "is a negative population");
          continue;
        }
        if (u !== null) w = w - u > 0 ? w - u : 0;
      }
      this.present[k] = 1;
      this.values[k] = v;
      this.weights[k] = w;
    }

    if (this.problems.count > before) return;
    // age.kind is "band" or "under20" here: "invalid" was reported above.
    const place = this.dongPlaces ? this.dongPlaces.get(row, this.placeCol.index) : d.place;
    if (place >= 0 && age.kind !== "invalid") {
      const first = this.seen.check(month!, (place * 2 + sex) * BAND_SLOTS + bandIndex(age.age5), line);
      if (first) return this.duplicate(line, first, month!, place, sex, age.age5);
    }
    if (age.kind === "under20") return this.skip(SKIP_UNDER_20);
    if (pop === null) return this.skip(SKIP_NO_POPULATION);
    if (age.kind !== "band") return;

    if (month !== this.lastMonth || !this.lastTable) {
      this.lastTable = this.agg.table(month!);
      this.lastMonth = month!;
      this.stats.months.add(month!);
    }
    const t = this.lastTable;
    const o = segmentOffset(slot, sex, ageIndex(age.age10));
    t[o + POP]! += pop;
    t[o + ROWS]! += 1;
    let check = t[o + POP]!;
    for (let k = 0; k < this.nServices; k++) {
      if (!this.present[k]) continue;
      const b = o + svc(k);
      const v = this.values[k]!;
      const w = this.weights[k]!;
      t[b]! += w * v;
      t[b + 1]! += w;
      t[b + 2]! += v;
      t[b + 3]! += 1;
      check += t[b]! + t[b + 1]! + t[b + 2]!;
    }
    // Finite values can still overflow (1e308 × a weight): name the row instead of a missing segment later.
    if (!Number.isFinite(check)) this.overflow(row, line, t, o);
    this.stats.rowsUsed++;
  }

  /** Reports the first sum that stopped being a finite number at this row (none when only `check` overflowed). */
  private overflow(row: Row, line: number, t: Float64Array, o: number): void {
    const too = "is too large: the segment's sum is no longer a finite number";
    if (!Number.isFinite(t[o + POP]!)) return this.bad(row, line, this.cols.population, too);
    for (let k = 0; k < this.nServices; k++) {
      const b = o + svc(k);
      if (this.present[k] && ![t[b]!, t[b + 1]!, t[b + 2]!].every(Number.isFinite)) {
        const sc = this.cols.services[k]!;
        return this.bad(row, line, sc.value, `${too} (× weight ${this.weights[k]})`);
      }
    }
  }

  private duplicate(line: number, first: number, month: string, place: number, sex: number, age5: number): void {
    const { cols } = this;
    const monthPart = cols.month ? `${cols.month.header} ${month}, ` : "";
    const sexCode = SEXES[sex] === "M" ? 1 : 2;
    this.problems.add(
      { file: this.file, line },
      `duplicate row for ${monthPart}${this.placeCol.header} ${this.placeLabels[place]}, ${cols.sex.header} ${sexCode}, ${cols.age.header} ${age5} (first at line ${first})`,
    );
  }

  private noteScheme(code: string): void {
    if (this.schemeNoted === code) return;
    this.schemeNoted = code;
    if (code.length !== 5) return;
    const s = schemeOf(code);
    if (s) this.schemes.set(s, (this.schemes.get(s) ?? 0) + 1);
  }

  /** Settles rows held under codes valid in both numbering schemes (11110 is 종로구's and 노원구's). */
  finish(): void {
    if (!this.agg.hasPending()) return;
    const schemes = [...this.schemes.keys()];
    if (schemes.length === 1) return this.agg.resolvePending(schemes[0]!);
    this.agg.clearPending();
    this.problems.add(
      { file: this.file },
      schemes.length === 0
        ? `column ${this.districtCol.header}: cannot tell whether the codes are administrative (11680 = 강남구) or statistics codes (11230 = 강남구); add a 자치구 name column`
        : `column ${this.districtCol.header} mixes administrative and statistics district codes`,
    );
  }
}

function withSlot(d: DistrictResult): DistrictResult & { slot: number } {
  return { ...d, slot: d.kind === "district" ? districtSlot(d.district.code) : d.kind === "ambiguous" ? ambiguousSlot(d.code) : -1 };
}
