import type { Metadata } from "next";
import { AudienceBuilder } from "@/components/audience/AudienceBuilder";
import { DroppedSegments } from "@/components/compare/DroppedSegments";
import { ParamProblems } from "@/components/ParamProblems";
import styles from "@/components/audience/audience.module.css";
import { getDongAudience, viewDongWindow } from "@/lib/api/dong-queries";
import { districtAudienceRows, dongAudienceRows } from "@/lib/api/audience-table";
import { getAudience } from "@/lib/api/queries";
import { keepGrain } from "@/lib/dong-segments";
import { windowWords } from "@/lib/insights/dong-map";
import { getDongData } from "@/lib/server/dongs";
import { getEngines } from "@/lib/server/engine";
import { notesIn } from "@/lib/views/period";
import { unitKind } from "@/lib/domain";
import { formatInt, serviceName } from "@/lib/format";
import { audienceCsvQuery } from "@/lib/params/api";
import { audiencePage } from "@/lib/params/pages";
import * as v from "@/lib/params/values";
import { hrefOf, readQuery, writeQuery, type QueryInput } from "@/lib/params/query";
import { PeriodControl } from "@/components/PeriodControl";
import { pageWindow, periodControlProps } from "@/lib/server/window";
import {
  AUDIENCE_PAGE_SIZE,
  audiencePager,
  audienceTable,
  audienceViewRows,
  districtIndexes,
  dongAudienceViewRows,
  filterText,
  lenientAnySegments,
  segmentId,
  type AudienceViewRow,
} from "@/lib/views/audience";
import { withParticle } from "@/lib/particle";
import { pageMetadata } from "@/lib/views/share";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The URL read once: the shape's values, with the picks of a partly bad `pick` list kept. */
function readAudience(input: QueryInput) {
  const { values, problems } = readQuery(input, audiencePage);
  const picks = lenientAnySegments(input, "pick", 300);
  return { values: { ...values, pick: picks.items }, problems, dropped: picks.dropped };
}

type AudienceValues = ReturnType<typeof readAudience>["values"];

/**
 * The 행정동 grain: every 행정동 segment of the months with 행정동 figures of the service (the page's
 * window where it has them, else those months, said in `windowNote`), as view rows; the picks of that
 * grain. Null when the dataset has no 행정동 figures of the service.
 */
function dongGrain(values: AudienceValues) {
  const service = values.service!;
  const data = getDongData();
  const view = viewDongWindow(data, values.from, values.to, service);
  if (!view) return null;
  const all = getDongAudience(data, service, {
    sex: "T",
    sort: "z",
    limit: Infinity,
    offset: 0,
    window: view.window,
  }).segments;
  const filter = { sex: values.sex!, age: values.age, district: values.district };
  const rows = dongAudienceRows(data, service, filter, values.sort!, view.window);
  const picks = keepGrain(() => data.index, values.pick, "dong");
  const ids = new Set(
    picks.dong.map((p) => segmentId({ district: { slug: "" }, dong: p.dong, sex: p.sex, age: p.age })),
  );
  const engines = getEngines();
  return {
    view,
    rows,
    pickedRows: dongAudienceViewRows(
      all.filter((r) => ids.has(segmentId(r.segment))),
      service,
    ),
    dropped: picks.dropped,
    count: all.length,
    notes: notesIn(engines.qualityNotes, view.window.months),
    windowNote: `기간: ${windowWords(view.window.months)} — 행정동 자료가 있는 달${view.fellBack ? ". 고른 기간에는 행정동 자료가 없어 이 달들로 보여 줍니다" : ""}.`,
  };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { values } = readAudience(await searchParams);
  const name = serviceName(values.service!);
  const title = `${name} 광고 오디언스 만들기 (${filterText({ sex: values.sex!, age: values.age, district: values.district })})`;
  const description = `${name} 서비스를 서울 평균보다 많이 쓰는 고객층 300개를 인구·z·자치구 효과·점수로 비교하고 골라 비교하거나 예산 계획으로 보냅니다.`;
  return pageMetadata({ title, description, pagePath: "/audience", canonicalQuery: writeQuery(audiencePage, values) });
}

export default async function AudiencePage({ searchParams }: { searchParams: SearchParams }) {
  const reading = readAudience(await searchParams);
  const { values } = reading;
  const service = values.service!;
  const sort = values.sort!;
  const grain = values.grain!;
  const pw = pageWindow(values);
  const { engine } = pw;
  const problems = pw.problem ? [...reading.problems, pw.problem] : reading.problems;
  const filter = { sex: values.sex!, age: values.age, district: values.district };
  const dong = grain === "dong" ? dongGrain(values) : null;
  let rows: AudienceViewRow[];
  let pickedRows: AudienceViewRow[];
  let dropped = reading.dropped;
  if (dong) {
    rows = dong.rows;
    pickedRows = dong.pickedRows;
    dropped = [...dropped, ...dong.dropped];
  } else {
    const all = { sex: "T" as const, sort: "z" as const, limit: 300, offset: 0 };
    const index = districtIndexes(engine, service);
    rows = districtAudienceRows(engine, service, filter, sort);
    const picks = keepGrain(() => getDongData().index, values.pick, "district");
    dropped = [...dropped, ...picks.dropped];
    const pickIds = new Set(picks.district.map((p) => segmentId({ district: p.district, sex: p.sex, age: p.age })));
    pickedRows = audienceViewRows(
      getAudience(engine, service, all).segments.filter((r) => pickIds.has(segmentId(r.segment))),
      service,
      index,
    );
  }
  const pager = audiencePager(rows.length, values.offset!);
  const shown = rows.slice(pager.offset, pager.offset + AUDIENCE_PAGE_SIZE);
  const name = serviceName(service);
  const count = unitKind(service) === "count";
  const months = dong ? dong.view.window.months.length : engine.months.length;
  const period = dong
    ? { ...pw, window: { from: dong.view.window.from, to: dong.view.window.to }, notes: dong.notes }
    : pw;
  const shownGrain = dong ? "dong" : "district";
  // The CSV of exactly these rows: the grain and window shown (a fallen-back window included), the filters, the sort.
  const csvHref = `/api/services/${v.service.serialize(service)}/audience/csv${writeQuery(audienceCsvQuery, {
    grain: shownGrain,
    ...filter,
    sort,
    from: period.window.from,
    to: period.window.to,
  })}`;

  return (
    <>
      <h1>{name} 광고 오디언스 만들기</h1>
      <p className={`lead ${styles.lead}`}>
        {dong
          ? `서울 행정동 고객층 ${formatInt(dong.count)}개(행정동 × 성별 × 6개 연령대)`
          : "서울 300개 고객층(25개 구 × 성별 × 6개 연령대)"}
        을 {name} 이용으로 비교합니다. 표에서 고르면 아래 요약이 인구와 평균 z를 더해 주고, 비교나 예산 계획으로 넘길 수
        있습니다. <strong>인구는 그 고객층에 사는 주민 수이지 {name} 이용자 수가 아닙니다.</strong>
      </p>
      <ParamProblems problems={problems} validHref={hrefOf("/audience", audiencePage, values)} />
      <PeriodControl {...periodControlProps("/audience", audiencePage, values, period)} />
      {dong ? (
        <p className={styles.windowNote} data-testid="audience-dong-window">
          {dong.windowNote}
        </p>
      ) : grain === "dong" ? (
        <p className="card notice" data-testid="audience-no-dongs">
          이 자료에는 {name} 행정동 자료가 없어 자치구 고객층을 보여 줍니다.
        </p>
      ) : null}
      <DroppedSegments dropped={dropped} what="선택" />
      <details className={styles.explainBox}>
        <summary>z, 점수, {dong ? "행정동" : "자치구"} 효과 읽는 법</summary>
        <dl className={styles.explain}>
          <div>
            <dt>z</dt>
            <dd>
              이 고객층의 {months}개월 평균 {name} 이용이{" "}
              {dong ? `행정동 고객층 ${formatInt(dong.count)}개` : "300개 고객층"} 평균에서 표준편차 몇 배만큼 높은지(+)
              낮은지(−)입니다.
            </dd>
          </div>
          <div>
            <dt>점수</dt>
            <dd>
              인구 × z(0보다 작으면 0): 많이 쓰는 정도에 사람 수를 곱해, 조금 더 쓰는 큰 고객층이 많이 쓰는 아주 작은
              고객층보다 앞설 수 있습니다.
            </dd>
          </div>
          {dong ? (
            <div>
              <dt>행정동 효과</dt>
              <dd>
                같은 성별·연령대끼리 같은 자치구의 행정동을 비교한 값입니다.{" "}
                {count
                  ? "지수 100이 그 구 행정동들의 평균이고, 120이면 평균보다 20% 더 씁니다."
                  : `${withParticle(name, "은/는")} 음수가 될 수 있는 표준화 지수라 비율 대신 구 안 z로 보여 줍니다.`}
              </dd>
            </div>
          ) : (
            <div>
              <dt>자치구 효과</dt>
              <dd>
                같은 성별·연령대끼리 25개 구를 비교한 값입니다.{" "}
                {count
                  ? "지수 100이 25개 구 평균이고, 120이면 평균보다 20% 더 씁니다."
                  : `${withParticle(name, "은/는")} 음수가 될 수 있는 표준화 지수라 비율 대신 구별 z로 보여 줍니다.`}
              </dd>
            </div>
          )}
          <div>
            <dt>주의</dt>
            <dd>
              인구는 그 고객층에 사는 주민 수(월평균)이지 {name} 이용자 수가 아닙니다. 이 자료는 누가 더 많이 쓰는지를
              보여 줄 뿐 광고 반응을 보여 주지 않습니다.
            </dd>
          </div>
        </dl>
      </details>
      <AudienceBuilder
        service={service}
        sort={sort}
        rows={shown}
        grain={shownGrain}
        table={audienceTable(shown, service, shownGrain)}
        total={rows.length}
        csvHref={csvHref}
        pager={pager}
        pickedRows={pickedRows}
        filterText={filterText(filter)}
        source={`${engine.meta.attribution}. ${engine.meta.title}. z와 점수는 ${months}개월 평균, 인구는 월평균 거주 인구(서비스 이용자 수 아님).`}
      />
    </>
  );
}
