import Link from "next/link";
import { ChartFrame } from "@/components/ChartFrame";
import { DistrictMap } from "@/components/insights/DistrictMap";
import { DistrictRankList } from "@/components/insights/DistrictRankList";
import { MapLegend } from "@/components/insights/MapLegend";
import mapStyles from "@/components/insights/map.module.css";
import { getDongEffect, viewDongWindow } from "@/lib/api/dong-queries";
import type { District } from "@/lib/districts";
import { SEX_LABELS, ageLabel, type Age, type ServiceId, type SexFilter } from "@/lib/domain";
import { serviceName } from "@/lib/format";
import { DONG_BOUNDARY_ATTRIBUTION } from "@/lib/insights/dong-geo";
import { dongSvgOf } from "@/lib/insights/dong-geo-file";
import { dongEffectChoropleth, dongEffectMeasure, dongEffectTable, windowWords } from "@/lib/insights/dong-map";
import { dongsPage } from "@/lib/params/pages";
import { hrefOf } from "@/lib/params/query";
import { getDongData } from "@/lib/server/dongs";
import { getEngine } from "@/lib/server/engine";
import { dongHref } from "@/lib/views/dong";
import styles from "./dong.module.css";

/**
 * One district's 행정동, coloured by the service's 행정동 effect for the sex × age group (the 행정동 of the
 * district compared with each other), drawn on the server like the district map: each 행정동 a link to
 * its page (for 전체, the women's; the list beside links both), names on the shapes, the list and the
 * table as its alternatives, and the window the figures cover said beside it.
 */
export function DongDistrictMap({
  service,
  sex,
  age,
  district,
  from,
  to,
  closeHref,
}: {
  service: ServiceId;
  sex: SexFilter;
  age: Age;
  district: District;
  /** The page's analysis window; where it has no 행정동 figures of the service, the map uses the months that do. */
  from?: string;
  to?: string;
  closeHref: string;
}) {
  const data = getDongData();
  const view = viewDongWindow(data, from, to, service);
  const title = `${district.name_ko} 행정동별 ${serviceName(service)} 이용 — ${ageLabel(age)} ${SEX_LABELS[sex]}`;
  if (!view) {
    return (
      <section className="card" aria-label={title} id="dong-map">
        <h2>{title}</h2>
        <p>이 자료에는 {serviceName(service)}의 행정동 단위 자료가 없습니다.</p>
      </section>
    );
  }
  const { window, asked, fellBack } = view;
  // The 행정동 pages keep the window only where it is the one shown here.
  const kept = asked && !fellBack ? { from, to } : {};
  const effect = getDongEffect(data, service, { sex, age, district, window }).dongs;
  const linkSex = sex === "T" ? "F" : sex;
  const map = dongEffectChoropleth(service, title, effect, (code) =>
    dongHref(data.index, data.index.get(code)!, linkSex, age, kept),
  );
  const measure = dongEffectMeasure(service, effect.length);
  const bothSexLinks =
    sex === "T"
      ? Object.fromEntries(
          effect.map((d) => [
            d.dong.code,
            (["F", "M"] as const).map((s) => ({
              label: SEX_LABELS[s],
              href: dongHref(data.index, d.dong, s, age, kept),
            })),
          ]),
        )
      : undefined;
  const period = windowWords(window.months);
  return (
    <div id="dong-map">
      <ChartFrame
        id="dong-map"
        title={title}
        description={
          <>
            <p data-testid="dong-map-note">
              같은 {ageLabel(age)} {SEX_LABELS[sex]}끼리 {district.name_ko}의 행정동 {effect.length}곳을 비교합니다.{" "}
              {measure.kind === "index"
                ? `지수 100은 ${effect.length}개 동 평균입니다.`
                : "값은 표준화 지수라 z로 보여 줍니다(0 = 평균)."}{" "}
              <strong>기간: {period}</strong> —{" "}
              {fellBack
                ? "고른 기간에는 행정동 자료가 없어 행정동 자료가 있는 달로 보여 줍니다(위의 자치구 지도와 기간이 다릅니다)."
                : asked
                  ? "고른 기간 가운데 행정동 자료가 있는 달입니다."
                  : "행정동 자료가 있는 달이라 위의 자치구 지도와 기간이 다를 수 있습니다."}{" "}
              행정동을 누르면 그 행정동 고객층 페이지가 열립니다.
            </p>
            <p>
              <Link href={closeHref}>행정동 지도 닫기</Link> ·{" "}
              <Link href={hrefOf("/dongs", dongsPage, { service, sex, age, ...kept })}>서울 전체 행정동 지도</Link>
            </p>
          </>
        }
        table={dongEffectTable(service, effect)}
        source={`${getEngine().meta.attribution} (${period}). ${sex === "T" ? "전체 = 여성·남성의 평균 이용을 인구로 가중. " : ""}${DONG_BOUNDARY_ATTRIBUTION}.`}
        filename={`dongs-${district.slug}-${service}-${age}-${sex}.csv`}
      >
        <div className={mapStyles.mapLayout}>
          <div>
            <DistrictMap
              svg={dongSvgOf(district.code)}
              districts={map.districts}
              label={map.label}
              linkWords={`${ageLabel(age)} ${SEX_LABELS[linkSex]} 행정동 고객층 페이지`}
              area={`${district.name_ko} 행정동 지도`}
              testId="dong-map"
            />
            <MapLegend title={map.legendTitle} items={map.legend} note="빨강: 평균보다 많이 씀 · 파랑: 적게 씀" />
            <p className={styles.windowNote}>{DONG_BOUNDARY_ATTRIBUTION}</p>
          </div>
          <DistrictRankList districts={map.districts} label={map.label} links={bothSexLinks} testId="dong-rank-list" />
        </div>
      </ChartFrame>
    </div>
  );
}
