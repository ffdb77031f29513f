import type { Metadata } from "next";
import { ParamProblems } from "@/components/ParamProblems";
import { PlanWorkspace } from "@/components/plan/PlanWorkspace";
import { getPlan } from "@/lib/api/queries";
import { SERVICE_IDS, type ServiceId } from "@/lib/domain";
import { PLAN_DEFAULT_SEGMENTS } from "@/lib/engine";
import { formatInt, formatKoreanAmount, serviceName } from "@/lib/format";
import { codecs } from "@/lib/params";
import { planPage, type PlanValues } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { getEngine } from "@/lib/server/engine";
import { planTitle } from "@/lib/views/plan";
import { pageMetadata } from "@/lib/views/share";

type Props = { searchParams: Promise<QueryInput> };

async function readPlan(searchParams: Props["searchParams"]) {
  const engine = getEngine();
  const shape = planPage(engine.months);
  const { values, problems } = readQuery(await searchParams, shape);
  // Every parameter but segments has a default, so all of them are there.
  return { engine, shape, values: values as PlanValues, problems };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { shape, values } = await readPlan(searchParams);
  const count = values.segments ? `고른 고객층 ${values.segments.length}개` : "상위 타겟 10개 고객층";
  return pageMetadata({
    title: planTitle(values.service, values.budget),
    description: `${serviceName(values.service)} 광고 예산 ${formatKoreanAmount(values.budget, "원")}을 CPM ${formatInt(values.cpm)}원, 1인당 월 ${formatInt(values.cap)}회 상한으로 ${count}과 달에 나눈 노출·예산 계획.`,
    pagePath: "/plan",
    canonicalQuery: writeQuery(shape, values),
  });
}

/** /plan: a budget turned into impressions over segments and months, rendered whole from the URL. */
export default async function PlanPage({ searchParams }: Props) {
  const { engine, shape, values, problems } = await readPlan(searchParams);
  const allMonths = values.months.length === engine.months.length;
  const outcome = getPlan(engine, { ...values, months: allMonths ? undefined : values.months });
  const defaults = Object.fromEntries(
    SERVICE_IDS.map((s) => [s, engine.targets(s, PLAN_DEFAULT_SEGMENTS).map((t) => codecs.segment.serialize(t))]),
  ) as Record<ServiceId, string[]>;
  return (
    <>
      <h1>광고 예산 계획</h1>
      <p className="lead">
        예산과 CPM을 넣으면, 서비스를 서울 평균보다 많이 쓰는 고객층과 달에 노출을 나눠 누구에게, 언제, 몇 번 보여 줄지 계산합니다. 조건은 모두 주소에 담겨 링크로
        그대로 공유됩니다.
      </p>
      <ParamProblems problems={problems} validHref={hrefOf("/plan", shape, values)} />
      <PlanWorkspace months={engine.months} initial={{ canonicalQuery: writeQuery(shape, values), outcome }} defaults={defaults} attribution={engine.meta.attribution} />
    </>
  );
}
