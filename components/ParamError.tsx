// Superseded by ParamProblems (lib/params codecs); removed once every page reads its URL with readQuery.
import Link from "next/link";
import type { ParamProblem } from "@/lib/api/params";
import { describeProblem } from "@/lib/param-messages";

/** A friendly answer to an invalid link: what was wrong, what is allowed, and a valid view to go to. */
export function ParamError({ problem, validHref }: { problem: ParamProblem; validHref: string }) {
  const { parameterLabel, detail, allowed } = describeProblem(problem);
  return (
    <div className="card notice" role="alert" data-testid="param-error" data-parameter={problem.parameter}>
      <h2>링크의 {parameterLabel} 값이 올바르지 않습니다</h2>
      <p>{detail}</p>
      {allowed.length ? (
        <>
          <p>사용할 수 있는 값:</p>
          <ul className="allowed-values">
            {allowed.map((a) => (
              <li key={a.value}>
                {a.label === a.value ? <code>{a.value}</code> : <>{a.label} <code>{a.value}</code></>}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link href={validHref}>기본 보기로 이동</Link>
      </p>
    </div>
  );
}
