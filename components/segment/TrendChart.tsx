"use client";

import { useQueryState } from "nuqs";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { ServiceId } from "@/lib/domain";
import { formatSigned, formatTick, formatUsage, monthLabel, serviceName } from "@/lib/format";
import { paramParser } from "@/lib/params/nuqs";
import { segmentPage } from "@/lib/params/pages";
import type { ServiceTrendRow, TrendChartRow } from "@/lib/views/trend";
import { SERVICE_COLOR, SERVICE_DASH } from "./palette";
import styles from "./segment.module.css";

interface Axis {
  domain: [number, number];
  ticks: number[];
}

/** What the server decided to draw: all seven as an index, or one service on its own scale. */
export type TrendView =
  | { kind: "index"; rows: TrendChartRow[]; services: ServiceId[]; emphasized: number; axis: Axis }
  | { kind: "service"; service: ServiceId; rows: ServiceTrendRow[]; axis: Axis; unit: string };

// Hiding a line changes only what the browser draws: no server round trip, and no history entry.
const hideParser = paramParser(segmentPage.hide).withOptions({ shallow: true, history: "replace" });

const TICK = { fontSize: 12, fill: "#3b424b" };
/** Pinned to the top of the plot so a tap on a phone never hides the whole chart under it. */
const TOOLTIP_POSITION = { y: 0 };

function IndexTooltip({
  active,
  payload,
  order,
}: {
  active?: boolean;
  payload?: TooltipContentProps["payload"];
  order: readonly ServiceId[];
}) {
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
            <th scope="col" className={`num ${styles.tooltipRaw}`}>
              값
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
                <td className={`num ${styles.tooltipRaw}`}>
                  {row.raw[s] === undefined ? "–" : formatUsage(row.raw[s])}
                </td>
                <td className="num">{formatSigned(row[s] ?? null)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function ServiceTooltip({
  active,
  payload,
  service,
}: {
  active?: boolean;
  payload?: TooltipContentProps["payload"];
  service: ServiceId;
}) {
  if (!active || !payload?.length) return null;
  const row = payload[0]!.payload as ServiceTrendRow;
  return (
    <div className={styles.tooltip}>
      <p className={styles.tooltipTitle}>{monthLabel(row.month)}</p>
      <p className={styles.tooltipLine}>
        이 고객층 {serviceName(service)}: <strong>{formatUsage(row.segment)}</strong>
      </p>
      <p className={styles.tooltipLine}>서울 전체: {formatUsage(row.seoul)}</p>
    </div>
  );
}

function LegendSwatch({ color, dash }: { color: string; dash?: string }) {
  return (
    <svg width="28" height="10" aria-hidden="true" className={styles.legendSwatch}>
      <line x1="1" y1="5" x2="27" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

function IndexChart({ view }: { view: Extract<TrendView, { kind: "index" }> }) {
  const [hiddenList, setHidden] = useQueryState("hide", hideParser);
  const hidden = new Set(hiddenList ?? []);
  const toggle = (s: ServiceId) => {
    const next = view.services.filter((x) => (x === s ? !hidden.has(x) : hidden.has(x)));
    void setHidden(next.length ? next : null);
  };
  return (
    <>
      <p className={styles.axisTitle} aria-hidden="true">
        ↑ 추세 지수 (0 = 이 고객층의 기간 평균)
      </p>
      <div className={styles.chartBox}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 320 }}>
          <LineChart data={view.rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="label" tick={TICK} tickMargin={6} interval="preserveStartEnd" />
            <YAxis
              width={34}
              domain={view.axis.domain}
              ticks={view.axis.ticks}
              tick={TICK}
              tickFormatter={(v: number) => formatSigned(v, 0)}
            />
            <ReferenceLine y={0} stroke="#6b7480" strokeWidth={1.5} />
            <Tooltip
              position={TOOLTIP_POSITION}
              content={(p) => <IndexTooltip active={p.active} payload={p.payload} order={view.services} />}
            />
            {view.services.map((s, i) => (
              <Line
                key={s}
                type="linear"
                dataKey={s}
                name={serviceName(s)}
                className={`trend-line-${s}`}
                stroke={SERVICE_COLOR[s]}
                strokeWidth={i < view.emphasized ? 3 : 1.75}
                strokeDasharray={SERVICE_DASH[s]}
                dot={{ r: i < view.emphasized ? 3 : 2, strokeWidth: 1 }}
                hide={hidden.has(s)}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.legend} aria-label="서비스 표시 (눌러서 숨기기/보이기)">
        {view.services.map((s) => (
          <li key={s}>
            <button
              type="button"
              className={styles.legendButton}
              aria-pressed={!hidden.has(s)}
              data-service={s}
              onClick={() => toggle(s)}
            >
              <LegendSwatch color={SERVICE_COLOR[s]} dash={SERVICE_DASH[s]} />
              {serviceName(s)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

const SEOUL_COLOR = "#6b7480";

function ServiceChart({ view }: { view: Extract<TrendView, { kind: "service" }> }) {
  const { service } = view;
  const crossesZero = view.axis.domain[0] < 0 && view.axis.domain[1] > 0;
  return (
    <>
      <p className={styles.axisTitle} aria-hidden="true">
        ↑ {serviceName(service)} ({view.unit})
      </p>
      <div className={styles.chartBox}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 320 }}>
          <LineChart data={view.rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="label" tick={TICK} tickMargin={6} interval="preserveStartEnd" />
            <YAxis
              width={52}
              domain={view.axis.domain}
              ticks={view.axis.ticks}
              tick={TICK}
              tickFormatter={(v: number) => formatTick(v)}
            />
            {crossesZero ? <ReferenceLine y={0} stroke="#6b7480" strokeWidth={1} /> : null}
            <Tooltip
              position={TOOLTIP_POSITION}
              content={(p) => <ServiceTooltip active={p.active} payload={p.payload} service={service} />}
            />
            <Line
              type="linear"
              dataKey="seoul"
              name="서울 전체"
              className="trend-line-seoul"
              stroke={SEOUL_COLOR}
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="segment"
              name="이 고객층"
              className={`trend-line-${service}`}
              stroke={SERVICE_COLOR[service]}
              strokeWidth={3}
              strokeDasharray={SERVICE_DASH[service]}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.legend} aria-label="선">
        <li className={styles.legendItem}>
          <LegendSwatch color={SERVICE_COLOR[service]} dash={SERVICE_DASH[service]} />이 고객층
        </li>
        <li className={styles.legendItem}>
          <LegendSwatch color={SEOUL_COLOR} dash="6 4" />
          서울 전체 (인구 가중)
        </li>
      </ul>
    </>
  );
}

/** The trend chart (Recharts), drawn from rows the server built; loaded only once it scrolls into view. */
export function TrendChart({ view }: { view: TrendView }) {
  return (
    <div data-testid="trend-chart" data-view={view.kind === "index" ? "index" : view.service}>
      {view.kind === "index" ? <IndexChart view={view} /> : <ServiceChart view={view} />}
    </div>
  );
}
