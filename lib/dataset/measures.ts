/**
 * The one table of what a dataset can measure: every measure id with the provider's header text
 * (`name_ko`, verbatim as in the monthly files), its kind and unit words, and the 관심집단 (interest
 * groups) with their official names and the names the 2022 files use. The loader, the importer and the
 * UI all read these tables; nothing else spells a header.
 */

/**
 * count: a non-negative quantity per person (days, times, minutes, …); index: a standardized indicator,
 * often negative; amount: money in KRW; ratio: a share; people: a head count, summed when rows are
 * combined (population, 1인가구수, group counts, non-user counts).
 */
export const MEASURE_KINDS = ["count", "index", "amount", "ratio", "people"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/**
 * The plausible range of a stored value of each kind, inclusive; a dataset holding a value outside it is
 * refused at start-up (a 1e200 or a hexadecimal typo would otherwise pass as a number). Wide enough for
 * every real file (2022 maxima: 집 추정 위치 평일 총 체류시간 1,659,425; 소액결재 사용금액 15,667; a
 * district segment's population ≈ 100,000), narrow enough to catch a unit or exponent error.
 */
export const PLAUSIBLE_RANGES: Readonly<Record<MeasureKind, { min: number; max: number }>> = {
  count: { min: 0, max: 1e7 },
  index: { min: -10, max: 10 },
  amount: { min: 0, max: 1e9 },
  ratio: { min: 0, max: 100 },
  people: { min: 0, max: 1e7 },
};

export interface MeasureDef {
  id: string;
  /** The provider's column header, verbatim (2022 files; the official 2023 layout where only there). */
  name_ko: string;
  /** A short reader's label. */
  label_ko: string;
  kind: MeasureKind;
  /** Unit words for readers; "제공처 단위" where the provider does not state one. */
  unit_ko: string;
}

const PROVIDER_UNIT = "제공처 단위";

/** The 29개 통신정보 measures the app knows, the 25 of the 2022 files first, the seven services among them. */
export const MEASURES = [
  {
    id: "night_residence_changes",
    name_ko: "야간상주지 변경횟수 평균",
    label_ko: "야간 상주지 변경",
    kind: "count",
    unit_ko: "회",
  },
  {
    id: "day_residence_changes",
    name_ko: "주간상주지 변경횟수 평균",
    label_ko: "주간 상주지 변경",
    kind: "count",
    unit_ko: "회",
  },
  { id: "commute_time", name_ko: "평균 출근 소요시간 평균", label_ko: "출근 소요시간", kind: "count", unit_ko: "분" },
  { id: "work_time", name_ko: "평균 근무시간 평균", label_ko: "근무시간", kind: "count", unit_ko: "분" },
  { id: "micropay_count", name_ko: "소액결재 사용횟수 평균", label_ko: "소액결제 횟수", kind: "count", unit_ko: "회" },
  {
    id: "micropay_amount",
    name_ko: "소액결재 사용금액 평균",
    label_ko: "소액결제 금액",
    kind: "amount",
    unit_ko: "원",
  },
  { id: "sns_count", name_ko: "SNS 사용횟수", label_ko: "SNS 사용", kind: "index", unit_ko: "표준화 지수" },
  { id: "call_volume", name_ko: "평균 통화량", label_ko: "통화량", kind: "count", unit_ko: PROVIDER_UNIT },
  { id: "sms_volume", name_ko: "평균 문자량", label_ko: "문자량", kind: "count", unit_ko: PROVIDER_UNIT },
  { id: "call_contacts", name_ko: "평균 통화대상자 수", label_ko: "통화 상대 수", kind: "count", unit_ko: "명" },
  { id: "sms_contacts", name_ko: "평균 문자대상자 수", label_ko: "문자 상대 수", kind: "count", unit_ko: "명" },
  { id: "data_usage", name_ko: "데이터 사용량", label_ko: "데이터 사용량", kind: "count", unit_ko: PROVIDER_UNIT },
  { id: "weekday_trips", name_ko: "평일 총 이동 횟수", label_ko: "평일 이동 횟수", kind: "count", unit_ko: "회" },
  { id: "holiday_trips", name_ko: "휴일 총 이동 횟수 평균", label_ko: "휴일 이동 횟수", kind: "count", unit_ko: "회" },
  {
    id: "home_time_weekday",
    name_ko: "집 추정 위치 평일 총 체류시간",
    label_ko: "평일 집 체류시간",
    kind: "count",
    unit_ko: PROVIDER_UNIT,
  },
  {
    id: "home_time_holiday",
    name_ko: "집 추정 위치 휴일 총 체류시간",
    label_ko: "휴일 집 체류시간",
    kind: "count",
    unit_ko: PROVIDER_UNIT,
  },
  {
    id: "weekday_distance",
    name_ko: "평일 총 이동 거리 합계",
    label_ko: "평일 이동 거리",
    kind: "count",
    unit_ko: PROVIDER_UNIT,
  },
  {
    id: "holiday_distance",
    name_ko: "휴일 총 이동 거리 합계",
    label_ko: "휴일 이동 거리",
    kind: "count",
    unit_ko: PROVIDER_UNIT,
  },
  { id: "game", name_ko: "게임 서비스 사용일수", label_ko: "게임", kind: "count", unit_ko: PROVIDER_UNIT },
  { id: "finance", name_ko: "금융 서비스 사용일수", label_ko: "금융", kind: "count", unit_ko: PROVIDER_UNIT },
  { id: "shopping", name_ko: "쇼핑 서비스 사용일수", label_ko: "쇼핑", kind: "count", unit_ko: PROVIDER_UNIT },
  {
    id: "video",
    name_ko: "동영상/방송 서비스 사용일수",
    label_ko: "동영상/방송",
    kind: "count",
    unit_ko: PROVIDER_UNIT,
  },
  { id: "youtube", name_ko: "유튜브 사용일수", label_ko: "유튜브", kind: "index", unit_ko: "표준화 지수" },
  { id: "netflix", name_ko: "넷플릭스 사용일수", label_ko: "넷플릭스", kind: "index", unit_ko: "표준화 지수" },
  { id: "delivery", name_ko: "배달 서비스 사용일수", label_ko: "배달", kind: "count", unit_ko: PROVIDER_UNIT },
  // Only in the official 2023 layout (official-29-columns.tsv).
  {
    id: "overdue_ratio",
    name_ko: "최근 3개월 내 요금 연체 비율",
    label_ko: "요금 연체 비율",
    kind: "ratio",
    unit_ko: PROVIDER_UNIT,
  },
  { id: "subway_days", name_ko: "지하철이동일수 합계", label_ko: "지하철 이동일수", kind: "count", unit_ko: "일" },
  {
    id: "delivery_brand",
    name_ko: "배달_브랜드 서비스 사용일수",
    label_ko: "배달(브랜드)",
    kind: "count",
    unit_ko: PROVIDER_UNIT,
  },
  {
    id: "delivery_grocery",
    name_ko: "배달_식재료 서비스 사용일수",
    label_ko: "배달(식재료)",
    kind: "count",
    unit_ko: PROVIDER_UNIT,
  },
  {
    id: "micropay_nonusers",
    name_ko: "소액결재 비사용 인구수",
    label_ko: "소액결제 비사용 인구",
    kind: "people",
    unit_ko: "명",
  },
  {
    id: "micropay_zero_amount",
    name_ko: "소액결재 사용 금액 없는 인구수",
    label_ko: "소액결제 금액 없는 인구",
    kind: "people",
    unit_ko: "명",
  },
  {
    id: "kakaotalk_nonusers",
    name_ko: "카카오톡 비사용 인구수",
    label_ko: "카카오톡 비사용 인구",
    kind: "people",
    unit_ko: "명",
  },
] as const satisfies readonly MeasureDef[];

export type MeasureId = (typeof MEASURES)[number]["id"];

/** Population and 1인가구수: people columns every row carries, not measures of usage. */
export const POPULATION_COLUMNS = [
  { id: "population", name_ko: "총인구", aliases_ko: ["총인구수"], kind: "people", unit_ko: "명" },
  { id: "single_households", name_ko: "1인가구수", aliases_ko: [], kind: "people", unit_ko: "가구" },
] as const;
export type PopulationColumnId = (typeof POPULATION_COLUMNS)[number]["id"];

export interface GroupDef {
  id: string;
  /** Official name in the 2023 「10개 관심집단 수」 files, verbatim. */
  name_ko: string;
  /** Other names the provider's files use for the same group (the 2022 files drop "(전체)"). */
  aliases_ko: readonly string[];
}

/** The 관심집단 counts, in the official files' column order. All are people (summed). */
export const GROUPS = [
  { id: "low_communication", name_ko: "커뮤니케이션이 적은 집단", aliases_ko: [] },
  { id: "weekday_homebound", name_ko: "평일 외출이 적은 집단", aliases_ko: [] },
  { id: "holiday_homebound", name_ko: "휴일 외출이 적은 집단", aliases_ko: [] },
  { id: "long_commute_work", name_ko: "출근소요시간 및 근무시간이 많은 집단", aliases_ko: [] },
  { id: "very_homebound", name_ko: "외출이 매우 적은 집단(전체)", aliases_ko: ["외출이 매우 적은 집단"] },
  { id: "very_outgoing", name_ko: "외출이 매우 많은 집단", aliases_ko: [] },
  { id: "heavy_video", name_ko: "동영상서비스 이용이 많은 집단", aliases_ko: [] },
  { id: "heavy_life_services", name_ko: "생활서비스 이용이 많은 집단", aliases_ko: [] },
  { id: "financial_concern", name_ko: "재정상태에 대한 관심집단", aliases_ko: [] },
  {
    id: "isolated",
    name_ko: "외출-커뮤니케이션이 모두 적은 집단(전체)",
    aliases_ko: ["외출-커뮤니케이션이 모두 적은 집단"],
  },
] as const satisfies readonly GroupDef[];

export type GroupId = (typeof GROUPS)[number]["id"];

/** Every column id a data file may carry besides its keys. */
export type ColumnId = PopulationColumnId | MeasureId | GroupId;

export const MEASURE_BY_ID: ReadonlyMap<string, MeasureDef> = new Map(MEASURES.map((m) => [m.id, m]));
export const GROUP_BY_ID: ReadonlyMap<string, GroupDef> = new Map(GROUPS.map((g) => [g.id, g]));

/** Headers compare without spaces and in NFC, as the importer reads them. */
export function headerKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, "");
}

const columnByHeader = new Map<string, ColumnId>();
for (const c of POPULATION_COLUMNS)
  for (const h of [c.name_ko, ...c.aliases_ko]) columnByHeader.set(headerKey(h), c.id);
for (const m of MEASURES) columnByHeader.set(headerKey(m.name_ko), m.id);
for (const g of GROUPS) for (const h of [g.name_ko, ...g.aliases_ko]) columnByHeader.set(headerKey(h), g.id);

/** The column id a provider header names (official or 2022 spelling), or undefined. */
export function columnOfHeader(header: string): ColumnId | undefined {
  return columnByHeader.get(headerKey(header));
}

/** Quartile columns of the official layout: `<measure id>_q25`, `_q50`, `_q75`, of the base's kind. */
export const QUARTILE_SUFFIX = /_q(25|50|75)$/;

/** The kind a stored column's values are checked against: group counts and population are people. */
export function kindOfColumn(id: string): MeasureKind | undefined {
  if (GROUP_BY_ID.has(id) || id === "population" || id === "single_households") return "people";
  return MEASURE_BY_ID.get(id.replace(QUARTILE_SUFFIX, ""))?.kind;
}

/** Whether rows combine by sum (people) or by the unweighted mean of the provider's rows (the rest). */
export function isSummed(id: string): boolean {
  return kindOfColumn(id) === "people";
}
