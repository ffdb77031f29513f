import type { District } from "@/lib/districts";
import type { AnalysisWindow, LoadedDataset } from "@/lib/dataset/types";
import type { Age, ServiceId, Sex, SexFilter } from "@/lib/domain";
import { DongIndex, type Dong } from "@/lib/dongs";
import type { DongSegment } from "@/lib/dong-segments";
import { dongAudienceRows, type DongAudienceRow } from "./dong-audience";
import { dongPlanInputs, type DongPlanInputs } from "./dong-plan";
import type { PlanRequest } from "./engine";
import { planCurve, planOf, type CurveOutcome, type PlanCells, type PlanOutcome } from "./plan";
import { dongEffect, segmentLookup, type DongEffect } from "./dong-effect";
import { dongPanelOf, finiteMean, finiteZ, monthsWith, windowMeans, windowPanel, type DongPanel } from "./dong-panel";
import type { ProfileGroup } from "./profile";
import { DongPriorities, type DongPriority } from "./dong-priority";
import { dongProfiles, lookAlikes, type DongProfiles, type LookAlike } from "./dong-similar";

/** A plan over 행정동 segments: always named (the default top targets are district segments). */
export interface DongPlanRequest extends Omit<PlanRequest, "segments"> {
  segments: readonly DongSegment[];
}

/** What the 행정동 answers state about their window: the months asked for and those with figures. */
export interface WindowInfo extends AnalysisWindow {
  /** The window's months that have 행정동 figures for what was asked. */
  months: string[];
}

/**
 * The 행정동 analysis of one window over the dataset's 행정동 panel: priorities and profiles computed
 * when the window is first asked for; an effect per (measure, sex, age, scope) on demand, kept.
 */
export class DongWindow {
  readonly panel: DongPanel;
  private readonly find: ReturnType<typeof segmentLookup>;
  private readonly position: ReadonlyMap<string, number>;
  private priorities?: DongPriorities;
  private profiles?: DongProfiles;
  private readonly means = new Map<string, Float64Array>();
  private readonly effects = new Map<string, DongEffect[]>();
  private readonly zs = new Map<string, (number | null)[]>();
  private readonly audiences = new Map<ServiceId, DongAudienceRow[]>();

  constructor(
    all: DongPanel,
    readonly window: AnalysisWindow,
  ) {
    this.panel = windowPanel(all, window);
    this.find = segmentLookup(this.panel);
    this.position = new Map(this.panel.dongs.map((d, i) => [d.code, i]));
  }

  /** The window's months that have the measure (all months with any measure when none is named). */
  info(measure?: string): WindowInfo {
    return { ...this.window, months: monthsWith(this.panel, measure) };
  }

  /** The segment's index in the panel (its position in `audience` rows), or a RangeError for one the panel lacks. */
  segment(dong: Dong, sex: Sex, age: Age): number {
    const s = this.find(this.position.get(dong.code) ?? -1, sex, age);
    if (s === undefined) throw new RangeError(`no 행정동 segment ${dong.code} ${sex} ${age}`);
    return s;
  }

  private prioritiesOf(): DongPriorities {
    this.priorities ??= new DongPriorities(this.panel);
    return this.priorities;
  }

  priority(dong: Dong, sex: Sex, age: Age): DongPriority {
    return this.prioritiesOf().of(this.segment(dong, sex, age));
  }

  /** The segment's window-mean population (the sum of its provider rows), rounded. */
  population(dong: Dong, sex: Sex, age: Age): number {
    return Math.round(this.meanOf("population")[this.segment(dong, sex, age)]!);
  }

  /** Every 행정동 segment's /audience row for the service, in panel order (computed once per service). */
  audience(service: ServiceId): readonly DongAudienceRow[] {
    let rows = this.audiences.get(service);
    if (!rows) {
      const kind = this.panel.measures.get(service)?.kind ?? "count";
      const figures = { kind, value: this.meanOf(service), population: this.meanOf("population") };
      this.audiences.set(
        service,
        (rows = dongAudienceRows(this.panel, this.prioritiesOf().overallZ(service), figures)),
      );
    }
    return rows;
  }

  trend(dong: Dong, sex: Sex, age: Age) {
    return this.prioritiesOf().trend(this.segment(dong, sex, age));
  }

  /** A budget spread over 행정동 segment × month cells: the district plan model (plan.ts) on this grain's cells. */
  plan(req: DongPlanRequest): PlanOutcome {
    const { inputs, cells } = this.planCells(req);
    return planOf(inputs.segments, inputs.months, inputs.zOverall, inputs.zMonthly, cells);
  }

  /** The same plan at several multiples of the budget. */
  planCurve(req: DongPlanRequest): CurveOutcome {
    const { inputs, cells } = this.planCells(req);
    return planCurve(inputs.segments, inputs.months, inputs.zOverall, inputs.zMonthly, cells);
  }

  private planCells(req: DongPlanRequest): { inputs: DongPlanInputs; cells: PlanCells } {
    const chosen = req.segments.map((s) => this.segment(s.dong, s.sex, s.age));
    const p = this.prioritiesOf();
    const inputs = dongPlanInputs(
      this.panel,
      chosen,
      req.service,
      (s) => p.overallZ(s),
      (s) => p.monthlyZ(s),
      this.meanOf("population"),
    );
    const monthIndices = (req.months ?? inputs.months).map((m) => {
      const i = inputs.months.indexOf(m);
      if (i < 0) throw new RangeError(`month ${m} has no 행정동 figures of ${req.service}`);
      return i;
    });
    // Parameters arrive distinct (the codecs refuse repeats); a repeat here would count a cell twice.
    if (new Set(chosen).size !== chosen.length || new Set(monthIndices).size !== monthIndices.length)
      throw new RangeError("plan segments and months must be distinct");
    const { service, budget, cpm, cap, reachable, shape } = req;
    return {
      inputs,
      cells: {
        service,
        budget,
        cpm,
        cap,
        reachable,
        shape,
        segmentIndices: chosen.map((_, i) => i),
        monthIndices: [...monthIndices].sort((a, b) => a - b),
      },
    };
  }

  private meanOf(id: string): Float64Array {
    let m = this.means.get(id);
    if (!m) {
      const months = id === "population" ? this.panel.population : (this.panel.measures.get(id)?.months ?? []);
      this.means.set(id, (m = windowMeans(months, this.panel.segments.length)));
    }
    return m;
  }

  /** The 행정동 effect of a measure; empty when the window has no figure for it. */
  effect(measure: string, sex: SexFilter, age: Age, scope: District | null): DongEffect[] {
    const key = [measure, sex, age, scope?.code ?? "all"].join(":");
    let rows = this.effects.get(key);
    if (!rows) {
      const kind = this.panel.measures.get(measure)?.kind;
      rows = kind
        ? dongEffect(
            this.panel,
            { kind, value: this.meanOf(measure), population: this.meanOf("population") },
            sex,
            age,
            scope,
          )
        : [];
      this.effects.set(key, rows);
    }
    return rows;
  }

  /**
   * The segment's "생활 지표": each measure of the window, its window-mean value and that value
   * standardized across all the window's 행정동 segments (population SD), in the panel's order.
   */
  profile(
    dong: Dong,
    sex: Sex,
    age: Age,
  ): { measure: string; value: number | null; z: number | null; months: string[] }[] {
    const seg = this.segment(dong, sex, age);
    return [...this.panel.measures.keys()].map((id) => {
      let z = this.zs.get(id);
      if (!z) this.zs.set(id, (z = finiteZ(this.meanOf(id))));
      const v = this.meanOf(id)[seg]!;
      return {
        measure: id,
        value: Number.isFinite(v) ? v : null,
        z: z[seg] ?? null,
        months: monthsWith(this.panel, id),
      };
    });
  }

  /**
   * The segment's 관심집단 over the window: each group's mean monthly count over the months that have it,
   * and its share of the segment's mean population over the same months (as lib/engine/profile.ts does
   * for district segments).
   */
  groups(dong: Dong, sex: Sex, age: Age): ProfileGroup[] {
    const seg = this.segment(dong, sex, age);
    return [...this.panel.groups].flatMap(([group, months]) => {
      const have = months.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
      if (have.length === 0) return [];
      const count = finiteMean(have.map((i) => months[i]![seg]!));
      const population = finiteMean(have.map((i) => this.panel.population[i]![seg]!));
      return [{ group, count, share: count / population, months: have.map((i) => this.panel.months[i]!) }];
    });
  }

  similar(dong: Dong, limit: number): { measures: string[]; similar: LookAlike[] } {
    this.profiles ??= dongProfiles(this.panel);
    const i = this.position.get(dong.code);
    if (i === undefined) throw new RangeError(`no 행정동 ${dong.code}`);
    return { measures: this.profiles.measures, similar: lookAlikes(this.panel, this.profiles, i, limit) };
  }
}

/** How many windows' analyses are kept (each about 6 MB, and 5 MB more with the 행정동 audience): one, for the 400 MB budget (lib/server/memory-budget.ts); pages use only the default one. */
const WINDOWS_KEPT = 1;

/**
 * The dataset's 행정동 side: the 행정동 (for the codec), the panel of every month with 행정동 rows (built
 * once, ~12 MB for 25 measures × 12 months × 5,088 segments), and the analyses of the last two windows.
 */
export class DongData {
  readonly index: DongIndex;
  readonly panel: DongPanel;
  private readonly windows = new Map<string, DongWindow>();

  constructor(data: LoadedDataset) {
    this.index = new DongIndex(data.dongs);
    this.panel = dongPanelOf(data);
  }

  /** Months that have 행정동 figures of the measure (of any measure when none is named). */
  monthsWith(measure?: string): string[] {
    return monthsWith(this.panel, measure);
  }

  window(w: AnalysisWindow): DongWindow {
    const key = `${w.from}:${w.to}`;
    let found = this.windows.get(key);
    if (found) this.windows.delete(key);
    else found = new DongWindow(this.panel, w);
    this.windows.set(key, found); // most recently used last
    if (this.windows.size > WINDOWS_KEPT) this.windows.delete(this.windows.keys().next().value!);
    return found;
  }
}
