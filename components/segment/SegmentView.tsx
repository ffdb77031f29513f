"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useEffect, useMemo } from "react";
import { ChartFrame } from "@/components/ChartFrame";
import { findDistrict } from "@/lib/districts";
import { trendChartRows } from "@/lib/views/trend";
import { formatInt, monthLabel, segmentLabel } from "@/lib/format";
import { priorityQuery, trendQuery } from "@/lib/query/options";
import { BEST_MONTH_SERVICES, bestMonthCards, bestMonthsTable, monthlyRankTable, priorityTable, trendTable } from "@/lib/segment/tables";
import { segmentParsers } from "@/lib/url-state";
import { BestMonths } from "./BestMonths";
import { MonthlyRanking } from "./MonthlyRanking";
import { PriorityList } from "./PriorityList";
import { SegmentControls } from "./SegmentControls";
import styles from "./segment.module.css";

// Recharts (~120 KiB gzip) is loaded after the page is interactive; it draws nothing on the server anyway.
const TrendChart = dynamic(() => import("./TrendChart").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => (
    <div className={styles.chartLoading} data-testid="trend-chart-loading">
      차트를 불러오는 중…
    </div>
  ),
});

interface Props {
  attribution: string;
  datasetTitle: string;
}

/** The /segment page's interactive part: URL state (nuqs) → queries (TanStack) → sections. */
export function SegmentView({ attribution, datasetTitle }: Props) {
  const [state, setState] = useQueryStates(segmentParsers);
  const district = findDistrict(state.district)!;
  const q = { district: district.code, sex: state.sex, age: state.age };
  const priority = useQuery({ ...priorityQuery(q), placeholderData: keepPreviousData });
  const trend = useQuery({ ...trendQuery(q), placeholderData: keepPreviousData });

  const p = priority.data;
  const t = trend.data;
  const view = useMemo(() => {
    if (!p || !t) return null;
    const cards = bestMonthCards(p.overall, p.bestMonths);
    return {
      priorityTable: priorityTable(p.overall),
      monthlyTable: monthlyRankTable(p.monthly),
      trendRows: trendChartRows(t),
      trendTable: trendTable(t),
      cards,
      bestTable: bestMonthsTable(cards),
      order: p.overall.map((s) => s.service),
    };
  }, [p, t]);

  const loading = priority.isPlaceholderData || trend.isPlaceholderData || priority.isFetching || trend.isFetching;
  const error = priority.error ?? trend.error;

  // What is shown is the data's segment (it lags the controls while a new one loads).
  const seg = p?.segment;
  const label = seg ? segmentLabel(seg.district.name_ko, seg.sex, seg.age) : segmentLabel(district.name_ko, state.sex, state.age);
  const file = seg ? `${seg.district.slug}-${seg.sex}-${seg.age}` : "segment";
  // Shallow URL updates don't re-run generateMetadata; keep the tab title naming what is shown.
  useEffect(() => {
    if (seg) document.title = `${label} 광고 우선순위 · AdTarget Seoul`;
  }, [seg, label]);
  const months = t?.months ?? [];
  const period = months.length ? `${monthLabel(months[0]!)}~${monthLabel(months.at(-1)!)} (${months.length}개월)` : "";

  return (
    <>
      <p className={styles.eyebrow}>고객별 맞춤형 광고 알고리즘</p>
      <h1>{label} 광고 우선순위</h1>
      <p className="lead">
        이 고객층이 서울의 다른 고객층보다 <strong>유난히 많이 쓰는 서비스</strong>부터 순서대로 보여 줍니다. 그 서비스의 광고가 이 고객층에 가장 잘
        닿습니다.{seg ? ` 월평균 인구 약 ${formatInt(seg.population)}명.` : ""}
      </p>

      <SegmentControls district={state.district} sex={state.sex} age={state.age} onChange={(next) => void setState(next)} />
      <p role="status" className={styles.status} aria-live="polite">
        {error ? "" : loading ? "새 고객층의 데이터를 불러오는 중…" : ""}
      </p>

      {error && !view ? (
        <div className="card notice" role="alert">
          <h2>데이터를 불러오지 못했습니다</h2>
          <p>{error.message}</p>
        </div>
      ) : null}

      {view ? (
        <div className={loading ? styles.stale : undefined} aria-busy={loading}>
          <div className="grid-2">
            <ChartFrame
              id="priority"
              title="서비스 광고 우선순위"
              description={
                <>
                  z는 이 고객층의 {period} 평균 사용량이 서울 전체 고객층(자치구 × 성별 × 연령대) 평균에서 표준편차 몇 배만큼 떨어졌는지입니다. 서비스마다
                  단위가 달라도 z끼리는 비교할 수 있습니다.
                </>
              }
              table={view.priorityTable}
              source={`${attribution}. ${datasetTitle}.`}
              filename={`priority-${file}`}
            >
              <PriorityList overall={p!.overall} />
            </ChartFrame>
            <ChartFrame
              id="best-months"
              title="광고하기 좋은 달"
              description={<>우선순위 상위 {BEST_MONTH_SERVICES}개 서비스를 이 고객층이 가장 많이 쓴 달 3개와, 기간 평균보다 얼마나 많았는지(서비스 고유 단위)입니다.</>}
              table={view.bestTable}
              source={`${attribution}. ${datasetTitle}.`}
              filename={`best-months-${file}`}
            >
              <BestMonths cards={view.cards} />
            </ChartFrame>
          </div>

          <ChartFrame
            id="trend"
            title="서비스별 월별 사용 추이"
            description={<>범례의 서비스 이름을 누르면 그 선을 숨기거나 다시 보입니다. 굵은 선은 우선순위 상위 {BEST_MONTH_SERVICES}개 서비스입니다.</>}
            table={view.trendTable}
            source={`${attribution}. ${datasetTitle}. 추세 지수는 서비스별로 이 고객층의 기간 평균과 표준편차로 표준화한 값입니다.`}
            filename={`trend-${file}`}
          >
            <TrendChart rows={view.trendRows} services={view.order} emphasized={BEST_MONTH_SERVICES} />
          </ChartFrame>

          <MonthlyRanking monthly={p!.monthly} table={view.monthlyTable} source={`${attribution}. ${datasetTitle}.`} filename={`monthly-priority-${file}`} />
        </div>
      ) : null}
    </>
  );
}
