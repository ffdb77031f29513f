import type { LegendItem } from "@/lib/insights/color-scale";
import styles from "./map.module.css";

/** The map's colour classes with the metric's real meaning in the title. */
export function MapLegend({ title, items, note }: { title: string; items: readonly LegendItem[]; note?: string }) {
  return (
    <div className={styles.legend}>
      <span className={styles.legendTitle}>{title}</span>
      <ul className={styles.legendItems} data-testid="map-legend">
        {items.map((l) => (
          <li key={l.label}>
            <span className={styles.swatch} style={{ background: l.color }} aria-hidden="true" />
            {l.label}
          </li>
        ))}
      </ul>
      {note ? <p className={styles.legendNote}>{note}</p> : null}
    </div>
  );
}
