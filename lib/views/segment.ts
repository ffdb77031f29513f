import { interpolatePuOr } from "d3-scale-chromatic";
import { rgb } from "d3-color";
import { SERVICE_BY_ID, UNIT_LABELS, type Age, type Basis, type ServiceId, type SexFilter } from "@/lib/domain";
import type { BestMonth, Seasonality, ServiceScore, StandoutMonth } from "@/lib/engine";
import { describeZ, formatUsageDiff, monthLabel, segmentLabel, serviceName } from "@/lib/format";
import type { TableData } from "@/lib/table";
import { NO_FLAGS, trendIndex, type TrendSeriesInput } from "./trend";

/**
 * The /segment page's view model: titles, the tables (each both a table view and the CSV of what is
 * shown), the "when" answers and the Seoul seasonality strip, built from the engine's plain results.
 */

/** "2022년 10월 ⚠" for a month the data-quality rule flags (the reason is stated beside the view). */
export function flaggedLabel(month: string, flagged: ReadonlySet<string>): string {
  return flagged.has(month) ? `${monthLabel(month)} ⚠` : monthLabel(month);
}

/** The page's heading and tab title for a segment, or for a district × age with both sexes (sex=T). */
export function segmentTitle(districtName: string, sex: SexFilter, age: Age): string {
  return sex === "T"
    ? `${districtName} ${age}대 — 성별을 골라 주세요`
    : `${segmentLabel(districtName, sex, age)} 광고 우선순위`;
}

/** What a service's monthly value is on a basis, in words: the provider's measure, not literal days. */
export function unitLabel(service: ServiceId, basis: Basis): string {
  const unit = SERVICE_BY_ID[service].unit;
  if (unit === "index") return `${UNIT_LABELS.index} (일수로 나누지 않음)`;
  return basis === "day" ? `${UNIT_LABELS.count} ÷ 그 달 일수` : `${UNIT_LABELS.count}, 월 합계`;
}

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
export function monthlyRankTable(
  monthly: readonly { month: string; ranking: readonly ServiceScore[] }[],
  flagged: ReadonlySet<string> = NO_FLAGS,
): TableData {
  const ranks = monthly[0]?.ranking.length ?? 0;
  return {
    columns: [
      { label: "월", kind: "text" },
      ...Array.from({ length: ranks }, (_, i) => ({ label: `${i + 1}위`, kind: "text" as const })),
    ],
    rows: monthly.map((m) => [flaggedLabel(m.month, flagged), ...m.ranking.map((s) => serviceName(s.service))]),
  };
}

/**
 * The trend chart's table: one row per month and service, the value on the chart's basis beside the
 * index the all-services view draws. With `only`, just that service (the single-service view).
 */
export function trendTable(
  trend: TrendSeriesInput,
  basis: Basis,
  only?: ServiceId,
  flagged: ReadonlySet<string> = NO_FLAGS,
): TableData {
  const indices = trend.series.map((s) => trendIndex(s.values));
  const shown = trend.series
    .map((s, j) => ({ s, index: indices[j]! }))
    .filter(({ s }) => only === undefined || s.service === only);
  return {
    columns: [
      { label: "월", kind: "text" },
      { label: "서비스", kind: "text" },
      { label: basis === "day" ? "일평균 사용량 (서비스 고유 단위)" : "월 사용량 (서비스 고유 단위)", kind: "usage" },
      { label: "추세 지수 (기간 평균=0)", kind: "signed" },
    ],
    rows: trend.months.flatMap((month, i) =>
      shown.map(({ s, index }) => [
        flaggedLabel(month, flagged),
        serviceName(s.service),
        s.values[i]!,
        index[i] ?? null,
      ]),
    ),
  };
}

/** describeZ's words without "서울 평균보다" (the card says what the z is against once). */
export function zWords(z: number | null): string {
  return describeZ(z).replace(/^서울 평균보다 /, "");
}

/** describeZ's thresholds, stated once on the page (a unit test holds them to describeZ). */
export const Z_THRESHOLD_NOTE =
  "z 0.15 초과는 약간, 0.5 이상은 크게, 1.5 이상은 매우 높음 (낮음도 같은 기준, ±0.15 이내는 평균 수준)";

/** Below this within-month z a month is not one where the segment stands out ("약간 높음" starts above it). */
const STANDS_OUT = 0.15;

export interface WhenAnswer {
  rank: number;
  service: ServiceId;
  /** The months the segment stands out most from every segment that month (within-month z). */
  standout: StandoutMonth[];
  /** False when even the best of those months is not above the month's Seoul average. */
  standsOut: boolean;
  /** The segment's months of highest usage per day (count ÷ days; indices unchanged). */
  best: BestMonth[];
  /** Seoul's own highest month on the same basis, to tell a city-wide peak from the segment's own. */
  seoulPeak: string;
  /** The segment's top per-day month is also Seoul's. */
  sameAsSeoul: boolean;
}

/**
 * "When" for every service in priority order: the standout months and the per-day best months. The
 * standout list is the priority's (basis-free); `bestDay` must be the per-day basis's bestMonths and
 * `seasonDay` the per-day seasonality.
 */
export function whenAnswers(
  overall: readonly ServiceScore[],
  standout: readonly { service: ServiceId; months: StandoutMonth[] }[],
  bestDay: readonly { service: ServiceId; months: BestMonth[] }[],
  seasonDay: Seasonality,
): WhenAnswer[] {
  const standoutOf = new Map(standout.map((s) => [s.service, s.months]));
  const bestOf = new Map(bestDay.map((b) => [b.service, b.months]));
  const seoulOf = new Map(seasonDay.services.map((s) => [s.service, s.level]));
  return overall.map(({ rank, service }) => {
    const months = standoutOf.get(service) ?? [];
    const best = bestOf.get(service) ?? [];
    const level = seoulOf.get(service) ?? [];
    // Highest level, earliest month on a tie (the engine's order for best months too).
    let peak = 0;
    level.forEach((v, i) => {
      if (v > level[peak]!) peak = i;
    });
    const seoulPeak = seasonDay.months[peak] ?? "";
    return {
      rank,
      service,
      standout: months,
      standsOut: (months[0]?.z ?? -Infinity) > STANDS_OUT,
      best,
      seoulPeak,
      sameAsSeoul: best[0]?.month === seoulPeak,
    };
  });
}

/** Long format: one row per service × answer × month, exactly the figures the cards show. */
export function whenTable(answers: readonly WhenAnswer[]): TableData {
  return {
    columns: [
      { label: "우선순위", kind: "int" },
      { label: "서비스", kind: "text" },
      { label: "질문", kind: "text" },
      { label: "월", kind: "text" },
      { label: "그 달 z (서울 300개 세그먼트 대비)", kind: "signed" },
      { label: "일평균 사용량 (서비스 고유 단위)", kind: "usage" },
      { label: "기간 평균 대비 (같은 단위)", kind: "usage" },
    ],
    rows: answers.flatMap((a) => [
      ...a.standout.map((m) => [
        a.rank,
        serviceName(a.service),
        "다른 고객층보다 두드러진 달",
        monthLabel(m.month),
        m.z,
        null,
        null,
      ]),
      ...a.best.map((m) => [
        a.rank,
        serviceName(a.service),
        "일평균 사용이 가장 높은 달",
        monthLabel(m.month),
        null,
        m.value,
        m.diff,
      ]),
    ]),
  };
}

/**
 * How strongly a month's Seoul level colours its cell: count services by their index (100 = the
 * average month) with ±25 points the darkest, index services by their difference with ±0.05 index
 * points the darkest. One scale per kind so a small wobble never looks like a season.
 */
export const SEASON_SCALE = { index100: 25, difference: 0.05 } as const;

export interface SeasonCell {
  month: string;
  relative: number;
  /** The figure as shown: "103.2" for counts, "+0.012" for indices (unsigned when it rounds to 0). */
  text: string;
  background: string;
  color: "#000" | "#fff";
}

export interface SeasonRow {
  service: ServiceId;
  kind: "index100" | "difference";
  cells: SeasonCell[];
}

function sRgbLuminance(c: string): number {
  const { r, g, b } = rgb(c);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Purple above the average month, orange below (PuOr: safe for the common colour-vision deficiencies). */
export function seasonColor(
  relative: number,
  kind: "index100" | "difference",
): { background: string; color: "#000" | "#fff" } {
  const dev = kind === "index100" ? (relative - 100) / SEASON_SCALE.index100 : relative / SEASON_SCALE.difference;
  const t = 0.5 + 0.5 * Math.max(-1, Math.min(1, dev));
  const background = rgb(interpolatePuOr(t)).formatHex();
  // Black text where it has the better contrast (WCAG): (L + 0.05) / 0.05 vs 1.05 / (L + 0.05).
  const l = sRgbLuminance(background);
  return { background, color: (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000" : "#fff" };
}

export function seasonalityRows(season: Seasonality, order: readonly ServiceId[]): SeasonRow[] {
  const byService = new Map(season.services.map((s) => [s.service, s]));
  return order.map((service) => {
    const s = byService.get(service)!;
    return {
      service,
      kind: s.relativeKind,
      cells: season.months.map((month, i) => {
        const relative = s.relative[i]!;
        return {
          month,
          relative,
          text: s.relativeKind === "index100" ? relative.toFixed(1) : formatUsageDiff(relative),
          ...seasonColor(relative, s.relativeKind),
        };
      }),
    };
  });
}

export function seasonalityTable(
  season: Seasonality,
  order: readonly ServiceId[],
  flagged: ReadonlySet<string> = NO_FLAGS,
): TableData {
  const byService = new Map(season.services.map((s) => [s.service, s]));
  return {
    columns: [
      { label: "서비스", kind: "text" },
      { label: "월", kind: "text" },
      {
        label: season.basis === "day" ? "서울 일평균 수준 (서비스 고유 단위)" : "서울 월 수준 (서비스 고유 단위)",
        kind: "usage",
      },
      { label: "평균 달 대비 (개수 서비스: 100 = 평균, 지수 서비스: 차이)", kind: "usage" },
    ],
    rows: order.flatMap((service) => {
      const s = byService.get(service)!;
      return season.months.map((month, i) => [
        serviceName(service),
        flaggedLabel(month, flagged),
        s.level[i]!,
        s.relative[i]!,
      ]);
    }),
  };
}
