import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ParamError } from "@/components/ParamError";
import { SegmentView } from "@/components/segment/SegmentView";
import { getPriority, getTrend } from "@/lib/api/queries";
import { segmentLabel, serviceName } from "@/lib/format";
import { parsePageParams, segmentPageShape, type PageSearchParams } from "@/lib/page-params";
import { priorityQuery, trendQuery } from "@/lib/query/options";
import { getQueryClient } from "@/lib/query/client";
import { getEngine } from "@/lib/server/engine";

const PAGE_TITLE = "고객별 맞춤형 광고 알고리즘";

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  const parsed = parsePageParams(await searchParams, segmentPageShape);
  if (!parsed.ok) return { title: PAGE_TITLE, robots: { index: false } };
  const { district, sex, age } = parsed.value;
  const engine = getEngine();
  const { overall } = getPriority(engine, { district, sex, age });
  const title = `${segmentLabel(district.name_ko, sex, age)} 광고 우선순위`;
  const top = overall.slice(0, 3).map((s) => `${s.rank}위 ${serviceName(s.service)}`).join(", ");
  const description = `${title}: ${top}. ${engine.meta.title} 기준, 서비스별 우선순위와 월별 추이, 광고하기 좋은 달.`;
  return { title, description, openGraph: { title, description } };
}

export default async function SegmentPage({ searchParams }: { searchParams: PageSearchParams }) {
  const parsed = parsePageParams(await searchParams, segmentPageShape);
  if (!parsed.ok) {
    return (
      <>
        <h1>{PAGE_TITLE}</h1>
        <ParamError problem={parsed.problem} validHref="/segment?district=gangnam-gu&sex=F&age=20" />
      </>
    );
  }
  const { district, sex, age } = parsed.value;
  const engine = getEngine();
  const q = { district: district.code, sex, age };
  const qc = getQueryClient();
  qc.setQueryData(priorityQuery(q).queryKey, getPriority(engine, { district, sex, age }));
  qc.setQueryData(trendQuery(q).queryKey, getTrend(engine, { district, sex, age }));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <SegmentView attribution={engine.meta.attribution} datasetTitle={engine.meta.title} />
    </HydrationBoundary>
  );
}
