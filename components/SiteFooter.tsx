import { getEngines } from "@/lib/server/engine";
import { monthLabel } from "@/lib/format";

/** Attribution on every page, with the loaded dataset's kind and all its months (each page states its window). */
export function SiteFooter() {
  const { meta } = getEngines();
  const { months } = meta;
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          자료: {meta.attribution}. {meta.kind === "bundled" ? "내장 데이터" : "가져온 데이터"} ·{" "}
          {monthLabel(months[0]!)}–{monthLabel(months.at(-1)!)} ({months.length}개월)
        </p>
        <p>지도 경계: 통계청 센서스용 행정구역경계(2013)</p>
      </div>
    </footer>
  );
}
