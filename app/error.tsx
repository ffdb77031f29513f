"use client";

import Link from "next/link";

/**
 * Friendly page for an unexpected error. Shows no message or stack (they may hold server details),
 * only the opaque digest that matches the server log, a retry and ways back.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <div
      className="card notice"
      role="alert"
      data-testid="error-page"
      style={{ marginTop: "1.2rem", wordBreak: "keep-all" }}
    >
      <h1>문제가 생겼습니다</h1>
      <p>
        화면을 그리는 중에 예기치 못한 오류가 났습니다. 잠시 후 다시 시도해 주세요. 같은 문제가 계속되면 아래 링크에서
        다시 시작할 수 있습니다.
      </p>
      {digest ? (
        <p className="lead">
          오류 참조 번호: <code>{digest}</code>
        </p>
      ) : null}
      <p>
        <button type="button" className="button-secondary" onClick={() => retry()}>
          다시 시도
        </button>
      </p>
      <p>
        <Link href="/">처음 화면으로</Link> · <Link href="/insights">현황 분석</Link> ·{" "}
        <Link href="/segment">고객별 맞춤 광고</Link> · <Link href="/service">서비스별 타겟</Link>
      </p>
    </div>
  );
}
