import { describe, expect, it } from "vitest";
import { findDistrict } from "./districts";
import { districtRef } from "./districts";
import type { Target } from "./engine";
import { targetsTable, usageLabel, zBarPercents } from "./service-targets";

const gangbuk = districtRef(findDistrict("gangbuk-gu")!);

const target: Target = {
  district: gangbuk,
  sex: "M",
  age: 30,
  z: 1.98,
  population: 25162,
  usage: 21.2,
  related: [
    { service: "game", r: 0.94 },
    { service: "video", r: 0.82 },
    { service: "shopping", r: 0.76 },
    { service: "finance", r: 0.67 },
    { service: "netflix", r: -0.63 },
    { service: "youtube", r: null },
  ],
  relatedAdjusted: [],
  alsoUses: [],
};

describe("targetsTable", () => {
  it("puts one row per target with the six related services as service/r pairs in rank order", () => {
    const t = targetsTable("delivery", [target]);
    expect(t.columns).toHaveLength(7 + 12);
    expect(t.columns[6]!.label).toBe("평균 배달 이용 (제공처 단위)");
    expect(t.rows).toEqual([
      [1, "강북구", "남성", "30대", 1.98, 25162, 21.2, "게임", 0.94, "동영상/방송", 0.82, "쇼핑", 0.76, "금융", 0.67, "넷플릭스", -0.63, "유튜브", null],
    ]);
  });

  it("names the standardized indices as such", () => {
    expect(usageLabel("youtube")).toBe("평균 유튜브 이용 (표준화 지수)");
  });
});

describe("zBarPercents", () => {
  it("scales |z| to the widest row", () => {
    // max |z| = 2 → 2 is 100 %, 1 is 50 %, −0.5 is 25 %, null is 0.
    expect(zBarPercents([2, 1, -0.5, null])).toEqual([100, 50, 25, 0]);
  });
  it("draws nothing when every z is null or zero", () => {
    expect(zBarPercents([null, 0])).toEqual([0, 0]);
  });
});
