/**
 * The fixed vocabulary of the analysis: services, age bands and sexes, in display order.
 * Units differ by service (see data/README.md), so nothing here implies a common scale.
 */
export const SERVICE_IDS = ["game", "finance", "shopping", "video", "youtube", "netflix", "delivery"] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export interface ServiceInfo {
  id: ServiceId;
  name_ko: string;
  /** The provider's indicator this service is read from (its column name in the official files). */
  indicator_ko: string;
  /** "count" indicators are positive (mostly above 31); "index" ones are standardized, often negative. */
  unit: "count" | "index";
}

/** The unit of each kind of service value, in words for readers. */
export const UNIT_LABELS: Readonly<Record<ServiceInfo["unit"], string>> = {
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

export interface SegmentKey {
  districtCode: string;
  sex: Sex;
  age: Age;
}

export function segmentId(k: SegmentKey): string {
  return `${k.districtCode}:${k.sex}:${k.age}`;
}
