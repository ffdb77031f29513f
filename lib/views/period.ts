import { GROUP_BY_ID, MEASURE_BY_ID } from "@/lib/dataset/measures";
import type { QualityNote } from "@/lib/dataset/quality";
import { QUALITY_RULE } from "@/lib/dataset/quality";
import type { AnalysisWindow } from "@/lib/dataset/types";
import { monthLabel, serviceName } from "@/lib/format";
import type { ProfileGroup, ProfileMeasure } from "@/lib/engine/profile";
import type { TableData } from "@/lib/table";

/** One choice of the period control: a window, and the from/to a link writes (none for the default). */
export interface PeriodPreset {
  id: string;
  label: string;
  window: AnalysisWindow;
  /** The link's from/to: undefined for the default window, so a default link stays as it was. */
  from?: string;
  to?: string;
}

const monthNo = (m: string) => Number(m.slice(5));

/** "2023년 1–9월", "2022년 1월–2023년 9월". */
export function windowLabel(w: AnalysisWindow): string {
  if (w.from === w.to) return monthLabel(w.from);
  if (w.from.slice(0, 4) === w.to.slice(0, 4)) return `${w.from.slice(0, 4)}년 ${monthNo(w.from)}–${monthNo(w.to)}월`;
  return `${monthLabel(w.from)}–${monthLabel(w.to)}`;
}

/**
 * The control's presets: the default window, each calendar year the dataset holds whole (other than
 * the default), and every month. For the bundled data: 2023년 1–9월 (기본) · 2022년 · 전체 21개월.
 */
export function periodPresets(months: readonly string[], defaultWindow: AnalysisWindow): PeriodPreset[] {
  const presets: PeriodPreset[] = [{ id: "default", label: `${windowLabel(defaultWindow)} (기본)`, window: defaultWindow }];
  const same = (w: AnalysisWindow) => presets.some((p) => p.window.from === w.from && p.window.to === w.to);
  for (const year of [...new Set(months.map((m) => m.slice(0, 4)))]) {
    const w = { from: `${year}-01`, to: `${year}-12` };
    if (months.filter((m) => m.startsWith(year)).length === 12 && !same(w)) presets.push({ id: year, label: `${year}년`, window: w, ...w });
  }
  const all = { from: months[0]!, to: months.at(-1)! };
  if (!same(all)) presets.push({ id: "all", label: `전체 ${months.length}개월`, window: all, ...all });
  return presets;
}

/** The notes of the months inside the window. */
export function notesIn(notes: readonly QualityNote[], months: readonly string[]): QualityNote[] {
  return notes.filter((n) => months.includes(n.month));
}

/** "2022년 10월: 게임·금융·쇼핑·동영상/방송·배달이 앞뒤 달 평균보다 30% 높음" — the reason a month is marked. */
export function qualityNoteText(note: QualityNote): string {
  const pct = Math.round(Math.abs(note.ratio - 1) * 100);
  const names = note.measures.map(serviceName).join("·");
  return `${monthLabel(note.month)}: ${names}이(가) 앞뒤 달 평균보다 ${pct}% ${note.ratio > 1 ? "높음" : "낮음"}`;
}

/** The rule in one sentence, as /method states it. */
export const QUALITY_RULE_TEXT = `개수 서비스 5개 가운데 ${QUALITY_RULE.services}개 이상에서 그 달 서울 수준이 앞뒤 두 달 평균과 같은 방향으로 ${QUALITY_RULE.jump * 100}% 넘게 다르고, 앞뒤 두 달끼리는 ${QUALITY_RULE.calm * 100}% 안으로 비슷하면 의심스러운 달로 표시합니다(빼지 않고 표시만 합니다).`;

/** A month's label with the doubtful-month mark when the rule flags it. */
export function markedMonthLabel(month: string, notes: readonly QualityNote[], label: (m: string) => string = monthLabel): string {
  return notes.some((n) => n.month === month) ? `${label(month)} ⚠` : label(month);
}

/** The "생활 지표" table: every measure the window has, the segment's value in its unit and its z. */
export function profileTable(measures: readonly ProfileMeasure[], windowMonths: number): TableData {
  return {
    columns: [
      { label: "지표 (제공처 항목)", kind: "text" },
      { label: "값", kind: "usage" },
      { label: "단위", kind: "text" },
      { label: "z (서울 300개 고객층 대비)", kind: "signed" },
      { label: "기간", kind: "text" },
    ],
    rows: measures.map((m) => {
      const def = MEASURE_BY_ID.get(m.measure)!;
      const span = m.months.length === windowMonths ? `${m.months.length}개월` : `${windowLabel({ from: m.months[0]!, to: m.months.at(-1)! })} (${m.months.length}개월)`;
      return [`${def.label_ko} (${def.name_ko})`, m.value, def.unit_ko, m.z, span];
    }),
  };
}

/** The 관심집단 table: people (window mean of monthly sums) and their share of the segment. */
export function groupTable(groups: readonly ProfileGroup[]): TableData {
  return {
    columns: [
      { label: "관심집단", kind: "text" },
      { label: "인원 (월평균)", kind: "int" },
      { label: "고객층 인구 중 비율", kind: "text" },
      { label: "기간", kind: "text" },
    ],
    rows: groups.map((g) => [
      GROUP_BY_ID.get(g.group)!.name_ko,
      Math.round(g.count),
      `${(g.share * 100).toFixed(1)}%`,
      `${windowLabel({ from: g.months[0]!, to: g.months.at(-1)! })} (${g.months.length}개월)`,
    ]),
  };
}
