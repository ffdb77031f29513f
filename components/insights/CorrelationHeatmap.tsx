import { correlationLegend, R_NULL_COLOR } from "@/lib/insights/color-scale";
import type { HeatmapCell } from "@/lib/views/insights";
import { serviceName } from "@/lib/format";
import type { ServiceId } from "@/lib/domain";
import styles from "./insights.module.css";

/** "동영상/방송" may break after the slash on narrow screens. */
function header(id: ServiceId): string {
  return serviceName(id).replace("/", "/\u200b");
}

/**
 * The 7×7 correlation matrix as an HTML table: row and column headers are the services, each cell
 * prints r and is coloured on a colour-blind-safe diverging blue–yellow–red scale (legend below).
 */
export function CorrelationHeatmap({ cells, caption }: { cells: HeatmapCell[][]; caption: string }) {
  const services = cells.map((row) => row[0]!.row);
  return (
    <>
      <div className={styles.heatmapScroll}>
        <table className={styles.heatmap} data-testid="correlation-heatmap">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <td className={styles.heatCorner} />
              {services.map((s) => (
                <th key={s} scope="col">
                  {header(s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((row, i) => (
              <tr key={services[i]}>
                <th scope="row">{header(services[i]!)}</th>
                {row.map((c) => (
                  <td
                    key={c.col}
                    data-testid="heatmap-cell"
                    data-row={c.row}
                    data-col={c.col}
                    data-r={c.r === null ? "" : c.r.toFixed(2)}
                    style={{ background: c.fill, color: c.text }}
                  >
                    {c.label}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.legend}>
        <span className={styles.legendTitle}>상관계수 r</span>
        <ul className={styles.legendItems}>
          {correlationLegend().map((l) => (
            <li key={l.label}>
              <span className={styles.swatch} style={{ background: l.color }} aria-hidden="true" />
              {l.label}
            </li>
          ))}
          <li>
            <span className={styles.swatch} style={{ background: R_NULL_COLOR }} aria-hidden="true" />– 계산 불가
          </li>
        </ul>
        <p className={styles.legendNote}>
          파랑: 한 서비스를 많이 쓰는 곳일수록 다른 서비스는 적게 쓰는 경향(음의 상관) · 빨강: 함께 많이 쓰는 경향(양의
          상관) · 색이 진할수록 관계가 강함
        </p>
      </div>
    </>
  );
}
