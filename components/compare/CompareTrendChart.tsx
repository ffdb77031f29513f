"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatTick, formatUsage, monthLabel } from "@/lib/format";
import type { CompareTrendRow } from "@/lib/views/compare";
import { SEGMENT_COLORS, SEGMENT_DASHES } from "./palette";
import styles from "./compare.module.css";

export interface TrendSeries {
  key: `s${number}`;
  label: string;
}

/** The chosen service's monthly values of every compared segment on one axis (Recharts). */
export default function CompareTrendChart({
  rows,
  series,
  unit,
}: {
  rows: CompareTrendRow[];
  series: TrendSeries[];
  unit: string;
}) {
  return (
    <div className={styles.chartBox} data-testid="compare-trend-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e3e6ea" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#3b424b" }} tickMargin={6} />
          <YAxis
            width={52}
            domain={["auto", "auto"]}
            tick={{ fontSize: 12, fill: "#3b424b" }}
            tickFormatter={(v: number) => formatTick(v)}
          />
          <Tooltip
            // Dark text (the default takes each line's colour, too light on white for some of them).
            itemStyle={{ color: "#1b1f24" }}
            labelStyle={{ color: "#1b1f24", fontWeight: 600 }}
            formatter={(value, name) => [typeof value === "number" ? formatUsage(value) : String(value), String(name)]}
            labelFormatter={(_, payload) =>
              payload?.[0] ? `${monthLabel((payload[0].payload as CompareTrendRow).month)} · ${unit}` : ""
            }
          />
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={SEGMENT_COLORS[i]}
              strokeWidth={2.5}
              strokeDasharray={SEGMENT_DASHES[i]}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
