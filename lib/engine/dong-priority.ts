import { SERVICE_IDS, type ServiceId } from "@/lib/domain";
import { rankDesc } from "@/lib/stats";
import { finiteZ, windowMeans, type DongPanel } from "./dong-panel";
import { standoutMonths, type ServiceScore, type StandoutMonth } from "./priority";

/** A 행정동 segment's services in priority order, as for a district segment (lib/engine/priority.ts). */
export interface DongPriority {
  overall: ServiceScore[];
  /** Each window month that has any service: the services ranked by that month's z. */
  monthly: { month: string; ranking: ServiceScore[] }[];
  /** All seven services in overall rank order: the (up to 3) months of highest within-month z. */
  standoutMonths: { service: ServiceId; months: StandoutMonth[] }[];
}

/** z[service][segment]; null where the service has no figure or no spread. */
type ZBySegment = Record<ServiceId, readonly (number | null)[]>;

/**
 * The 행정동 priority over a window: each segment's window-mean value of each service standardized across
 * all the panel's segments (population SD), and within each month the same across that month's values.
 * Computed once per window (7 × 5,088 overall, 7 × 5,088 per month).
 */
export class DongPriorities {
  private readonly overall: ZBySegment;
  private readonly monthly: { month: string; z: ZBySegment }[];

  constructor(private readonly panel: DongPanel) {
    const n = panel.segments.length;
    const none = Array.from({ length: n }, () => null);
    const zOf = (f: (s: ServiceId) => ArrayLike<number> | undefined) =>
      Object.fromEntries(
        SERVICE_IDS.map((s) => {
          const v = f(s);
          return [s, v ? finiteZ(v) : none];
        }),
      ) as unknown as ZBySegment;
    this.overall = zOf((s) => {
      const m = panel.measures.get(s);
      return m && windowMeans(m.months, n);
    });
    this.monthly = panel.months
      .map((month, i) => ({ month, z: zOf((s) => panel.measures.get(s)?.months[i]) }))
      .filter((m) => SERVICE_IDS.some((s) => panel.measures.get(s)?.months[panel.months.indexOf(m.month)]));
  }

  /** The service's overall z of every segment (the /audience 행정동 table's z). */
  overallZ(service: ServiceId): readonly (number | null)[] {
    return this.overall[service];
  }

  /** The service's within-month z of every segment, per window month that has any service (the plan's weights). */
  monthlyZ(service: ServiceId): { month: string; z: readonly (number | null)[] }[] {
    return this.monthly.map((m) => ({ month: m.month, z: m.z[service] }));
  }

  of(segment: number): DongPriority {
    const ranking = (z: ZBySegment) =>
      rankDesc(SERVICE_IDS, (s) => z[s][segment] ?? null).map(({ item, rank }) => ({
        service: item,
        z: z[item][segment] ?? null,
        rank,
      }));
    const overall = ranking(this.overall);
    const months = this.monthly.map((m) => m.month);
    return {
      overall,
      monthly: this.monthly.map((m) => ({ month: m.month, ranking: ranking(m.z) })),
      standoutMonths: overall.map(({ service }) => ({
        service,
        months: standoutMonths(
          months,
          this.monthly.map((m) => m.z[service][segment] ?? null),
        ),
      })),
    };
  }

  /** The segment's value of each service per window month (NaN where missing → null), for the trend chart. */
  trend(segment: number): { months: string[]; series: { service: ServiceId; values: (number | null)[] }[] } {
    const { panel } = this;
    return {
      months: [...panel.months],
      series: SERVICE_IDS.filter((s) => panel.measures.has(s)).map((s) => ({
        service: s,
        values: panel.measures.get(s)!.months.map((m) => (m && Number.isFinite(m[segment]!) ? m[segment]! : null)),
      })),
    };
  }
}
