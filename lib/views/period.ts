import { GROUP_BY_ID, MEASURE_BY_ID } from "@/lib/dataset/measures";
import type { QualityNote } from "@/lib/dataset/quality";
import { QUALITY_RULE } from "@/lib/dataset/quality";
import type { AnalysisWindow } from "@/lib/dataset/types";
import { monthLabel, serviceName } from "@/lib/format";
import type { ProfileGroup, ProfileMeasure } from "@/lib/engine/profile";
import type { SameMonthPair, TrendVerdict } from "@/lib/engine/time";
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
  const presets: PeriodPreset[] = [
    { id: "default", label: `${windowLabel(defaultWindow)} (기본)`, window: defaultWindow },
  ];
  const same = (w: AnalysisWindow) => presets.some((p) => p.window.from === w.from && p.window.to === w.to);
  for (const year of [...new Set(months.map((m) => m.slice(0, 4)))]) {
    const w = { from: `${year}-01`, to: `${year}-12` };
    if (months.filter((m) => m.startsWith(year)).length === 12 && !same(w))
      presets.push({ id: year, label: `${year}년`, window: w, ...w });
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
export function markedMonthLabel(
  month: string,
  notes: readonly QualityNote[],
  label: (m: string) => string = monthLabel,
): string {
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
      const span =
        m.months.length === windowMonths
          ? `${m.months.length}개월`
          : `${windowLabel({ from: m.months[0]!, to: m.months.at(-1)! })} (${m.months.length}개월)`;
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

/** 은/는 after a Korean word (by its last syllable's final consonant); 는 after anything else. */
export function topicParticle(word: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0 ? "은" : "는";
}

/** "금융은 21개월 동안 꾸준히 늘었습니다 (직선 추세로 +42%)" — the trend rule's verdict in words. */
export function trendSentence(name: string, monthCount: number, verdict: TrendVerdict | null): string | null {
  if (!verdict) return null;
  const subject = `${name}${topicParticle(name)} ${monthCount}개월 동안`;
  if (verdict.kind === "flat") return `${subject} 뚜렷한 추세 없이 오르내렸습니다`;
  const pct = Math.round(Math.abs(verdict.change) * 100);
  return `${subject} 꾸준히 ${verdict.kind === "up" ? "늘었습니다" : "줄었습니다"} (직선 추세로 ${verdict.kind === "up" ? "+" : "−"}${pct}%)`;
}

/** "2월은 두 해 모두 가장 낮은 달입니다" — a season that holds in both years, in words. */
export function seasonSentence(name: string, season: { high?: number; low?: number }): string | null {
  const parts = [
    season.high ? `${season.high}월이 가장 높고` : null,
    season.low ? `${season.low}월이 가장 낮습니다` : null,
  ].filter(Boolean);
  if (!parts.length) return null;
  const text = parts.join(" ").replace(/높고$/, "높습니다");
  return `${name}: 두 해 모두 ${text} (계절)`;
}

/** Same calendar month, two years: the segment's value and Seoul's level side by side. */
export function sameMonthTable(
  rows: readonly { name: string; segment: readonly SameMonthPair[]; seoul: readonly SameMonthPair[] }[],
): TableData {
  const first = rows[0]?.segment[0];
  const [y1, y2] = first
    ? [`${first.first.month.slice(0, 4)}년`, `${first.second.month.slice(0, 4)}년`]
    : ["앞 해", "뒤 해"];
  const pct = (p: SameMonthPair) =>
    p.first.value > 0 && p.second.value > 0
      ? `${p.second.value >= p.first.value ? "+" : "−"}${Math.abs(Math.round((p.second.value / p.first.value - 1) * 100))}%`
      : "–";
  return {
    columns: [
      { label: "서비스", kind: "text" },
      { label: "월", kind: "text" },
      { label: `이 고객층 ${y1}`, kind: "usage" },
      { label: `이 고객층 ${y2}`, kind: "usage" },
      { label: "변화", kind: "text" },
      { label: `서울 ${y1}`, kind: "usage" },
      { label: `서울 ${y2}`, kind: "usage" },
      { label: "서울 변화", kind: "text" },
    ],
    rows: rows.flatMap((r) =>
      r.segment.map((p, i) => {
        const s = r.seoul[i]!;
        return [
          r.name,
          `${p.calendarMonth}월`,
          p.first.value,
          p.second.value,
          pct(p),
          s.first.value,
          s.second.value,
          pct(s),
        ];
      }),
    ),
  };
}
