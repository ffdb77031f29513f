import { describe, expect, it } from "vitest";
import { findDistrict } from "@/lib/districts";
import type { Age, Sex } from "@/lib/domain";
import type { Dong } from "@/lib/dongs";
import * as v from "@/lib/params/values";
import {
  audienceTable,
  compareLink,
  dongAudienceViewRows,
  planLink,
  sortAudienceRows,
  toggledPicks,
  type DongAudienceSource,
} from "./audience";

/** The /audience table at the 행정동 grain: rows, the place column, its sort and the links the picks go on by. */
const jongno = findDistrict("jongno-gu")!,
  gangnam = findDistrict("gangnam-gu")!;
const sajik: Dong = { code: "1101053", name_ko: "사직동", districtCode: "11110" };
const samcheong: Dong = { code: "1101054", name_ko: "삼청동", districtCode: "11110" };
const yeoksam: Dong = { code: "1123064", name_ko: "역삼1동", districtCode: "11680" };
const row = (
  dong: Dong,
  sex: Sex,
  age: Age,
  population: number,
  z: number | null,
  dongZ: number | null,
  index: number | null,
): DongAudienceSource => ({
  segment: { dong, district: dong.districtCode === "11110" ? jongno : gangnam, sex, age },
  population,
  usage: 30,
  z,
  dongZ,
  index,
  score: Math.round(population * Math.max(z ?? 0, 0)),
});
const rows = [
  row(yeoksam, "F", 30, 900, 0.5, 1, 120),
  row(sajik, "M", 20, 300, 1, -1, 80),
  row(samcheong, "F", 20, 500, null, null, null),
];
const any = (id: string) => {
  const r = v.anySegment.parse(id);
  if (!r.ok) throw new Error(id);
  return r.value;
};

describe("the /audience table at the 행정동 grain", () => {
  it("labels a row by 구 동 and shows the 행정동 effect: index for count services, dongZ for index services", () => {
    const delivery = dongAudienceViewRows(rows, "delivery");
    expect(delivery[0]).toMatchObject({
      id: "1123064.F.30",
      label: "강남구 역삼1동 30대 여성",
      effect: 120,
      score: 450,
    });
    expect(dongAudienceViewRows(rows, "netflix").map((r) => r.effect)).toEqual([1, -1, null]);
    const table = audienceTable(delivery, "delivery", "dong");
    expect(table.columns[0]!.label).toBe("행정동");
    expect(table.columns[6]!.label).toBe("행정동 효과 (지수, 100 = 구 안 행정동 평균)");
    expect(table.rows[0]!.slice(0, 4)).toEqual(["강남구 역삼1동", "여성", "30대", 900]);
  });
  it("sorts the place column by 구 동 in 가나다 order, ties in code order", () => {
    const shown = sortAudienceRows(dongAudienceViewRows(rows, "delivery"), "district-asc");
    expect(shown.map((r) => r.id)).toEqual(["1123064.F.30", "1101053.M.20", "1101054.F.20"]);
    expect(sortAudienceRows(dongAudienceViewRows(rows, "delivery"), "z-desc").map((r) => r.id)).toEqual([
      "1101053.M.20",
      "1123064.F.30",
      "1101054.F.20",
    ]);
  });
  it("ticks 행정동 segments and sends them on to /compare, never mixed with district segments", () => {
    const picks = toggledPicks(toggledPicks([], "1101053.M.20", true), "1123064.F.30", true);
    expect(picks).toEqual([any("1101053.M.20"), any("1123064.F.30")]);
    expect(compareLink("game", picks)).toEqual({ href: "/compare?segments=1101053.M.20%2C1123064.F.30&service=game" });
    expect(compareLink("game", [...picks, any("gangnam-gu.F.20")])).toEqual({
      reason: "자치구 고객층과 행정동 고객층은 함께 비교하지 않습니다",
    });
    expect(toggledPicks(picks, "1101053.M.20", false)).toEqual([any("1123064.F.30")]);
    expect(planLink("game", picks, "dong")).toEqual({
      href: "/plan?service=game&segments=1101053.M.20%2C1123064.F.30",
    });
    // No pick: the default plan is the top district segments, so at the 행정동 grain the link waits for one.
    expect(planLink("game", [], "dong")).toEqual({ reason: "행정동 고객층을 1개 이상 고르세요" });
    expect(planLink("game", [...picks, any("gangnam-gu.F.20")], "dong")).toEqual({
      reason: "자치구 고객층과 행정동 고객층은 한 계획에 섞지 않습니다",
    });
    expect(v.grain.parse("행정동")).toEqual({ ok: true, value: "dong" });
    expect(v.grain.parse("gu").ok).toBe(false);
  });
});
