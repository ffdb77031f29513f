"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatInt } from "@/lib/format";
import { formatCompact, type PopulationBar } from "@/lib/insights/views";
import styles from "./insights.module.css";

/** Okabe–Ito vermillion for the top 3, blue for the rest. */
export const TOP_COLOR = "#d55e00";
export const REST_COLOR = "#0072b2";
const ROW_HEIGHT = 22;

/** The 25 districts' populations as ranked horizontal bars (Recharts), top 3 in a second colour. */
export function PopulationChart({ bars }: { bars: PopulationBar[] }) {
  const height = bars.length * ROW_HEIGHT + 40;
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
      <div data-testid="population-chart" style={{ height }} className={styles.barChart}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height }}>
          <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 0 }} barCategoryGap={3}>
            <CartesianGrid horizontal={false} stroke="#e3e6ea" />
            <XAxis type="number" tickFormatter={formatCompact} tick={{ fontSize: 12, fill: "#555d68" }} />
            <YAxis type="category" dataKey="name" width={66} interval={0} tick={{ fontSize: 12, fill: "#1b1f24" }} tickLine={false} />
            <Tooltip
              cursor={{ fill: "rgba(11, 92, 173, 0.08)" }}
              formatter={(v) => [`${formatInt(Number(v))}명`, "인구"]}
              labelFormatter={(name) => String(name)}
            />
            <Bar dataKey="population" name="인구" isAnimationActive={false}>
              {bars.map((b) => (
                <Cell key={b.code} fill={b.top ? TOP_COLOR : REST_COLOR} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
