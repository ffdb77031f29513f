import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AGES, SERVICES, UNIT_LABELS } from "@/lib/domain";
import { DISTRICTS } from "@/lib/districts";
import { CURVE_MULTIPLES, PLAN_DEFAULT_SEGMENTS } from "@/lib/engine";
import { formatDecimal, monthLabel, Z_BANDS } from "@/lib/format";
import { BOUNDARY_ATTRIBUTION } from "@/lib/insights/geo";
import { DONG_BOUNDARY_ATTRIBUTION } from "@/lib/insights/dong-geo";
import { getEngines } from "@/lib/server/engine";
import { QUALITY_RULE_TEXT, qualityNoteText, windowLabel } from "@/lib/views/period";
import { DEFAULT_REACHABLE, DEFAULT_SHAPE } from "@/lib/params/api";
import { criticalR, monthsCovered } from "@/lib/views/method";
import { pageMetadata } from "@/lib/views/share";
import styles from "./method.module.css";

const TITLE = "분석 방법";
const DESCRIPTION =
  "자료의 출처와 집계 방법, z·월별 z·자치구 효과·상관계수 r의 뜻과 한계, 예산 계획의 배분 규칙과 도달 추정을 쉬운 말로 설명합니다.";

export function generateMetadata(): Metadata {
  return pageMetadata({ title: TITLE, description: DESCRIPTION, pagePath: "/method", canonicalQuery: "" });
}

/**
 * How every figure on the site is made, in plain Korean, with the loaded dataset's own facts (months,
 * aggregation). A server component only: no client code beyond the site's header.
 */
export default async function MethodPage() {
  await connection(); // the dataset is chosen when the server starts, so never prerender this at build time
  const engines = getEngines();
  const { meta, months } = engines.default;
  const all = engines.data.meta;
  const n = months.length;
  const rCritical = n >= 3 ? criticalR(n) : null;
  const unweighted = meta.kind === "bundled" || meta.method === "unweighted";
  const segmentCount = DISTRICTS.length * 2 * AGES.length;
  return (
    <article className={styles.method}>
      <h1>분석 방법</h1>
      <p className="lead">
        이 사이트의 모든 숫자가 어떤 자료에서 어떻게 계산되는지, 그리고 어디까지 믿을 수 있는지 설명합니다.
      </p>

      <nav aria-label="이 페이지의 차례" className={`card ${styles.toc}`}>
        <ol>
          <li>
            <a href="#source">자료와 기간</a>
          </li>
          <li>
            <a href="#aggregation">고객층과 집계</a>
          </li>
          <li>
            <a href="#units">단위와 일평균</a>
          </li>
          <li>
            <a href="#z">z 점수</a>
          </li>
          <li>
            <a href="#months">월별 z와 좋은 달</a>
          </li>
          <li>
            <a href="#district">자치구 효과</a>
          </li>
          <li>
            <a href="#dong">행정동 분석과 비슷한 동네</a>
          </li>
          <li>
            <a href="#r">상관계수 r과 그 한계</a>
          </li>
          <li>
            <a href="#plan">예산 계획의 배분 규칙</a>
          </li>
          <li>
            <a href="#window">분석 기간과 생활 지표</a>
          </li>
          <li>
            <a href="#quality">의심스러운 달</a>
          </li>
          <li>
            <a href="#reach">도달과 빈도 추정</a>
          </li>
        </ol>
      </nav>

      <section id="source" aria-labelledby="source-title" className="card">
        <h2 id="source-title">자료와 기간</h2>
        <p>
          자료는 서울 열린데이터 광장의 「행정동 단위 서울 시민생활 데이터 (29개 통신정보)」입니다. 서울시의 공공 인구
          통계에 가명 처리된 SK텔레콤 이용 자료를 결합해, 행정동 × 성별 × 5세 연령대마다 한 달에 한 줄씩 제공합니다.
          그래서 모든 수치는 <strong>SK텔레콤 가입자의 이용을 바탕으로 제공처가 추정한 값</strong>이며, 다른 통신사
          이용자나 실제 앱 이용 기록을 직접 센 것이 아닙니다.
        </p>
        <dl className={styles.facts}>
          <div>
            <dt>지금 쓰는 자료</dt>
            <dd data-testid="method-dataset">
              {meta.kind === "bundled" ? "내장된 자료" : "가져온 자료"} — {meta.title}
            </dd>
          </div>
          <div>
            <dt>기간</dt>
            <dd data-testid="method-months" data-count={n}>
              {monthsCovered(months)}
            </dd>
          </div>
          <div>
            <dt>포함된 달</dt>
            <dd>
              <ul className={styles.months} data-testid="method-month-list">
                {months.map((m) => (
                  <li key={m}>{monthLabel(m)}</li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>저작권 표시</dt>
            <dd>{meta.attribution}</dd>
          </div>
          <div>
            <dt>지도 경계</dt>
            <dd data-testid="method-boundaries">
              자치구 — {BOUNDARY_ATTRIBUTION}. 행정동 — {DONG_BOUNDARY_ATTRIBUTION} (CC BY 4.0, 공공누리 제1유형
              출처표시: 통계청).
            </dd>
          </div>
        </dl>
      </section>

      <section id="aggregation" aria-labelledby="aggregation-title" className="card">
        <h2 id="aggregation-title">고객층과 집계</h2>
        <p>
          고객층(세그먼트)은 {DISTRICTS.length}개 자치구 × 성별 2 × 연령대 {AGES.length}개({AGES[0]}대–{AGES.at(-1)}대,{" "}
          {AGES.at(-1)}대에는 75세 이상 포함)로 모두 {segmentCount}개입니다. 원자료의 행정동과 5세 연령대 줄을 자치구와
          10세 연령대로 묶습니다. 인구는 묶인 줄의 총인구수를 더한 값입니다.
        </p>
        <p>서비스 값을 묶는 방법은 두 가지입니다.</p>
        <ul>
          <li>
            <strong>단순 평균(내장 자료)</strong>: 묶인 줄의 값을 인구와 상관없이 똑같이 평균합니다. 2023년 분석이 쓴
            방법이라 그 결과를 그대로 재현하지만, 인구가 적은 행정동도 큰 동과 같은 무게를 갖습니다.
          </li>
          <li>
            <strong>인구 가중 평균(가져오기 기본값)</strong>: 각 줄을 그 줄에서 값이 추정된 인구(총인구수 − 미추정
            인구수)로 가중합니다. 더 나은 추정이며, 공식 월별 파일을 <code>npm run ingest</code>로 가져올 때 이렇게
            계산합니다.
          </li>
        </ul>
        <p data-testid="method-aggregation">
          지금 자료: {unweighted ? "단순 평균" : "인구 가중 평균"}. {meta.aggregation}.
        </p>
      </section>

      <section id="units" aria-labelledby="units-title" className="card">
        <h2 id="units-title">단위와 일평균</h2>
        <p>
          서비스 값은 제공처의 단위 그대로입니다. 게임·금융·쇼핑·동영상/방송·배달은 제공처가 「사용일수」라고 부르는
          양수 지표({UNIT_LABELS.count})인데, 31보다 큰 값이 흔하므로 한 달 중 실제로 쓴 날수가 아닙니다.
          유튜브·넷플릭스는 {UNIT_LABELS.index}라 음수가 자주 나옵니다. 음수는 &ldquo;이용이 없다&rdquo;는 뜻이 아니라
          제공처의 기준보다 낮다는 뜻입니다.
        </p>
        <ul className={styles.units}>
          {SERVICES.map((s) => (
            <li key={s.id}>
              {s.name_ko}: {UNIT_LABELS[s.unit]} (원자료 「{s.indicator_ko}」)
            </li>
          ))}
        </ul>
        <p>
          <strong>일평균</strong>은 양수 지표를 그 달의 날수로 나눈 값입니다(2023년 2월은 28일). 달마다 날수가 달라
          생기는 오르내림을 없애려는 것이며, 표준화 지수(유튜브·넷플릭스)는 합계가 아니므로 나누지 않습니다.{" "}
          <strong>월 합계</strong>는 제공처가 발표한 값 그대로입니다.
        </p>
      </section>

      <section id="z" aria-labelledby="z-title" className="card">
        <h2 id="z-title">z 점수: 서비스끼리 비교하는 법</h2>
        <p>
          서비스마다 단위가 달라 값끼리 바로 비교할 수 없습니다. 그래서 한 고객층의 {n}개월 평균 이용을 {segmentCount}개
          고객층 전체와 비교합니다. z = (이 고객층의 값 − {segmentCount}개 고객층 평균) ÷ 표준편차(모집단). z가 +1이면
          서울 고객층 평균보다 표준편차 하나만큼 많이 쓴다는 뜻입니다. 광고 우선순위는 이 z가 높은 순서입니다. 이것은{" "}
          <strong>누가 더 많이 쓰는지</strong>를 보여 줄 뿐, 광고에 더 잘 반응한다는 뜻은 아닙니다.
        </p>
        <table className={styles.bands} data-testid="z-bands">
          <caption>z를 말로 옮길 때 쓰는 기준</caption>
          <thead>
            <tr>
              <th scope="col">z</th>
              <th scope="col">표현</th>
            </tr>
          </thead>
          <tbody>
            {Z_BANDS.map((b) => (
              <tr key={b.range}>
                <td>{b.range}</td>
                <td>{b.words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section id="months" aria-labelledby="months-title" className="card">
        <h2 id="months-title">월별 z와 좋은 달</h2>
        <p>
          <strong>월별 z</strong>는 같은 계산을 한 달 안에서만 한 것입니다. 그 달의 {segmentCount}개 고객층과
          비교하므로, 서울 전체가 함께 오르내린 변화는 빠집니다.
        </p>
        <ul>
          <li>
            <strong>두드러지는 달</strong>: 이 고객층의 월별 z가 가장 높은 세 달. 다른 고객층보다 유난히 많이 쓰는
            때입니다.
          </li>
          <li>
            <strong>이용이 가장 많은 달</strong>: 이 고객층 자신의 값이 가장 높은 세 달(일평균 기준으로 보면 날수 차이가
            빠집니다). 서울 전체가 많이 쓰는 달과 겹치기 쉽습니다.
          </li>
          <li>
            <strong>서울 수준</strong>: 한 달의 서비스 값을 {segmentCount}개 고객층의 인구로 가중 평균한 값. 계절 변화가
            서울 전체의 것인지 이 고객층만의 것인지 가려 볼 때 씁니다.
          </li>
        </ul>
      </section>

      <section id="district" aria-labelledby="district-title" className="card">
        <h2 id="district-title">자치구 효과</h2>
        <p>
          성별과 연령대를 하나로 고정하고 {DISTRICTS.length}개 자치구끼리 비교합니다. 그래야 나이와 성별이 만드는 큰
          차이를 빼고 &ldquo;그 구라서&rdquo; 달라지는 부분만 볼 수 있습니다. 자치구마다 그 집단의 {n}개월 평균 이용 u를
          구한 뒤(성별 전체는 여성과 남성을 인구로 가중),
        </p>
        <ul>
          <li>
            <strong>자치구 z</strong> = (u − {DISTRICTS.length}개 구 평균) ÷ {DISTRICTS.length}개 구의 표준편차
          </li>
          <li>
            <strong>지수</strong> = 100 × u ÷ {DISTRICTS.length}개 구 평균. 120이면 평균보다 20% 많다는 뜻입니다. 양수
            지표에만 쓰고, 음수가 될 수 있는 표준화 지수(유튜브·넷플릭스)에는 비율이 뜻이 없어 자치구 z만 씁니다.
          </li>
        </ul>
      </section>

      <section id="dong" aria-labelledby="dong-title" className="card">
        <h2 id="dong-title">행정동 분석과 비슷한 동네</h2>
        <p>
          행정동 단위 자료가 있는 달(내장 자료는 2022년 1–12월)로 한 단계 더 들어갑니다. 기간은 그 지표의 행정동 자료가
          있는 달이 기본이며, 자치구 화면의 기간과 다를 수 있어 화면마다 적어 둡니다.
        </p>
        <ul>
          <li>
            <strong>행정동 고객층</strong>: 행정동 × 성별 × 10세 연령대(70대에 75세 이상 포함), 서울 424개 행정동이면
            5,088개. 지표는 묶인 원자료 줄의 단순 평균, 인구는 합입니다.
          </li>
          <li>
            <strong>행정동 우선순위</strong>: 서비스마다 고객층의 기간 평균을 5,088개 행정동 고객층끼리 표준화한
            z(모집단 표준편차). 월별 순위는 그 달 값으로 같은 계산.
          </li>
          <li>
            <strong>행정동 효과</strong>: 성별·연령대를 고정하고 한 자치구의 행정동끼리(자치구를 고르지 않으면 424개
            모두) 비교한 행정동 z와, 개수 지표에만 쓰는 지수(평균 = 100). 전체 성별은 여성·남성을 기간 평균 인구로
            가중합니다. 순위가 같으면 행정동 코드 순.
          </li>
          <li>
            <strong>비슷한 동네</strong>: 행정동마다 기간의 생활 지표(관심집단 수 제외)를 두 성별·모든 연령대·모든 달에
            걸쳐 단순 평균하고, 지표마다 424개 행정동끼리 표준화한 뒤, 두 행정동의 차이를 제곱평균제곱근으로 잰 거리가
            가장 가까운 10곳. 한 행정동이라도 값이 없거나 모두 같은 지표는 빼서, 모든 거리가 같은 지표로 계산됩니다.
            인구 규모는 거리에 들어가지 않습니다.
          </li>
          <li>
            <strong>행정동 오디언스·비교·예산 계획</strong>: 오디언스 만들기의 단위를 ‘행정동’으로 바꾸면 5,088개 행정동
            고객층을 인구(기간 평균), 사용량(기간 평균), 위의 행정동 우선순위 z, 점수(인구 × z, 0 이하는 0), 같은 자치구
            안의 행정동 효과로 보여 줍니다. 고른 행정동 고객층은 행정동 고객층끼리만 비교하고 계획합니다(z의 비교 대상과
            기간이 자치구 고객층과 달라 한 목록에 섞지 않습니다). 예산 계획은 자치구와 같은 모형에 칸만 행정동 고객층 ×
            달로 바꿔, 그 달 인구 × 그 달 z(5,088개 행정동 고객층 사이, 0 이하는 0)에 비례해 나눕니다.
          </li>
        </ul>
        <p>
          행정동 경계: {DONG_BOUNDARY_ATTRIBUTION} (CC BY 4.0). 웹용으로 이웃한 행정동이 같은 경계를 공유하도록
          단순화했습니다(약 200 m² 이하의 굴곡 생략).
        </p>
      </section>

      <section id="r" aria-labelledby="r-title" className="card">
        <h2 id="r-title">상관계수 r과 그 한계</h2>
        <p>
          &ldquo;함께 움직이는 서비스&rdquo;는 한 고객층의 두 서비스 월별 값 사이의 피어슨 상관계수 r입니다(−1에서 +1).
          자료가 {n}개월뿐이라 r은 <strong>{n}개 점</strong>으로 계산되고, 그래서 불안정합니다.
        </p>
        <ul>
          {rCritical !== null ? (
            <li data-testid="method-critical-r">
              아무 관계가 없는 두 서비스라도 {n}개 점이면 우연만으로 |r| &gt; {formatDecimal(rCritical)}인 경우가 약 5%
              생깁니다(달마다 값이 독립이라고 볼 때이며, 실제로는 이웃한 달끼리 비슷해 더 자주 생깁니다). 그보다 작은
              r은 우연과 구별하기 어렵습니다.
            </li>
          ) : null}
          <li>
            한두 달의 값이 달라지면 r이 크게 바뀝니다. r은 인과 관계도, 같은 사람이 두 서비스를 함께 쓴다는 뜻도
            아닙니다.
          </li>
          <li>
            서울 전체가 함께 오르내리는 계절 변화와 달마다 다른 날수 때문에, 원래 값의 r(2023년 분석의 방법)은 거의 모든
            서비스 쌍에서 높게 나옵니다.
          </li>
          <li>
            그래서 기본으로 보여 주는 <strong>계절 보정 r</strong>은 각 달의 일평균 값에서 그 달의 서울 수준을 뺀
            나머지끼리 계산합니다. 모든 고객층이 함께 겪는 변화가 빠지므로 그 고객층만의 움직임이 남습니다. 그래도 점은{" "}
            {n}개입니다.
          </li>
        </ul>
      </section>

      <section id="plan" aria-labelledby="plan-title" className="card">
        <h2 id="plan-title">예산 계획의 배분 규칙</h2>
        <p>
          예산 ÷ CPM × 1,000이 살 수 있는 노출 수입니다. 이 노출을 고른 고객층 × 고른 달의 칸에 나눕니다(고객층을 고르지
          않으면 그 서비스의 상위 {PLAN_DEFAULT_SEGMENTS}개 고객층).
        </p>
        <ol>
          <li>
            칸의 무게 = 그 달의 인구 × max(그 달의 월별 z, 0). 그 달에 서비스를 평균보다 많이 쓰는 고객층일수록, 사람이
            많을수록 많이 받고, 평균 이하인 칸은 받지 않습니다.
          </li>
          <li>칸의 상한 = 그 달의 도달 가능 인구 R(인구 × 도달 가능 비율) × 한 사람당 월 노출 상한(빈도 상한).</li>
          <li>
            노출을 무게에 비례해 나누고, 상한을 넘는 칸은 상한까지만 주고 남은 노출을 나머지 칸에 다시 무게대로
            나눕니다. 넘치는 칸이 없을 때까지 되풀이합니다 (물 채우기 방식).
          </li>
          <li>
            모든 칸이 상한에 차면 남은 예산은 쓰지 않은 예산으로 표시합니다. 무게가 있는 칸이 하나도 없으면 계획을
            세우지 않습니다.
          </li>
        </ol>
        <p>
          이 규칙은 이용이 많은 곳에 노출을 모을 뿐, 광고 반응이나 전환을 예측하지 않습니다. CPM은 직접 넣는 값이고,
          인구는 거주자 수이지 서비스 이용자 수가 아닙니다.
        </p>
      </section>

      <section id="reach" aria-labelledby="reach-title" className="card">
        <h2 id="reach-title">도달과 빈도 추정</h2>
        <p>
          노출 수만으로는 몇 명이 봤는지 알 수 없습니다. 그래서 칸(고객층 × 달)마다 노출이 사람들에게 퍼지는 모양을
          가정해 도달을 추정합니다. 추정이므로 언제나 범위로 보여 줍니다.
        </p>
        <ol>
          <li>
            도달 가능 인구 R = 거주 인구 × 도달 가능 비율(기본 {DEFAULT_REACHABLE}%). 고른 매체가 실제로 닿는 거주자의
            비율로, 이 자료로는 알 수 없어 계획하는 사람이 정합니다.
          </li>
          <li>
            한 사람이 보는 횟수 X는 평균 μ, 모양 k(기본 {DEFAULT_SHAPE})의 음이항 분포를 따른다고 봅니다: P(X=x) =
            Γ(k+x) ÷ (Γ(k)·x!) · (k/(k+μ))^k · (μ/(k+μ))^x. k가 작을수록 소수가 여러 번 보고, 클수록 고르게 봅니다(k가
            아주 크면 포아송 분포). 빈도 상한 c가 있으므로 실제로 보는 횟수는 min(X, c)입니다.
          </li>
          <li>
            μ는 R × E[min(X, c)] = 그 칸에 배정된 노출 수가 되도록 풉니다. n회 이상 도달 = R × P(X ≥ n), 평균 빈도 =
            노출 수 ÷ 1회 이상 도달.
          </li>
          <li>
            여러 달을 합친 고객층의 도달: 하한은 매달 같은 사람이 본다고 볼 때(가장 큰 달의 도달), 상한은 달마다
            독립으로 본다고 볼 때 R̄ × (1 − 달마다 안 볼 확률의 곱)입니다(R̄은 그 고객층의 달별 R 평균; 상한이 하한보다
            작아지면 하한으로). 3회 이상도 같은 두 경우로 셉니다. 고객층끼리는 다른 사람이므로 더합니다.
          </li>
          <li>도달 곡선은 다른 조건은 그대로 두고 예산만 {CURVE_MULTIPLES.join(", ")}배로 바꾼 계획들입니다.</li>
        </ol>
        <p>
          이 모형이 알 수 없는 것: 매체가 실제로 어느 거주자에게 닿는지(매체 커버리지), 실제 게재가 계획대로 나가는지,
          같은 사람이 여러 고객층·기기로 세어지는지. 이 자료는 고객층의 통신 이용량이지 광고 노출 기록이 아니므로,
          도달은 위 가정이 맞을 때의 값입니다.
        </p>
      </section>

      <p className={styles.back}>
        <Link href="/">처음 화면으로</Link>
      </p>
      <section id="window" aria-labelledby="window-title" className="card">
        <h2 id="window-title">분석 기간과 생활 지표</h2>
        <p>
          자료에는 {windowLabel({ from: all.months[0]!, to: all.months.at(-1)! })}의 {all.months.length}개월이 있습니다.
          모든 페이지의 ‘분석 기간’에서 기간을 고르면 z, 순위, 좋은 달, 계절 흐름, 인구, 상관계수, 예산 계획이 모두 그
          기간의 달로만 다시 계산됩니다. 기본 기간은 2023년 분석과 같은 {windowLabel(all.defaultWindow)}이라, 기간을
          고르지 않은 링크는 예전과 같은 답을 냅니다. 주소에는 <code>from</code>·<code>to</code>(YYYY-MM, 양끝 포함)로
          남습니다. 고른 기간의 어느 달에 필요한 값이 없으면 그 값이 있는 달을 알려 줍니다.
        </p>
        <p>
          2022년 1–12월은 행정동 자료에서 자치구로 직접 묶었습니다. 묶는 규칙은 한 가지입니다: 지표는 묶인 행의{" "}
          <strong>단순 평균</strong>(합 ÷ 행 수, 2023년 분석의 방식), 인구·1인가구수·관심집단 수는 <strong>합</strong>.
          그래서 두 해의 값을 나란히 비교할 수 있습니다. 2023년 1–9월의 7개 서비스와 인구는 2023년 분석의 공개 표
          그대로입니다.
        </p>
        <p>
          고객층 페이지의 ‘생활 지표’는 기간 안에 있는 제공처 지표 전부(2022년: {all.measures.length}개)를 보여 줍니다.
          값은 그 지표가 있는 달끼리의 평균이고, z는 서울 300개 고객층과 비교한 것입니다. 관심집단 비율은 그 집단이 있는
          달의 월평균 인원 ÷ 같은 달들의 평균 인구입니다. 2022년 파일은 두 집단을 공식 이름의 ‘(전체)’ 없이 부르지만
          같은 집단으로 셉니다.
        </p>
        <p>
          고객층 페이지는 추세와 계절을 나눠 말합니다. <strong>추세</strong>: 서울 일평균 수준에 직선을 맞춰, 기간
          처음부터 끝까지 평균의 15% 넘게 움직이고 그 직선이 변동의 절반 이상을 설명하면(R² ≥ 0.5) ‘꾸준히
          늘었다/줄었다’고 씁니다(6개월 이상, 의심스러운 달은 빼고 맞춤). <strong>계절</strong>: 두 해 모두 같은 달이
          그해 가장 높거나 낮을 때만 씁니다. 해마다 그해 평균과 비교하므로, 두 해 사이에 늘어난 것이 계절로 보이지
          않습니다.
        </p>
      </section>

      <section id="quality" aria-labelledby="quality-title" className="card">
        <h2 id="quality-title">의심스러운 달</h2>
        <p>{QUALITY_RULE_TEXT} 서울 수준은 300개 고객층을 인구로 가중한 제공처 값(월 합계)입니다.</p>
        {engines.qualityNotes.length ? (
          <ul data-testid="method-quality-notes">
            {engines.qualityNotes.map((n) => (
              <li key={n.month}>⚠ {qualityNoteText(n)}</li>
            ))}
          </ul>
        ) : (
          <p>지금 자료에는 이 규칙에 걸린 달이 없습니다.</p>
        )}
        <p>
          표시된 달도 값은 그대로 계산에 들어갑니다. 차트와 표, 기간 선택의 달 목록에 ⚠로 표시하니, 그 달의 결과는
          조심해서 읽어 주세요.
        </p>
      </section>
    </article>
  );
}
