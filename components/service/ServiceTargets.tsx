"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { ChartFrame } from "@/components/ChartFrame";
import { SelectControl } from "@/components/SelectControl";
import { serviceName } from "@/lib/format";
import { SERVICE_OPTIONS } from "@/lib/options";
import { targetsQuery } from "@/lib/query/options";
import { isIndexService, SERVICE_PAGE_LIMIT, targetsTable } from "@/lib/service-targets";
import { serviceParsers } from "@/lib/url-state";
import { TargetsTable } from "./TargetsTable";
import styles from "./service.module.css";

interface Props {
  /** The dataset's attribution, for the source note. */
  attribution: string;
  /** How many months z and r are computed over. */
  monthCount: number;
}

/** /service: the service control (URL state) and its top target segments with related services. */
export function ServiceTargets({ attribution, monthCount }: Props) {
  const [{ service }, setUrl] = useQueryStates(serviceParsers);
  const { data, isError, isPlaceholderData } = useQuery({ ...targetsQuery(service, SERVICE_PAGE_LIMIT), placeholderData: keepPreviousData });
  const shown = data?.service ?? service;
  const name = serviceName(shown);

  return (
    <>
      <h1>서비스별 타겟 고객 및 광고 송출 추천</h1>
      <p className={`lead ${styles.lead}`}>
        서비스를 고르면 그 서비스를 서울 평균보다 많이 쓰는 고객층(자치구 × 성별 × 연령대) 상위 {SERVICE_PAGE_LIMIT}개와, 각 고객층에서 함께
        광고하기 좋은 서비스를 보여 줍니다.
      </p>

      <section className="card" aria-label="보기 설정">
        <div className="controls">
          <SelectControl id="service-select" testId="service-select" label="서비스" value={service} options={SERVICE_OPTIONS} onChange={(v) => void setUrl({ service: v })} />
        </div>
        <dl className={styles.explain}>
          <div>
            <dt>z (타겟 점수)</dt>
            <dd>
              이 고객층의 월평균 {name} 이용이 서울 300개 고객층(25개 구 × 성별 × 6개 연령대) 평균에서 표준편차 몇 개만큼 떨어져 있는지입니다. +1이면
              평균보다 표준편차 하나만큼 더 많이 쓴다는 뜻이고, 클수록 광고 효율이 높은 타겟입니다.
            </dd>
          </div>
          <div>
            <dt>r (연관도)</dt>
            <dd>
              같은 고객층에서 {monthCount}개월 동안 다른 서비스의 월별 이용이 {name} 이용과 얼마나 같이 오르내렸는지를 나타내는 피어슨 상관계수(−1~+1)입니다. +1에
              가까울수록 함께 움직여 동시에 광고를 송출하기 좋고, 음수면 반대로 움직입니다. “–”는 한쪽 값이 매달 같아 r을 계산할 수 없다는
              뜻입니다.
            </dd>
          </div>
        </dl>
      </section>

      <p className={styles.status} role="status" aria-live="polite">
        {isPlaceholderData ? `${serviceName(service)} 자료를 불러오는 중…` : ""}
      </p>
      {isError ? (
        <div className="card notice" role="alert">
          <p>자료를 불러오지 못했습니다. 잠시 후 다시 시도하거나 페이지를 새로 고쳐 주세요.</p>
        </div>
      ) : null}

      {data ? (
        <ChartFrame
          id="service-targets"
          title={`${name} 서비스 타겟 고객 상위 ${data.targets.length}`}
          description={
            <p>
              z가 높은 순서입니다. 평균 이용은 {name} 서비스 자체 단위
              {isIndexService(shown) ? "(표준화 지수라 음수일 수 있음)" : ""}이므로 다른 서비스의 값과 직접 비교하지 마세요. 연관 서비스는 r이 높은 순입니다.
            </p>
          }
          table={targetsTable(shown, data.targets)}
          source={`${attribution}. z는 서울 300개 고객층의 ${monthCount}개월 평균 이용으로, r은 각 고객층의 월별 이용으로 계산.`}
          filename={`service-targets-${shown}.csv`}
        >
          <TargetsTable service={shown} targets={data.targets} busy={isPlaceholderData} />
        </ChartFrame>
      ) : null}
    </>
  );
}
