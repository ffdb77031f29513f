import type { ServiceScore } from "@/lib/engine";
import { describeZ, formatSigned, serviceName } from "@/lib/format";
import { zBar } from "@/lib/views/z-bar";
import { SERVICE_BY_ID, UNIT_LABELS } from "@/lib/domain";
import styles from "./segment.module.css";

/** The seven services, highest priority first, each with its z in words, in numbers and as a bar. */
export function PriorityList({ overall }: { overall: readonly ServiceScore[] }) {
  return (
    <ol className={styles.priorityList} data-testid="priority-list">
      {overall.map((s) => {
        const bar = zBar(s.z, 2);
        return (
          <li
            key={s.service}
            data-service={s.service}
            data-z={s.z ?? ""}
            className={s.rank <= 3 ? styles.top : undefined}
          >
            <span className={styles.rank} aria-hidden="true">
              {s.rank}
            </span>
            <div className={styles.priorityText}>
              <span className={styles.serviceName}>
                <span className="visually-hidden">{s.rank}위 </span>
                {serviceName(s.service)}
              </span>
              <span className={styles.zWords}>{describeZ(s.z)}</span>
              <span className={styles.indicator}>
                지표: {SERVICE_BY_ID[s.service].indicator_ko} ({UNIT_LABELS[SERVICE_BY_ID[s.service].unit]})
              </span>
            </div>
            <div className={styles.zCell}>
              <span className={styles.zValue}>
                <abbr title="표준점수: 서울 전체 고객층 평균에서 표준편차 몇 배만큼 떨어졌는지">z</abbr>{" "}
                {formatSigned(s.z)}
              </span>
              <span className={styles.zTrack} aria-hidden="true">
                <span
                  className={`${styles.zFill} ${bar.side === "neg" ? styles.zNeg : styles.zPos}`}
                  style={{ width: `${bar.width}%` }}
                />
              </span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
