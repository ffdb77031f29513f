import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ParamError } from "@/components/ParamError";
import { ServiceTargets } from "@/components/service/ServiceTargets";
import { getTargets } from "@/lib/api/queries";
import { serviceName } from "@/lib/format";
import { parsePageParams, servicePageShape, type PageSearchParams } from "@/lib/page-params";
import { getQueryClient } from "@/lib/query/client";
import { targetsQuery } from "@/lib/query/options";
import { getEngine } from "@/lib/server/engine";
import { SERVICE_PAGE_LIMIT } from "@/lib/service-targets";

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  const parsed = parsePageParams(await searchParams, servicePageShape);
  if (!parsed.ok) return { title: "서비스별 타겟 고객", robots: { index: false } };
  const name = serviceName(parsed.value.service);
  const title = `${name} 서비스 타겟 고객`;
  const description = `${name} 서비스를 서울 평균보다 많이 쓰는 자치구 × 성별 × 연령대 상위 ${SERVICE_PAGE_LIMIT}개와, 각 세그먼트에서 ${name} 이용과 함께 움직이는 서비스(광고 송출 추천).`;
  return { title, description, openGraph: { title, description } };
}

export default async function ServicePage({ searchParams }: { searchParams: PageSearchParams }) {
  const parsed = parsePageParams(await searchParams, servicePageShape);
  if (!parsed.ok) {
    return (
      <>
        <h1>서비스별 타겟 고객</h1>
        <ParamError problem={parsed.problem} validHref="/service" />
      </>
    );
  }
  const { service } = parsed.value;
  const engine = getEngine();
  const qc = getQueryClient();
  qc.setQueryData(targetsQuery(service, SERVICE_PAGE_LIMIT).queryKey, getTargets(engine, service, SERVICE_PAGE_LIMIT));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ServiceTargets attribution={engine.meta.attribution} monthCount={engine.months.length} />
    </HydrationBoundary>
  );
}
