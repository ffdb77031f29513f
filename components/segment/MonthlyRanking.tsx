import { ChartFooter } from "@/components/ChartFrame";
import type { ServiceScore } from "@/lib/engine";
import { serviceName } from "@/lib/format";
import { flaggedLabel } from "@/lib/views/segment";
import { monthAxisLabels, NO_FLAGS } from "@/lib/views/trend";
import type { TableData } from "@/lib/table";
import { SERVICE_COLOR } from "./palette";
import styles from "./segment.module.css";

interface Props {
  monthly: readonly { month: string; ranking: readonly ServiceScore[] }[];
  /** The same rows as a plain table, for the CSV download. */
  table: TableData;
  source: string;
  filename: string;
  /** Doubtful months (lib/dataset/quality.ts), marked ⚠. */
  flagged?: ReadonlySet<string>;
}

/**
 * The month-by-month ranking: a table first (one row per month, one column per rank), so it is its own
 * table view; the CSV holds exactly its cells. On a phone the month column stays put while the ranks
 * scroll sideways, and a hint says there is more to the right.
 */
export function MonthlyRanking({ monthly, table, source, filename, flagged = NO_FLAGS }: Props) {
  const ranks = monthly[0]?.ranking.length ?? 0;
  const short = monthAxisLabels(
    monthly.map((m) => m.month),
    flagged,
  );
  return (
    <section className="card chart-frame" aria-labelledby="monthly-title">
      <header className="chart-header">
        <h2 id="monthly-title">월별 우선순위</h2>
        <div className="chart-description">
          달마다 그 달의 값으로 다시 계산한 순위입니다 (그 달 서울 300개 고객층 대비 z). 순위가 매달 같으면 계절과
          관계없이 이 고객층이 그 서비스를 유난히 많이 씁니다.
        </div>
      </header>
      <p className={styles.scrollHint} aria-hidden="true">
        옆으로 밀면 {ranks}위까지 보입니다 →
      </p>
      <div className={`table-scroll ${styles.monthlyScroll}`} tabIndex={0} role="region" aria-label="월별 우선순위 표">
        <table data-testid="monthly-priority" className={styles.monthlyTable}>
          <caption className="visually-hidden">월별 서비스 우선순위 (1위부터 {ranks}위까지)</caption>
          <thead>
            <tr>
              <th scope="col">월</th>
              {Array.from({ length: ranks }, (_, i) => (
                <th key={i} scope="col">
                  {i + 1}위
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthly.map((m, i) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row" data-value={flaggedLabel(m.month, flagged)}>
                  <span className={styles.longMonth}>{flaggedLabel(m.month, flagged)}</span>
                  <span className={styles.shortMonth} aria-hidden="true">
                    {short[i]}
                  </span>
                </th>
                {m.ranking.map((s) => (
                  <td key={s.service} data-service={s.service} data-value={serviceName(s.service)}>
                    <span
                      className={styles.swatch}
                      style={{ background: SERVICE_COLOR[s.service] }}
                      aria-hidden="true"
                    />
                    {serviceName(s.service)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartFooter source={source} table={table} filename={filename} />
    </section>
  );
}
