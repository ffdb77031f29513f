import type { ParamProblem } from "@/lib/api/params";
import { DISTRICTS } from "@/lib/districts";
import { isServiceId, SERVICE_BY_ID, SEX_LABELS } from "@/lib/domain";

/**
 * Korean wording of an invalid link's problem for the pages (the API's own messages are English, for
 * developers). Allowed values come with their Korean labels so a reader can pick one.
 */
const PARAM_LABELS: Record<string, string> = {
  district: "자치구",
  sex: "성별",
  age: "연령대",
  service: "서비스",
  metric: "지도 지표",
  limit: "개수",
};

const METRIC_LABELS: Record<string, string> = { "average-age": "평균 연령", population: "인구" };

export interface AllowedValue {
  value: string;
  label: string;
}

function labelOf(parameter: string, value: string | number): string {
  const v = String(value);
  if (parameter === "sex" && v in SEX_LABELS) return SEX_LABELS[v as keyof typeof SEX_LABELS];
  if (parameter === "age") return `${v}대`;
  if (parameter === "service" && isServiceId(v)) return SERVICE_BY_ID[v].name_ko;
  if (parameter === "metric") return METRIC_LABELS[v] ?? v;
  return v;
}

export function describeProblem(problem: ParamProblem): { parameterLabel: string; detail: string; allowed: AllowedValue[] } {
  const parameterLabel = PARAM_LABELS[problem.parameter] ?? problem.parameter;
  const name = `${parameterLabel}(${problem.parameter})`;
  const detail = {
    missing: `${name} 값이 없습니다.`,
    repeated: `${name} 값이 링크에 여러 번 들어 있습니다. 한 번만 지정해 주세요.`,
    too_long: `${name} 값이 너무 깁니다.`,
    invalid: `${name}에 "${problem.value ?? ""}"은(는) 사용할 수 없는 값입니다.`,
  }[problem.reason];
  const allowed =
    problem.parameter === "district"
      ? DISTRICTS.map((d) => ({ value: d.slug, label: d.name_ko }))
      : (problem.allowed ?? []).map((v) => ({ value: String(v), label: labelOf(problem.parameter, v) }));
  return { parameterLabel, detail, allowed };
}
