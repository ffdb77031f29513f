"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChartFooter, ChartFrame } from "@/components/ChartFrame";
import type { Plan } from "@/lib/engine";
import { serviceName } from "@/lib/format";
import type { PlanValues } from "@/lib/params/pages";
import { planApiQuery, planQueryOptions } from "@/lib/query/plan";
import {
  allocationRule,
  budgetBars,
  flightGrid,
  flightTable,
  PLAN_CAVEAT,
  planFileName,
  planSummary,
  planTotals,
  segmentTable,
  unspentReason,
  zeroWeightExplanation,
} from "@/lib/views/plan";
import { BudgetChartLazy } from "./BudgetChartLazy";
import { FlightGrid } from "./FlightGrid";
import styles from "./plan.module.css";

interface Props {
  months: readonly string[];
  values: PlanValues;
  segmentCount: number;
  /** The dataset's attribution, for the source notes. */
  attribution: string;
}

/** The plan for the inputs in the URL: refetched from /api/plan as they change, the last one kept meanwhile. */
export function PlanResults({ months, values, segmentCount, attribution }: Props) {
  const { data, isError, isPlaceholderData } = useQuery({ ...planQueryOptions(months, values), placeholderData: keepPreviousData });
  const busy = isPlaceholderData;
  return (
    <div className={styles.results} aria-busy={busy} data-testid="plan-results" data-busy={busy}>
      <p className={styles.status} role="status" aria-live="polite">
        {busy ? "새 조건으로 다시 계산하는 중…" : ""}
      </p>
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
      {data?.ok ? <PlanView plan={data.plan} query={planApiQuery(months, values)} attribution={attribution} /> : null}
    </div>
  );
}

function PlanView({ plan, query, attribution }: { plan: Plan; query: string; attribution: string }) {
  const totals = planTotals(plan);
  const reason = unspentReason(plan);
  const name = serviceName(plan.service);
  const now = new Date();
  const source = `${attribution}. 이용 z는 서울 300개 고객층(25개 구 × 성별 × 6개 연령대) 사이에서 달마다 계산, 인구는 거주 인구.`;
  return (
    <>
      <section className={`card ${styles.summaryCard}`} aria-labelledby="plan-summary-title">
        <h2 id="plan-summary-title">{name} 광고 예산 계획</h2>
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
          <p>{allocationRule(plan.service, plan.cap)}</p>
          <p className={styles.caveat}>{PLAN_CAVEAT}</p>
        </div>
        <p className={styles.downloads}>
          <a className="button-secondary" href={`/api/plan/xlsx${query}`} download={planFileName(plan.service, now, "plan", "xlsx")} data-testid="plan-xlsx">
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
            막대는 고객층별 예산입니다(주황: 빈도 상한에 닿아 더 받을 수 없음). 광고 게재처는 그 고객층이 {name} 말고도 서울 평균보다 많이 쓰는 서비스입니다.
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
            <p>칸마다 그 달 그 고객층의 예산입니다(색이 진할수록 많음, 마우스를 올리면 정확한 금액). “–”는 그 달 {name} 이용이 서울 평균 이하라 배정이 없는 칸입니다.</p>
          </div>
        </header>
        <FlightGrid grid={flightGrid(plan)} />
        <ChartFooter source={source} table={flightTable(plan)} filename={planFileName(plan.service, now, "plan-months", "csv")} />
      </section>
    </>
  );
}
