import { describe, expect, it } from "vitest";
import { DISTRICTS, findDistrict } from "@/lib/districts";
import type { DistrictEffect, Target } from "@/lib/engine";
import {
  mapGroup,
  segmentHref,
  serviceMap,
  serviceTitle,
  sexUsingMore,
  targetRows,
  targetsTable,
  usageLabel,
  zBarPercents,
} from "./service";

const gangbuk = findDistrict("gangbuk-gu")!;

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
  relatedAdjusted: [
    { service: "shopping", r: 0.41 },
    { service: "game", r: 0.12 },
    { service: "finance", r: -0.05 },
    { service: "video", r: -0.3 },
    { service: "netflix", r: -0.5 },
    { service: "youtube", r: null },
  ],
  alsoUses: [
    { service: "game", z: 1.5 },
    { service: "video", z: 0.7 },
    { service: "youtube", z: -0.2 },
  ],
};

describe("the map's group", () => {
  it("is the top target's when the link names neither sex nor age", () => {
    expect(mapGroup({}, target)).toEqual({ sex: "M", age: 30, fromTopTarget: true });
  });
  it("takes each part the link gives, and the rest from the top target", () => {
    expect(mapGroup({ sex: "T" }, target)).toEqual({ sex: "T", age: 30, fromTopTarget: false });
    expect(mapGroup({ age: 60 }, target)).toEqual({ sex: "M", age: 60, fromTopTarget: false });
    expect(mapGroup({ sex: "F", age: 20 }, undefined)).toEqual({ sex: "F", age: 20, fromTopTarget: false });
  });
});

describe("segment links", () => {
  it("write only what differs from the segment page's defaults (강남구, 여성, 20대)", () => {
    expect(segmentHref(findDistrict("11680")!, "F", 20)).toBe("/segment");
    expect(segmentHref(findDistrict("11440")!, "M", 30)).toBe("/segment?district=mapo-gu&sex=M&age=30");
  });
  it("for 전체, open the sex using the service more in that district (ties: 여성)", () => {
    const row = (i: number, usage: number): DistrictEffect => ({
      district: DISTRICTS[i]!,
      usage,
      districtZ: 0,
      index: 100,
      population: 1,
      rank: 1,
    });
    const pick = sexUsingMore([row(0, 2), row(1, 5), row(2, 3)], [row(0, 3), row(1, 4), row(2, 3)]);
    expect([...pick]).toEqual([
      ["11110", "M"],
      ["11140", "F"],
      ["11170", "F"],
    ]);
  });
});

describe("the service map", () => {
  const effect: DistrictEffect[] = [
    { district: DISTRICTS[22]!, usage: 33, districtZ: 1.4, index: 110, population: 100, rank: 1 },
    { district: DISTRICTS[13]!, usage: 27, districtZ: -1.4, index: 90, population: 80, rank: 2 },
  ];
  it("links each district to its segment in the shown group, colours it by index and names the group", () => {
    const map = serviceMap("delivery", { sex: "F", age: 30 }, effect, () => "M");
    expect(map.label).toBe("자치구별 배달 이용 — 30대 여성");
    expect(map.districts.map((d) => [d.name, d.valueText, d.href])).toEqual([
      ["강남구", "110.00", "/segment?age=30"],
      ["마포구", "90.00", "/segment?district=mapo-gu&age=30"],
    ]);
    // Farthest from 100 is 10 → step 2.5, 90 … 110.
    expect(map.legend.map((l) => l.label)).toEqual([
      "90.0–92.5",
      "92.5–95.0",
      "95.0–97.5",
      "97.5–100.0",
      "100.0–102.5",
      "102.5–105.0",
      "105.0–107.5",
      "107.5–110.0",
    ]);
    expect(map.districts[0]!.fill).toBe("#d73027");
  });
  it("for 전체 uses the chosen sex per district", () => {
    const map = serviceMap("delivery", { sex: "T", age: 30 }, effect, (code) => (code === "11680" ? "M" : "F"));
    expect(map.districts.map((d) => d.href)).toEqual(["/segment?sex=M&age=30", "/segment?district=mapo-gu&age=30"]);
  });
});

describe("the targets table", () => {
  it("titles the page by the service", () => {
    expect(serviceTitle("delivery")).toBe("배달 서비스 타겟 고객");
    expect(usageLabel("netflix")).toBe("평균 넷플릭스 이용 (표준화 지수)");
  });
  it("rows link to the segment and show also-uses z and season-adjusted r by default", () => {
    const [row] = targetRows([target], "adjusted");
    expect(row).toMatchObject({
      rank: 1,
      label: "강북구 30대 남성",
      href: "/segment?district=gangbuk-gu&sex=M&age=30",
      zText: "+1.98",
      zBar: 100,
      population: "25,162",
      usage: "21.2",
    });
    expect(row!.alsoUses.map((c) => [c.name, c.text, c.tone])).toEqual([
      ["게임", "+1.50", "pos"],
      ["동영상/방송", "+0.70", "pos"],
      ["유튜브", "−0.20", "neg"],
    ]);
    expect(row!.related.map((c) => [c.service, c.text])).toEqual([
      ["shopping", "+0.41"],
      ["game", "+0.12"],
      ["finance", "−0.05"],
      ["video", "−0.30"],
      ["netflix", "−0.50"],
      ["youtube", "–"],
    ]);
    expect(targetRows([target], "raw")[0]!.related[0]).toMatchObject({ service: "game", value: 0.94 });
  });
  it("tables one row per target: also-uses and related pairs, labelled by the r method", () => {
    const t = targetsTable("delivery", [target], "adjusted");
    expect(t.columns).toHaveLength(7 + 3 * 2 + 6 * 2);
    expect(t.columns[6]).toEqual({ label: "평균 배달 이용 (제공처 단위)", kind: "usage" });
    expect(t.columns[7]).toEqual({ label: "많이 쓰는 서비스 1", kind: "text" });
    expect(t.columns[13]).toEqual({ label: "함께 움직이는 서비스 1", kind: "text" });
    expect(t.columns[14]).toEqual({ label: "계절 보정 r 1", kind: "signed" });
    expect(t.rows[0]).toEqual([
      1,
      "강북구",
      "남성",
      "30대",
      1.98,
      25162,
      21.2,
      "게임",
      1.5,
      "동영상/방송",
      0.7,
      "유튜브",
      -0.2,
      "쇼핑",
      0.41,
      "게임",
      0.12,
      "금융",
      -0.05,
      "동영상/방송",
      -0.3,
      "넷플릭스",
      -0.5,
      "유튜브",
      null,
    ]);
    const raw = targetsTable("delivery", [target], "raw");
    expect(raw.columns[14]!.label).toBe("원자료 r (2023년 방식) 1");
    expect(raw.rows[0]!.slice(13, 15)).toEqual(["게임", 0.94]);
  });
  it("sizes z bars against the widest |z| on screen", () => {
    expect(zBarPercents([2, -1, null, 0.5])).toEqual([100, 50, 0, 25]);
    expect(zBarPercents([null, null])).toEqual([0, 0]);
  });
});
