import type { Metadata } from "next";
import Link from "next/link";
import { ChartFrame } from "@/components/ChartFrame";
import { ParamProblems } from "@/components/ParamProblems";
import { PriorityList } from "@/components/segment/PriorityList";
import { TrendChartLazy } from "@/components/segment/TrendChartLazy";
import styles from "@/components/dong/dong.module.css";
import { getDongPriority, getDongSimilar, viewDongWindow } from "@/lib/api/dong-queries";
import { DISTRICTS } from "@/lib/districts";
import { AGES, SEXES, SEX_LABELS, ageLabel, type Age, type Sex } from "@/lib/domain";
import { districtOfDong, dongLabel, type Dong } from "@/lib/dongs";
import type { DongData } from "@/lib/engine/dong-engine";
import { formatDecimal } from "@/lib/format";
import { windowWords } from "@/lib/insights/dong-map";
import { dongPage, servicePage } from "@/lib/params/pages";
import { readQuery, writeQuery, hrefOf, type QueryInput } from "@/lib/params/query";
import { getDongData } from "@/lib/server/dongs";
import { getEngine } from "@/lib/server/engine";
import {
  dongHref,
  dongPriorityTable,
  groupsTable,
  dongSegmentLabel,
  profileTable,
  segmentsWords,
  similarTable,
  standoutLines,
} from "@/lib/views/dong";
import { monthlyRankTable, trendTable } from "@/lib/views/segment";
import { indexAxis, trendChartRows } from "@/lib/views/trend";
import { segmentHref } from "@/lib/views/service";
import { pageMetadata } from "@/lib/views/share";

type Props = { searchParams: Promise<QueryInput> };

const PAGE_PATH = "/dong";

async function read(searchParams: Props["searchParams"]) {
  const data = getDongData();
  const shape = dongPage(data.index);
  const { values, problems } = readQuery(await searchParams, shape);
  return { data, shape, values, problems, dong: values.dong, sex: values.sex!, age: values.age! };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { shape, values, dong, sex, age } = await read(searchParams);
  const title = dong ? `${dongSegmentLabel(dong, sex, age)} 광고 우선순위` : "행정동 고객층";
  return pageMetadata({
    title,
    description: `${title}: 서비스 우선순위, 월별 순위와 추이, 생활 지표, 비슷한 동네.`,
    pagePath: PAGE_PATH,
    canonicalQuery: writeQuery(shape, values),
  });
}

/**
 * One 행정동 segment (행정동 × sex × age band) over the months that have 행정동 figures: its services'
 * priority against all the 행정동 segments of Seoul, the monthly ranking and trend, its 생활 지표, its
 * district, and the look-alike 행정동 (each a link to the same segment there).
 */
export default async function DongPage({ searchParams }: Props) {
  const { data, shape, values, problems, dong, sex, age } = await read(searchParams);
  if (!dong) {
    return (
      <div className={styles.page}>
        <h1>행정동 고객층</h1>
        <ParamProblems problems={problems} validHref={hrefOf(PAGE_PATH, shape, values)} />
        {data.index.list.length === 0 ? (
          <p className="lead">이 자료에는 행정동 단위 자료가 없습니다.</p>
        ) : (
          <>
            <p className="lead">
              행정동을 골라 주세요: 서울 전체 지도에서, 또는 자치구를 골라 그 자치구의 행정동 지도에서 고를 수 있습니다.
            </p>
            <p>
              <Link href="/dongs">서울 전체 행정동 지도</Link>
            </p>
            <ul className={styles.choices} aria-label="자치구의 행정동 지도">
              {DISTRICTS.map((d) => (
                <li key={d.code}>
                  <Link href={`${hrefOf("/service", servicePage, { dongmap: d })}#dong-map`}>{d.name_ko}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  const view = viewDongWindow(data, values.from, values.to);
  // Links keep the window only where it is the one shown.
  const kept = view && view.asked && !view.fellBack ? { from: values.from, to: values.to } : {};
  const district = districtOfDong(dong);
  return (
    <div className={styles.page}>
      <p className={styles.eyebrow}>
        행정동 고객층 · <Link href={segmentHref(district, sex, age)}>{district.name_ko}</Link>
      </p>
      <h1>{dongSegmentLabel(dong, sex, age)} 광고 우선순위</h1>
      <p className="lead">
        이 행정동 고객층이 서울의 다른 행정동 고객층(행정동 × 성별 × 연령대)보다{" "}
        <strong>유난히 많이 쓰는 서비스</strong>부터 보여 줍니다. 통신 데이터의 사용량이라 광고 반응은 재지 않습니다.
      </p>
      <ParamProblems problems={problems} validHref={hrefOf(PAGE_PATH, shape, values)} />
      <nav aria-label="성별과 연령대">
        <ul className={styles.choices}>
          {SEXES.map((s) => (
            <li key={s}>
              <Link href={dongHref(data.index, dong, s, age, kept)} aria-current={s === sex ? "page" : undefined}>
                {SEX_LABELS[s]}
              </Link>
            </li>
          ))}
        </ul>
        <ul className={styles.choices}>
          {AGES.map((a) => (
            <li key={a}>
              <Link href={dongHref(data.index, dong, sex, a, kept)} aria-current={a === age ? "page" : undefined}>
                {ageLabel(a)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view ? (
        <DongBody
          data={data}
          dong={dong}
          sex={sex}
          age={age}
          months={view.window.months}
          note={
            view.fellBack
              ? "고른 기간에는 행정동 자료가 없어 행정동 자료가 있는 달로 보여 줍니다"
              : view.asked
                ? "고른 기간 가운데 행정동 자료가 있는 달"
                : "행정동 자료가 있는 달"
          }
          kept={kept}
        />
      ) : (
        <p>행정동 단위 자료가 있는 달이 없습니다.</p>
      )}
    </div>
  );
}

function DongBody({
  data,
  dong,
  sex,
  age,
  months,
  note,
  kept,
}: {
  data: DongData;
  dong: Dong;
  sex: Sex;
  age: Age;
  months: string[];
  note: string;
  kept: { from?: string; to?: string };
}) {
  const window = { from: months[0]!, to: months.at(-1)!, months };
  const priority = getDongPriority(data, dong, { sex, age, window });
  const w = data.window(window);
  const segments = w.panel.segments.length;
  const period = windowWords(months);
  const source = `${getEngine().meta.attribution} (${period}).`;
  const file = `${dong.code}-${sex}-${age}`;
  const trend = w.trend(dong, sex, age);
  // A service missing a month for this segment has no trend line (its table rows still say so).
  const complete = trend.series
    .filter((s) => s.values.every((v) => v !== null))
    .map((s) => ({ service: s.service, values: s.values as number[] }));
  const order = priority.overall.map((s) => s.service).filter((s) => complete.some((c) => c.service === s));
  const rows = trendChartRows({ months: trend.months, series: complete });
  const similar = getDongSimilar(data, dong, { window, limit: 10 });
  const profile = w.profile(dong, sex, age);
  const groups = w.groups(dong, sex, age);
  const district = districtOfDong(dong);

  return (
    <>
      <p className={styles.facts} data-testid="dong-window">
        기간 {period} — {note} · 소속 자치구{" "}
        <Link href={segmentHref(district, sex, age)}>
          {district.name_ko} {ageLabel(age)} {SEX_LABELS[sex]} 고객층
        </Link>
      </p>
      <ChartFrame
        id="priority"
        title="서비스 광고 우선순위"
        description={
          <>
            z는 이 고객층의 기간 평균 사용량이 서울 {segmentsWords(segments)}의 평균에서 표준편차 몇 배만큼
            떨어졌는지입니다.
          </>
        }
        table={dongPriorityTable(priority.overall, segments)}
        source={source}
        filename={`dong-priority-${file}`}
      >
        <PriorityList overall={priority.overall} />
      </ChartFrame>

      <ChartFrame
        id="trend"
        title="서비스별 월별 사용 추이 (월 합계)"
        description={
          <>
            선마다 따로 이 고객층의 기간 평균을 0, 월별 변동의 표준편차를 1로 맞춘 추세 지수입니다. 선의 높이로
            서비스끼리 비교할 수는 없습니다.
          </>
        }
        table={trendTable({ months: trend.months, series: complete }, "month")}
        source={source}
        filename={`dong-trend-${file}`}
      >
        <TrendChartLazy view={{ kind: "index", rows, services: order, emphasized: 3, axis: indexAxis(rows, order) }} />
      </ChartFrame>

      <ChartFrame
        id="monthly"
        title="월별 우선순위와 두드러진 달"
        description={
          <>
            달마다 그 달 값으로 다시 매긴 순위입니다(그 달 서울 {segmentsWords(segments)} 대비 z). 아래 표는 서비스마다
            z가 가장 높았던 달입니다.
          </>
        }
        table={monthlyRankTable(priority.monthly)}
        source={source}
        filename={`dong-monthly-${file}`}
        tableOpen
      >
        <ul data-testid="standout-months">
          {standoutLines(priority.standoutMonths).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </ChartFrame>

      <ChartFrame
        id="profile"
        title="생활 지표"
        description={
          <>
            같은 기간 이 고객층의 생활 지표 평균과, 서울 {segmentsWords(segments)} 대비 z입니다. 단위는 제공처의 지표
            그대로입니다.
          </>
        }
        table={profileTable(profile, segments)}
        source={source}
        filename={`dong-profile-${file}`}
        tableOpen
      >
        <p className={styles.windowNote}>지표 {profile.length}개 · 관심집단 수는 포함하지 않습니다.</p>
      </ChartFrame>

      <ChartFrame
        id="groups"
        title="관심집단"
        description={
          <>
            같은 기간 이 고객층에 속한 관심집단 인원(월평균)과 고객층 인구 가운데 비율입니다. 제공처가 정한 집단이며 한
            사람이 여러 집단에 들 수 있습니다.
          </>
        }
        table={groupsTable(groups)}
        source={source}
        filename={`dong-groups-${file}`}
        tableOpen
      >
        <p className={styles.windowNote}>관심집단 {groups.length}개</p>
      </ChartFrame>

      <ChartFrame
        id="similar"
        title="비슷한 동네"
        description={
          <>
            행정동마다 생활 지표 {similar.measures.length}개(두 성별·모든 연령대·기간 평균)를 424개 행정동끼리 표준화한
            뒤, 차이의 제곱평균제곱근이 가장 작은 행정동 10곳입니다. 누르면 그 동네의 같은 고객층({ageLabel(age)}{" "}
            {SEX_LABELS[sex]})이 열립니다.
          </>
        }
        table={similarTable(similar.similar, dongLabel)}
        source={source}
        filename={`dong-similar-${dong.code}`}
      >
        <ol className={styles.similar} data-testid="similar-dongs">
          {similar.similar.map((s) => (
            <li key={s.dong.code} data-dong={s.dong.code}>
              <Link href={dongHref(data.index, s.dong, sex, age, kept)}>
                <span className={styles.rank}>{s.rank}</span>
                <span className={styles.name}>{dongLabel(s.dong)}</span>
                <span className={styles.distance}>거리 {formatDecimal(s.distance)}</span>
              </Link>
            </li>
          ))}
        </ol>
      </ChartFrame>
    </>
  );
}
