import { describe, expect, it } from "vitest";
import type { QualityNote } from "@/lib/dataset/quality";
import { flaggedLabel, monthlyRankTable } from "./segment";
import { monthAxisLabels } from "./trend";
import {
  groupTable,
  markedMonthLabel,
  periodPresets,
  profileTable,
  qualityNoteText,
  sameMonthTable,
  seasonSentence,
  trendSentence,
  windowLabel,
} from "./period";

const MONTHS = [
  ...Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`),
  ...Array.from({ length: 9 }, (_, i) => `2023-0${i + 1}`),
];

describe("period views", () => {
  it("offers the default window, each whole year and every month", () => {
    expect(periodPresets(MONTHS, { from: "2023-01", to: "2023-09" })).toEqual([
      { id: "default", label: "2023년 1–9월 (기본)", window: { from: "2023-01", to: "2023-09" } },
      { id: "2022", label: "2022년", window: { from: "2022-01", to: "2022-12" }, from: "2022-01", to: "2022-12" },
      { id: "all", label: "전체 21개월", window: { from: "2022-01", to: "2023-09" }, from: "2022-01", to: "2023-09" },
    ]);
    // A dataset of one partial year: the default is everything, so only it is offered.
    expect(periodPresets(["2024-01", "2024-02"], { from: "2024-01", to: "2024-02" }).map((p) => p.id)).toEqual([
      "default",
    ]);
    expect(windowLabel({ from: "2022-11", to: "2023-02" })).toBe("2022년 11월–2023년 2월");
  });

  it("states a doubtful month's reason and marks its label", () => {
    const note: QualityNote = {
      month: "2022-10",
      measures: ["game", "finance", "shopping", "video", "delivery"],
      ratio: 1.2987,
    };
    expect(qualityNoteText(note)).toBe("2022년 10월: 게임·금융·쇼핑·동영상/방송·배달이(가) 앞뒤 달 평균보다 30% 높음");
    expect(markedMonthLabel("2022-10", [note])).toBe("2022년 10월 ⚠");
    expect(markedMonthLabel("2022-11", [note])).toBe("2022년 11월");
  });

  it("lists a profile's measures with unit, z and the months each is averaged over", () => {
    const t = profileTable(
      [
        { measure: "finance", value: 80.5, z: 1.25, months: ["2023-01", "2023-02"] },
        { measure: "micropay_amount", value: 1500, z: null, months: ["2022-12"] },
      ],
      2,
    );
    expect(t.rows).toEqual([
      ["금융 (금융 서비스 사용일수)", 80.5, "제공처 단위", 1.25, "2개월"],
      ["소액결제 금액 (소액결재 사용금액 평균)", 1500, "원", null, "2022년 12월 (1개월)"],
    ]);
    expect(
      groupTable([{ group: "very_homebound", count: 6.4, share: 6 / 41, months: ["2022-12", "2023-01"] }]).rows,
    ).toEqual([["외출이 매우 적은 집단(전체)", 6, "14.6%", "2022년 12월–2023년 1월 (2개월)"]]);
  });

  it("says trend and season in words", () => {
    expect(trendSentence("금융", 21, { kind: "up", change: 0.4213, r2: 0.9 })).toBe(
      "금융은 21개월 동안 꾸준히 늘었습니다 (직선 추세로 +42%)",
    );
    expect(trendSentence("유튜브", 21, { kind: "down", change: -0.2, r2: 0.9 })).toBe(
      "유튜브는 21개월 동안 꾸준히 줄었습니다 (직선 추세로 −20%)",
    );
    expect(trendSentence("배달", 9, { kind: "flat", change: 0.02, r2: 0.1 })).toBe(
      "배달은 9개월 동안 뚜렷한 추세 없이 오르내렸습니다",
    );
    expect(trendSentence("배달", 3, null)).toBeNull();
    expect(seasonSentence("쇼핑", { high: 3, low: 2 })).toBe(
      "쇼핑: 두 해 모두 3월이 가장 높고 2월이 가장 낮습니다 (계절)",
    );
    expect(seasonSentence("쇼핑", { high: 3 })).toBe("쇼핑: 두 해 모두 3월이 가장 높습니다 (계절)");
    expect(seasonSentence("쇼핑", {})).toBeNull();
  });

  it("sets the same month of two years side by side, with the change", () => {
    const pair = (m: number, a: number, b: number) => ({
      calendarMonth: m,
      first: { month: `2022-0${m}`, value: a },
      second: { month: `2023-0${m}`, value: b },
    });
    const t = sameMonthTable([{ name: "금융", segment: [pair(1, 80, 100)], seoul: [pair(1, 73, 70)] }]);
    expect(t.columns.map((c) => c.label)).toEqual([
      "서비스",
      "월",
      "이 고객층 2022년",
      "이 고객층 2023년",
      "변화",
      "서울 2022년",
      "서울 2023년",
      "서울 변화",
    ]);
    expect(t.rows).toEqual([["금융", "1월", 80, 100, "+25%", 73, 70, "−4%"]]);
  });

  it("marks doubtful months wherever a month is named, with the year when the months span two", () => {
    const flagged = new Set(["2022-10"]);
    expect(monthAxisLabels(["2022-09", "2022-10", "2023-01"], flagged)).toEqual([
      "22년 9월",
      "22년 10월 ⚠",
      "23년 1월",
    ]);
    expect(flaggedLabel("2022-10", flagged)).toBe("2022년 10월 ⚠");
    expect(monthlyRankTable([{ month: "2022-10", ranking: [] }], flagged).rows).toEqual([["2022년 10월 ⚠"]]);
  });
});
