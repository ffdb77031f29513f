import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "페이지를 찾을 수 없습니다", robots: { index: false } };

/** Friendly 404 (served with status 404) with the ways into the app. */
export default async function NotFound() {
  await connection(); // rendered per request, so the footer names the dataset the server actually loaded
  return (
    <div className="card notice" data-testid="not-found" style={{ marginTop: "1.2rem", wordBreak: "keep-all" }}>
      <h1>페이지를 찾을 수 없습니다</h1>
      <p>주소가 바뀌었거나 잘못 입력된 것 같습니다. 아래에서 원하는 화면으로 이동해 주세요.</p>
      <ul style={{ lineHeight: 2.2 }}>
        <li>
          <Link href="/">처음 화면</Link> — 이 도구가 답하는 질문과 데이터 설명
        </li>
        <li>
          <Link href="/insights">현황 분석</Link> — 자치구 인구, 서비스 상관관계, 지도
        </li>
        <li>
          <Link href="/segment">고객별 맞춤 광고</Link> — 고객층별 서비스 우선순위와 좋은 달
        </li>
        <li>
          <Link href="/service">서비스별 타겟</Link> — 서비스별 타겟 고객과 연관 서비스
        </li>
      </ul>
    </div>
  );
}
