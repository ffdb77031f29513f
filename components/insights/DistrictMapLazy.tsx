"use client";

import dynamic from "next/dynamic";
import styles from "./insights.module.css";

/**
 * Leaflet touches `window`, so the map module (with leaflet and its CSS) is loaded only in the browser
 * and only by this page: next/dynamic with ssr: false, which must be called from a client module.
 */
export const DistrictMapLazy = dynamic(() => import("./DistrictMap"), {
  ssr: false,
  loading: () => (
    <div className={`${styles.map} ${styles.mapLoading}`} role="status">
      지도를 불러오는 중…
    </div>
  ),
});
