import type { Metadata } from "next";
import { ParamProblems } from "@/components/ParamProblems";
import { PlanWorkspace } from "@/components/plan/PlanWorkspace";
import { PlanDroppedSegments } from "@/components/plan/PlanDroppedSegments";
import { getPlan, getPlanCurve } from "@/lib/api/queries";
import { SERVICE_IDS, type ServiceId } from "@/lib/domain";
import { PLAN_DEFAULT_SEGMENTS } from "@/lib/engine";
import { codecs } from "@/lib/params";
import { planPage, type PlanValues } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { PeriodControl } from "@/components/PeriodControl";
import { windowQuery } from "@/lib/params/api";
import { pageWindow, periodControlProps } from "@/lib/server/window";
import { lenientSegments } from "@/lib/views/audience";
import { blankProblems, planDescription, planTitle } from "@/lib/views/plan";
import { pageMetadata } from "@/lib/views/share";

type Props = { searchParams: Promise<QueryInput> };

async function readPlan(searchParams: Props["searchParams"]) {
  const input = await searchParams;
  // The window first: a plan's months are the window's.
  const pw = pageWindow(readQuery(input, windowQuery).values);
  const { engine } = pw;
  const shape = planPage(engine.months);
  const read = readQuery(input, shape);
  // A partly bad segment list keeps its valid ids (the browser reads it the same way, usePlanState);
  // the ids left out are named in full by PlanDroppedSegments rather than as one cut-off value.
  const lenient = lenientSegments(input, "segments", 50);
  const dropped = lenient.dropped;
  const problems = [
    ...read.problems.filter((p) => p.parameter !== "segments" || dropped.length === 0),
    ...blankProblems(input, shape),
    ...(pw.problem ? [pw.problem] : []),
  ];
  const segments = lenient.items.length ? lenient.items : undefined;
  // Every parameter but segments has a default, so all of them are there.
  return { engine, pw, shape, values: { ...read.values, segments } as PlanValues, problems, dropped };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { shape, values } = await readPlan(searchParams);
  return pageMetadata({
    title: planTitle(values.service, values.budget),
    description: planDescription({ ...values, segmentCount: values.segments?.length }),
    pagePath: "/plan",
    canonicalQuery: writeQuery(shape, values),
  });
}

/** /plan: a budget turned into impressions over segments and months, rendered whole from the URL. */
export default async function PlanPage({ searchParams }: Props) {
  const { engine, pw, shape, values, problems, dropped } = await readPlan(searchParams);
  const allMonths = values.months.length === engine.months.length;
  const request = { ...values, months: allMonths ? undefined : values.months };
  const outcome = getPlan(engine, request);
  const curve = getPlanCurve(engine, request);
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
      <PeriodControl {...periodControlProps("/plan", shape, values, pw)} />
      <PlanDroppedSegments dropped={dropped} kept={values.segments?.length ?? 0} fixHref={hrefOf("/plan", shape, values)} />
      <PlanWorkspace months={engine.months} flagged={pw.notes.map((n) => n.month)} initial={{ canonicalQuery: writeQuery(shape, values), outcome, curve }} defaults={defaults} attribution={engine.meta.attribution} />
    </>
  );
}
