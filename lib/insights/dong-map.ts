import { unitKind, type ServiceId } from "@/lib/domain";
import { districtOfDong } from "@/lib/dongs";
import type { DongEffect } from "@/lib/engine/dong-effect";
import { monthLabel, serviceName } from "@/lib/format";
import type { TableData } from "@/lib/table";
import { effectMap, type Choropleth } from "./choropleth";

/**
 * How a service's 행정동 effect is shown, as for districts (lib/insights/choropleth effectMeasure): an
 * index around the mean of the 행정동 compared (= 100) for count services, z for the standardized indices.
 */
export function dongEffectMeasure(
  service: ServiceId,
  count: number,
): { kind: "index" | "z"; words: string; legendTitle: string } {
  const name = serviceName(service);
  return unitKind(service) === "count"
    ? { kind: "index", words: `${name} 이용 지수`, legendTitle: `${name} 이용 지수 (${count}개 동 평균 = 100)` }
    : {
        kind: "z",
        words: `${name} 행정동 z`,
        legendTitle: `${name} 행정동 z (${count}개 동 평균 = 0, 단위: 표준편차)`,
      };
}

/** The 행정동 effect as a map's colours, words and legend; each 행정동 links where `hrefFor` says. */
export function dongEffectChoropleth(
  service: ServiceId,
  label: string,
  effect: readonly DongEffect[],
  hrefFor?: (code: string) => string,
): Choropleth {
  const m = dongEffectMeasure(service, effect.length);
  const rows = effect.map((d) => ({
    code: d.dong.code,
    name: d.dong.name_ko,
    value: m.kind === "index" ? d.index : d.dongZ,
    rank: d.rank,
    ...(hrefFor ? { href: hrefFor(d.dong.code) } : {}),
  }));
  return effectMap(label, m, rows);
}

/** The 행정동 effect as a table (and CSV): rank, 행정동, code, usage, z, index (counts), population. */
export function dongEffectTable(service: ServiceId, effect: readonly DongEffect[]): TableData {
  const count = unitKind(service) === "count";
  return {
    columns: [
      { label: "순위", kind: "int" },
      { label: "행정동", kind: "text" },
      { label: "행정동 코드", kind: "text" },
      { label: "자치구", kind: "text" },
      { label: `평균 ${serviceName(service)} 이용 (${count ? "제공처 단위" : "표준화 지수"})`, kind: "usage" },
      { label: "행정동 z", kind: "signed" },
      ...(count ? [{ label: "이용 지수 (평균 = 100)", kind: "decimal" as const }] : []),
      { label: "인구 (월평균)", kind: "int" },
    ],
    rows: effect.map((d) => [
      d.rank,
      d.dong.name_ko,
      d.dong.code,
      districtOfDong(d.dong).name_ko,
      d.usage,
      d.dongZ,
      ...(count ? [d.index] : []),
      d.population,
    ]),
  };
}

/** "2022년 1월–2022년 12월, 12개월": the window a 행정동 figure covers, for the note beside it. */
export function windowWords(months: readonly string[]): string {
  if (months.length === 0) return "해당 달 없음";
  return `${monthLabel(months[0]!)}–${monthLabel(months.at(-1)!)}, ${months.length}개월`;
}
