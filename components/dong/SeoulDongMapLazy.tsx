"use client";

import dynamic from "next/dynamic";
import type { DongMapCell } from "./SeoulDongMap";
import styles from "./seoul-map.module.css";

// Leaflet (~45 KB gzip) is fetched only by the page that opens this map, after its HTML is shown.
const SeoulDongMap = dynamic(() => import("./SeoulDongMap"), {
  ssr: false,
  loading: () => (
    <div className={styles.map} data-testid="seoul-dong-map-loading">
      <p className={styles.loading}>지도를 불러오는 중…</p>
    </div>
  ),
});

export function SeoulDongMapLazy(props: {
  cells: Readonly<Record<string, DongMapCell>>;
  bounds: [[number, number], [number, number]];
  label: string;
}) {
  return <SeoulDongMap {...props} />;
}
