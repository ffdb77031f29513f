import { formatInt } from "@/lib/format";
import { populationTicks, type PopulationBar } from "@/lib/views/insights";
import styles from "./insights.module.css";

/** Okabe–Ito vermillion for the top 3, blue for the rest. */
const TOP_COLOR = "#d55e00";
const REST_COLOR = "#0072b2";

/**
 * The 25 districts' populations as ranked horizontal bars, drawn on the server in HTML: every value is
 * printed beside its bar, so there is no tooltip to hunt for (or to cover the chart on a phone) and no
 * chart library to download.
 */
export function PopulationBars({ bars }: { bars: readonly PopulationBar[] }) {
  const max = Math.max(0, ...bars.map((b) => b.population));
  const ticks = populationTicks(max);
  return (
    <>
      <ul className={styles.swatchLegend} aria-label="막대 색">
        <li>
          <span className={styles.swatch} style={{ background: TOP_COLOR }} aria-hidden="true" /> 상위 3개 자치구
        </li>
        <li>
          <span className={styles.swatch} style={{ background: REST_COLOR }} aria-hidden="true" /> 그 밖의 자치구
        </li>
      </ul>
      <div
        className={styles.bars}
        data-testid="population-chart"
        role="img"
        aria-label={`자치구별 인구 막대그래프, 1위 ${bars[0]?.name ?? ""} ${formatInt(bars[0]?.population ?? 0)}명. 표로 보기에 같은 값이 있습니다.`}
      >
        <div className={styles.barGrid} aria-hidden="true">
          {ticks.map((t) => (
            <span key={t.value} className={styles.barTick} style={{ left: `${t.percent}%` }}>
              <span>{t.label}</span>
            </span>
          ))}
        </div>
        {bars.map((b) => (
          <div key={b.code} className={styles.barRow} data-district={b.code} aria-hidden="true">
            <span className={styles.barName}>{b.name}</span>
            <span className={styles.barTrack}>
              <span
                className={styles.bar}
                data-testid="population-bar"
                style={{ width: `${b.percent}%`, background: b.top ? TOP_COLOR : REST_COLOR }}
              />
              <span className={styles.barValue}>{formatInt(b.population)}</span>
            </span>
          </div>
        ))}
      </div>
    </>
  );
}
