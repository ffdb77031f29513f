"use client";

import dynamic from "next/dynamic";
import { useNearViewport } from "@/components/useNearViewport";
import type { CurvePoint } from "@/lib/engine";
import styles from "./plan.module.css";

// Recharts is fetched only when the chart scrolls near the viewport; it draws nothing on the server.
const ReachCurveChart = dynamic(() => import("./ReachCurveChart"), {
  ssr: false,
  loading: () => <p className={styles.chartLoading}>차트를 불러오는 중…</p>,
});

export function ReachCurveLazy({ points, budget }: { points: readonly CurvePoint[]; budget: number }) {
  const [box, near] = useNearViewport<HTMLDivElement>();
  return (
    <div ref={box} className={styles.chartBox} style={{ height: 300 }} data-testid="plan-curve-chart">
      {near ? <ReachCurveChart points={points} budget={budget} /> : null}
    </div>
  );
}
