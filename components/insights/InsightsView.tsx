"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useEffect, useMemo } from "react";
import { ChartFrame } from "@/components/ChartFrame";
import { SelectControl } from "@/components/SelectControl";
import { ageLabel, SEX_LABELS } from "@/lib/domain";
import { formatInt } from "@/lib/format";
import { BOUNDARY_ATTRIBUTION, type DistrictGeo } from "@/lib/insights/geo";
import {
  correlationTable,
  heatmapCells,
  insightsHeading,
  insightsTitle,
  mapDistricts,
  mapTable,
  mapView,
  METRIC_INFO,
  populationBars,
  populationTable,
  topDistricts,
  type InsightMetric,
} from "@/lib/insights/views";
import { averageAgeQuery, correlationQuery, populationQuery } from "@/lib/query/options";
import { INSIGHT_METRIC_VALUES, insightsParsers } from "@/lib/url-state";
import { CorrelationHeatmap } from "./CorrelationHeatmap";
import { DistrictMapLazy } from "./DistrictMapLazy";
import { InsightsControls } from "./InsightsControls";
import { PopulationChart } from "./PopulationChart";
import styles from "./insights.module.css";

interface Props {
  attribution: string;
  /** "2023년 1월–2023년 9월 (9개월)". */
  period: string;
  geo: DistrictGeo;
}

const METRIC_LABELS: Record<InsightMetric, string> = {
  "average-age": "평균 연령 (성별 기준)",
  population: "인구 (연령대·성별 기준)",
};
const METRIC_SELECT_OPTIONS = INSIGHT_METRIC_VALUES.map((m) => ({ value: m, label: METRIC_LABELS[m] }));

/** The /insights page's interactive part: URL state (nuqs) → queries (TanStack) → three charts. */
export function InsightsView({ attribution, period, geo }: Props) {
  const [state, setState] = useQueryStates(insightsParsers);
  const population = useQuery({ ...populationQuery(state.age, state.sex), placeholderData: keepPreviousData });
  const correlation = useQuery({ ...correlationQuery(state.age, state.sex), placeholderData: keepPreviousData });
  const averageAge = useQuery({ ...averageAgeQuery(state.sex), placeholderData: keepPreviousData });

  const pop = population.data;
  const corr = correlation.data;
  const avg = averageAge.data;
  const metric = state.metric;

  const bars = useMemo(() => (pop ? populationBars(pop) : null), [pop]);
  const heat = useMemo(() => (corr ? { cells: heatmapCells(corr), table: correlationTable(corr) } : null), [corr]);
  const map = useMemo(() => {
    if (!pop || !avg) return null;
    const view = mapView(metric, mapDistricts(metric, avg, pop));
    return { view, table: mapTable(metric, view) };
  }, [metric, avg, pop]);

  useEffect(() => {
    document.title = `${insightsTitle(state.age, state.sex)} · AdTarget Seoul`;
  }, [state.age, state.sex]);

  // What is shown is the data's age/sex (it lags the controls while new data loads).
  const shownAge = pop?.age ?? state.age;
  const shownSex = pop?.sex ?? state.sex;
  const heading = insightsHeading(shownAge, shownSex);
  const busy = population.isFetching || correlation.isFetching || averageAge.isFetching;
  const error = population.error ?? correlation.error ?? averageAge.error;
  const source = `${attribution}. ${period}`;
  const mapSex = metric === "average-age" ? (avg?.sex ?? state.sex) : shownSex;
  const mapLabel = metric === "average-age" ? `${SEX_LABELS[mapSex]} 평균 연령` : `${heading} 인구`;

  return (
    <>
      <h1>현황 분석</h1>
      <p className="lead">
        서울 25개 자치구의 연령대·성별 인구, 서비스 이용의 상관관계, 자치구 지도를 한 화면에서 봅니다. 지금 보는 대상:{" "}
        <strong data-testid="insights-heading">{heading}</strong>
      </p>
      <InsightsControls age={state.age} sex={state.sex} onChange={(next) => void setState(next)} />
      <p className={styles.status} role="status" aria-live="polite">
        {error ? `데이터를 불러오지 못했습니다: ${error.message}` : busy ? "새 데이터를 불러오는 중…" : ""}
      </p>

      <div className="grid-2">
        {bars ? (
          <ChartFrame
            id="population"
            title={`자치구별 인구 — ${heading}`}
            table={populationTable(bars)}
            source={`${source} 월평균 인구(명). 전체 = 여성 + 남성.`}
            filename={`insights-population-${shownAge}-${shownSex}`}
            description={
              <>
                <p className={styles.tight}>인구가 많은 자치구부터 차례로 놓았습니다. 가장 많은 세 곳:</p>
                <ol className={styles.top3} data-testid="population-top3">
                  {topDistricts(bars).map((b) => (
                    <li key={b.code} data-district={b.code}>
                      <strong>{b.name}</strong> {formatInt(b.population)}명
                    </li>
                  ))}
                </ol>
              </>
            }
          >
            <PopulationChart bars={bars} />
          </ChartFrame>
        ) : null}

        {heat && corr ? (
          <ChartFrame
            id="correlation"
            title={`서비스 이용 상관관계 — ${ageLabel(corr.age)}${corr.sex === "T" ? " (여성·남성 모두)" : ` ${SEX_LABELS[corr.sex]}`}`}
            table={heat.table}
            source={`${source}. 피어슨 상관계수 r, ${formatInt(corr.observations)}개 관측(자치구 × ${corr.sex === "T" ? "성별 × " : ""}월)의 서비스별 월 이용 지표로 계산. 각 서비스는 제공처의 단위 그대로(유튜브·넷플릭스는 표준화 지수)이며 r은 단위와 무관합니다.`}
            filename={`insights-correlation-${corr.age}-${corr.sex}`}
            description={
              <p className={styles.tight}>
                두 서비스의 이용이 자치구·월에 따라 함께 움직이는 정도입니다(−1 ~ +1). +1에 가까우면 한 서비스를 많이 쓰는 곳에서 다른 서비스도 많이 씁니다.
              </p>
            }
          >
            <CorrelationHeatmap cells={heat.cells} caption={`서비스 간 상관계수 r — ${ageLabel(corr.age)} ${SEX_LABELS[corr.sex]}`} />
          </ChartFrame>
        ) : null}
      </div>

      {map ? (
        <ChartFrame
          id="map"
          title={`자치구 지도 — ${mapLabel}`}
          table={map.table}
          source={`${source}. ${metric === "average-age" ? "평균 연령 = 연령대 중앙값(20대 → 25세 … 70대 → 75세)의 인구 가중 평균, 20대 이상 인구 기준." : "월평균 인구(명)."} ${BOUNDARY_ATTRIBUTION}.`}
          filename={`insights-map-${metric}-${metric === "average-age" ? mapSex : `${shownAge}-${shownSex}`}`}
          description={
            <p className={styles.tight}>
              {metric === "average-age"
                ? "성별에 따른 자치구 주민의 평균 연령입니다(연령대 선택과 무관). 색이 진할수록 평균 연령이 높습니다."
                : "선택한 연령대·성별의 자치구 인구입니다. 색이 진할수록 인구가 많습니다."}{" "}
              자치구에 마우스를 올리거나 누르면(키보드: Tab) 값이 보입니다.
            </p>
          }
        >
          <SelectControl
            id="insights-metric"
            label="지도 지표"
            className={styles.metricControl}
            value={metric}
            options={METRIC_SELECT_OPTIONS}
            onChange={(m) => void setState({ metric: m })}
          />
          <div data-testid="district-map" className={styles.mapFrame} aria-busy={busy}>
            <DistrictMapLazy
              geo={geo}
              view={map.view}
              label={mapLabel}
              dataKey={`${metric}:${metric === "average-age" ? mapSex : `${shownAge}:${shownSex}`}`}
            />
          </div>
          <div className={styles.legend}>
            <span className={styles.legendTitle}>
              {METRIC_INFO[metric].label}({METRIC_INFO[metric].unit})
            </span>
            <ul className={styles.legendItems} data-testid="map-legend">
              {map.view.legend.map((l) => (
                <li key={l.label}>
                  <span className={styles.swatch} style={{ background: l.color }} aria-hidden="true" />
                  {l.label}
                </li>
              ))}
            </ul>
          </div>
        </ChartFrame>
      ) : null}
    </>
  );
}
