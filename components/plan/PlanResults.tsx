"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChartFooter, ChartFrame } from "@/components/ChartFrame";
import { DataTable } from "@/components/DataTable";
import type { Plan } from "@/lib/engine";
import { serviceName } from "@/lib/format";
import type { PlanValues } from "@/lib/params/pages";
import { planApiQuery, planCurveQueryOptions, planQueryOptions } from "@/lib/query/plan";
import {
  allocationRule,
  budgetBars,
  curveTable,
  flightGrid,
  flightTable,
  frequencyTable,
  PLAN_CAVEAT,
  planFileName,
  planSummary,
  planTotals,
  REACH_LIMITS,
  reachRule,
  reachTotals,
  segmentTable,
  unspentReason,
  zeroWeightExplanation,
  isDongPlan,
  zReference,
} from "@/lib/views/plan";
import { BudgetChartLazy } from "./BudgetChartLazy";
import { FlightGrid } from "./FlightGrid";
import { ReachCurveLazy } from "./ReachCurveLazy";
import styles from "./plan.module.css";

interface Props {
  months: readonly string[];
  values: PlanValues;
  segmentCount: number;
  /** The dataset's attribution, for the source notes. */
  attribution: string;
  /** Why the inputs on screen describe no plan yet (an invalid field, no segments): the results are then the previous plan. */
  stale: string | null;
}

/**
 * The plan for the inputs in the URL: refetched from /api/plan as they change, the last one kept
 * meanwhile. While an input is invalid, the URL still holds the last valid inputs: their plan stays,
 * marked 이전 계획 and inert (no downloads of a plan the screen no longer asks for).
 */
export function PlanResults({ months, values, segmentCount, attribution, stale }: Props) {
  const { data, isError, isPlaceholderData } = useQuery({
    ...planQueryOptions(months, values),
    placeholderData: keepPreviousData,
  });
  const busy = isPlaceholderData;
  return (
    <div
      className={styles.results}
      aria-busy={busy}
      data-testid="plan-results"
      data-busy={busy}
      data-stale={stale ? "true" : "false"}
    >
      <p className={styles.status} role="status" aria-live="polite">
        {busy ? "새 조건으로 다시 계산하는 중…" : ""}
      </p>
      {stale ? (
        <div className={`card notice ${styles.staleNotice}`} role="alert" data-testid="plan-stale">
          <p>
            <strong>이전 계획</strong> · {stale}
          </p>
        </div>
      ) : null}
      <div className={stale ? styles.stale : undefined} inert={stale ? true : undefined}>
        {isError ? (
          <div className="card notice" role="alert">
            <p>계획을 계산하지 못했습니다. 잠시 후 다시 시도하거나 페이지를 새로 고쳐 주세요.</p>
          </div>
        ) : null}
        {data && !data.ok ? (
          <div className="card notice" role="alert" data-testid="plan-no-weight">
            <h2>이 조건으로는 예산을 나눌 수 없습니다</h2>
            <p>{zeroWeightExplanation(values.service, values.months, segmentCount)}</p>
          </div>
        ) : null}
        {data?.ok ? (
          <PlanView plan={data.plan} months={months} values={values} attribution={attribution} stale={stale !== null} />
        ) : null}
      </div>
    </div>
  );
}

function PlanView({
  plan,
  months,
  values,
  attribution,
  stale,
}: {
  plan: Plan;
  months: readonly string[];
  values: PlanValues;
  attribution: string;
  stale: boolean;
}) {
  const query = planApiQuery(months, values);
  const totals = planTotals(plan);
  const reach = reachTotals(plan);
  const reason = unspentReason(plan);
  const name = serviceName(plan.service);
  const now = new Date();
  const source = `${attribution}. 이용 z는 ${zReference(isDongPlan(plan))} 사이에서 달마다 계산, 인구는 거주 인구.`;
  return (
    <>
      <section className={`card ${styles.summaryCard}`} aria-labelledby="plan-summary-title">
        <h2 id="plan-summary-title">
          {stale ? "이전 계획 · " : ""}
          {name} 광고 예산 계획
        </h2>
        <dl className={styles.totals} data-testid="plan-totals">
          {totals.map((t) => (
            <div key={t.key} data-total={t.key} data-value={t.value}>
              <dt>{t.label}</dt>
              <dd title={t.exact}>
                <span className={styles.big}>{t.compact}</span>
                <span className={styles.exact}>{t.exact}</span>
              </dd>
            </div>
          ))}
          {reach.map((r) => (
            <div
              key={r.key}
              data-total={r.key}
              data-lower={r.range.lower}
              data-upper={r.range.upper}
              className={styles.reachTotal}
            >
              <dt>{r.label} · 추정 범위</dt>
              <dd title={r.exact}>
                <span className={styles.big}>{r.compact}</span>
                <span className={styles.exact}>{r.exact}</span>
              </dd>
            </div>
          ))}
        </dl>
        {reason ? (
          <p className={styles.unspent} data-testid="plan-unspent-reason">
            {reason}
          </p>
        ) : null}
        <p className={styles.summary} data-testid="plan-summary">
          {planSummary(plan)}
        </p>
        <div className={styles.rule}>
          <h3>배정 방식</h3>
          <p>{allocationRule(plan.service, plan.cap, isDongPlan(plan))}</p>
          <p className={styles.caveat}>{PLAN_CAVEAT}</p>
          <h3>도달 추정 방식</h3>
          <p data-testid="plan-reach-rule">{reachRule(plan)}</p>
          <p className={styles.caveat}>{REACH_LIMITS}</p>
        </div>
        <p className={styles.downloads}>
          <a
            className="button-secondary"
            href={`/api/plan/xlsx${query}`}
            download={planFileName(plan.service, now, "plan", "xlsx")}
            data-testid="plan-xlsx"
          >
            엑셀(XLSX) 다운로드
          </a>
          <span className={styles.hint}>고객층별·월별 표와 입력값, 출처, 배정 방식이 담긴 통합 문서</span>
        </p>
      </section>

      <ChartFrame
        id="plan-segments"
        title={`고객층별 예산 (${plan.segments.length}개)`}
        description={
          <p>
            막대는 고객층별 예산입니다(주황: 빈도 상한에 닿아 더 받을 수 없음). 광고 게재처는 그 고객층이 {name} 말고도
            서울 평균보다 많이 쓰는 서비스입니다.
          </p>
        }
        table={segmentTable(plan)}
        tableOpen
        source={source}
        filename={planFileName(plan.service, now, "plan-segments", "csv")}
      >
        <BudgetChartLazy bars={budgetBars(plan)} />
      </ChartFrame>

      <section className="card chart-frame" aria-labelledby="plan-months-title">
        <header className="chart-header">
          <h2 id="plan-months-title">월별 편성</h2>
          <div className="chart-description">
            <p>
              칸마다 그 달 그 고객층의 예산입니다(색이 진할수록 많음, 마우스를 올리면 정확한 금액). “–”는 그 달 {name}{" "}
              이용이 서울 평균 이하라 배정이 없는 칸입니다.
            </p>
          </div>
        </header>
        <FlightGrid grid={flightGrid(plan)} />
        <ChartFooter
          source={source}
          table={flightTable(plan)}
          filename={planFileName(plan.service, now, "plan-months", "csv")}
        />
      </section>

      <ReachCurve
        months={months}
        values={values}
        source={`${source} 도달은 모형 추정(위 ‘도달 추정 방식’).`}
        now={now}
      />

      <section className="card chart-frame" aria-labelledby="plan-frequency-title">
        <header className="chart-header">
          <h2 id="plan-frequency-title">빈도 분포 (모형 추정)</h2>
          <div className="chart-description">
            <p>
              달마다 광고를 정확히 1회, 2회, … 본 사람 수입니다(고른 고객층 합계). 마지막 줄은 빈도 상한 {plan.cap}
              회까지 본 사람으로, 상한이 없었다면 더 봤을 사람도 포함합니다.
            </p>
          </div>
        </header>
        <DataTable table={frequencyTable(plan)} caption="달별 빈도 분포 (명)" testId="plan-frequency-table" />
        <ChartFooter
          source={source}
          table={frequencyTable(plan)}
          filename={planFileName(plan.service, now, "plan-frequency", "csv")}
        />
      </section>
    </>
  );
}

/** The reach curve: the same plan at ¼ … 3 × the budget, from /api/plan/curve (the server's for the first render). */
function ReachCurve({
  months,
  values,
  source,
  now,
}: {
  months: readonly string[];
  values: PlanValues;
  source: string;
  now: Date;
}) {
  const { data } = useQuery({ ...planCurveQueryOptions(months, values), placeholderData: keepPreviousData });
  if (!data?.ok) return null;
  return (
    <ChartFrame
      id="plan-curve"
      title="예산을 바꾸면: 도달 곡선"
      description={
        <p>
          같은 고객층·기간·CPM·상한·가정으로 예산만 ¼배에서 3배까지 바꿨을 때의 도달 범위입니다. 곡선이 눕는 만큼 돈을
          더 써도 새로 닿는 사람은 줄어듭니다. 점선이 지금 예산입니다.
        </p>
      }
      table={curveTable(data.points)}
      source={source}
      filename={planFileName(values.service, now, "plan-curve", "csv")}
    >
      <ReachCurveLazy points={data.points} budget={values.budget} />
    </ChartFrame>
  );
}
