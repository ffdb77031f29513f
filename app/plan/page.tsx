import type { Metadata } from "next";
import { ParamProblems } from "@/components/ParamProblems";
import styles from "@/components/plan/plan.module.css";
import { PlanWorkspace } from "@/components/plan/PlanWorkspace";
import { PlanDroppedSegments } from "@/components/plan/PlanDroppedSegments";
import { getPlan, getPlanCurve } from "@/lib/api/queries";
import { getDongData } from "@/lib/server/dongs";
import { getEngines } from "@/lib/server/engine";
import { viewDongWindow } from "@/lib/api/dong-queries";
import { SERVICE_IDS, grainOf, type AnySegment, type ServiceId } from "@/lib/domain";
import { keepGrain, type DongSegment } from "@/lib/dong-segments";
import { dongLabel } from "@/lib/dongs";
import { PLAN_DEFAULT_SEGMENTS, type PlanRequest } from "@/lib/engine";
import { segmentLabel } from "@/lib/format";
import { windowWords } from "@/lib/insights/dong-map";
import { notesIn } from "@/lib/views/period";
import { codecs } from "@/lib/params";
import { audiencePage, planPage, type PlanValues } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { PeriodControl } from "@/components/PeriodControl";
import { windowQuery } from "@/lib/params/api";
import { pageWindow, periodControlProps } from "@/lib/server/window";
import { lenientAnySegments } from "@/lib/views/audience";
import { blankProblems, planDescription, planTitle } from "@/lib/views/plan";
import { pageMetadata } from "@/lib/views/share";

type Props = { searchParams: Promise<QueryInput> };

/**
 * 행정동 segments are planned over the months of the page's window that have 행정동 figures of the
 * service (else all such months, said in the note), with their population and z at that grain.
 */
function dongPlanning(segments: readonly DongSegment[], window: { from?: string; to?: string }, service: ServiceId) {
  const data = getDongData();
  const view = viewDongWindow(data, window.from, window.to, service);
  if (!view) return null;
  const analysis = data.window(view.window);
  return {
    view,
    months: analysis.info(service).months,
    plan: (q: Omit<PlanRequest, "segments">) => ({
      outcome: analysis.plan({ ...q, segments }),
      curve: analysis.planCurve({ ...q, segments }),
    }),
    labels: Object.fromEntries(
      segments.map((s) => [`${s.dong.code}.${s.sex}.${s.age}`, segmentLabel(dongLabel(s.dong), s.sex, s.age)]),
    ),
    note: `기간: ${windowWords(view.window.months)} — 행정동 자료가 있는 달${view.fellBack ? ". 고른 기간에는 행정동 자료가 없어 이 달들로 계획합니다" : ""}. z는 서울 행정동 고객층 전체와 견준 값입니다.`,
  };
}

async function readPlan(searchParams: Props["searchParams"]) {
  const input = await searchParams;
  // A partly bad segment list keeps its valid ids (the browser reads it the same way, usePlanState), of
  // one grain: the first id's. The ids left out are named in full by PlanDroppedSegments.
  const lenient = lenientAnySegments(input, "segments", 50);
  const grain = lenient.items[0] ? grainOf(lenient.items[0]) : "district";
  const kept = keepGrain(() => getDongData().index, lenient.items, grain);
  const dropped = [...lenient.dropped, ...kept.dropped];
  // The window first: a plan's months are the window's (for 행정동 segments, its months with 행정동 figures of the service).
  const windowValues = readQuery(input, windowQuery).values;
  const pw = pageWindow(windowValues);
  const service = readQuery(input, { service: planPage(pw.engine.months).service }).values.service!;
  const dong = kept.dong.length ? dongPlanning(kept.dong, windowValues, service) : null;
  const months = dong ? dong.months : pw.engine.months;
  const shape = planPage(months);
  const read = readQuery(input, shape);
  const problems = [
    ...read.problems.filter((p) => p.parameter !== "segments" || dropped.length === 0),
    ...blankProblems(input, shape),
    ...(pw.problem && !dong ? [pw.problem] : []),
  ];
  const segments: AnySegment[] | undefined = dong
    ? kept.dong.map((d) => ({ dong: d.dong.code, sex: d.sex, age: d.age }))
    : kept.district.length
      ? kept.district
      : undefined;
  // Every parameter but segments has a default, so all of them are there.
  return {
    engine: pw.engine,
    pw,
    dong,
    months,
    district: kept.district,
    shape,
    values: { ...read.values, segments } as PlanValues,
    problems,
    dropped,
  };
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
  const { engine, pw, dong, months, district, shape, values, problems, dropped } = await readPlan(searchParams);
  const allMonths = values.months.length === months.length;
  const request = { ...values, months: allMonths ? undefined : values.months };
  const { outcome, curve } = dong
    ? dong.plan(request)
    : {
        outcome: getPlan(engine, { ...request, segments: district.length ? district : undefined }),
        curve: getPlanCurve(engine, { ...request, segments: district.length ? district : undefined }),
      };
  const period = dong
    ? {
        ...pw,
        window: { from: dong.view.window.from, to: dong.view.window.to },
        notes: notesIn(getEngines().qualityNotes, dong.view.window.months),
      }
    : pw;
  const defaults = Object.fromEntries(
    SERVICE_IDS.map((s) => [s, engine.targets(s, PLAN_DEFAULT_SEGMENTS).map((t) => codecs.segment.serialize(t))]),
  ) as Record<ServiceId, string[]>;
  return (
    <>
      <h1>광고 예산 계획</h1>
      <p className="lead">
        예산과 CPM을 넣으면, 서비스를 서울 평균보다 많이 쓰는 고객층과 달에 노출을 나눠 누구에게, 언제, 몇 번 보여 줄지
        계산합니다. 조건은 모두 주소에 담겨 링크로 그대로 공유됩니다.
      </p>
      <ParamProblems problems={problems} validHref={hrefOf("/plan", shape, values)} />
      <PeriodControl {...periodControlProps("/plan", shape, values, period)} />
      {dong ? (
        <p className={styles.hint} data-testid="plan-dong-window">
          {dong.note}
        </p>
      ) : null}
      <PlanDroppedSegments
        dropped={dropped}
        kept={values.segments?.length ?? 0}
        fixHref={hrefOf("/plan", shape, values)}
      />
      <PlanWorkspace
        months={months}
        flagged={period.notes.map((n) => n.month)}
        initial={{ canonicalQuery: writeQuery(shape, values), outcome, curve }}
        defaults={defaults}
        attribution={engine.meta.attribution}
        labels={dong?.labels}
        dongAudienceHref={hrefOf("/audience", audiencePage, {
          service: values.service,
          grain: "dong",
          pick: values.segments,
        })}
      />
    </>
  );
}
