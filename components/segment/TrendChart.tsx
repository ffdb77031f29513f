"use client";

import { useMemo, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { ServiceId } from "@/lib/domain";
import { indexAxis, type TrendChartRow } from "@/lib/views/trend";
import { formatSigned, formatUsage, monthLabel, serviceName } from "@/lib/format";
import { SERVICE_COLOR, SERVICE_DASH } from "./palette";
import styles from "./segment.module.css";

interface Props {
  rows: TrendChartRow[];
  /** Services in priority order; the top ones are drawn thicker. */
  services: readonly ServiceId[];
  emphasized: number;
}

interface TrendTooltipProps {
  active?: boolean;
  payload?: TooltipContentProps["payload"];
  order: readonly ServiceId[];
}

function TrendTooltip({ active, payload, order }: TrendTooltipProps) {
  if (!active || !payload?.length) return null;
  const row = payload[0]!.payload as TrendChartRow;
  const shown = new Set(payload.map((p) => p.dataKey as ServiceId));
  return (
    <div className={styles.tooltip}>
      <p className={styles.tooltipTitle}>{monthLabel(row.month)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">서비스</th>
            <th scope="col" className="num">
              실제 값
            </th>
            <th scope="col" className="num">
              지수
            </th>
          </tr>
        </thead>
        <tbody>
          {order
            .filter((s) => shown.has(s))
            .map((s) => (
              <tr key={s}>
                <td>
                  <span className={styles.swatch} style={{ background: SERVICE_COLOR[s] }} aria-hidden="true" />
                  {serviceName(s)}
                </td>
                <td className="num">{row.raw[s] === undefined ? "–" : formatUsage(row.raw[s])}</td>
                <td className="num">{formatSigned(row[s] ?? null)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function LegendSwatch({ service }: { service: ServiceId }) {
  return (
    <svg width="28" height="10" aria-hidden="true" className={styles.legendSwatch}>
      <line x1="1" y1="5" x2="27" y2="5" stroke={SERVICE_COLOR[service]} strokeWidth="3" strokeDasharray={SERVICE_DASH[service]} />
    </svg>
  );
}

/**
 * Monthly usage of the seven services as one unit-free index (each service against the segment's own
 * average), with a legend whose buttons hide and show each line; raw values are in the tooltip.
 */
export function TrendChart({ rows, services, emphasized }: Props) {
  const [hidden, setHidden] = useState<ReadonlySet<ServiceId>>(new Set());
  // One axis for all services (hiding a line doesn't rescale it), symmetric around the average.
  const axis = useMemo(() => indexAxis(rows, services), [rows, services]);
  const toggle = (s: ServiceId) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  return (
    <div data-testid="trend-chart">
      <p className={styles.axisNote}>
        세로축 <strong>추세 지수</strong>: 각 서비스의 월별 값이 이 고객층의 기간 평균(0)보다 표준편차 몇 배만큼 높은지(+) 낮은지(−). 서비스마다
        단위가 달라 실제 값은 툴팁과 표에 있습니다.
      </p>
      <p className={styles.axisTitle} aria-hidden="true">
        ↑ 추세 지수 (0 = 이 고객층의 기간 평균)
      </p>
      <div className={styles.chartBox}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 320 }}>
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#3b424b" }} tickMargin={6} interval="preserveStartEnd" />
            <YAxis
              width={34}
              domain={axis.domain}
              ticks={axis.ticks}
              allowDataOverflow={false}
              tick={{ fontSize: 12, fill: "#3b424b" }}
              tickFormatter={(v: number) => formatSigned(v, 0)}
            />
            <ReferenceLine y={0} stroke="#6b7480" strokeWidth={1.5} />
            <Tooltip content={(p) => <TrendTooltip active={p.active} payload={p.payload} order={services} />} />
            {services.map((s, i) => (
              <Line
                key={s}
                type="linear"
                dataKey={s}
                name={serviceName(s)}
                className={`trend-line-${s}`}
                stroke={SERVICE_COLOR[s]}
                strokeWidth={i < emphasized ? 3 : 1.75}
                strokeDasharray={SERVICE_DASH[s]}
                dot={{ r: i < emphasized ? 3 : 2, strokeWidth: 1 }}
                hide={hidden.has(s)}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.legend} aria-label="서비스 표시 (눌러서 숨기기/보이기)">
        {services.map((s) => (
          <li key={s}>
            <button type="button" className={styles.legendButton} aria-pressed={!hidden.has(s)} data-service={s} onClick={() => toggle(s)}>
              <LegendSwatch service={s} />
              {serviceName(s)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
