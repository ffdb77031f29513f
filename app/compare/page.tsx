import type { Metadata } from "next";
import Link from "next/link";
import { ChartFrame } from "@/components/ChartFrame";
import { CompareColumns, StandoutMonths } from "@/components/compare/CompareColumns";
import { CompareControls } from "@/components/compare/CompareControls";
import { DroppedSegments } from "@/components/compare/DroppedSegments";
import { LazyTrendChart } from "@/components/compare/LazyTrendChart";
import { SEGMENT_COLORS, SEGMENT_DASHES, SEGMENT_MARKS } from "@/components/compare/palette";
import { ParamProblems } from "@/components/ParamProblems";
import styles from "@/components/compare/compare.module.css";
import { getDongComparison, viewDongWindow } from "@/lib/api/dong-queries";
import { getComparison, getTargets } from "@/lib/api/queries";
import { grainOf, type AnySegment, type SegmentKey } from "@/lib/domain";
import { keepGrain, type DongSegment } from "@/lib/dong-segments";
import { windowWords } from "@/lib/insights/dong-map";
import { getDongData } from "@/lib/server/dongs";
import { getEngines } from "@/lib/server/engine";
import { notesIn } from "@/lib/views/period";
import { dongHref } from "@/lib/views/dong";
import { serviceName, segmentLabel } from "@/lib/format";
import { dongLabel } from "@/lib/dongs";
import { audiencePage, comparePage } from "@/lib/params/pages";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { PeriodControl } from "@/components/PeriodControl";
import { pageWindow, periodControlProps } from "@/lib/server/window";
import { lenientAnySegments, planLink } from "@/lib/views/audience";
import {
  compareColumns,
  compareTrend,
  profileTable,
  standoutQualityNotes,
  standoutTable,
  trendTable,
  trendUnit,
  type ComparisonSource,
} from "@/lib/views/compare";
import { pageMetadata } from "@/lib/views/share";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The URL read once; a partly bad `segments` list keeps its valid ids (up to four), of one grain: the
 * first id's (a district segment's z is across the 300 district segments, a 행정동 segment's across the
 * 행정동 segments, so the two are not compared side by side); the others are left out with the reason.
 */
function readCompare(input: QueryInput) {
  const { values, problems } = readQuery(input, comparePage);
  const read = lenientAnySegments(input, "segments", 4);
  const grain = read.items[0] ? grainOf(read.items[0]) : "district";
  const kept = keepGrain(() => getDongData().index, read.items, grain);
  const segments: AnySegment[] =
    grain === "dong" ? kept.dong.map((d) => ({ dong: d.dong.code, sex: d.sex, age: d.age })) : kept.district;
  return {
    values: { ...values, segments },
    problems,
    dropped: [...read.dropped, ...kept.dropped],
    district: kept.district,
    dong: kept.dong,
  };
}

const label = (s: { district: { name_ko: string }; sex: "F" | "M"; age: 20 | 30 | 40 | 50 | 60 | 70 }) =>
  segmentLabel(s.district.name_ko, s.sex, s.age);

/** 행정동 segments over the months of the page's window with 행정동 figures (else all such months, said in the note). */
function dongComparison(dongs: readonly DongSegment[], values: { from?: string; to?: string }, basis: "month" | "day") {
  const data = getDongData();
  const view = viewDongWindow(data, values.from, values.to);
  if (!view) return null;
  return {
    view,
    sources: getDongComparison(data, dongs, basis, view.window).segments as ComparisonSource[],
    notes: notesIn(getEngines().qualityNotes, view.window.months),
    note: `기간: ${windowWords(view.window.months)} — 행정동 자료가 있는 달${view.fellBack ? ". 고른 기간에는 행정동 자료가 없어 이 달들로 보여 줍니다" : ""}. z는 서울 행정동 고객층 전체와 견준 값입니다.`,
  };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { values } = readCompare(await searchParams);
  const { district, dong } = readCompare(await searchParams);
  const names = [...district.map(label), ...dong.map((d) => segmentLabel(dongLabel(d.dong), d.sex, d.age))];
  const title = names.length ? `고객층 비교: ${names.join(" · ")}` : "고객층 비교";
  const description = `${names.length ? names.join(", ") : "고객층 2–4개"}의 인구, 7개 서비스 z와 순위, ${serviceName(values.service!)} 월별 추이를 나란히 봅니다.`;
  return pageMetadata({ title, description, pagePath: "/compare", canonicalQuery: writeQuery(comparePage, values) });
}

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const reading = readCompare(await searchParams);
  const { values, dropped } = reading;
  const { service, basis, segments } = values as {
    service: NonNullable<typeof values.service>;
    basis: NonNullable<typeof values.basis>;
    segments: typeof values.segments;
  };
  const pw = pageWindow(values);
  const { engine } = pw;
  const problems = pw.problem ? [...reading.problems, pw.problem] : reading.problems;
  const dong = reading.dong.length ? dongComparison(reading.dong, values, basis) : null;
  const districtSegments: SegmentKey[] = reading.district;
  const sources: ComparisonSource[] = dong
    ? dong.sources
    : districtSegments.length
      ? getComparison(engine, districtSegments, basis).segments
      : [];
  const period = dong
    ? { ...pw, window: { from: dong.view.window.from, to: dong.view.window.to }, notes: dong.notes }
    : pw;
  const flagged = new Set(period.notes.map((n) => n.month));
  const compared = compareColumns(sources, service, flagged);
  const { max } = compared;
  const columns = dong
    ? compared.columns.map((c, i) => ({
        ...c,
        href: dongHref(getDongData().index, reading.dong[i]!.dong, reading.dong[i]!.sex, reading.dong[i]!.age),
      }))
    : compared.columns;
  const standoutNotes = standoutQualityNotes(columns, period.notes);
  const zMonths = dong ? dong.view.window.months.length : engine.months.length;
  const trend = compareTrend(sources, service, flagged);
  const name = serviceName(service);
  const unit = trendUnit(service, basis);
  const source = `${engine.meta.attribution}. ${engine.meta.title}.`;
  const file = columns.map((c) => c.id.replaceAll(".", "-")).join("_") || "compare";
  // A bare link: suggest the service's top two targets, the likeliest pair to start from.
  const suggestion =
    segments.length < 2
      ? getTargets(engine, service, 2).targets.map(({ district, sex, age }) => ({ district, sex, age }))
      : [];
  const plan = planLink(service, segments);

  return (
    <>
      <h1>고객층 비교</h1>
      <p className={`lead ${styles.lead}`}>
        고객층 2–4개를 나란히 놓고 인구, 7개 서비스의 z(서울 {dong ? "행정동 고객층 전체" : "300개 고객층"} 평균 대비)와
        순위, 한 서비스의 월별 추이를 비교합니다. 인구는 거주 인구이지 서비스 이용자 수가 아닙니다.
      </p>
      <ParamProblems problems={problems} validHref={hrefOf("/compare", comparePage, values)} />
      <PeriodControl {...periodControlProps("/compare", comparePage, values, period)} />
      {dong ? (
        <p className={styles.hint} data-testid="compare-dong-window">
          {dong.note}
        </p>
      ) : null}
      <DroppedSegments dropped={dropped} what="비교" />
      <CompareControls
        shown={columns.map((c) => ({ id: c.id, label: c.label }))}
        dongAudienceHref={hrefOf("/audience", audiencePage, { service, grain: "dong", pick: segments })}
      />

      {segments.length < 2 ? (
        <div className="card notice" data-testid="compare-needs-more">
          <p>비교하려면 고객층이 2개 이상 필요합니다. 위에서 추가하거나, 다음으로 시작하세요.</p>
          <ul className={styles.suggestions}>
            <li>
              <Link href={hrefOf("/compare", comparePage, { ...values, segments: suggestion })}>
                {name} 상위 고객층 {suggestion.map(label).join(" · ")} 비교
              </Link>
            </li>
            <li>
              <Link href={hrefOf("/audience", audiencePage, { service })}>{name} 오디언스에서 골라 오기</Link>
            </li>
          </ul>
        </div>
      ) : null}

      {columns.length ? (
        <>
          <ChartFrame
            id="compare-profile"
            title="서비스별 z와 순위"
            description={
              <p>
                모든 막대는 같은 눈금(±{max})입니다. 오른쪽(+)은 서울 {dong ? "행정동 고객층 전체" : "300개 고객층"}{" "}
                평균보다 더 쓰고, 왼쪽(−)은 덜 쓴다는 뜻입니다. 순위는 그 고객층 안에서 7개 서비스의 z 순서입니다.
              </p>
            }
            table={profileTable(columns)}
            source={`${source} z는 ${zMonths}개월 평균으로 계산.`}
            filename={`compare-z-${file}`}
          >
            <CompareColumns columns={columns} max={max} />
          </ChartFrame>

          <ChartFrame
            id="compare-standout"
            title={`${name}: 두드러진 달`}
            description={
              <p>
                그달 서울 전체 고객층과 견주어 {name} 이용이 가장 두드러졌던 달 3개입니다(그달 안에서 계산한 z). 도시
                전체가 오른 달은 두드러지지 않습니다.
              </p>
            }
            table={standoutTable(columns, service)}
            source={source}
            filename={`compare-standout-${service}-${file}`}
          >
            <StandoutMonths columns={columns} />
            {standoutNotes.length ? (
              <ul className={styles.qualityNotes} data-testid="standout-quality">
                {standoutNotes.map((text) => (
                  <li key={text}>
                    <span aria-hidden="true">⚠ </span>의심스러운 달 — {text}. 값은 빼지 않고 ⚠로 표시합니다 (
                    <Link href="/method#quality">판단 규칙</Link>).
                  </li>
                ))}
              </ul>
            ) : null}
          </ChartFrame>

          <ChartFrame
            id="compare-trend"
            title={`${name} 월별 추이`}
            description={
              <p>
                단위: {unit}.{" "}
                {basis === "day" && unit.startsWith("일평균")
                  ? "달마다 날수가 달라(2월 28일) 월 합계 대신 하루 평균으로 비교합니다. "
                  : ""}
                {unit.startsWith("표준화")
                  ? "표준화 지수라 음수일 수 있고, 0보다 작다고 이용이 없다는 뜻은 아닙니다."
                  : "값은 제공처 단위로, 실제 일수가 아닙니다."}
              </p>
            }
            table={trendTable(sources, service, basis, flagged)}
            source={source}
            filename={`compare-trend-${service}-${basis}-${file}`}
          >
            <LazyTrendChart
              rows={trend.rows}
              series={trend.series.map((s) => ({ key: s.key, label: s.label }))}
              unit={unit}
            />
            <ul className={styles.legend} aria-label="범례">
              {trend.series.map((s, i) => (
                <li key={s.key} data-index={i}>
                  <svg width="32" height="12" aria-hidden="true">
                    <line
                      x1="1"
                      y1="6"
                      x2="31"
                      y2="6"
                      stroke={SEGMENT_COLORS[i]}
                      strokeWidth="3"
                      strokeDasharray={SEGMENT_DASHES[i]}
                    />
                  </svg>
                  <span aria-hidden="true" style={{ color: SEGMENT_COLORS[i] }}>
                    {SEGMENT_MARKS[i]}
                  </span>{" "}
                  {s.label}
                </li>
              ))}
            </ul>
          </ChartFrame>

          <nav className={`card ${styles.next}`} aria-label="다음 단계">
            {"href" in plan ? (
              <Link href={plan.href} className={styles.primary} data-testid="plan-link" prefetch={false}>
                이 고객층으로 {name} 예산 계획
              </Link>
            ) : null}
            <Link
              href={hrefOf("/audience", audiencePage, { service, grain: dong ? "dong" : undefined, pick: segments })}
              className="button-secondary"
              data-testid="audience-link"
            >
              {name} 오디언스로 돌아가기
            </Link>
          </nav>
        </>
      ) : null}
    </>
  );
}
