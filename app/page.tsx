import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getMeta } from "@/lib/api/queries";
import { monthLabel } from "@/lib/format";
import { getEngines } from "@/lib/server/engine";
import { pageMetadata } from "@/lib/views/share";
import styles from "@/components/home/home.module.css";

const QUESTIONS = [
  { q: "어디에", a: "25개 자치구 가운데 광고할 구와 그 구의 인구 규모" },
  { q: "누구에게", a: "성별 × 연령대 고객층과 그들이 평균보다 많이 쓰는 서비스" },
  { q: "언제", a: "그 고객층이 다른 고객층보다 두드러지게 많이 쓰는 달" },
] as const;

const PAGES = [
  {
    href: "/insights",
    title: "현황 분석",
    text: "자치구별 인구 순위, 서비스 간 상관관계, 자치구 지도로 서울의 큰 그림을 봅니다.",
  },
  {
    href: "/segment",
    title: "고객별 맞춤형 광고",
    text: "구·성별·연령대 하나를 골라 광고할 서비스의 우선순위와 그 고객층이 두드러지는 달을 봅니다.",
  },
  {
    href: "/service",
    title: "서비스별 타겟 고객",
    text: "서비스 하나를 골라 가장 많이 쓰는 고객층과 자치구, 함께 움직이는 서비스를 봅니다.",
  },
  {
    href: "/audience",
    title: "고객층 고르기",
    text: "한 서비스의 300개 고객층을 거르고 정렬해 광고할 고객층을 직접 고릅니다.",
  },
  { href: "/compare", title: "고객층 비교", text: "고객층 2–4개의 서비스 이용과 두드러지는 달을 나란히 비교합니다." },
  { href: "/plan", title: "예산 계획", text: "예산과 CPM을 넣으면 고객층 × 월별 노출 수와 금액을 나눠 줍니다." },
] as const;

const TITLE = "AdTarget Seoul — 서울 광고 타겟팅";
const DESCRIPTION =
  "서울 시민생활 데이터로 어디에, 누구에게, 언제 광고할지 정합니다: 자치구 × 성별 × 연령대 300개 고객층의 7개 서비스 이용.";

export function generateMetadata(): Metadata {
  // The layout's title template would repeat the site name; the home title is the site name.
  return {
    ...pageMetadata({ title: TITLE, description: DESCRIPTION, pagePath: "/", canonicalQuery: "" }),
    title: { absolute: TITLE },
  };
}

/** Home: what the tool answers, where to go, and what data it stands on (read at request time). */
export default async function Home() {
  await connection(); // the dataset is chosen when the server starts, so never prerender this at build time
  const { dataset, districts, ages, months: allMonths } = getMeta(getEngines());
  const months = dataset.months;
  return (
    <>
      <h1>AdTarget Seoul — 서울에서 어디에, 누구에게, 언제 광고할까</h1>
      <p className="lead">
        서울 시민생활 데이터로 자치구 × 성별 × 연령대 고객층이 게임·금융·쇼핑·동영상/방송·유튜브·넷플릭스·배달 서비스를
        얼마나 쓰는지 비교해, 광고를 보낼 곳과 대상과 시기를 고릅니다.
      </p>

      <section aria-labelledby="answers-title" className={styles.section}>
        <h2 id="answers-title">이 도구가 답하는 질문</h2>
        <ul className={styles.questions}>
          {QUESTIONS.map((x) => (
            <li key={x.q} className="card">
              <strong className={styles.q}>{x.q}</strong>
              <span>{x.a}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pages-title" className={styles.section}>
        <h2 id="pages-title">분석 화면</h2>
        <ul className={styles.pages} data-testid="page-links">
          {PAGES.map((p) => (
            <li key={p.href}>
              <Link href={p.href} prefetch={false} className={`card ${styles.pageCard}`}>
                <span className={styles.pageTitle}>{p.title} →</span>
                <span className={styles.pageText}>{p.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="data-title" className={`card ${styles.section}`} data-testid="data-note">
        <h2 id="data-title">데이터에 대하여</h2>
        <dl className={styles.meta}>
          <div>
            <dt>자료</dt>
            <dd data-testid="data-kind">
              {dataset.kind === "bundled" ? "내장된 자료" : "가져온 자료"} — {dataset.title}
            </dd>
          </div>
          <div>
            <dt>기본 분석 기간</dt>
            <dd data-testid="data-months" data-count={months.length}>
              {monthLabel(months[0]!)} – {monthLabel(months.at(-1)!)} ({months.length}개월)
            </dd>
          </div>
          <div>
            <dt>자료 전체 기간</dt>
            <dd data-testid="data-all-months" data-count={allMonths.length}>
              {monthLabel(allMonths[0]!)} – {monthLabel(allMonths.at(-1)!)} ({allMonths.length}개월, 페이지마다 ‘분석
              기간’에서 고릅니다)
            </dd>
          </div>
          <div>
            <dt>출처</dt>
            <dd>{dataset.source}</dd>
          </div>
          {dataset.kind === "imported" && dataset.files.length > 0 ? (
            <div>
              <dt>원본 파일</dt>
              <dd>
                <ul className={styles.files} data-testid="data-files">
                  {dataset.files.map((f) => (
                    <li key={f}>
                      <code>{f}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>집계 방법</dt>
            <dd>
              {dataset.aggregation}. 고객층은 {districts.length}개 자치구 × 성별 × {ages.length}개 연령대({ages[0]}대–
              {ages.at(-1)}대 이상)입니다.
            </dd>
          </div>
          <div>
            <dt>단위</dt>
            <dd>
              서비스마다 제공처의 단위가 다릅니다(유튜브·넷플릭스는 음수가 될 수 있는 표준화 지수). 그래서 서비스끼리는
              값 자체가 아니라 서울 평균 대비 점수(z)로 비교합니다.
            </dd>
          </div>
          <div>
            <dt>저작권 표시</dt>
            <dd data-testid="data-attribution">{dataset.attribution}</dd>
          </div>
        </dl>
        <p className={styles.methodLink}>
          <Link href="/method">계산 방법과 한계 자세히 보기 →</Link>
        </p>
      </section>
    </>
  );
}
