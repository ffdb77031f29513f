import Link from "next/link";
import { formatInt, formatKoreanAmount, formatSigned } from "@/lib/format";
import { scaleTicks, type CompareColumn } from "@/lib/views/compare";
import { SEGMENT_COLORS, SEGMENT_MARKS } from "./palette";
import styles from "./compare.module.css";

/** A link to the segment's own page (/segment keeps the same district, sex and age). */
function segmentHref(id: string): string {
  const [district, sex, age] = id.split(".");
  return `/segment?${new URLSearchParams({ district: district!, sex: sex!, age: age! })}`;
}

/**
 * The segments side by side: population, then the seven services' z as bars on one shared scale
 * (the same ticks in every column) with each service's rank. Columns wrap into stacked cards on phones.
 */
export function CompareColumns({ columns, max }: { columns: CompareColumn[]; max: number }) {
  const ticks = scaleTicks(max);
  return (
    <div className={styles.columns} data-testid="compare-columns" data-scale={max}>
      {columns.map((c, i) => (
        <article key={c.id} className={styles.column} data-id={c.id} aria-labelledby={`col-${i}`}>
          <h3 id={`col-${i}`} className={styles.columnTitle}>
            <span aria-hidden="true" style={{ color: SEGMENT_COLORS[i] }}>
              {SEGMENT_MARKS[i]}
            </span>{" "}
            <Link href={c.href ?? segmentHref(c.id)}>{c.label}</Link>
          </h3>
          <p className={styles.population}>
            인구{" "}
            <abbr title={`${formatInt(c.population)}명`} data-testid="population" data-value={c.population}>
              {formatKoreanAmount(c.population, "명")}
            </abbr>
            {/* Rounded to 만 from 10만 up: the exact figure beside it (and in the table). */}
            {formatKoreanAmount(c.population, "명") === `${formatInt(c.population)}명` ? null : (
              <span className={styles.exact}> ({formatInt(c.population)}명)</span>
            )}
          </p>
          <div className={styles.scale} aria-hidden="true">
            {ticks.map((t) => (
              <span key={t.value} style={{ left: `${t.at}%` }}>
                {t.label}
              </span>
            ))}
          </div>
          <ul className={styles.bars} aria-label={`${c.label} 서비스별 z와 순위`}>
            {c.bars.map((b) => (
              <li key={b.service} data-service={b.service} data-z={b.z ?? ""} data-rank={b.rank}>
                <span className={styles.barName}>
                  {b.name} <span className={styles.rank}>{b.rank}위</span>
                </span>
                <span className={styles.track} aria-hidden="true">
                  <span className={styles.zero} />
                  <span
                    className={b.z !== null && b.z < 0 ? styles.fillNeg : styles.fill}
                    style={{ left: `${b.left}%`, width: `${b.width}%` }}
                  />
                </span>
                <span className={styles.zValue}>z {formatSigned(b.z)}</span>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}

/** The chosen service's standout months per segment (the months it stood out most from everyone else). */
export function StandoutMonths({ columns }: { columns: CompareColumn[] }) {
  return (
    <div className={styles.columns}>
      {columns.map((c, i) => (
        <div key={c.id} className={styles.standout}>
          <p className={styles.columnTitle}>
            <span aria-hidden="true" style={{ color: SEGMENT_COLORS[i] }}>
              {SEGMENT_MARKS[i]}
            </span>{" "}
            {c.label}
          </p>
          <ol>
            {c.standout.map((m) => (
              <li key={m.month}>
                {m.label} <span className={styles.muted}>그달 z {formatSigned(m.z)}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
