import { GROUP_BY_ID, MEASURE_BY_ID } from "@/lib/dataset/measures";
import type { ProfileGroup } from "@/lib/engine/profile";
import { SEX_LABELS, type Age, type Sex } from "@/lib/domain";
import { dongLabel, type Dong } from "@/lib/dongs";
import type { ServiceScore, StandoutMonth } from "@/lib/engine";
import type { LookAlike } from "@/lib/engine/dong-similar";
import { describeZ, formatSigned, monthLabel, serviceName } from "@/lib/format";
import { dongPage } from "@/lib/params/pages";
import { hrefOf } from "@/lib/params/query";
import type { DongIndex } from "@/lib/dongs";
import type { TableData } from "@/lib/table";
import type { ServiceId } from "@/lib/domain";

/** The /dong page's view model: its title, links and tables, from the 행정동 engine's plain results. */

export function dongSegmentLabel(dong: Dong, sex: Sex, age: Age): string {
  return `${dongLabel(dong)} ${age}대 ${SEX_LABELS[sex]}`;
}

/** A 행정동 segment's page, keeping the analysis window the link was made in (if one was chosen). */
export function dongHref(
  index: DongIndex,
  dong: Dong,
  sex: Sex,
  age: Age,
  window: { from?: string; to?: string } = {},
): string {
  return hrefOf("/dong", dongPage(index), { dong, sex, age, from: window.from, to: window.to });
}

/** The number of 행정동 segments the z compares with, in words: "5,088개 행정동 고객층". */
export function segmentsWords(count: number): string {
  return `${count.toLocaleString("ko-KR")}개 행정동 고객층`;
}

export function dongPriorityTable(overall: readonly ServiceScore[], segments: number): TableData {
  return {
    columns: [
      { label: "순위", kind: "int" },
      { label: "서비스", kind: "text" },
      { label: `z (서울 ${segmentsWords(segments)} 대비)`, kind: "signed" },
      { label: "해석", kind: "text" },
    ],
    rows: overall.map((s) => [s.rank, serviceName(s.service), s.z, describeZ(s.z)]),
  };
}

/** The months each service stands out most (within-month z), in priority order, one line per service. */
export function standoutLines(standout: readonly { service: ServiceId; months: readonly StandoutMonth[] }[]): string[] {
  return standout.map(
    (s) =>
      `${serviceName(s.service)}: ${s.months.map((m) => `${monthLabel(m.month)} (${formatSigned(m.z)})`).join(", ") || "–"}`,
  );
}

export interface ProfileRow {
  measure: string;
  value: number | null;
  z: number | null;
  months: readonly string[];
}

/** The 생활 지표: each measure's reader label and unit, the window mean and its z. */
export function profileTable(rows: readonly ProfileRow[], segments: number): TableData {
  return {
    columns: [
      { label: "지표", kind: "text" },
      { label: "단위", kind: "text" },
      { label: "기간 평균", kind: "usage" },
      { label: `z (서울 ${segmentsWords(segments)} 대비)`, kind: "signed" },
      { label: "해석", kind: "text" },
    ],
    rows: rows.map((r) => {
      const def = MEASURE_BY_ID.get(r.measure);
      return [def?.label_ko ?? r.measure, def?.unit_ko ?? "", r.value, r.z, describeZ(r.z)];
    }),
  };
}

export function similarTable(similar: readonly LookAlike[], label: (d: Dong) => string): TableData {
  return {
    columns: [
      { label: "순위", kind: "int" },
      { label: "행정동", kind: "text" },
      { label: "행정동 코드", kind: "text" },
      { label: "거리 (표준편차, 작을수록 비슷)", kind: "decimal" },
    ],
    rows: similar.map((s) => [s.rank, label(s.dong), s.dong.code, s.distance]),
  };
}

/** The 관심집단: official name, the mean count, its share of the segment's population (%), the months. */
export function groupsTable(groups: readonly ProfileGroup[]): TableData {
  return {
    columns: [
      { label: "관심집단", kind: "text" },
      { label: "인원 (월평균, 명)", kind: "decimal" },
      { label: "고객층 인구 중 비율 (%)", kind: "decimal" },
      { label: "달 수", kind: "int" },
    ],
    rows: groups.map((g) => [
      GROUP_BY_ID.get(g.group)?.name_ko ?? g.group,
      g.count,
      Number.isFinite(g.share) ? 100 * g.share : null,
      g.months.length,
    ]),
  };
}
