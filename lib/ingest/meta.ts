import type { DatasetMeta, SourceFile } from "@/lib/dataset/types";
import type { Method } from "./aggregate";

const AGGREGATION: Record<Method, string> = {
  weighted:
    "행정동 × 5세 연령대 행을 자치구 × 성별 × 10세 연령대로 묶음: 인구는 총인구수의 합, 서비스 값은 인구 가중 평균(가중치: 총인구수 − 그 지표의 미추정 인구수). 비어 있거나 *, - 인 값은 그 평균에서만 빠짐",
  unweighted:
    "행정동 × 5세 연령대 행을 자치구 × 성별 × 10세 연령대로 묶음: 인구는 총인구수의 합, 서비스 값은 값이 있는 행의 단순 평균(가중치 없음, 2023년 분석의 방식)",
};

function span(months: readonly string[]): string {
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return first === last ? first : `${first} ~ ${last}, ${months.length}개월`;
}

/** meta.json for an imported dataset: kind "imported", the method, the months and the source files. */
export function buildMeta(months: readonly string[], files: readonly SourceFile[], method: Method, usageSha256: string, created = new Date()): DatasetMeta {
  const names = files.map((f) => f.name);
  return {
    kind: "imported",
    title: `서울 시민생활 데이터 ${span(months)} (자치구 × 성별 × 연령대, 가져온 데이터)`,
    source: `서울 열린데이터 광장 「행정동 단위 서울 시민생활 데이터 (29개 통신정보)」 월별 파일 ${files.length}개에서 가져옴: ${names.join(", ")}`,
    attribution: "서울특별시, 서울 열린데이터 광장 「서울 시민생활 데이터」",
    aggregation: AGGREGATION[method],
    method,
    months: [...months],
    sha256: usageSha256,
    files: files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    created: created.toISOString(),
  };
}
