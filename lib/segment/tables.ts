import type { BestMonth, ServiceScore } from "@/lib/engine";
import { describeZ, monthLabel, serviceName } from "@/lib/format";
import type { TableData } from "@/lib/table";
import type { ServiceId } from "@/lib/domain";
import { trendIndex, type TrendSeriesInput } from "@/lib/views/trend";

/**
 * The /segment page's tables, built from the API's responses. Each is both the table view and the CSV
 * of what the page shows, so the two cannot disagree.
 */

/** How many of the top services get a "best months" card. */
export const BEST_MONTH_SERVICES = 3;

export function priorityTable(overall: readonly ServiceScore[]): TableData {
  return {
    columns: [
      { label: "순위", kind: "int" },
      { label: "서비스", kind: "text" },
      { label: "z (서울 300개 세그먼트 대비)", kind: "signed" },
      { label: "해석", kind: "text" },
    ],
    rows: overall.map((s) => [s.rank, serviceName(s.service), s.z, describeZ(s.z)]),
  };
}

/** One row per month; the columns are the ranks, each cell the service at that rank that month. */
export function monthlyRankTable(monthly: readonly { month: string; ranking: readonly ServiceScore[] }[]): TableData {
  const ranks = monthly[0]?.ranking.length ?? 0;
  return {
    columns: [{ label: "월", kind: "text" }, ...Array.from({ length: ranks }, (_, i) => ({ label: `${i + 1}위`, kind: "text" as const }))],
    rows: monthly.map((m) => [monthLabel(m.month), ...m.ranking.map((s) => serviceName(s.service))]),
  };
}

/** Long format: one row per month and service, the raw value in its own unit beside the chart's index. */
export function trendTable(trend: TrendSeriesInput): TableData {
  const indices = trend.series.map((s) => trendIndex(s.values));
  return {
    columns: [
      { label: "월", kind: "text" },
      { label: "서비스", kind: "text" },
      { label: "사용량 (서비스 고유 단위)", kind: "usage" },
      { label: "추세 지수 (기간 평균=0)", kind: "signed" },
    ],
    rows: trend.months.flatMap((month, i) =>
      trend.series.map((s, j) => [monthLabel(month), serviceName(s.service), s.values[i]!, indices[j]![i] ?? null]),
    ),
  };
}

export interface BestMonthCard {
  rank: number;
  service: ServiceId;
  months: BestMonth[];
}

/** The best months of the top services, in priority order. */
export function bestMonthCards(
  overall: readonly ServiceScore[],
  best: readonly { service: ServiceId; months: BestMonth[] }[],
  top = BEST_MONTH_SERVICES,
): BestMonthCard[] {
  const byService = new Map(best.map((b) => [b.service, b.months]));
  return overall.slice(0, top).map((s) => ({ rank: s.rank, service: s.service, months: byService.get(s.service) ?? [] }));
}

export function bestMonthsTable(cards: readonly BestMonthCard[]): TableData {
  return {
    columns: [
      { label: "우선순위", kind: "int" },
      { label: "서비스", kind: "text" },
      { label: "월", kind: "text" },
      { label: "사용량 (서비스 고유 단위)", kind: "usage" },
      { label: "기간 평균 대비 (같은 단위)", kind: "usage" },
    ],
    rows: cards.flatMap((c) => c.months.map((m) => [c.rank, serviceName(c.service), monthLabel(m.month), m.value, m.diff])),
  };
}

/**
 * A z drawn as a bar from a centre line: which side and how far, as a fraction of the half-width.
 * |z| ≥ `max` fills the half; null (nothing to compare) draws nothing.
 */
export function zBar(z: number | null, max = 2): { side: "pos" | "neg" | "none"; fraction: number } {
  if (z === null || z === 0) return { side: "none", fraction: 0 };
  return { side: z > 0 ? "pos" : "neg", fraction: Math.min(Math.abs(z) / max, 1) };
}
