import type { Metadata } from "next";
import { ChartFrame } from "@/components/ChartFrame";
import { CorrelationHeatmap } from "@/components/insights/CorrelationHeatmap";
import { DistrictMap } from "@/components/insights/DistrictMap";
import { DistrictRankList } from "@/components/insights/DistrictRankList";
import { InsightsControls, MetricSelect } from "@/components/insights/InsightsControls";
import { MapLegend } from "@/components/insights/MapLegend";
import { PopulationBars } from "@/components/insights/PopulationBars";
import styles from "@/components/insights/insights.module.css";
import mapStyles from "@/components/insights/map.module.css";
import { DongDistrictMap } from "@/components/dong/DongDistrictMap";
import { ParamProblems } from "@/components/ParamProblems";
import { getAverageAge, getCorrelation, getDistrictEffect, getPopulation } from "@/lib/api/queries";
import { ageLabel, isServiceId, SEX_LABELS } from "@/lib/domain";
import { formatInt, monthLabel } from "@/lib/format";
import { BOUNDARY_ATTRIBUTION } from "@/lib/insights/geo";
import { loadDistrictSvg } from "@/lib/insights/geo-file";
import { insightsPage } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { PeriodControl } from "@/components/PeriodControl";
import { pageWindow, periodControlProps } from "@/lib/server/window";
import type { Engine } from "@/lib/engine";
import type { Age, SexFilter } from "@/lib/domain";
import type { InsightMetric } from "@/lib/params/values";
import {
  correlationTable,
  heatmapCells,
  insightsDescription,
  insightsHeading,
  insightsMap,
  insightsMapTable,
  insightsTitle,
  mapExplanation,
  populationBars,
  populationTable,
  topDistricts,
  type MapInput,
} from "@/lib/views/insights";
import { pageMetadata } from "@/lib/views/share";

type Props = { searchParams: Promise<QueryInput> };

function mapInput(engine: Engine, metric: InsightMetric, age: Age, sex: SexFilter): MapInput {
  if (metric === "average-age") return { metric, districts: getAverageAge(engine, sex).districts };
  if (metric === "population") return { metric, districts: getPopulation(engine, age, sex).districts };
  return { metric, districts: getDistrictEffect(engine, metric, sex, age).districts };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { values } = readQuery(await searchParams, insightsPage);
  const { age, sex, metric } = values as Required<typeof values>;
  const bars = populationBars(getPopulation(pageWindow(values).engine, age, sex).districts);
  return pageMetadata({
    title: insightsTitle(age, sex, metric),
    description: insightsDescription(age, sex, topDistricts(bars)),
    pagePath: "/insights",
    canonicalQuery: writeQuery(insightsPage, values),
  });
}

export default async function InsightsPage({ searchParams }: Props) {
  const reading = readQuery(await searchParams, insightsPage);
  const { values } = reading;
  const { age, sex, metric } = values as Required<typeof values>;
  const pw = pageWindow(values);
  const { engine } = pw;
  const problems = pw.problem ? [...reading.problems, pw.problem] : reading.problems;
  const { months } = engine;
  const source = `${engine.meta.attribution} (${monthLabel(months[0]!)}–${monthLabel(months.at(-1)!)}, ${months.length}개월)`;
  const heading = insightsHeading(age, sex);

  const bars = populationBars(getPopulation(engine, age, sex).districts);
  const corr = getCorrelation(engine, age, sex);
  const input = mapInput(engine, metric, age, sex);
  const service = isServiceId(metric) ? metric : undefined;
  // A service's map opens a district's 행정동 map below it.
  const map = insightsMap(
    input,
    age,
    sex,
    (district) => `${hrefOf("/insights", insightsPage, { ...values, dongmap: district })}#dong-map`,
  );

  return (
    <div className={styles.page}>
      <h1>현황 분석</h1>
      <p className="lead">
        서울 25개 자치구의 연령대·성별 인구, 서비스 이용의 상관관계, 자치구 지도를 한 화면에서 봅니다. 지금 보는 대상:{" "}
        <strong data-testid="insights-heading">{heading}</strong>
      </p>
      <ParamProblems problems={problems} validHref={hrefOf("/insights", insightsPage, values)} />
      <InsightsControls age={age} sex={sex} />
      <PeriodControl {...periodControlProps("/insights", insightsPage, values, pw)} />

      <div className="grid-2">
        <ChartFrame
          id="population"
          title={`자치구별 인구 — ${heading}`}
          table={populationTable(bars)}
          source={`${source}. 월평균 인구(명). 전체 = 여성 + 남성.`}
          filename={`insights-population-${age}-${sex}.csv`}
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
          <PopulationBars bars={bars} />
        </ChartFrame>

        <ChartFrame
          id="correlation"
          title={`서비스 이용 상관관계 — ${ageLabel(age)}${sex === "T" ? " (여성·남성 모두)" : ` ${SEX_LABELS[sex]}`}`}
          table={correlationTable(corr)}
          source={`${source}. 피어슨 상관계수 r, ${formatInt(corr.observations)}개 관측(자치구 × ${sex === "T" ? "성별 × " : ""}월)의 서비스별 월 이용 지표로 계산. 각 서비스는 제공처의 단위 그대로(유튜브·넷플릭스는 표준화 지수)이며 r은 단위와 무관합니다.`}
          filename={`insights-correlation-${age}-${sex}.csv`}
          description={
            <p className={styles.tight}>
              두 서비스의 이용이 자치구·월에 따라 함께 움직이는 정도입니다(−1 ~ +1). +1에 가까우면 한 서비스를 많이 쓰는
              곳에서 다른 서비스도 많이 씁니다. 서울 전체의 계절 변화도 섞여 있어 인과나 광고 반응을 뜻하지 않습니다.
            </p>
          }
        >
          <CorrelationHeatmap
            cells={heatmapCells(corr)}
            caption={`서비스 간 상관계수 r — ${ageLabel(age)} ${SEX_LABELS[sex]}`}
          />
        </ChartFrame>
      </div>

      <ChartFrame
        id="map"
        title={map.label}
        table={insightsMapTable(input)}
        source={`${source}. ${service ? `자치구 효과: 같은 연령대·성별 안에서 ${months.length}개월 평균 이용을 25개 구끼리 비교${sex === "T" ? "(전체 = 여성·남성을 인구로 가중)" : ""}.` : metric === "average-age" ? "평균 연령 = 연령대 중앙값의 인구 가중 평균, 20대 이상 인구 기준." : "월평균 인구(명)."} ${BOUNDARY_ATTRIBUTION}.`}
        filename={`insights-map-${metric}-${metric === "average-age" ? sex : `${age}-${sex}`}.csv`}
        description={
          <>
            <p className={styles.tight} data-testid="map-explanation">
              {mapExplanation(metric)}
            </p>
            <MetricSelect metric={metric} />
          </>
        }
      >
        <div className={mapStyles.mapLayout}>
          <div>
            <DistrictMap
              svg={loadDistrictSvg()}
              districts={map.districts}
              label={map.label}
              linkWords={service ? "행정동 지도" : undefined}
            />
            <MapLegend title={map.legendTitle} items={map.legend} />
          </div>
          <DistrictRankList districts={map.districts} label={map.label} />
        </div>
      </ChartFrame>
      {service && values.dongmap ? (
        <DongDistrictMap
          service={service}
          sex={sex}
          age={age}
          district={values.dongmap}
          from={values.from}
          to={values.to}
          closeHref={hrefOf("/insights", insightsPage, { ...values, dongmap: undefined })}
        />
      ) : null}
    </div>
  );
}
