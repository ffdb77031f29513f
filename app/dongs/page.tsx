import type { Metadata } from "next";
import Link from "next/link";
import { ChartFrame } from "@/components/ChartFrame";
import { MapLegend } from "@/components/insights/MapLegend";
import { ParamProblems } from "@/components/ParamProblems";
import { SeoulDongMapLazy } from "@/components/dong/SeoulDongMapLazy";
import styles from "@/components/dong/dong.module.css";
import { getDongEffect, viewDongWindow } from "@/lib/api/dong-queries";
import { AGES, SERVICES, SEX_FILTERS, SEX_LABELS, ageLabel } from "@/lib/domain";
import { serviceName } from "@/lib/format";
import { geoBounds } from "@/lib/insights/geo";
import { DONG_BOUNDARY_ATTRIBUTION } from "@/lib/insights/dong-geo";
import { loadDongGeo } from "@/lib/insights/dong-geo-file";
import { dongEffectChoropleth, dongEffectMeasure, dongEffectTable, windowWords } from "@/lib/insights/dong-map";
import { dongsPage } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { getDongData } from "@/lib/server/dongs";
import { getEngine } from "@/lib/server/engine";
import { dongLabel } from "@/lib/dongs";
import { dongHref } from "@/lib/views/dong";
import { pageMetadata } from "@/lib/views/share";

type Props = { searchParams: Promise<QueryInput> };

const PAGE_PATH = "/dongs";

async function read(searchParams: Props["searchParams"]) {
  const { values, problems } = readQuery(await searchParams, dongsPage);
  return { values, problems, service: values.service!, sex: values.sex!, age: values.age! };
}

function titleOf(service: string, sex: keyof typeof SEX_LABELS, age: number) {
  return `서울 행정동 지도: ${service} 이용 — ${age}대 ${SEX_LABELS[sex]}`;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { values, service, sex, age } = await read(searchParams);
  const title = titleOf(serviceName(service), sex, age);
  return pageMetadata({
    title,
    description: `${title}. 서울 424개 행정동을 같은 연령대·성별끼리 비교한 지도와 표.`,
    pagePath: PAGE_PATH,
    canonicalQuery: writeQuery(dongsPage, values),
  });
}

/**
 * All of Seoul's 행정동 on one map with pan and zoom (Leaflet, loaded after the page), coloured by a
 * service's 행정동 effect across all 424; the ranked list and the table are its alternatives.
 */
export default async function DongsPage({ searchParams }: Props) {
  const { values, problems, service, sex, age } = await read(searchParams);
  const data = getDongData();
  const view = viewDongWindow(data, values.from, values.to, service);
  const title = titleOf(serviceName(service), sex, age);
  const link = (v: Partial<typeof values>) => hrefOf(PAGE_PATH, dongsPage, { ...values, ...v });
  const choices = (
    <nav aria-label="서비스, 성별, 연령대">
      <ul className={styles.choices}>
        {SERVICES.map((s) => (
          <li key={s.id}>
            <Link href={link({ service: s.id })} aria-current={s.id === service ? "page" : undefined}>
              {s.name_ko}
            </Link>
          </li>
        ))}
      </ul>
      <ul className={styles.choices}>
        {SEX_FILTERS.map((s) => (
          <li key={s}>
            <Link href={link({ sex: s })} aria-current={s === sex ? "page" : undefined}>
              {SEX_LABELS[s]}
            </Link>
          </li>
        ))}
        {AGES.map((a) => (
          <li key={a}>
            <Link href={link({ age: a })} aria-current={a === age ? "page" : undefined}>
              {ageLabel(a)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
  if (!view) {
    return (
      <div className={styles.page}>
        <h1>{title}</h1>
        {choices}
        <p>이 자료에는 {serviceName(service)}의 행정동 단위 자료가 없습니다.</p>
      </div>
    );
  }
  const kept = view.asked && !view.fellBack ? { from: values.from, to: values.to } : {};
  const effect = getDongEffect(data, service, { sex, age, window: view.window }).dongs;
  const linkSex = sex === "T" ? "F" : sex;
  const href = (code: string) => dongHref(data.index, data.index.get(code)!, linkSex, age, kept);
  const map = dongEffectChoropleth(service, title, effect, href);
  const cells = Object.fromEntries(
    map.districts.map((d) => [d.code, { fill: d.fill, name: d.name, href: d.href!, valueText: d.valueText }]),
  );
  const measure = dongEffectMeasure(service, effect.length);
  const period = windowWords(view.window.months);
  return (
    <div className={styles.page}>
      <h1>{title}</h1>
      <p className="lead">
        서울 {effect.length}개 행정동을 같은 {ageLabel(age)} {SEX_LABELS[sex]}끼리 비교합니다. 끌어서 옮기고, 확대하면
        동 이름이 나타납니다. 행정동을 누르면 그 행정동 고객층 페이지가 열립니다. 지도 아래 표에 같은 값이 순위대로
        있고, 행정동 페이지는 자치구별 행정동 지도(서비스별 타겟)에서 키보드로도 열 수 있습니다.
      </p>
      <ParamProblems problems={problems} validHref={link({})} />
      {choices}
      <ChartFrame
        id="seoul-dongs"
        title={title}
        description={
          <p data-testid="dongs-window">
            {measure.kind === "index"
              ? `지수 100은 ${effect.length}개 동 평균입니다.`
              : "값은 표준화 지수라 z로 보여 줍니다(0 = 평균)."}{" "}
            <strong>기간: {period}</strong> —{" "}
            {view.fellBack
              ? "고른 기간에는 행정동 자료가 없어 행정동 자료가 있는 달로 보여 줍니다."
              : view.asked
                ? "고른 기간 가운데 행정동 자료가 있는 달입니다."
                : "행정동 자료가 있는 달입니다."}
          </p>
        }
        table={dongEffectTable(service, effect)}
        source={`${getEngine().meta.attribution} (${period}). ${sex === "T" ? "전체 = 여성·남성의 평균 이용을 인구로 가중. " : ""}${DONG_BOUNDARY_ATTRIBUTION}.`}
        filename={`dongs-seoul-${service}-${age}-${sex}.csv`}
        tableOpen
      >
        <form action="/dong" method="get" className={styles.finder} data-testid="dong-finder">
          <label htmlFor="dong-finder-input">행정동 바로 가기 (이름 또는 코드)</label>
          <input
            id="dong-finder-input"
            name="dong"
            list="dong-names"
            required
            placeholder="예: 영등포구 여의동"
            autoComplete="off"
          />
          <datalist id="dong-names">
            {data.index.list.map((d) => (
              <option key={d.code} value={dongLabel(d)} />
            ))}
          </datalist>
          <input type="hidden" name="sex" value={linkSex} />
          <input type="hidden" name="age" value={age} />
          <button type="submit">열기</button>
        </form>
        <SeoulDongMapLazy cells={cells} bounds={geoBounds(loadDongGeo())} label={`서울 행정동 지도: ${title}`} />
        <MapLegend title={measure.legendTitle} items={map.legend} note="빨강: 평균보다 많이 씀 · 파랑: 적게 씀" />
      </ChartFrame>
    </div>
  );
}
