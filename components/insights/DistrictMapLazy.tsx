"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { DistrictMapProps } from "./DistrictMap";
import styles from "./map.module.css";

function Placeholder({ text }: { text: string }) {
  return (
    <div className={`${styles.map} ${styles.mapLoading}`} role="status">
      {text}
    </div>
  );
}

/**
 * Leaflet touches `window`, so the map module (with leaflet and its CSS) is loaded only in the browser
 * (next/dynamic with ssr: false, which must be called from a client module), only on the pages that draw
 * a map, and only once the map is within a screen of the viewport — a reader who never scrolls to it
 * never downloads it. The ranked list beside the map carries the same figures without JavaScript.
 */
const DistrictMap = dynamic(() => import("./DistrictMap"), { ssr: false, loading: () => <Placeholder text="지도를 불러오는 중…" /> });

export function DistrictMapLazy(props: DistrictMapProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = frame.current;
    if (!el || near) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setNear(true);
        io.disconnect();
      }
    }, { rootMargin: "100% 0px" });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return (
    <div ref={frame} className={styles.mapFrame} data-testid="district-map">
      {near ? <DistrictMap {...props} /> : <Placeholder text="지도는 화면에 가까워지면 불러옵니다." />}
    </div>
  );
}
