import Link from "next/link";
import type { ParamProblem } from "@/lib/api/params";

/** A friendly answer to an invalid link: what was wrong, what is allowed, and a valid view to go to. */
export function ParamError({ problem, validHref }: { problem: ParamProblem; validHref: string }) {
  return (
    <div className="card notice" role="alert" data-testid="param-error">
      <h2>링크의 값이 올바르지 않습니다</h2>
      <p>
        <code>{problem.parameter}</code> 값을 확인해 주세요. {problem.message}
      </p>
      {problem.allowed ? (
        <p>
          사용할 수 있는 값: {problem.allowed.map((a) => <code key={a}>{a}</code>).reduce<React.ReactNode[]>((acc, el, i) => (i ? [...acc, ", ", el] : [el]), [])}
        </p>
      ) : null}
      <p>
        <Link href={validHref}>기본 보기로 이동</Link>
      </p>
    </div>
  );
}
