import { interpolateBlues } from "d3-scale-chromatic";
import { ageLabel, SEX_LABELS, type SegmentKey, type ServiceId } from "@/lib/domain";
import { dongLabel, type Dong } from "@/lib/dongs";
import type { CurvePoint, Plan, PlanSegment, Range, ServiceZ } from "@/lib/engine";
import {
  formatInt,
  formatKoreanAmount,
  formatSigned,
  formatWon,
  monthLabel,
  serviceName,
  shortMonthLabel,
} from "@/lib/format";
import { largestRemainder } from "@/lib/rounding";
import type { ParamProblem, QueryInput, Shape } from "@/lib/params/query";
import type { TableData } from "@/lib/table";
import { withParticle } from "@/lib/particle";

/*
 * /plan's view model: the totals, the segment and month tables (shown, downloaded as CSV and written to
 * the workbook from the same rows), the chart rows, the summary paragraph and the file names, all from
 * the engine's Plan (unrounded there; rounded here or by the table's cell formatting).
 */

/** "관악구 30대 남성"; a 행정동 segment "영등포구 여의동 30대 여성". */
export function segmentName(s: SegmentKey & { dong?: Dong }): string {
  return `${placeName(s)} ${ageLabel(s.age)} ${SEX_LABELS[s.sex]}`;
}

/** The segment's place: its district, or `구 동` for a 행정동 segment. */
function placeName(s: SegmentKey & { dong?: Dong }): string {
  return s.dong ? dongLabel(s.dong) : s.district.name_ko;
}

/** The tab title, which follows the inputs: "배달 광고 예산 계획 · 5,000만 원". */
export function planTitle(service: ServiceId, budget: number): string {
  return `${serviceName(service)} 광고 예산 계획 · ${formatKoreanAmount(budget, "원")}`;
}

/** The plan page's link-preview description: the inputs in one sentence. */
export function planDescription(v: {
  service: ServiceId;
  budget: number;
  cpm: number;
  cap: number;
  segmentCount?: number;
}): string {
  const who = v.segmentCount === undefined ? "상위 타겟 10개 고객층" : `고른 고객층 ${v.segmentCount}개`;
  return `${serviceName(v.service)} 광고 예산 ${formatKoreanAmount(v.budget, "원")}을 CPM ${formatInt(v.cpm)}원, 1인당 월 ${formatInt(v.cap)}회 상한으로 ${withParticle(who, "와/과")} 달에 나눈 노출·도달 계획.`;
}

/** Whether the plan is over 행정동 segments (its z then compares with the 행정동 segments, not the 300). */
export function isDongPlan(plan: Plan): boolean {
  return plan.segments.some((s) => s.segment.dong);
}

/** What the plan's z compares a segment with, in words. */
export function zReference(dong: boolean): string {
  return dong
    ? "서울 행정동 고객층 전체(행정동 × 성별 × 6개 연령대)"
    : "서울 300개 고객층(25개 구 × 성별 × 6개 연령대)";
}

/** The allocation rule in two sentences, for the page and the workbook. */
export function allocationRule(service: ServiceId, cap: number, dong = false): string {
  const name = serviceName(service);
  return (
    `예산은 고객층 × 달마다 ‘인구 × 그 달 ${name} 이용 z(${dong ? "서울 행정동 고객층" : "서울 300개 고객층"} 가운데 평균보다 많이 쓰는 정도, 0 이하는 0)’에 비례해 나눕니다. ` +
    `한 사람에게 한 달 ${formatInt(cap)}회(빈도 상한)를 넘게 보여 줄 수는 없어서, 상한에 닿은 칸은 거기서 멈추고 남은 노출을 다른 칸에 같은 비율로 다시 나눕니다.`
  );
}

/** What the plan does not claim, beside the rule. */
export const PLAN_CAVEAT =
  "z는 통신 이용 통계에서 누가 이 서비스를 더 많이 쓰는지를 보여 줄 뿐, 광고에 반응할지는 알려 주지 않습니다. 인구는 그 고객층의 거주 인구이지 서비스 이용자 수가 아니며, CPM은 직접 입력한 단가입니다.";

export interface PlanTotal {
  key: "impressions" | "spent" | "unspent";
  label: string;
  value: number;
  /** The headline, in 만/억 ("1,000만 회"). */
  compact: string;
  /** The exact figure, for hover and screen readers ("10,000,000회"). */
  exact: string;
}

export function planTotals(plan: Plan): PlanTotal[] {
  const won = (key: PlanTotal["key"], label: string, value: number): PlanTotal => ({
    key,
    label,
    value,
    compact: formatKoreanAmount(value, "원"),
    exact: formatWon(value),
  });
  return [
    {
      key: "impressions",
      label: "노출 수",
      value: plan.impressions,
      compact: formatKoreanAmount(plan.impressions, "회"),
      exact: `${formatInt(plan.impressions)}회`,
    },
    won("spent", "집행 예산", plan.spent),
    won("unspent", "남는 예산", plan.unspent),
  ];
}

/** A range of people in 만 ("12만~15만 명") and exactly ("120,345~150,234명"). */
export function peopleRange(r: Range): { compact: string; exact: string } {
  const [lo, hi] = [Math.round(r.lower), Math.round(r.upper)];
  if (lo === hi) return { compact: formatKoreanAmount(lo, "명"), exact: `${formatInt(lo)}명` };
  return {
    compact: `${formatKoreanAmount(lo)}~${formatKoreanAmount(hi, "명")}`,
    exact: `${formatInt(lo)}~${formatInt(hi)}명`,
  };
}

export interface ReachTotal {
  key: "reach" | "reach3";
  label: string;
  range: Range;
  compact: string;
  exact: string;
}

/** Reach 1+ and 3+ over the campaign, always as the model's range (never one number). */
export function reachTotals(plan: Plan): ReachTotal[] {
  return [
    { key: "reach", label: "도달 (1회 이상)", range: plan.reach, ...peopleRange(plan.reach) },
    { key: "reach3", label: "도달 (3회 이상)", range: plan.reach3, ...peopleRange(plan.reach3) },
  ];
}

/** The reach model in plain Korean, beside its numbers. */
export function reachRule(plan: Plan): string {
  return (
    `도달은 모형으로 추정한 값입니다. 칸(고객층 × 달)마다 도달 가능한 사람(거주 인구의 ${plan.reachable}%)이 보는 횟수가 음이항 분포(모양 k = ${plan.shape})를 따르고 ` +
    `한 사람에게 월 ${formatInt(plan.cap)}회를 넘게 보여 주지 않는다고 보고, 배정된 노출 수에 맞춰 평균을 풉니다. ` +
    "여러 달을 합친 도달은 매달 같은 사람이 보는 경우(하한)와 달마다 독립인 경우(상한) 사이의 범위로 나타내고, 고객층끼리는 다른 사람이므로 더합니다."
  );
}

/** The two assumptions, each in one sentence beside its input. */
export const REACHABLE_SENTENCE =
  "고른 매체가 실제로 광고를 보여 줄 수 있는 거주자의 비율입니다. 매체의 이용자 규모를 보고 직접 정하세요(기본 100%는 모든 거주자).";
export const SHAPE_SENTENCE =
  "노출이 사람들에게 얼마나 고르게 퍼지는지입니다. 1이면 소수가 여러 번 보는 쏠린 분포, 클수록 고르게 한두 번씩 보는 분포입니다.";
export const REACH_LIMITS =
  "이 자료는 사람이 아니라 고객층의 통신 이용량이므로, 매체가 실제로 누구에게 닿는지(매체 커버리지)와 실제 게재 결과는 알 수 없습니다. 도달은 위 두 가정에 따른 추정입니다.";

/** Why money is left over (every weighted cell reached the cap), or null when the budget is all placed. */
export function unspentReason(plan: Plan): string | null {
  if (plan.unspent <= 0) return null;
  return (
    `고른 고객층이 ${serviceName(plan.service)} 서비스를 평균보다 많이 쓰는 모든 달에 1인당 월 ${formatInt(plan.cap)}회 상한까지 채워, ` +
    `${formatWon(plan.unspent)}은 더 보여 줄 사람이 없어 남습니다. 고객층이나 달을 늘리거나 빈도 상한을 올리면 더 쓸 수 있습니다.`
  );
}

/** "게임 +1.66 · 동영상/방송 +1.43": the other services this segment over-uses most, as places to put the ad. */
export function placementText(alsoUses: readonly ServiceZ[]): string {
  const over = alsoUses.filter((a) => a.z !== null && a.z > 0);
  return over.length ? over.map((a) => `${serviceName(a.service)} ${formatSigned(a.z)}`).join(" · ") : "–";
}

/** The share of the spent budget, as a fraction (0 when nothing is spent). */
function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/**
 * The plan's won and impressions per segment × month as integers that add up to the plan's totals
 * (largest remainder over all cells), so every row, column and total of an export sums exactly.
 */
export function wholeCells(plan: Plan): { budget: number[][]; impressions: number[][] } {
  const whole = (pick: (m: PlanSegment["months"][number]) => number, total: number) => {
    const flat = largestRemainder(
      plan.segments.flatMap((s) => s.months.map((m) => Math.max(0, pick(m)))),
      Math.round(total),
    );
    return plan.segments.map((s, i) => flat.slice(i * plan.months.length, (i + 1) * plan.months.length));
  };
  return { budget: whole((m) => m.budget, plan.spent), impressions: whole((m) => m.impressions, plan.impressions) };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The segments table: one row per segment, highest budget first (the engine's order); 원, impressions and people whole. */
export function segmentTable(plan: Plan): TableData {
  const cells = wholeCells(plan);
  return {
    columns: [
      { label: "순위", kind: "int" },
      { label: plan.segments.some((s) => s.segment.dong) ? "행정동" : "자치구", kind: "text" },
      { label: "성별", kind: "text" },
      { label: "연령대", kind: "text" },
      { label: "예산 (원)", kind: "int" },
      { label: "예산 비중 (%)", kind: "decimal" },
      { label: "노출 수", kind: "int" },
      { label: "도달 1회 이상 하한 (명)", kind: "int" },
      { label: "도달 1회 이상 상한 (명)", kind: "int" },
      { label: "도달 3회 이상 하한 (명)", kind: "int" },
      { label: "도달 3회 이상 상한 (명)", kind: "int" },
      { label: "빈도 (거주자 1인당 월 노출)", kind: "decimal" },
      { label: "빈도 상한 도달", kind: "text" },
      { label: "인구 (월평균)", kind: "int" },
      { label: "z", kind: "signed" },
      { label: "광고 게재처 (함께 많이 쓰는 서비스, z)", kind: "text" },
    ],
    rows: plan.segments.map((s, i) => [
      i + 1,
      placeName(s.segment),
      SEX_LABELS[s.segment.sex],
      ageLabel(s.segment.age),
      sum(cells.budget[i]!),
      100 * shareOf(s.budget, plan.spent),
      sum(cells.impressions[i]!),
      Math.round(s.reach.lower),
      Math.round(s.reach.upper),
      Math.round(s.reach3.lower),
      Math.round(s.reach3.upper),
      s.frequency,
      s.saturated ? "예" : "아니오",
      s.population,
      s.z,
      placementText(s.alsoUses),
    ]),
  };
}

/** One bar per segment, highest budget first. */
export interface BudgetBar {
  label: string;
  budget: number;
  saturated: boolean;
}

export function budgetBars(plan: Plan): BudgetBar[] {
  return plan.segments.map((s) => ({ label: segmentName(s.segment), budget: s.budget, saturated: s.saturated }));
}

export interface FlightCell {
  month: string;
  budget: number;
  impressions: number;
  /** The within-month z; a cell with z ≤ 0 (or none) gets nothing by the rule. */
  z: number | null;
  /** Background colour: a sequential single-hue scale of budget ÷ the largest cell (light = little). */
  color: string;
}

export interface FlightRow {
  label: string;
  cells: FlightCell[];
  total: number;
}

export interface FlightGrid {
  months: { month: string; label: string }[];
  rows: FlightRow[];
  /** Budget per month over all segments, and the whole. */
  monthTotals: number[];
  total: number;
}

/**
 * Shade for a share t in [0, 1]: Blues from 0.05 to 0.6. The scale stops where dark text still has
 * a contrast of at least 5:1 (WCAG AA) — deeper blues would need white text, and the switch between
 * the two fails AA in the middle of the scale.
 */
export function cellShade(t: number): { color: string } {
  const clamped = Math.min(1, Math.max(0, t));
  return { color: interpolateBlues(0.05 + 0.55 * clamped) };
}

/** The month × segment flighting grid: who gets how much in which month. */
export function flightGrid(plan: Plan): FlightGrid {
  const max = Math.max(0, ...plan.segments.flatMap((s) => s.months.map((m) => m.budget)));
  const rows = plan.segments.map((s: PlanSegment) => ({
    label: segmentName(s.segment),
    cells: s.months.map((m) => ({
      month: m.month,
      budget: m.budget,
      impressions: m.impressions,
      z: m.z,
      ...cellShade(max > 0 ? m.budget / max : 0),
    })),
    total: s.budget,
  }));
  return {
    months: plan.months.map((m) => ({ month: m, label: shortMonthLabel(m) })),
    rows,
    monthTotals: plan.byMonth.map((m) => m.budget),
    total: plan.spent,
  };
}

/** The grid as a table (CSV, workbook): a row per segment, a column per month, then the month totals. */
export function flightTable(plan: Plan): TableData {
  const { budget } = wholeCells(plan);
  const monthTotals = plan.months.map((_, m) => sum(budget.map((row) => row[m]!)));
  return {
    columns: [
      { label: "고객층", kind: "text" },
      ...plan.months.map((m) => ({ label: `${monthLabel(m)} 예산 (원)`, kind: "int" as const })),
      { label: "합계 (원)", kind: "int" },
    ],
    rows: [
      ...plan.segments.map((s, i) => [segmentName(s.segment), ...budget[i]!, sum(budget[i]!)]),
      ["월 합계", ...monthTotals, sum(monthTotals)],
    ],
  };
}

/** Every segment × month with its won, impressions and modelled reach (the workbook's months sheet). */
export function monthReachTable(plan: Plan): TableData {
  const cells = wholeCells(plan);
  return {
    columns: [
      { label: "고객층", kind: "text" },
      { label: "달", kind: "text" },
      { label: "예산 (원)", kind: "int" },
      { label: "노출 수", kind: "int" },
      { label: "도달 가능 인구 (명)", kind: "int" },
      { label: "도달 1회 이상 (명)", kind: "int" },
      { label: "도달 3회 이상 (명)", kind: "int" },
      { label: "평균 빈도 (도달 1명당 노출)", kind: "decimal" },
    ],
    rows: plan.segments.flatMap((s, i) =>
      s.months.map((m, j) => [
        segmentName(s.segment),
        monthLabel(m.month),
        cells.budget[i]![j]!,
        cells.impressions[i]![j]!,
        Math.round(m.reachable),
        Math.round(m.reach1),
        Math.round(m.reach3),
        m.averageFrequency,
      ]),
    ),
  };
}

/**
 * How many people see the ad exactly 1, 2, … cap times in each month, over all segments (the model's
 * frequency distribution; the last row is the cap, the most anyone is shown).
 */
export function frequencyTable(plan: Plan): TableData {
  const people = (j: number, m: number) =>
    Math.round(sum(plan.segments.map((s) => s.months[m]!.frequencyDistribution[j] ?? 0)));
  return {
    columns: [
      { label: "한 사람이 본 횟수", kind: "text" },
      ...plan.months.map((m) => ({ label: `${shortMonthLabel(m)} (명)`, kind: "int" as const })),
    ],
    rows: [
      ...Array.from({ length: plan.cap }, (_, j) => [
        `${j + 1}회${j + 1 === plan.cap ? " (상한)" : ""}`,
        ...plan.months.map((_, m) => people(j, m)),
      ]),
      ["1회 이상 (도달)", ...plan.byMonth.map((b) => Math.round(b.reach1))],
    ],
  };
}

/** The reach curve as a table: each budget multiple with its impressions and reach ranges. */
export function curveTable(points: readonly CurvePoint[]): TableData {
  return {
    columns: [
      { label: "예산 배율", kind: "text" },
      { label: "예산 (원)", kind: "int" },
      { label: "노출 수", kind: "int" },
      { label: "도달 1회 이상 하한 (명)", kind: "int" },
      { label: "도달 1회 이상 상한 (명)", kind: "int" },
      { label: "도달 3회 이상 하한 (명)", kind: "int" },
      { label: "도달 3회 이상 상한 (명)", kind: "int" },
    ],
    rows: points.map((p) => [
      `${p.multiple}배`,
      Math.round(p.budget),
      Math.round(p.impressions),
      Math.round(p.reach.lower),
      Math.round(p.reach.upper),
      Math.round(p.reach3.lower),
      Math.round(p.reach3.upper),
    ]),
  };
}

/**
 * The plan in one plain-Korean paragraph: the budget in impressions, who gets the most, the runners-up,
 * the busiest month, the cap, and what is left over.
 */
export function planSummary(plan: Plan): string {
  const name = serviceName(plan.service);
  const won = (n: number) => formatKoreanAmount(n, "원");
  const times = (n: number) => formatKoreanAmount(n, "회");
  const parts: string[] = [];
  parts.push(
    `${name} 광고 예산 ${won(plan.budget)}을 CPM ${formatWon(plan.cpm)}으로 나누면 최대 ${times((plan.budget / plan.cpm) * 1000)}를 노출할 수 있습니다.`,
  );
  if (plan.impressions > 0) {
    parts.push(
      `모형으로 추정한 도달은 1회 이상 ${peopleRange(plan.reach).compact}, 3회 이상 ${peopleRange(plan.reach3).compact}입니다(가정: 거주자의 ${plan.reachable}%에 도달 가능, 노출 분포 모양 k = ${plan.shape}).`,
    );
  }
  const [first, ...rest] = plan.segments.filter((s) => s.budget > 0);
  if (first) {
    const runners = rest.slice(0, 2).map((s) => `${segmentName(s.segment)}(${won(s.budget)})`);
    parts.push(
      `${segmentName(first.segment)}에 가장 많은 ${won(first.budget)}(집행 예산의 ${(100 * shareOf(first.budget, plan.spent)).toFixed(1)}%)을 배정해 ${times(first.impressions)}(거주자 1인당 월 ${first.frequency.toFixed(1)}회)를 보여 줍니다` +
        (runners.length ? `. 그다음은 ${runners.join(", ")} 순입니다.` : "."),
    );
  }
  const months = plan.byMonth.filter((m) => m.budget > 0);
  if (months.length > 1) {
    const top = months.reduce((a, b) => (b.budget > a.budget ? b : a));
    parts.push(`달로는 ${monthLabel(top.month)}에 가장 많은 ${won(top.budget)}을 씁니다.`);
  }
  const idle = plan.segments.length - plan.segments.filter((s) => s.budget > 0).length;
  if (idle > 0) parts.push(`${idle}개 고객층은 고른 달에 ${name} 이용이 서울 평균 이하라 배정이 없습니다.`);
  const saturated = plan.segments.filter((s) => s.saturated).length;
  if (saturated > 0)
    parts.push(`${saturated}개 고객층은 1인당 월 ${formatInt(plan.cap)}회 상한에 닿아 예산을 더 받을 수 없습니다.`);
  parts.push(
    plan.unspent > 0
      ? `집행 예산은 ${won(plan.spent)}이고 ${won(plan.unspent)}이 남습니다.`
      : "예산은 모두 배정됩니다.",
  );
  return parts.join(" ");
}

/** What a plan with no weight to share by means, in Korean (the API's 400 for `segments`). */
export function zeroWeightExplanation(service: ServiceId, months: readonly string[], segmentCount: number): string {
  const period =
    months.length === 1
      ? monthLabel(months[0]!)
      : `${monthLabel(months[0]!)}~${shortMonthLabel(months[months.length - 1]!)}`;
  return (
    `고른 ${segmentCount}개 고객층은 ${period}에 ${serviceName(service)} 서비스를 서울 평균보다 많이 쓰지 않아(그 달의 z가 모두 0 이하), 예산을 나눌 기준이 없습니다. ` +
    "평균보다 많이 쓰는 고객층을 추가하거나 캠페인 기간을 바꿔 보세요. 기본값(이 서비스의 상위 10개 고객층)으로 되돌릴 수도 있습니다."
  );
}

/** When a file was made, on Seoul's clock: "2026-12-03 18:52 (KST)". */
export function kstTimestamp(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Seoul",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (KST)`;
}

/** A download's name: what and when, in Seoul's calendar ("adtarget-plan-delivery-2026-11-27.xlsx"). */
export function planFileName(
  service: ServiceId,
  now: Date,
  what: "plan" | "plan-segments" | "plan-months" | "plan-curve" | "plan-frequency",
  ext: "csv" | "xlsx",
): string {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Seoul",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return `adtarget-${what}-${service}-${day}.${ext}`;
}

/**
 * A number being typed, regrouped with thousands separators while keeping the caret after the same
 * digit: ("5000000", 7) → ("5,000,000", 9). Anything but digits is dropped; null when no digit is left.
 */
export function regroupTyped(text: string, caret: number): { text: string; caret: number; value: number | null } {
  const digitsBefore = text
    .slice(0, caret)
    .replace(/\D/g, "")
    .replace(/^0+(?=\d)/, "").length;
  const digits = text
    .replace(/\D/g, "")
    .replace(/^0+(?=\d)/, "")
    .slice(0, 15);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  let seen = 0;
  let pos = 0;
  while (pos < grouped.length && seen < digitsBefore) {
    if (grouped[pos] !== ",") seen++;
    pos++;
  }
  return { text: grouped, caret: pos, value: digits === "" ? null : Number(digits) };
}

/**
 * Parameters a link gives empty (`budget=`): read as missing, they would silently take the page's
 * default, so the page says so (the API answers 400 for the required ones).
 */
export function blankProblems(
  input: QueryInput,
  shape: Shape,
  names: readonly string[] = ["budget", "cpm"],
): ParamProblem[] {
  return names.flatMap((name) => {
    const given = input instanceof URLSearchParams ? input.getAll(name) : ([] as string[]).concat(input[name] ?? []);
    const param = shape[name];
    if (!param || given.length === 0 || given.some((g) => g.trim() !== "")) return [];
    return [
      { parameter: name, label: param.label, kind: "missing" as const, reason: "empty", allowed: param.codec.allowed },
    ];
  });
}
