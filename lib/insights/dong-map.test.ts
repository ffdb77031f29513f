import { describe, expect, it } from "vitest";
import type { DongEffect } from "@/lib/engine/dong-effect";
import { dongEffectChoropleth, dongEffectTable, windowWords } from "./dong-map";

const row = (code: string, name: string, usage: number, dongZ: number, index: number, rank: number): DongEffect => ({
  dong: { code, name_ko: name, districtCode: "11560" },
  usage,
  dongZ,
  index,
  population: 1000,
  rank,
});
const effect = [row("1119054", "여의동", 30, 1, 120, 1), row("1119055", "당산1동", 20, -1, 80, 2)];

describe("행정동 effect map", () => {
  it("colours count services by index around the mean of the 행정동 compared", () => {
    const map = dongEffectChoropleth("delivery", "영등포구 행정동", effect, (c) => `/dong?dong=${c}`);
    expect(map.legendTitle).toBe("배달 이용 지수 (2개 동 평균 = 100)");
    expect(map.districts.map((d) => [d.code, d.valueText, d.href])).toEqual([
      ["1119054", "120.00", "/dong?dong=1119054"],
      ["1119055", "80.00", "/dong?dong=1119055"],
    ]);
    expect(map.districts[0]!.description).toMatch(/^여의동 배달 이용 지수 120\.00, 구간 .+, 1위$/);
  });
  it("colours index services by z and tables every figure", () => {
    expect(dongEffectChoropleth("youtube", "x", effect).districts[1]!.valueText).toBe("−1.00");
    expect(dongEffectTable("delivery", effect).rows[0]).toEqual([1, "여의동", "1119054", "영등포구", 30, 1, 120, 1000]);
    expect(dongEffectTable("youtube", effect).columns.map((c) => c.label)).not.toContain("이용 지수 (평균 = 100)");
  });
  it("states the window", () => {
    expect(windowWords(["2022-01", "2022-02"])).toBe("2022년 1월–2022년 2월, 2개월");
  });
});
