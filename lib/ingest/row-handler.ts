import { SEXES } from "@/lib/domain";
import { findDistrictByStatCode, statCodeOf, type District } from "@/lib/districts";
import { PLAUSIBLE_RANGES, type MeasureKind } from "@/lib/dataset/measures";
import { Problems, showValue } from "./errors";
import type { Column, Layout } from "./layout";
import { parseMonthCell, type MonthResult } from "./month";
import type { Row } from "./row";
import { N_BANDS, POPULATION, ROWS_PER_DONG, SINGLE, weightColumn, type MonthTable, type Store } from "./store";
import { parseAgeBand, parseSex, type AgeResult, type Cell } from "./values";

export const SKIP_UNDER_20 = "연령대 under 20";
export const SKIP_NO_POPULATION = "총인구수 empty, * or -";

/** What one file contributed, for the summary and the month checks. */
export interface FileStats {
  file: string;
  format: string;
  bytes: number;
  sha256: string;
  rowsRead: number;
  rowsUsed: number;
  skipped: Record<string, number>;
  months: Set<string>;
  /** The columns the file gives (measure and group ids; population and 1인가구수 are shared). */
  gives: string[];
  ignored: Column[];
  /** 행정동 codes the file has that the bundled list does not (a newer vintage): code → its name. */
  unknownDongs: Map<string, string>;
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

type DongResult = { code: string; district: District } | { error: string };

/** 행정동코드: the 7-digit statistics code whose first five digits are a Seoul district's (개포1동 1123068 → 11230 = 강남구). */
export function parseDongCode(cell: Cell): DongResult {
  if (cell === null || cell === undefined || cell instanceof Date) return { error: "is not a 7-digit 행정동코드" };
  const s = String(cell).trim();
  if (!/^\d{7}$/.test(s)) return { error: "is not a 7-digit 행정동코드 (statistics code, e.g. 1101053)" };
  const district = findDistrictByStatCode(s.slice(0, 5));
  return district
    ? { code: s, district }
    : { error: `is not in Seoul: ${s.slice(0, 5)} is not one of the 25 districts' statistics codes` };
}

/** The 행정동 name as the dataset keeps it: without a leading district (`종로구 사직동` → `사직동`). */
export function dongNameOf(cell: Cell, district: District): string {
  const s = cell === null || cell === undefined ? "" : String(cell).normalize("NFC").trim();
  const parts = s.split(/\s+/);
  const rest =
    parts[0] === district.name_ko || parts[0] === `서울특별시`
      ? parts.slice(parts[0] === "서울특별시" && parts[1] === district.name_ko ? 2 : 1)
      : parts;
  return rest.join(" ");
}

/** Whether a 자치구 cell names the district: its name (optionally after 서울특별시) or either of its codes. */
function namesDistrict(cell: Cell, d: District): boolean {
  if (cell === null || cell === undefined || cell instanceof Date) return false;
  const s = String(cell)
    .normalize("NFC")
    .trim()
    .replace(/^(서울특별시|서울시|서울)\s*/, "");
  return s === d.name_ko || s === d.code || s === statCodeOf(d);
}

/** Per month, the line each row key (행정동 row × sex × band) was first seen on in this file, 0 when not yet. */
class SeenRows {
  private readonly months = new Map<string, Int32Array>();
  check(month: string, row: number, line: number): number {
    let t = this.months.get(month);
    if (!t || row >= t.length) {
      const bigger = new Int32Array(Math.max(row + 1, (t?.length ?? 5000) * 2));
      if (t) bigger.set(t);
      t = bigger;
      this.months.set(month, t);
    }
    const first = t[row]!;
    if (first === 0) t[row] = line;
    return first;
  }
}

interface ValueColumn {
  col: Column;
  kind: MeasureKind;
  /** The store column it fills. */
  id: string;
  /** The kind's plausible range (PLAUSIBLE_RANGES), copied: read for every cell. */
  min: number;
  max: number;
  /** Index into `weights` of its block's 미추정 column, −1 when none. */
  weight: number;
}

function valueColumn(col: Column, kind: MeasureKind, id: string, weight: number): ValueColumn {
  const { min, max } = PLAUSIBLE_RANGES[kind];
  return { col, kind, id, weight, min, max };
}

/**
 * Turns a file's data rows into the store's rows, or into located problems. `fileMonth` is the month
 * from the file name, used when the file has no month column.
 */
export class RowHandler {
  private readonly months: Memo<MonthResult>;
  private readonly dongCodes = new Memo<DongResult>(parseDongCode);
  private readonly sexes = new Memo((c) => {
    const sex = parseSex(c);
    return sex ? SEXES.indexOf(sex) : -1;
  });
  private readonly ages = new Memo<AgeResult>((c) => parseAgeBand(c));
  private readonly districtChecks = new Map<unknown, boolean>();
  private readonly seen = new SeenRows();
  /** Rows under 20 are not kept, but a repeated one is still refused: keyed by 행정동 × sex × age as written. */
  private readonly seenYoung = new SeenRows();
  /** The value columns: measures, then groups, then 1인가구수. */
  private readonly values: ValueColumn[] = [];
  /** The 미추정 columns, one per weighted block, and each block's store column. */
  private readonly unestimated: { col: Column; id: string }[] = [];
  private readonly people = PLAUSIBLE_RANGES.people;
  private readonly parsed: Float64Array;
  private readonly weights: Float64Array;
  private table: MonthTable | undefined;
  private tableVersion = -1;
  private targets: Float64Array[] = [];
  private weightTargets: Float64Array[] = [];
  private popTarget: Float64Array = new Float64Array(0);

  constructor(
    private readonly file: string,
    private readonly layout: Layout,
    private readonly fileMonth: string | undefined,
    untyped: boolean,
    private readonly store: Store,
    private readonly knownDongs: ReadonlySet<string> | undefined,
    private readonly problems: Problems,
    private readonly stats: FileStats,
  ) {
    this.months = new Memo((c) => parseMonthCell(c, untyped));
    const blocks = new Map<string, number>();
    for (const m of layout.measures) {
      let weight = -1;
      if (m.unestimated) {
        const base = m.measure.base.id;
        weight = blocks.get(base) ?? -1;
        if (weight < 0) {
          weight = this.unestimated.length;
          blocks.set(base, weight);
          this.unestimated.push({ col: m.unestimated, id: weightColumn(base) });
        }
      }
      this.values.push(valueColumn(m.col, m.measure.base.kind, m.measure.id, weight));
    }
    for (const g of layout.groups) this.values.push(valueColumn(g.col, "people", g.id, -1));
    if (layout.single) this.values.push(valueColumn(layout.single, "people", SINGLE, -1));
    this.parsed = new Float64Array(this.values.length);
    this.weights = new Float64Array(this.unestimated.length);
    stats.gives = [...layout.measures.map((m) => m.measure.id), ...layout.groups.map((g) => g.id)];
    stats.ignored = layout.ignored;
  }

  private bad(row: Row, line: number, col: Column, what: string): void {
    const problem = row.problem?.(col.index);
    if (problem) return this.problems.add({ file: this.file, line, column: col.number }, `${col.header}: ${problem}`);
    const value = row.cell(col.index);
    this.problems.add(
      { file: this.file, line, column: col.number },
      `${col.header} ${showValue(value instanceof Date ? value.toISOString() : value)} ${what}`,
    );
  }

  private skip(reason: string): void {
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
  }

  /** A number cell checked against its kind's plausible range; NaN when missing or refused (refusals are reported). */
  private number(row: Row, line: number, col: Column, kind: MeasureKind, range: { min: number; max: number }): number {
    const v = row.num(col.index);
    if (v === null) return NaN;
    if (Number.isNaN(v)) {
      this.bad(row, line, col, "is not a decimal number");
      return NaN;
    }
    if (!(v >= range.min && v <= range.max)) {
      this.bad(
        row,
        line,
        col,
        `is outside the plausible range of a ${kind} value (${range.min.toLocaleString("en-US")} … ${range.max.toLocaleString("en-US")})`,
      );
      return NaN;
    }
    return v;
  }

  handle(row: Row, line: number): void {
    const { layout } = this;
    this.stats.rowsRead++;
    const before = this.problems.count;

    let month = this.fileMonth;
    if (layout.month) {
      const m = this.months.get(row, layout.month.index);
      if ("error" in m) this.bad(row, line, layout.month, m.error);
      else month = m.month;
    }

    const dong = this.dongCodes.get(row, layout.dongCode.index);
    if ("error" in dong) this.bad(row, line, layout.dongCode, dong.error);
    else if (layout.district) this.checkDistrict(row, line, layout.district, dong.district);

    const sex = this.sexes.get(row, layout.sex.index);
    if (sex < 0) this.bad(row, line, layout.sex, "is not a sex (1 = 남, 2 = 여, 01/02, 남/여, 남성/여성, M/F)");

    const age = this.ages.get(row, layout.age.index);
    if (age.kind === "invalid") this.bad(row, line, layout.age, "is not a 5-year age band (20, 25, …, 75)");

    const pop = this.number(row, line, layout.population, "people", this.people);
    for (let k = 0; k < this.values.length; k++) {
      const v = this.values[k]!;
      this.parsed[k] = this.number(row, line, v.col, v.kind, v);
    }
    for (let k = 0; k < this.unestimated.length; k++) {
      const u = this.number(row, line, this.unestimated[k]!.col, "people", this.people);
      // No 미추정 count in the cell: the weight is the whole population, as for a block without the column.
      this.weights[k] = Number.isNaN(u) ? pop : pop - u > 0 ? pop - u : 0;
    }
    if (this.problems.count > before || "error" in dong) return;
    if (age.kind === "invalid") return;

    const t = this.store.month(month!);
    const base = t.dongBase(dong.code);
    this.noteDong(row, dong.code, dong.district);
    if (age.kind === "under20") {
      const first = this.seenYoung.check(month!, ((base / ROWS_PER_DONG) * 2 + sex) * 20 + age.age5, line);
      if (first) return this.duplicate(line, first, month!, dong.code, sex, age.age5);
      return this.skip(SKIP_UNDER_20);
    }
    const r = base + sex * N_BANDS + (age.age5 - 20) / 5;
    const first = this.seen.check(month!, r, line);
    if (first) return this.duplicate(line, first, month!, dong.code, sex, age.age5);
    if (Number.isNaN(pop)) return this.skip(SKIP_NO_POPULATION);

    if (t !== this.table || t.version !== this.tableVersion) this.target(t);
    if (t.filled[r]) {
      this.compare(t, r, POPULATION, pop, line);
    } else {
      t.filled[r] = 1;
      this.popTarget[r] = pop;
    }
    for (let k = 0; k < this.values.length; k++) {
      const v = this.parsed[k]!;
      const target = this.targets[k]!;
      if (this.values[k]!.id === SINGLE && !Number.isNaN(target[r]!)) this.compare(t, r, SINGLE, v, line);
      else target[r] = v;
    }
    for (let k = 0; k < this.weights.length; k++) this.weightTargets[k]![r] = this.weights[k]!;
    this.stats.rowsUsed++;
  }

  /** Caches the month's column arrays for this file's columns (refreshed when the table grows). */
  private target(t: MonthTable): void {
    this.table = t;
    this.stats.months.add(t.month);
    this.targets = this.values.map((v) => t.column(v.id));
    this.weightTargets = this.unestimated.map((u) => t.column(u.id));
    this.popTarget = t.column(POPULATION);
    this.tableVersion = t.version;
  }

  /** A row another file of the month also gave: population and 1인가구수 should agree; a difference is noted. */
  private compare(t: MonthTable, r: number, id: string, v: number, line: number): void {
    const kept = t.column(id)[r]!;
    if (Number.isNaN(v) || Number.isNaN(kept) || Math.abs(kept - v) <= 1e-9 * Math.max(1, Math.abs(kept))) return;
    const key = `${t.month} ${id}`;
    const m = this.store.mismatches.get(key) ?? { count: 0, example: `${this.file}:${line}: ${v} (kept ${kept})` };
    m.count++;
    this.store.mismatches.set(key, m);
  }

  private checkDistrict(row: Row, line: number, col: Column, d: District): void {
    const k = `${String(row.key(col.index))}|${d.code}`;
    let ok = this.districtChecks.get(k);
    if (ok === undefined) {
      ok = namesDistrict(row.cell(col.index), d);
      this.districtChecks.set(k, ok);
    }
    if (!ok)
      this.bad(
        row,
        line,
        col,
        `disagrees with 행정동코드 ${String(row.cell(this.layout.dongCode.index)).trim()}, which is in ${d.name_ko} (${statCodeOf(d)})`,
      );
  }

  private noteDong(row: Row, code: string, district: District): void {
    if (this.store.dongs.has(code)) return;
    const nameCol = this.layout.dongName;
    const name = (nameCol && dongNameOf(row.cell(nameCol.index), district)) || code;
    this.store.dongs.set(code, { code, name, districtCode: district.code });
    if (this.knownDongs && !this.knownDongs.has(code)) this.stats.unknownDongs.set(code, `${district.name_ko} ${name}`);
  }

  private duplicate(line: number, first: number, month: string, code: string, sex: number, age5: number): void {
    const { layout } = this;
    const monthPart = layout.month ? `${layout.month.header} ${month}, ` : "";
    const sexCode = SEXES[sex] === "M" ? 1 : 2;
    this.problems.add(
      { file: this.file, line },
      `duplicate row for ${monthPart}${layout.dongCode.header} ${code}, ${layout.sex.header} ${sexCode}, ${layout.age.header} ${age5} (first at line ${first})`,
    );
  }
}
