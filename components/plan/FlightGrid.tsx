import { formatInt, formatKoreanAmount, formatSigned, monthLabel } from "@/lib/format";
import type { FlightGrid as Grid } from "@/lib/views/plan";
import styles from "./plan.module.css";

/**
 * The month × segment flighting grid: each cell the budget for that segment in that month, shaded by
 * its size (the figure is written in it too, so the colour is never the only carrier). A cell left
 * empty is a month the segment used the service no more than Seoul's average: the rule gives it nothing.
 */
export function FlightGrid({ grid }: { grid: Grid }) {
  return (
    <>
      <p className={styles.gridHint} data-testid="plan-grid-hint">
        ← 표를 옆으로 밀면 {grid.months.at(-1)?.label ?? ""}과 합계까지 보입니다 →
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="월별 편성 표">
        <table className={styles.grid} data-testid="plan-flight-grid">
          <caption className="visually-hidden">고객층 × 달 예산 편성 (원)</caption>
          <thead>
            <tr>
              <th scope="col">고객층</th>
              {grid.months.map((m) => (
                <th key={m.month} scope="col" className="num">
                  {m.label}
                </th>
              ))}
              <th scope="col" className="num">
                합계
              </th>
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c) => (
                  <td
                    key={c.month}
                    className="num"
                    style={{ background: c.color }}
                    data-value={c.budget}
                    title={`${monthLabel(c.month)}: ${formatInt(c.budget)}원, 노출 ${formatInt(c.impressions)}회, 그 달 z ${formatSigned(c.z)}`}
                  >
                    {c.budget > 0 ? formatKoreanAmount(c.budget) : "–"}
                  </td>
                ))}
                <td className="num" data-value={r.total} title={`${formatInt(r.total)}원`}>
                  {formatKoreanAmount(r.total)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">월 합계</th>
              {grid.monthTotals.map((t, i) => (
                <td key={grid.months[i]!.month} className="num" data-value={t} title={`${formatInt(t)}원`}>
                  {formatKoreanAmount(t)}
                </td>
              ))}
              <td className="num" data-value={grid.total} title={`${formatInt(grid.total)}원`}>
                {formatKoreanAmount(grid.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
