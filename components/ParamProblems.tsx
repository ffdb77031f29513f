import Link from "next/link";
import type { ParamProblem } from "@/lib/params";

/**
 * A friendly answer to a link with invalid values: which ones, what is allowed (in Korean), and that
 * every other choice was kept. The page renders its controls and view below it with the valid values
 * (and defaults for the invalid ones), so the reader can fix the link in place; the server answers 400.
 */
export function ParamProblems({ problems, validHref }: { problems: readonly ParamProblem[]; validHref: string }) {
  if (problems.length === 0) return null;
  return (
    <div
      className="card notice"
      role="alert"
      data-testid="param-error"
      data-parameter={problems.map((p) => p.parameter).join(" ")}
    >
      <h2>링크의 {problems.map((p) => p.label).join(", ")} 값이 올바르지 않습니다</h2>
      {problems.map((p) => (
        <div key={p.parameter} data-testid={`param-problem-${p.parameter}`}>
          <p>
            {p.kind === "missing" ? (
              <>
                {p.label}({p.parameter}) 값이 없습니다.
              </>
            ) : (
              <>
                {p.label}({p.parameter})에 “{p.raw}”은(는) 쓸 수 없는 값입니다. 아래에서 다시 고르거나 다음 값 가운데
                하나를 쓰세요. 다른 선택은 그대로 두었습니다.
              </>
            )}
          </p>
          {p.allowed.values?.length ? (
            <ul className="allowed-values" aria-label={`${p.label}에 쓸 수 있는 값`}>
              {p.allowed.values.map((a) => (
                <li key={a.value}>
                  {a.label === a.value ? (
                    <code>{a.value}</code>
                  ) : (
                    <>
                      {a.label} <code>{a.value}</code>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : p.allowed.form ? (
            <p>
              쓸 수 있는 값: <code>{p.allowed.form}</code>
            </p>
          ) : null}
        </div>
      ))}
      <p>
        <Link href={validHref}>올바른 값으로 고친 보기로 이동</Link>
      </p>
    </div>
  );
}
