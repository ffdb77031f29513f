"use client";

import dynamic from "next/dynamic";
import { useNearViewport } from "@/components/useNearViewport";
import type { BudgetBar } from "@/lib/views/plan";
import styles from "./plan.module.css";

/** Height of the chart for n bars, so the space is held before Recharts arrives (no layout shift). */
export function budgetChartHeight(n: number): number {
  return 16 + 34 * n;
}

// Recharts is fetched only when the chart scrolls near the viewport; it draws nothing on the server.
const BudgetChart = dynamic(() => import("./BudgetChart"), {
  ssr: false,
  loading: () => <p className={styles.chartLoading}>차트를 불러오는 중…</p>,
});

export function BudgetChartLazy({ bars }: { bars: readonly BudgetBar[] }) {
  const [box, near] = useNearViewport<HTMLDivElement>();
  return (
    <div
      ref={box}
      className={styles.chartBox}
      style={{ height: budgetChartHeight(bars.length) }}
      data-testid="plan-budget-chart"
    >
      {near ? <BudgetChart bars={bars} /> : null}
    </div>
  );
}
