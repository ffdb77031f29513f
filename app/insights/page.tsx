import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { InsightsView } from "@/components/insights/InsightsView";
import { ParamError } from "@/components/ParamError";
import { getAverageAge, getCorrelation, getPopulation } from "@/lib/api/queries";
import { monthLabel } from "@/lib/format";
import { loadDistrictGeo } from "@/lib/insights/geo-file";
import { insightsHeading, insightsTitle } from "@/lib/insights/views";
import { insightsPageShape, parsePageParams, type PageSearchParams } from "@/lib/page-params";
import { getQueryClient } from "@/lib/query/client";
import { averageAgeQuery, correlationQuery, populationQuery } from "@/lib/query/options";
import { getEngine } from "@/lib/server/engine";

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  const parsed = parsePageParams(await searchParams, insightsPageShape);
  if (!parsed.ok) return { title: "현황 분석", robots: { index: false } };
  const { age, sex } = parsed.value;
  const title = insightsTitle(age, sex);
  const description = `서울 25개 자치구의 ${insightsHeading(age, sex)} 인구 순위(상위 3곳), 서비스 이용 상관관계, 자치구별 평균 연령·인구 지도.`;
  return { title, description, openGraph: { title, description } };
}

export default async function InsightsPage({ searchParams }: { searchParams: PageSearchParams }) {
  const parsed = parsePageParams(await searchParams, insightsPageShape);
  if (!parsed.ok) {
    return (
      <>
        <h1>현황 분석</h1>
        <ParamError problem={parsed.problem} validHref="/insights?age=20&sex=T" />
      </>
    );
  }
  const { age, sex } = parsed.value;
  const engine = getEngine();
  const qc = getQueryClient();
  qc.setQueryData(populationQuery(age, sex).queryKey, getPopulation(engine, age, sex));
  qc.setQueryData(correlationQuery(age, sex).queryKey, getCorrelation(engine, age, sex));
  qc.setQueryData(averageAgeQuery(sex).queryKey, getAverageAge(engine, sex));
  const { months } = engine;
  const period = `${monthLabel(months[0]!)}–${monthLabel(months.at(-1)!)} (${months.length}개월)`;
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <Suspense>
        <InsightsView attribution={engine.meta.attribution} period={period} geo={loadDistrictGeo()} />
      </Suspense>
    </HydrationBoundary>
  );
}
