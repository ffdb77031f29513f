"use client";

import dynamic from "next/dynamic";
import { useNearViewport } from "@/components/useNearViewport";
import type { TrendView } from "./TrendChart";
import styles from "./segment.module.css";

// Recharts is most of this page's JavaScript: it is fetched only when the chart nears the screen.
const TrendChart = dynamic(() => import("./TrendChart").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <ChartPlaceholder text="차트를 불러오는 중…" />,
});

function ChartPlaceholder({ text }: { text: string }) {
  return (
    <div className={styles.chartLoading} data-testid="trend-chart-loading">
      {text}
    </div>
  );
}

/** A box of the chart's size until it is within a screen of the viewport, then the chart. */
export function TrendChartLazy({ view }: { view: TrendView }) {
  const [box, near] = useNearViewport<HTMLDivElement>();
  return (
    <div ref={box}>
      {near ? (
        <TrendChart view={view} />
      ) : (
        <ChartPlaceholder text="아래로 내리면 차트를 그립니다. 같은 값은 ‘표로 보기’에도 있습니다." />
      )}
    </div>
  );
}
