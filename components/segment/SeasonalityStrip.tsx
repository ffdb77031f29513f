import { serviceName } from "@/lib/format";
import { monthAxisLabels, NO_FLAGS } from "@/lib/views/trend";
import type { SeasonRow } from "@/lib/views/segment";
import styles from "./segment.module.css";

/**
 * Seoul's month-by-month level of each service against its average month: a small table whose cells
 * are coloured purple above the average and orange below, the figure written in each.
 */
export function SeasonalityStrip({
  rows,
  months,
  flagged = NO_FLAGS,
}: {
  rows: readonly SeasonRow[];
  months: readonly string[];
  flagged?: ReadonlySet<string>;
}) {
  // With the year when the months span two (21 months: 22년 3월 and 23년 3월); ⚠ on doubtful months.
  const labels = monthAxisLabels(months, flagged);
  return (
    <>
      <p className={styles.scrollHint} aria-hidden="true">
        옆으로 밀면 {labels.at(-1)}까지 보입니다 →
      </p>
      <div
        className={`table-scroll ${styles.stripScroll}`}
        tabIndex={0}
        role="region"
        aria-label="서울 전체 월별 수준 (평균 달 대비)"
      >
        <table className={styles.strip} data-testid="seasonality-strip">
          <caption className="visually-hidden">
            서울 전체 서비스별 월별 수준: 개수 서비스는 평균 달 = 100, 지수 서비스는 평균 달과의 차이
          </caption>
          <thead>
            <tr>
              <th scope="col">서비스</th>
              {months.map((m, i) => (
                <th key={m} scope="col" className="num">
                  {labels[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.service} data-service={r.service} data-kind={r.kind}>
                <th scope="row">{serviceName(r.service)}</th>
                {r.cells.map((c) => (
                  <td
                    key={c.month}
                    className="num"
                    data-month={c.month}
                    data-value={c.relative}
                    style={{ background: c.background, color: c.color }}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
