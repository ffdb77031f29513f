import type { Metadata } from "next";
import { ChartFrame } from "@/components/ChartFrame";
import { DistrictMap } from "@/components/insights/DistrictMap";
import { DistrictRankList } from "@/components/insights/DistrictRankList";
import { MapLegend } from "@/components/insights/MapLegend";
import mapStyles from "@/components/insights/map.module.css";
import { DongDistrictMap } from "@/components/dong/DongDistrictMap";
import { ParamProblems } from "@/components/ParamProblems";
import { RelatedToggle } from "@/components/service/RelatedToggle";
import { MapGroupSelect, ServiceSelect } from "@/components/service/ServiceControls";
import { TargetsTable } from "@/components/service/TargetsTable";
import styles from "@/components/service/service.module.css";
import { getDistrictEffect, getTargets } from "@/lib/api/queries";
import { findDistrict } from "@/lib/districts";
import { ageLabel, SEX_LABELS } from "@/lib/domain";
import { monthLabel, serviceName } from "@/lib/format";
import { districtEffectTable, effectMeasure } from "@/lib/insights/choropleth";
import { loadDistrictSvg } from "@/lib/insights/geo-file";
import { BOUNDARY_ATTRIBUTION } from "@/lib/insights/geo";
import { servicePage } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { PeriodControl } from "@/components/PeriodControl";
import { pageWindow, periodControlProps } from "@/lib/server/window";
import {
  mapGroup,
  segmentHref,
  serviceDescription,
  serviceMap,
  serviceTitle,
  sexUsingMore,
  SERVICE_PAGE_LIMIT,
  targetRows,
  targetsTable,
  usageUnit,
} from "@/lib/views/service";
import { pageMetadata } from "@/lib/views/share";

type Props = { searchParams: Promise<QueryInput> };

/** Everything the page and its metadata show, from one reading of the link. */
function viewOf(input: QueryInput) {
  const reading = readQuery(input, servicePage);
  const { values } = reading;
  const service = values.service!;
  const related = values.related!;
  const pw = pageWindow(values);
  const { engine } = pw;
  const problems = pw.problem ? [...reading.problems, pw.problem] : reading.problems;
  const { targets } = getTargets(engine, service, SERVICE_PAGE_LIMIT);
  const group = mapGroup({ sex: values.sex, age: values.age }, targets[0]);
  return { values, problems, service, related, engine, pw, targets, group };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { values, service, targets, group } = viewOf(await searchParams);
  return pageMetadata({
    title: serviceTitle(service),
    description: serviceDescription(service, targets, group),
    pagePath: "/service",
    canonicalQuery: writeQuery(servicePage, values),
  });
}

export default async function ServicePage({ searchParams }: Props) {
  const { values, problems, service, related, engine, pw, targets, group } = viewOf(await searchParams);
  const name = serviceName(service);
  const months = engine.months;
  const period = `${monthLabel(months[0]!)}–${monthLabel(months.at(-1)!)}, ${months.length}개월`;
  const source = `${engine.meta.attribution} (${period})`;

  // The district map: the group's district effect; for 전체 a district opens the sex using the service more.
  const effect = getDistrictEffect(engine, service, group.sex, group.age).districts;
  const linkSex =
    group.sex === "T"
      ? sexUsingMore(
          getDistrictEffect(engine, service, "F", group.age).districts,
          getDistrictEffect(engine, service, "M", group.age).districts,
        )
      : undefined;
  const map = serviceMap(service, group, effect, (code) => linkSex?.get(code) ?? "F");
  // Each row of the list links the district's segment page(s) and opens its 행정동 map below.
  const dongMapHref = (code: string) =>
    `${hrefOf("/service", servicePage, { ...values, dongmap: findDistrict(code)! })}#dong-map`;
  const rankLinks = Object.fromEntries(
    effect.map((d) => [
      d.district.code,
      [
        ...(group.sex === "T"
          ? (["F", "M"] as const).map((s) => ({ label: SEX_LABELS[s], href: segmentHref(d.district, s, group.age) }))
          : [{ label: "고객층", href: segmentHref(d.district, group.sex, group.age) }]),
        { label: "행정동", href: dongMapHref(d.district.code) },
      ],
    ]),
  );
  const measure = effectMeasure(service);

  const hrefFor = {
    adjusted: hrefOf("/service", servicePage, { ...values, related: "adjusted" }),
    raw: hrefOf("/service", servicePage, { ...values, related: "raw" }),
  };

  return (
    <div className={styles.page}>
      <h1>서비스별 타겟 고객</h1>
      <p className={`lead ${styles.lead}`}>
        서비스를 고르면 그 서비스를 서울 평균보다 많이 쓰는 고객층(자치구 × 성별 × 연령대) 상위 {SERVICE_PAGE_LIMIT}
        개와, 같은 연령대·성별 안에서 어느 자치구가 더 많이 쓰는지 지도로 보여 줍니다. 자료가 보여 주는 것은 이용량이지
        광고 반응이 아닙니다.
      </p>
      <ParamProblems problems={problems} validHref={hrefOf("/service", servicePage, values)} />
      <PeriodControl {...periodControlProps("/service", servicePage, values, pw)} />

      <section className="card" aria-label="보기 설정">
        <div className="controls">
          <ServiceSelect service={service} />
        </div>
        <dl className={styles.explain}>
          <div>
            <dt>z (타겟 점수)</dt>
            <dd>
              이 고객층의 월평균 {name} 이용이 서울 300개 고객층(25개 구 × 성별 × 6개 연령대) 평균에서 표준편차 몇
              개만큼 떨어져 있는지입니다. +1이면 평균보다 표준편차 하나만큼 더 많이 쓴다는 뜻입니다(+0.5 이상 “크게
              높음”, +1.5 이상 “매우 높음”).
            </dd>
          </div>
          <div>
            <dt>r (함께 움직이는 정도)</dt>
            <dd>
              같은 고객층에서 다른 서비스의 월별 이용이 {name} 이용과 얼마나 같이 오르내렸는지(−1~+1)입니다. 기본값
              “계절 보정 r”은 서울 전체가 함께 오르내린 몫과 달의 길이를 빼고 계산합니다. “–”는 한쪽 값이 매달 같아
              계산할 수 없다는 뜻입니다.
            </dd>
          </div>
        </dl>
      </section>

      <ChartFrame
        id="service-targets"
        title={`${name} 서비스 타겟 고객 상위 ${targets.length}`}
        description={
          <>
            <p>
              z가 높은 순서입니다. 고객층 이름을 누르면 그 고객층의 서비스 우선순위 페이지가 열립니다. 평균 이용은{" "}
              {name} 서비스 제공처의 단위({usageUnit(service)}
              {measure.kind === "z"
                ? ", 음수가 흔함: 0보다 작아도 덜 쓴다는 뜻일 뿐 이용이 없다는 뜻이 아님"
                : ", 일수가 아님"}
              )이므로 다른 서비스의 값과 직접 비교하지 마세요.
            </p>
            <RelatedToggle current={related} hrefFor={hrefFor} />
            <p className={styles.caveat} data-testid="related-caveat">
              r은 {months.length}개월의 월별 값 {months.length}개로 계산해 우연히 크거나 작게 나올 수 있습니다. 참고로만
              보세요.
              {related === "raw"
                ? " 원자료 r은 서울 전체의 계절 변화가 섞여 거의 모든 고객층에서 비슷하게 나옵니다."
                : ""}
            </p>
          </>
        }
        table={targetsTable(service, targets, related)}
        source={`${source}. z는 서울 300개 고객층의 ${months.length}개월 평균 이용으로, r은 각 고객층의 월별 이용으로 계산.`}
        filename={`service-targets-${service}${related === "raw" ? "-raw-r" : ""}.csv`}
      >
        <TargetsTable service={service} rows={targetRows(targets, related)} related={related} />
      </ChartFrame>

      <ChartFrame
        id="service-map"
        title={map.label}
        description={
          <>
            <p data-testid="map-group-note">
              같은 {ageLabel(group.age)} {SEX_LABELS[group.sex]}끼리 25개 자치구를 비교합니다
              {group.fromTopTarget ? ` (링크에 성별·연령대가 없어 1위 타겟의 집단을 보여 줍니다)` : ""}.{" "}
              {measure.kind === "index"
                ? `지수 100은 25개 구 평균, 120은 평균보다 20% 많이 쓴다는 뜻입니다.`
                : `${name} 값은 표준화 지수(음수가 흔함)라 비율 대신 z로 보여 줍니다: 0은 25개 구 평균, +1은 표준편차 하나만큼 많음.`}{" "}
              자치구를 누르면 {group.sex === "T" ? "그 자치구에서 이 서비스를 더 많이 쓰는 성별의" : "그"} 고객층
              페이지가 열립니다
              {group.sex === "T" ? "(목록에서는 여성·남성을 골라 열 수 있습니다)" : ""}. 목록의 ‘행정동’은 그 자치구의
              행정동 지도를 엽니다.
            </p>
            <MapGroupSelect sex={group.sex} age={group.age} />
          </>
        }
        table={districtEffectTable(service, effect)}
        source={`${source}. ${group.sex === "T" ? "전체 = 여성·남성의 평균 이용을 인구로 가중. " : ""}${BOUNDARY_ATTRIBUTION}.`}
        filename={`service-districts-${service}-${group.age}-${group.sex}.csv`}
      >
        <div className={mapStyles.mapLayout}>
          <div>
            <DistrictMap
              svg={loadDistrictSvg()}
              districts={map.districts}
              label={map.label}
              linkWords={`${ageLabel(group.age)} ${group.sex === "T" ? "" : `${SEX_LABELS[group.sex]} `}고객층 페이지`}
            />
            <MapLegend
              title={map.legendTitle}
              items={map.legend}
              note={
                measure.kind === "index"
                  ? "빨강: 25개 구 평균보다 많이 씀 · 파랑: 적게 씀"
                  : "빨강: 평균보다 많이 씀 · 파랑: 적게 씀 (음수 = 평균보다 적음)"
              }
            />
          </div>
          <DistrictRankList districts={map.districts} label={map.label} links={rankLinks} />
        </div>
      </ChartFrame>
      {values.dongmap ? (
        <DongDistrictMap
          service={service}
          sex={group.sex}
          age={group.age}
          district={values.dongmap}
          from={values.from}
          to={values.to}
          closeHref={hrefOf("/service", servicePage, { ...values, dongmap: undefined })}
        />
      ) : null}
    </div>
  );
}
