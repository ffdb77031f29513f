import { SERVICE_BY_ID } from "@/lib/domain";
import { formatSigned, formatUsage, formatUsageDiff, serviceName } from "@/lib/format";
import { unitLabel, zWords, type WhenAnswer } from "@/lib/views/segment";
import { SERVICE_COLOR } from "./palette";
import styles from "./segment.module.css";

interface Props {
  answers: readonly WhenAnswer[];
  /** Short month names ("3월", or "23년 3월" when the data spans years). */
  monthNames: Readonly<Record<string, string>>;
}

/**
 * Two answers to "when" for each of the seven services: the months this segment stands out from every
 * other segment (so a city-wide rise does not count), and the months its own usage per day is highest
 * (which a city-wide season does move — the Seoul peak below says when that may be the case).
 */
export function WhenAnswers({ answers, monthNames }: Props) {
  return (
    <ol className={styles.whenGrid} data-testid="when-answers">
      {answers.map((a) => {
        const negative = SERVICE_BY_ID[a.service].unit === "index" && a.best.some((m) => m.value < 0);
        const peak = monthNames[a.seoulPeak];
        return (
          <li key={a.service} className={styles.whenCard} data-service={a.service}>
            <h3>
              <span className={styles.swatch} style={{ background: SERVICE_COLOR[a.service] }} aria-hidden="true" />
              {a.rank}위 {serviceName(a.service)}
            </h3>
            <div className={styles.whenColumns}>
              <div>
                <h4>다른 고객층보다 두드러진 달</h4>
                <p className={styles.unitNote}>그 달 z (서울 300개 고객층 대비)</p>
                <ol className={styles.bestList} data-testid="standout-months">
                  {a.standout.map((m) => (
                    <li key={m.month} data-month={m.month} data-z={m.z}>
                      <span className={styles.bestMonth}>{monthNames[m.month]}</span>
                      <span className={styles.bestValue}>
                        {formatSigned(m.z)}{" "}
                        <span className={`${styles.bestDiff} ${styles.zWordsInline}`}>{zWords(m.z)}</span>
                      </span>
                    </li>
                  ))}
                </ol>
                {a.standsOut ? null : (
                  <p className={styles.whenCaveat}>
                    어느 달에도 그 달 서울 평균보다 뚜렷이 높지 않습니다: 위는 덜 낮은 달입니다.
                  </p>
                )}
              </div>
              <div>
                <h4>일평균 사용이 가장 높은 달</h4>
                <p className={styles.unitNote}>{unitLabel(a.service, "day")}</p>
                <ol className={styles.bestList} data-testid="best-months">
                  {a.best.map((m) => (
                    <li key={m.month} data-month={m.month} data-value={m.value}>
                      <span className={styles.bestMonth}>{monthNames[m.month]}</span>
                      <span className={styles.bestValue}>
                        {formatUsage(m.value)}{" "}
                        <span className={styles.bestDiff}>기간 평균보다 {formatUsageDiff(m.diff)}</span>
                      </span>
                    </li>
                  ))}
                </ol>
                {negative ? (
                  <p className={styles.whenCaveat}>
                    음수는 제공처가 표준화한 지수가 기준보다 낮다는 뜻이며, 쓰지 않는다는 뜻이 아닙니다.
                  </p>
                ) : null}
              </div>
            </div>
            <p className={styles.seoulPeak} data-seoul-peak={a.seoulPeak}>
              {a.sameAsSeoul
                ? `서울 전체도 ${peak}이 가장 높습니다: 도시 전체의 계절 효과일 수 있습니다.`
                : `서울 전체는 ${peak}이 가장 높습니다.`}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
