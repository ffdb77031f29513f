"use client";

import dynamic from "next/dynamic";
import { useNearViewport } from "@/components/useNearViewport";
import type { CompareTrendRow } from "@/lib/views/compare";
import type { TrendSeries } from "./CompareTrendChart";
import styles from "./compare.module.css";

function Loading() {
  return <div className={styles.chartLoading}>차트를 불러오는 중…</div>;
}

// Recharts (~120 KB gzip) is fetched only once the chart's box scrolls near the viewport.
const CompareTrendChart = dynamic(() => import("./CompareTrendChart"), { ssr: false, loading: Loading });

export function LazyTrendChart(props: { rows: CompareTrendRow[]; series: TrendSeries[]; unit: string }) {
  const [box, visible] = useNearViewport<HTMLDivElement>();
  return <div ref={box}>{visible ? <CompareTrendChart {...props} /> : <Loading />}</div>;
}
