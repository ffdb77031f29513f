import { GROUPS, type GroupId } from "@/lib/dataset/measures";
import type { DatasetMetaV2, Grain } from "@/lib/dataset/types";
import type { Method, MeasureOut } from "./dataset-out";

const AGGREGATION: Record<Method, string> = {
  weighted:
    "행정동 × 성별 × 5세 연령대 행은 제공된 그대로 보관. 자치구 × 성별 × 10세 연령대 값: 인구·1인가구수·집단 수·비사용 인구수는 합, 그 밖의 지표는 가중 평균(가중치: 총인구수 − 그 지표의 미추정 인구수, 미추정 열이 없는 지표는 총인구수). 비어 있거나 *, - 인 값은 그 평균에서만 빠짐",
  unweighted:
    "행정동 × 성별 × 5세 연령대 행은 제공된 그대로 보관. 자치구 × 성별 × 10세 연령대 값: 인구·1인가구수·집단 수·비사용 인구수는 합, 그 밖의 지표는 값이 있는 행의 단순 평균(가중치 없음, 2023년 분석의 방식)",
};

function span(months: readonly string[]): string {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return first === last ? first : `${first} ~ ${last}, ${months.length}개월`;
}

export interface MetaInput {
  months: string[];
  measures: readonly MeasureOut[];
  groups: readonly { id: GroupId; months: string[] }[];
  method: Method;
  sources: { name: string; sha256: string }[];
  files: Record<string, string>;
  created?: Date;
  defaultWindow: { from: string; to: string };
}

/** meta.json of an imported dataset (format v2): kind "imported", months, measures with their weights, groups, files. */
export function buildMeta(i: MetaInput): DatasetMetaV2 & { sources: { name: string; sha256: string }[] } {
  const grains: Grain[] = ["dong", "district"];
  const groupName = new Map<string, string>(GROUPS.map((g) => [g.id, g.name_ko]));
  return {
    kind: "imported",
    title: `서울 시민생활 데이터 ${span(i.months)} (행정동 × 성별 × 연령대, 가져온 데이터)`,
    source: `서울 열린데이터 광장 「행정동 단위 서울 시민생활 데이터」 (29개 통신정보, 10개 관심집단 수) 월별 파일 ${i.sources.length}개에서 가져옴: ${i.sources.map((s) => s.name).join(", ")}`,
    attribution: "서울특별시, 서울 열린데이터 광장 「서울 시민생활 데이터」",
    aggregation: AGGREGATION[i.method],
    method: i.method,
    months: i.months,
    defaultWindow: i.defaultWindow,
    measures: i.measures.map((m) => ({
      id: m.measure.id,
      name_ko: m.measure.name_ko,
      kind: m.measure.base.kind,
      unit_ko: m.measure.base.unit_ko,
      months: m.months,
      grains,
      ...(m.weights ? { weights: m.weights } : {}),
    })),
    groups: i.groups.map((g) => ({ id: g.id, name_ko: groupName.get(g.id)!, months: g.months, grains })),
    files: i.files,
    sources: i.sources,
    created: (i.created ?? new Date()).toISOString(),
  };
}
