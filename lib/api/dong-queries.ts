import type { District } from "@/lib/districts";
import {
  onBasis,
  type Age,
  type Basis,
  type DongAudienceSort,
  type Sex,
  type SexFilter,
  type ServiceId,
} from "@/lib/domain";
import { dongSegmentDistrict, type DongSegment } from "@/lib/dong-segments";
import { sortDongAudience } from "@/lib/engine/dong-audience";
import { districtOfDong, type Dong } from "@/lib/dongs";
import type { DongData, WindowInfo } from "@/lib/engine/dong-engine";
import type { ParamProblem } from "@/lib/params";

/** The window a 행정동 answer covers, or the parameter that makes it impossible. */
export type DongWindowReading = { ok: true; window: WindowInfo } | { ok: false; problem: ParamProblem };

const monthList = (months: readonly string[]) => ({
  text: `a month with 행정동 figures (${months.join(", ") || "none in this dataset"})`,
  values: months.map((m) => ({ value: m, label: m })),
});

/**
 * from…to, each defaulting to the first / last month that has 행정동 figures of the measure (of any
 * measure when none is named: the look-alikes' profile). A window with from after to, or with no such
 * month inside, names the parameter to change and the months that would do.
 */
export function readDongWindow(
  data: DongData,
  from: string | undefined,
  to: string | undefined,
  measure?: string,
): DongWindowReading {
  const have = data.monthsWith(measure);
  const problem = (parameter: "from" | "to", raw: string | undefined, reason: string): DongWindowReading => ({
    ok: false,
    problem: {
      parameter,
      label: parameter === "from" ? "시작 달" : "끝 달",
      kind: raw === undefined ? "missing" : "invalid",
      raw,
      reason,
      allowed: monthList(have),
    },
  });
  if (have.length === 0)
    return problem("from", from, `the dataset has no 행정동 figures${measure ? ` for ${measure}` : ""}`);
  const window = { from: from ?? have[0]!, to: to ?? have.at(-1)! };
  if (window.from > window.to) {
    // Blame what was given: a from past the default end, or a to before the from.
    return to === undefined
      ? problem("from", from, `after the last month with 행정동 figures (${window.to})`)
      : problem("to", to, `before from (${window.from})`);
  }
  const months = have.filter((m) => m >= window.from && m <= window.to);
  if (months.length === 0) {
    const [parameter, raw] = from !== undefined ? (["from", from] as const) : (["to", to] as const);
    return problem(
      parameter,
      raw,
      `no month from ${window.from} to ${window.to} has 행정동 figures${measure ? ` for ${measure}` : ""}`,
    );
  }
  return { ok: true, window: { ...window, months } };
}

export function getDongs(data: DongData, district?: District) {
  return {
    district: district ? district : null,
    dongs: district ? data.index.inDistrict(district) : [...data.index.list],
  };
}

export function getDongEffect(
  data: DongData,
  service: ServiceId,
  q: { sex: SexFilter; age: Age; district?: District; window: WindowInfo },
) {
  const w = data.window(q.window);
  return {
    service,
    sex: q.sex,
    age: q.age,
    district: q.district ? q.district : null,
    window: q.window,
    dongs: w.effect(service, q.sex, q.age, q.district ?? null),
  };
}

export function getDongPriority(data: DongData, dong: Dong, q: { sex: Sex; age: Age; window: WindowInfo }) {
  const p = data.window(q.window).priority(dong, q.sex, q.age);
  return { dong, district: districtOfDong(dong), sex: q.sex, age: q.age, window: q.window, ...p };
}

export function getDongSimilar(data: DongData, dong: Dong, q: { window: WindowInfo; limit: number }) {
  return { dong, window: q.window, ...data.window(q.window).similar(dong, q.limit) };
}

/**
 * The window a 행정동 view shows: the page's from/to where that window has 행정동 figures of the measure,
 * else the months that do (`fellBack` says so, for the note beside the view); null when none has.
 */
export function viewDongWindow(
  data: DongData,
  from: string | undefined,
  to: string | undefined,
  measure?: string,
): { window: WindowInfo; asked: boolean; fellBack: boolean } | null {
  const asked = from !== undefined || to !== undefined;
  const given = asked ? readDongWindow(data, from, to, measure) : null;
  if (given?.ok) return { window: given.window, asked, fellBack: false };
  const fallback = readDongWindow(data, undefined, undefined, measure);
  return fallback.ok ? { window: fallback.window, asked, fellBack: asked } : null;
}

export interface DongAudienceParams {
  /** T (both sexes) filters nothing. */
  sex: SexFilter;
  age?: Age;
  district?: District;
  sort: DongAudienceSort;
  limit: number;
  offset: number;
  window: WindowInfo;
}

/**
 * The service's 행정동 segments for /audience at the 행정동 grain: every segment of the window, filtered
 * (district, sex, age), sorted (highest first, nulls last, ties by code, sex, age) and paged.
 */
export function getDongAudience(data: DongData, service: ServiceId, q: DongAudienceParams) {
  const rows = data.window(q.window).audience(service);
  const matching = rows.filter(
    (r) =>
      (q.sex === "T" || r.segment.sex === q.sex) &&
      (q.age === undefined || r.segment.age === q.age) &&
      (q.district === undefined || r.segment.dong.districtCode === q.district.code),
  );
  const sorted = sortDongAudience(matching, q.sort);
  return {
    service,
    grain: "dong" as const,
    window: q.window,
    total: sorted.length,
    segments: sorted
      .slice(q.offset, q.offset + q.limit)
      .map((r) => ({ ...r, segment: { ...r.segment, district: dongSegmentDistrict(r.segment) } })),
  };
}

/**
 * 2–4 행정동 segments side by side (as getComparison for district segments): population, the seven
 * services' z and rank across the window's 행정동 segments, standout months, and the monthly series of
 * the window's months with 행정동 figures (per day for count services on the day basis).
 */
export function getDongComparison(data: DongData, segments: readonly DongSegment[], basis: Basis, window: WindowInfo) {
  const w = data.window(window);
  const months = new Set(window.months);
  return {
    basis,
    window,
    segments: segments.map((s) => {
      const { overall, standoutMonths } = w.priority(s.dong, s.sex, s.age);
      const trend = w.trend(s.dong, s.sex, s.age);
      const keep = trend.months.flatMap((m, i) => (months.has(m) ? [i] : []));
      return {
        segment: {
          dong: s.dong,
          district: dongSegmentDistrict(s),
          sex: s.sex,
          age: s.age,
          population: w.population(s.dong, s.sex, s.age),
        },
        overall,
        standoutMonths,
        trend: {
          months: keep.map((i) => trend.months[i]!),
          series: trend.series.map((x) => ({
            service: x.service,
            values: keep.map((i) =>
              x.values[i] === null ? null : onBasis(x.values[i]!, x.service, trend.months[i]!, basis),
            ),
          })),
        },
      };
    }),
  };
}
