import type { Metadata } from "next";
import { ChartFrame } from "@/components/ChartFrame";
import { ParamProblems } from "@/components/ParamProblems";
import { MonthlyRanking } from "@/components/segment/MonthlyRanking";
import { PriorityList } from "@/components/segment/PriorityList";
import { SeasonalityStrip } from "@/components/segment/SeasonalityStrip";
import { SegmentControls } from "@/components/segment/SegmentControls";
import { SexChoice } from "@/components/segment/SexChoice";
import { TrendSection } from "@/components/segment/TrendSection";
import { WhenAnswers } from "@/components/segment/WhenAnswers";
import styles from "@/components/segment/segment.module.css";
import { getPriority, getSeasonality } from "@/lib/api/queries";
import { SEXES, unitKind, type Basis, type SegmentKey, type ServiceId } from "@/lib/domain";
import { formatInt, monthLabel, serviceName } from "@/lib/format";
import { segmentPage } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { PeriodControl } from "@/components/PeriodControl";
import type { Engine } from "@/lib/engine";
import { getEngines } from "@/lib/server/engine";
import { pageWindow, periodControlProps, type PageWindow } from "@/lib/server/window";
import { sameMonthPairs, seasonalMonths, trendOf } from "@/lib/engine/time";
import { groupTable, profileTable, sameMonthTable, seasonSentence, trendSentence } from "@/lib/views/period";
import {
  monthlyRankTable,
  priorityTable,
  seasonalityRows,
  seasonalityTable,
  segmentTitle,
  whenAnswers,
  whenTable,
  Z_THRESHOLD_NOTE,
} from "@/lib/views/segment";
import { pageMetadata } from "@/lib/views/share";
import { monthAxisLabels } from "@/lib/views/trend";

type Props = { searchParams: Promise<QueryInput> };

const PAGE_PATH = "/segment";

/** The link's values (invalid ones replaced by defaults: the page says which) and its problems. */
async function read(searchParams: Props["searchParams"]) {
  const { values, problems } = readQuery(await searchParams, segmentPage);
  // Every segmentPage parameter but the chart's single service has a default.
  const v = values as Required<typeof values>;
  const pw = pageWindow(values);
  return {
    values,
    problems: pw.problem ? [...problems, pw.problem] : problems,
    pw,
    district: v.district,
    sex: v.sex,
    age: v.age,
    basis: v.basis,
    service: values.service,
  };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { values, problems, pw, district, sex, age } = await read(searchParams);
  const title = segmentTitle(district.name_ko, sex, age);
  let description: string;
  if (sex === "T") {
    description = `${district.name_ko} ${age}대: 고객층은 성별 하나씩이라, 여성·남성 가운데 하나를 골라 서비스별 우선순위와 좋은 달을 봅니다.`;
  } else {
    const { overall } = getPriority(pw.engine, { district, sex, age }, "day");
    const top = overall
      .slice(0, 3)
      .map((s) => `${s.rank}위 ${serviceName(s.service)}`)
      .join(", ");
    description = `${title}: ${top}. 서비스마다 다른 고객층보다 두드러진 달과 일평균 사용이 가장 높은 달, 서울 전체의 월별 흐름.`;
  }
  const meta = pageMetadata({
    title,
    description,
    pagePath: PAGE_PATH,
    canonicalQuery: writeQuery(segmentPage, values),
  });
  return problems.length ? { ...meta, robots: { index: false } } : meta;
}

export default async function SegmentPage({ searchParams }: Props) {
  const { values, problems, pw, district, sex, age, basis, service } = await read(searchParams);
  const { engine } = pw;
  const source = `${engine.meta.attribution}. ${engine.meta.title}.`;
  const title = segmentTitle(district.name_ko, sex, age);

  return (
    <div className={styles.page}>
      <p className={styles.eyebrow}>고객별 맞춤형 광고 알고리즘</p>
      <h1>{title}</h1>
      <p className="lead">
        이 고객층이 서울의 다른 고객층(자치구 × 성별 × 연령대 300개)보다 <strong>유난히 많이 쓰는 서비스</strong>부터
        순서대로 보여 줍니다. 통신 데이터의 사용량이라 누가 더 많이 쓰는지를 말할 뿐, 광고에 대한 반응은 재지 않습니다.
      </p>
      <ParamProblems problems={problems} validHref={hrefOf(PAGE_PATH, segmentPage, values)} />
      <SegmentControls />
      <PeriodControl {...periodControlProps(PAGE_PATH, segmentPage, values, pw)} />
      <div className={styles.view}>
        {sex === "T" ? (
          <SexChoice
            districtName={district.name_ko}
            age={age}
            choices={SEXES.map((s) => ({
              sex: s,
              href: hrefOf(PAGE_PATH, segmentPage, { ...values, sex: s }),
              top: engine.priority({ district, sex: s, age }).overall.slice(0, 3),
            }))}
          />
        ) : (
          <SegmentBody pw={pw} segment={{ district, sex, age }} basis={basis} service={service} source={source} />
        )}
      </div>
    </div>
  );
}

function SegmentBody({
  pw,
  segment,
  basis,
  service,
  source,
}: {
  pw: PageWindow;
  segment: SegmentKey;
  basis: Basis;
  service: ServiceId | undefined;
  source: string;
}) {
  const engine: Engine = pw.engine;
  // The per-day answer is the API's `basis=day` priority; its ranks and standout months are basis-free.
  const priority = getPriority(engine, segment, "day");
  const seasonDay = getSeasonality(engine, "day");
  const order = priority.overall.map((s) => s.service);
  const answers = whenAnswers(priority.overall, priority.standoutMonths, priority.bestMonths, seasonDay);
  const months = engine.months;
  // A doubtful month keeps its value and carries the mark wherever it is named (see PeriodControl).
  const flagged = new Set(pw.notes.map((n) => n.month));
  const monthNames = monthAxisLabels(months, flagged);
  const period = `${monthLabel(months[0]!)}~${monthLabel(months.at(-1)!)} (${months.length}개월)`;
  const file = `${segment.district.slug}-${segment.sex}-${segment.age}`;

  return (
    <>
      <p className={styles.population}>
        월평균 인구 약 {formatInt(priority.segment.population)}명 · 기간 {period}
      </p>
      <ChartFrame
        id="priority"
        title="서비스 광고 우선순위"
        description={
          <>
            z는 이 고객층의 {period} 평균 사용량이 서울 전체 고객층 300개의 평균에서 표준편차 몇 배만큼
            떨어졌는지입니다. 서비스마다 단위가 달라도 z끼리는 비교할 수 있습니다. {Z_THRESHOLD_NOTE}.
          </>
        }
        table={priorityTable(priority.overall)}
        source={source}
        filename={`priority-${file}`}
      >
        <PriorityList overall={priority.overall} />
      </ChartFrame>

      <ChartFrame
        id="when"
        title="언제 광고할까: 서비스별 두 가지 답"
        description={
          <>
            <strong>두드러진 달</strong>은 그 달 서울 300개 고객층 가운데 이 고객층의 z(그 달 값끼리 비교)가 가장 높은
            달이라, 도시 전체가 함께 오른 달은 두드러지지 않습니다. <strong>일평균이 가장 높은 달</strong>은 이 고객층
            자신의 사용량을 그 달 일수로 나눈 값(지수 서비스는 그대로)이 가장 높은 달로, 도시 전체의 계절도 함께
            담깁니다. 서비스 7개 모두 우선순위 순서입니다.
          </>
        }
        table={whenTable(answers)}
        source={`${source} 사용량은 제공처의 지표 값(제공처 단위)이며 실제 날수가 아닙니다.`}
        filename={`when-${file}`}
      >
        <WhenAnswers answers={answers} monthNames={Object.fromEntries(months.map((m, i) => [m, monthNames[i]!]))} />
      </ChartFrame>

      <ChartFrame
        id="seasonality"
        title="서울 전체의 월별 흐름 (일평균)"
        description={
          <>
            서울 전체(300개 고객층, 인구 가중)의 일평균 수준을 평균 달과 비교했습니다. 개수 서비스는 평균 달 =
            100(110이면 10% 높음), 지수 서비스(유튜브·넷플릭스)는 비율이 뜻이 없어 평균 달과의 차이(지수 포인트, 음수 =
            평균 달보다 낮음)입니다. 보라는 평균보다 높고 주황은 낮은 달입니다. 모든 고객층에서 함께 움직이는 흐름이라,
            위의 ‘두드러진 달’과 다르면 그 차이가 이 고객층만의 특징입니다.{" "}
            <strong>{months.length}개월의 값뿐이라 한 해의 계절로 보기엔 짧습니다</strong>: 한 번의 변화가 계절처럼 보일
            수 있습니다.
          </>
        }
        table={seasonalityTable(seasonDay, order, flagged)}
        source={source}
        filename="seasonality-seoul-day"
      >
        <SeasonalityStrip rows={seasonalityRows(seasonDay, order)} months={seasonDay.months} flagged={flagged} />
      </ChartFrame>

      <TrendSection
        engine={engine}
        flagged={flagged}
        segment={segment}
        basis={basis}
        service={service}
        order={order}
        source={source}
        file={file}
      />

      <MonthlyRanking
        monthly={priority.monthly}
        table={monthlyRankTable(priority.monthly, flagged)}
        source={source}
        filename={`monthly-priority-${file}`}
        flagged={flagged}
      />

      <TwoYears pw={pw} segment={segment} order={order} source={source} file={file} />

      <ProfileSection pw={pw} segment={segment} source={source} file={file} />
    </>
  );
}

/** "생활 지표" and 관심집단: every measure and group the window has, for context beside the seven services. */
function ProfileSection({
  pw,
  segment,
  source,
  file,
}: {
  pw: PageWindow;
  segment: SegmentKey;
  source: string;
  file: string;
}) {
  const { measures, groups } = getEngines().profile(pw.window, segment);
  const months = pw.engine.months.length;
  return (
    <>
      <ChartFrame
        id="profile"
        title="생활 지표"
        description={
          <>
            이 기간 자료에 있는 제공처 지표 전부입니다. 값은 이 고객층의 월별 값(행정동 행의 단순 평균)을 그 지표가 있는
            달끼리 평균한 것이고, z는 같은 값을 서울 300개 고객층과 비교한 것입니다. 광고 우선순위는 위의 7개 서비스로만
            정하고, 이 표는 고객층을 이해하는 배경입니다.
          </>
        }
        table={profileTable(measures, months)}
        source={`${source} 지표별 단위는 제공처의 것입니다(‘제공처 단위’는 제공처가 단위를 밝히지 않은 값).`}
        filename={`profile-${file}`}
        tableOpen
      >
        {null}
      </ChartFrame>
      {groups.length ? (
        <ChartFrame
          id="groups"
          title="관심집단 비율"
          description={
            <>
              관심집단 인원은 그 집단이 있는 달의 월별 합계를 평균한 것이고, 비율은 같은 달들의 평균 인구로 나눈
              값입니다.
            </>
          }
          table={groupTable(groups)}
          source={source}
          filename={`groups-${file}`}
          tableOpen
        >
          {null}
        </ChartFrame>
      ) : null}
    </>
  );
}

/**
 * Trend told apart from season (lib/engine/time.ts rules, on Seoul's per-day level, doubtful months left
 * out of the fit), and the same calendar month of two years side by side, when the window has them.
 */
function TwoYears({
  pw,
  segment,
  order,
  source,
  file,
}: {
  pw: PageWindow;
  segment: SegmentKey;
  order: readonly ServiceId[];
  source: string;
  file: string;
}) {
  const { engine } = pw;
  const season = engine.seasonality("day");
  const trend = engine.trend(segment, "day");
  const months = engine.months;
  const skip = new Set(pw.notes.map((n) => n.month));
  const levelOf = (s: ServiceId) => season.services.find((x) => x.service === s)!.level;
  const valuesOf = (s: ServiceId) => trend.series.find((x) => x.service === s)!.values;
  const sentences = order
    .filter((s) => unitKind(s) === "count")
    .map((s) => {
      const seoulPairs = sameMonthPairs(months, levelOf(s)).filter(
        (p) => !skip.has(p.first.month) && !skip.has(p.second.month),
      );
      return [
        trendSentence(serviceName(s), months.length, trendOf(months, levelOf(s), skip)),
        seasonSentence(serviceName(s), seasonalMonths(seoulPairs)),
      ];
    })
    .flat()
    .filter((t): t is string => t !== null);
  const rows = order
    .map((s) => ({
      name: serviceName(s),
      segment: sameMonthPairs(months, valuesOf(s)),
      seoul: sameMonthPairs(months, levelOf(s)),
    }))
    .filter((r) => r.segment.length > 0);
  if (!sentences.length && !rows.length) return null;
  return (
    <ChartFrame
      id="two-years"
      title="추세와 계절: 서울 전체, 같은 달 두 해"
      description={
        <>
          {sentences.length ? (
            <ul data-testid="trend-season">
              {sentences.map((t) => (
                <li key={t}>{t}.</li>
              ))}
            </ul>
          ) : null}
          <p>
            규칙: 서울 일평균 수준에 직선을 맞춰, 기간 동안 평균의 15% 넘게 움직이고 그 직선이 변동의 절반 이상(R² ≥
            0.5)을 설명하면 ‘꾸준히 늘었다/줄었다’고 씁니다(6개월 이상, ⚠ 달은 빼고). 계절은 두 해 모두 같은 달이 그해
            가장 높거나 낮을 때만 씁니다. 개수 서비스만 해당합니다(지수는 비율이 뜻이 없습니다).
            {rows.length
              ? " 아래 표는 같은 달의 두 해 값(일평균)입니다."
              : " 같은 달이 두 해 모두 있는 기간을 고르면 두 해를 나란히 봅니다."}
          </p>
        </>
      }
      table={sameMonthTable(rows)}
      source={source}
      filename={`two-years-${file}`}
      tableOpen
    >
      {null}
    </ChartFrame>
  );
}
