import type { District } from "@/lib/districts";

/**
 * The fixed vocabulary of the analysis: services, age bands, sexes, segments and the value basis, in
 * display order. Units differ by service (see data/README.md), so nothing here implies a common scale.
 */
export const SERVICE_IDS = ["game", "finance", "shopping", "video", "youtube", "netflix", "delivery"] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/**
 * "count": the provider's positive usage indicators (game, finance, shopping, video, delivery);
 * "index": standardized indices, often negative (youtube, netflix). Ratios and per-day division only
 * make sense for counts.
 */
export type UnitKind = "count" | "index";

export interface ServiceInfo {
  id: ServiceId;
  name_ko: string;
  /** The provider's indicator this service is read from (its column name in the official files). */
  indicator_ko: string;
  /** "count" indicators are positive (mostly above 31); "index" ones are standardized, often negative. */
  unit: UnitKind;
}

/** The unit of each kind of service value, in words for readers. */
export const UNIT_LABELS: Readonly<Record<UnitKind, string>> = {
  count: "제공처 단위",
  index: "표준화 지수",
};

export const SERVICES: readonly ServiceInfo[] = [
  { id: "game", name_ko: "게임", indicator_ko: "게임 서비스 사용일수", unit: "count" },
  { id: "finance", name_ko: "금융", indicator_ko: "금융 서비스 사용일수", unit: "count" },
  { id: "shopping", name_ko: "쇼핑", indicator_ko: "쇼핑 서비스 사용일수", unit: "count" },
  { id: "video", name_ko: "동영상/방송", indicator_ko: "동영상/방송 서비스 사용일수", unit: "count" },
  { id: "youtube", name_ko: "유튜브", indicator_ko: "유튜브 사용일수", unit: "index" },
  { id: "netflix", name_ko: "넷플릭스", indicator_ko: "넷플릭스 사용일수", unit: "index" },
  { id: "delivery", name_ko: "배달", indicator_ko: "배달 서비스 사용일수", unit: "count" },
];

export const SERVICE_BY_ID: Readonly<Record<ServiceId, ServiceInfo>> = Object.fromEntries(
  SERVICES.map((s) => [s.id, s]),
) as Record<ServiceId, ServiceInfo>;

export function unitKind(service: ServiceId): UnitKind {
  return SERVICE_BY_ID[service].unit;
}

export function isServiceId(v: string): v is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(v);
}

export const AGES = [20, 30, 40, 50, 60, 70] as const;
export type Age = (typeof AGES)[number];

export function isAge(v: number): v is Age {
  return (AGES as readonly number[]).includes(v);
}

/** Midpoint of a 10-year band, used for population-weighted average age (20대 → 25). */
export function ageMidpoint(age: Age): number {
  return age + 5;
}

export function ageLabel(age: Age): string {
  return `${age}대`;
}

export const SEXES = ["F", "M"] as const;
export type Sex = (typeof SEXES)[number];
/** T is both sexes together; only views that sum populations accept it. */
export const SEX_FILTERS = ["F", "M", "T"] as const;
export type SexFilter = (typeof SEX_FILTERS)[number];

export const SEX_LABELS: Readonly<Record<SexFilter, string>> = { F: "여성", M: "남성", T: "전체" };

/**
 * One segment: a district × sex × age band. The district is the resolved object (lib/districts), so
 * whatever spelling a URL used was settled once, at the edge.
 */
export interface SegmentKey {
  district: District;
  sex: Sex;
  age: Age;
}

/**
 * One 행정동 segment as a link names it (`1119054.F.30`): the 행정동's 7-digit statistics code × sex × age
 * band. The 행정동 are the loaded dataset's, not a fixed list like the 25 districts, so the id is read
 * by its form (lib/params/values.ts) and checked against the dataset where it is used
 * (lib/dong-segments.ts), as a window's months are.
 */
export interface DongSegmentId {
  dong: string;
  sex: Sex;
  age: Age;
}

/** A segment at either grain: what the /audience picks, /compare and /plan lists hold. */
export type AnySegment = SegmentKey | DongSegmentId;

/** The two grains a segment can have: district × sex × age (300) or 행정동 × sex × age (5,088). */
export const GRAINS = ["district", "dong"] as const;
export type Grain = (typeof GRAINS)[number];

export function isDongSegment(s: AnySegment): s is DongSegmentId {
  return typeof (s as DongSegmentId).dong === "string";
}

export function grainOf(s: AnySegment): Grain {
  return isDongSegment(s) ? "dong" : "district";
}

/**
 * The basis of a service's monthly values. "month": as published (the default everywhere). "day":
 * count services divided by the days of that calendar month, so February's 28 days stop reading as a
 * dip; index services are standardized, not totals, and stay as they are.
 */
export const BASES = ["month", "day"] as const;
export type Basis = (typeof BASES)[number];
export const DEFAULT_BASIS: Basis = "month";

/** How a list of segments for one service may be ordered (always highest first). */
export const AUDIENCE_SORTS = ["z", "score", "population", "districtZ"] as const;
export type AudienceSort = (typeof AUDIENCE_SORTS)[number];
/** The same at the 행정동 grain: dongZ (the 행정동 effect within the district) stands where districtZ does. */
export const DONG_AUDIENCE_SORTS = ["z", "score", "population", "dongZ"] as const;
export type DongAudienceSort = (typeof DONG_AUDIENCE_SORTS)[number];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a calendar month given as `YYYY-MM` (Gregorian leap years: 2024-02 → 29, 2023-02 → 28). */
export function daysInMonth(month: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const days = m ? MONTH_DAYS[Number(m[2]) - 1] : undefined;
  if (days === undefined) throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(month)}`);
  const year = Number(m![1]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return days === 28 && leap ? 29 : days;
}

/** A service's value in a month on the basis: per day divides counts by the month's days. */
export function onBasis(value: number, service: ServiceId, month: string, basis: Basis): number {
  return basis === "day" && unitKind(service) === "count" ? value / daysInMonth(month) : value;
}
