"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { formatKoreanAmount, formatWon } from "@/lib/format";
import type { BudgetBar } from "@/lib/views/plan";
import styles from "./plan.module.css";

/** Okabe–Ito blue for open segments, vermilion for those at the cap (told apart by the label too). */
const OPEN = "#0072B2";
const CAPPED = "#D55E00";

function BudgetTooltip({ active, payload }: { active?: boolean; payload?: TooltipContentProps["payload"] }) {
  if (!active || !payload?.length) return null;
  const bar = payload[0]!.payload as BudgetBar;
  return (
    <div className={styles.tooltip}>
      <p>
        <strong>{bar.label}</strong>
      </p>
      <p>{formatWon(bar.budget)}</p>
      {bar.saturated ? <p>빈도 상한 도달</p> : null}
    </div>
  );
}

/** Budget by segment as horizontal bars, highest first; the table under it has the exact figures. */
export default function BudgetChart({ bars }: { bars: readonly BudgetBar[] }) {
  const rows = bars.map((b) => ({ ...b, tag: `${formatKoreanAmount(b.budget, "원")}${b.saturated ? " · 상한" : ""}` }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 4, right: 112, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#e3e6ea" />
        {/* Each bar carries its amount, so the value axis is left out (its ticks only crowded phones). */}
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="label" width={104} tick={{ fontSize: 11 }} interval={0} />
        <Tooltip content={<BudgetTooltip />} cursor={{ fill: "rgba(0,0,0,0.05)" }} />
        <Bar dataKey="budget" isAnimationActive={false} barSize={20}>
          {rows.map((r) => (
            <Cell key={r.label} fill={r.saturated ? CAPPED : OPEN} />
          ))}
          <LabelList dataKey="tag" position="right" style={{ fontSize: 11, fill: "#1b1f24" }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
