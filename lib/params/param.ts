import type { Codec, Param } from "./codec";

/** Korean names of the parameters, for the pages' "링크의 … 값이 올바르지 않습니다". */
export const PARAM_LABELS: Readonly<Record<string, string>> = {
  district: "자치구",
  dong: "행정동",
  sex: "성별",
  age: "연령대",
  service: "서비스",
  metric: "지도 지표",
  basis: "기준",
  limit: "개수",
  offset: "시작 위치",
  sort: "정렬",
  segments: "고객층",
  pick: "선택한 고객층",
  budget: "예산",
  cpm: "CPM",
  cap: "빈도 상한",
  reachable: "도달 가능 비율",
  shape: "노출 분포 모양",
  months: "캠페인 기간",
  hide: "숨긴 서비스",
  table: "표로 보기",
  grain: "단위",
  from: "기간 시작",
  to: "기간 끝",
};

function labelOf(name: string): string {
  return PARAM_LABELS[name] ?? name;
}

/** A parameter the query must give. */
export function required<T>(name: string, codec: Codec<T>): Param<T> {
  return { name, label: labelOf(name), codec, required: true };
}

/** A parameter that may be left out: it then takes `fallback` (undefined meaning "not given"). */
export function optional<T>(name: string, codec: Codec<T>, fallback?: T): Param<T> {
  return { name, label: labelOf(name), codec, required: false, default: fallback };
}
