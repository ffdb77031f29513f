"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { CurvePoint } from "@/lib/engine";
import { formatKoreanAmount } from "@/lib/format";
import { peopleRange } from "@/lib/views/plan";
import styles from "./plan.module.css";

/** Okabe–Ito blue for reach 1+, vermilion for 3+ (told apart by the legend and the tooltip's words too). */
const ONE_PLUS = "#0072B2";
const THREE_PLUS = "#D55E00";

type Row = CurvePoint & { r1: [number, number]; r3: [number, number] };

/** Round ticks (1, 2 or 5 × 10ⁿ apart) from 0 to at least `max`, so the axis reads 10만, 20만, … */
function roundTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

function CurveTooltip({ active, payload }: { active?: boolean; payload?: TooltipContentProps["payload"] }) {
  if (!active || !payload?.length) return null;
  const p = payload[0]!.payload as Row;
  return (
    <div className={styles.tooltip}>
      <p>
        <strong>
          예산 {formatKoreanAmount(p.budget, "원")} ({p.multiple}배)
        </strong>
      </p>
      <p>1회 이상 {peopleRange(p.reach).compact}</p>
      <p>3회 이상 {peopleRange(p.reach3).compact}</p>
    </div>
  );
}

/**
 * Reach against budget: each band is the model's range (same people every month … months
 * independent). The flattening is what more money buys less of; the dashed line is this plan.
 */
export default function ReachCurveChart({ points, budget }: { points: readonly CurvePoint[]; budget: number }) {
  const rows: Row[] = points.map((p) => ({
    ...p,
    r1: [p.reach.lower, p.reach.upper],
    r3: [p.reach3.lower, p.reach3.upper],
  }));
  const ticks = roundTicks(Math.max(0, ...points.map((p) => p.reach.upper)));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e3e6ea" />
        <XAxis
          type="number"
          dataKey="budget"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(v: number) => formatKoreanAmount(v)}
          tick={{ fontSize: 11 }}
        />
        <YAxis
          ticks={ticks}
          domain={[0, ticks.at(-1)!]}
          tickFormatter={(v: number) => formatKoreanAmount(v)}
          tick={{ fontSize: 11 }}
          width={64}
        />
        <Tooltip content={<CurveTooltip />} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <ReferenceLine
          x={budget}
          stroke="#1b1f24"
          strokeDasharray="4 3"
          label={{ value: "이 계획", fontSize: 11, position: "insideTopLeft" }}
        />
        <Area
          type="monotone"
          dataKey="r1"
          name="도달 1회 이상 (범위)"
          stroke={ONE_PLUS}
          fill={ONE_PLUS}
          fillOpacity={0.25}
          isAnimationActive={false}
        />
        <Area
          type="monotone"
          dataKey="r3"
          name="도달 3회 이상 (범위)"
          stroke={THREE_PLUS}
          fill={THREE_PLUS}
          fillOpacity={0.25}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
