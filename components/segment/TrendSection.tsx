import { ChartFrame } from "@/components/ChartFrame";
import { SERVICE_BY_ID, type Basis, type SegmentKey, type ServiceId } from "@/lib/domain";
import { serviceName } from "@/lib/format";
import type { Engine } from "@/lib/engine";
import { trendTable, unitLabel } from "@/lib/views/segment";
import { indexAxis, serviceTrendRows, trendChartRows, valueAxis } from "@/lib/views/trend";
import type { TrendView } from "./TrendChart";
import { TrendChartLazy } from "./TrendChartLazy";
import { TrendControls } from "./TrendControls";

/** How many of the top services the index view draws thicker. */
const EMPHASIZED = 3;

interface Props {
  /** The engine over the page's analysis window. */
  engine: Engine;
  /** Doubtful months of the window, marked ⚠ on the axis and in the table. */
  flagged: ReadonlySet<string>;
  segment: SegmentKey;
  basis: Basis;
  /** One service on its own scale; undefined: all seven as an index. */
  service: ServiceId | undefined;
  /** Services in priority order. */
  order: readonly ServiceId[];
  source: string;
  file: string;
}

/**
 * The trend chart's frame: the rows for the chosen basis and view are built here, on the server; the
 * browser gets plain rows and draws them (Recharts) once the chart is on screen.
 */
export function TrendSection({ engine, flagged, segment, basis, service, order, source, file }: Props) {
  const trend = engine.trend(segment, basis);
  const basisWord = basis === "day" ? "일평균" : "월 합계";
  // Month totals carry the calendar: a 28-day February reads as a dip in every count service.
  const calendarNote =
    basis === "month"
      ? " 월 합계는 날수가 적은 달(2월)이 낮게 보입니다: ‘일평균’으로 바꾸면 날수의 차이가 빠집니다."
      : "";
  let view: TrendView;
  let title: string;
  let description: React.ReactNode;
  if (service === undefined) {
    const rows = trendChartRows(trend, flagged);
    view = { kind: "index", rows, services: [...order], emphasized: EMPHASIZED, axis: indexAxis(rows, order) };
    title = `서비스별 월별 사용 추이 (${basisWord})`;
    description = (
      <>
        단위가 다른 7개 서비스를 한 차트에 놓으려고, <strong>선마다 따로</strong> 이 고객층의 기간 평균을 0, 월별 변동의
        표준편차를 1로 맞췄습니다(추세 지수): 선의 높이로 서비스끼리 사용량을 비교할 수는 없고, 각 서비스가 언제
        오르내렸는지만 봅니다. 범례를 누르면 선을 숨기거나 다시 보입니다.{" "}
        {`굵은 선은 우선순위 상위 ${EMPHASIZED}개입니다.`}
        {calendarNote}
      </>
    );
  } else {
    const values = trend.series.find((s) => s.service === service)!.values;
    const seoul = engine.seasonality(basis).services.find((s) => s.service === service)!.level;
    const rows = serviceTrendRows(trend.months, values, seoul, flagged);
    const unit = unitLabel(service, basis);
    view = { kind: "service", service, rows, axis: valueAxis(rows), unit };
    title = `${serviceName(service)} 월별 사용량 (${basisWord}): 이 고객층과 서울 전체`;
    description = (
      <>
        세로축은 {serviceName(service)}의 실제 값({unit})이며 실제 날수가 아닙니다. 서울 전체는 300개 고객층의 인구 가중
        평균입니다.
        {SERVICE_BY_ID[service].unit === "count" ? calendarNote : ""}
        {SERVICE_BY_ID[service].unit === "index"
          ? " 음수는 제공처가 표준화한 지수가 기준보다 낮다는 뜻이며, 쓰지 않는다는 뜻이 아닙니다."
          : ""}
      </>
    );
  }
  return (
    <ChartFrame
      id="trend"
      title={title}
      description={description}
      table={trendTable(trend, basis, service, flagged)}
      source={`${source} 월 합계는 제공처가 발표한 값, 일평균은 개수 서비스를 그 달 일수로 나눈 값입니다(지수 서비스는 그대로).`}
      filename={`trend-${basis}-${service ?? "all"}-${file}`}
    >
      <TrendControls services={order} />
      <TrendChartLazy view={view} />
    </ChartFrame>
  );
}
