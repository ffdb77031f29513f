import { SERVICE_BY_ID, UNIT_LABELS } from "@/lib/domain";
import { formatUsage, formatUsageDiff, monthLabel, serviceName } from "@/lib/format";
import type { BestMonthCard } from "@/lib/segment/tables";
import { SERVICE_COLOR } from "./palette";
import styles from "./segment.module.css";

/** For each top service, the three months with the highest usage and how far above its usual level. */
export function BestMonths({ cards }: { cards: readonly BestMonthCard[] }) {
  return (
    <div className={styles.bestGrid} data-testid="best-months">
      {cards.map((c) => (
        <article key={c.service} className={styles.bestCard} data-service={c.service}>
          <h3>
            <span className={styles.swatch} style={{ background: SERVICE_COLOR[c.service] }} aria-hidden="true" />
            {c.rank}위 {serviceName(c.service)}
          </h3>
          <p className={styles.unitNote}>
            {SERVICE_BY_ID[c.service].indicator_ko} · {UNIT_LABELS[SERVICE_BY_ID[c.service].unit]}
          </p>
          <ol className={styles.bestList}>
            {c.months.map((m) => (
              <li key={m.month} data-month={m.month}>
                <span className={styles.bestMonth}>{monthLabel(m.month)}</span>
                <span className={styles.bestValue}>
                  {formatUsage(m.value)}
                  <span className={styles.bestDiff}> (평균보다 {formatUsageDiff(m.diff)})</span>
                </span>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
