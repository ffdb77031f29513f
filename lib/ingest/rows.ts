import { Aggregator, ageIndex, ambiguousSlot, districtSlot, POP, ROWS, segmentOffset, sexIndex, svc } from "./aggregate";
import { Problems, showValue } from "./errors";
import type { Column, ColumnMap } from "./headers";
import { parseMonthCell, type MonthResult } from "./month";
import type { Row } from "./row";
import { districtByCode, parseAgeBand, parseDistrict, parseDongCode, parseSex, schemeOf, type AgeResult, type Cell, type DistrictResult } from "./values";

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

/**
 * Turns a file's data rows into additions to the aggregator, or into located problems. `fileMonth`
 * is the month from the file name, used when the file has no month column.
 */
export class RowHandler {
  private readonly months: Memo<MonthResult>;
  private readonly districts: Memo<DistrictResult & { slot: number }>;
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
    if (cols.district) {
      this.districtCol = cols.district;
      this.districts = new Memo((c) => withSlot(parseDistrict(c)));
    } else if (cols.districtCode) {
      this.districtCol = cols.districtCode;
      this.districts = new Memo((c) => withSlot(c === null || c === undefined || c instanceof Date ? { kind: "unknown" } : districtByCode(String(c).trim())));
    } else {
      this.districtCol = cols.dongCode!;
      this.districts = new Memo((c) => withSlot(parseDongCode(c)));
    }
    this.nServices = cols.services.length;
    this.values = new Float64Array(this.nServices);
    this.weights = new Float64Array(this.nServices);
    this.present = new Uint8Array(this.nServices);
  }

  private bad(line: number, col: Column, value: Cell, what: string): void {
    this.problems.add({ file: this.file, line, column: col.number }, `${col.header} ${showValue(value instanceof Date ? value.toISOString() : value)} ${what}`);
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
      if ("error" in m) this.bad(line, cols.month, row.cell(cols.month.index), m.error);
      else month = m.month;
    }

    const d = this.districts.get(row, this.districtCol.index);
    const slot = d.slot;
    if (d.kind === "unknown") this.bad(line, this.districtCol, row.cell(this.districtCol.index), "is not one of Seoul's 25 districts");
    else if (d.kind === "district" && d.code) this.noteScheme(d.code);

    const sex = this.sexes.get(row, cols.sex.index);
    if (sex < 0) this.bad(line, cols.sex, row.cell(cols.sex.index), "is not a sex (1 = 남, 2 = 여, 남/여, 남성/여성, M/F)");

    const age = this.ages.get(row, cols.age.index);
    if (age.kind === "invalid") this.bad(line, cols.age, row.cell(cols.age.index), "is not a 5-year age band (20, 25, …, 75)");

    const pop = row.num(cols.population.index);
    if (pop !== null && !(pop >= 0)) this.bad(line, cols.population, row.cell(cols.population.index), Number.isNaN(pop) ? "is not a number" : "is a negative population");

    for (let k = 0; k < this.nServices; k++) {
      const sc = cols.services[k]!;
      const v = row.num(sc.value.index);
      this.present[k] = 0;
      if (v === null) continue;
      if (Number.isNaN(v)) {
        this.bad(line, sc.value, row.cell(sc.value.index), "is not a number");
        continue;
      }
      let w = pop ?? 0;
      if (sc.unestimated) {
        const u = row.num(sc.unestimated.index);
        if (u !== null && !(u >= 0)) {
          this.bad(line, sc.unestimated, row.cell(sc.unestimated.index), Number.isNaN(u) ? "is not a number" : "is a negative population");
          continue;
        }
        if (u !== null) w = w - u > 0 ? w - u : 0;
      }
      this.present[k] = 1;
      this.values[k] = v;
      this.weights[k] = w;
    }

    if (this.problems.count > before) return;
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
    for (let k = 0; k < this.nServices; k++) {
      if (!this.present[k]) continue;
      const b = o + svc(k);
      const v = this.values[k]!;
      const w = this.weights[k]!;
      t[b]! += w * v;
      t[b + 1]! += w;
      t[b + 2]! += v;
      t[b + 3]! += 1;
    }
    this.stats.rowsUsed++;
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
