import { describe, expect, it } from "vitest";
import { groupsTable, profileTable, segmentsWords, standoutLines } from "./dong";

describe("/dong tables", () => {
  it("name the 관심집단 officially and give the share in percent", () => {
    expect(groupsTable([{ group: "isolated", count: 12, share: 0.04, months: ["2022-01", "2022-02"] }]).rows).toEqual([
      ["외출-커뮤니케이션이 모두 적은 집단(전체)", 12, 4, 2],
    ]);
  });
  it("label the 생활 지표 with the reader's words and unit", () => {
    const t = profileTable([{ measure: "commute_time", value: 56.5, z: 0.1, months: [] }], 5088);
    expect(t.columns[3]!.label).toBe("z (서울 5,088개 행정동 고객층 대비)");
    expect(t.rows).toEqual([["출근 소요시간", "분", 56.5, 0.1, "서울 평균 수준"]]);
    expect(segmentsWords(5088)).toBe("5,088개 행정동 고객층");
  });
  it("say each service's standout months with their z", () => {
    expect(
      standoutLines([
        {
          service: "game",
          months: [
            { month: "2022-03", z: 1.234 },
            { month: "2022-01", z: -0.5 },
          ],
        },
        { service: "netflix", months: [] },
      ]),
    ).toEqual(["게임: 2022년 3월 (+1.23), 2022년 1월 (−0.50)", "넷플릭스: –"]);
  });
});
