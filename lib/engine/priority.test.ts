import { describe, expect, it } from "vitest";
import { DISTRICTS, findDistrict } from "@/lib/districts";
import { FIXTURE_MONTHS, fixtureDataset } from "@/test/fixtures/dataset";
import { Engine } from "./engine";
import { standoutMonths } from "./priority";

const engine = new Engine(fixtureDataset());
const GANGDONG = DISTRICTS[24]!;
const JONGNO = DISTRICTS[0]!;
const SQRT52 = Math.sqrt(52);

describe("standoutMonths", () => {
  it("takes the 3 highest z, ties earlier month first, leaving out months with no z", () => {
    const months = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05"];
    expect(standoutMonths(months, [0.5, 1.2, null, 1.2, -0.3])).toEqual([
      { month: "2023-02", z: 1.2 },
      { month: "2023-04", z: 1.2 },
      { month: "2023-01", z: 0.5 },
    ]);
    expect(standoutMonths(months, [null, null, null, null, null])).toEqual([]);
  });

  it("uses the within-month z on the fixture: youtube F has no z in January, +1 in February and March", () => {
    const p = engine.priority({ district: JONGNO, sex: "F", age: 20 });
    // January: every segment −0.5; February F −0.4 vs M −0.6 (mean −0.5, SD 0.1) → +1; March likewise.
    expect(p.standoutMonths.find((s) => s.service === "youtube")!.months).toEqual(
      [
        { month: FIXTURE_MONTHS[1], z: 1 },
        { month: FIXTURE_MONTHS[2], z: 1 },
      ].map((m) => ({ ...m, z: expect.closeTo(m.z, 12) })),
    );
    // finance = d + m: the same z = (d − 12)/√52 every month, so all three tie in calendar order.
    const g = engine.priority({ district: GANGDONG, sex: "F", age: 20 });
    const finance = g.standoutMonths.find((s) => s.service === "finance")!.months;
    expect(finance.map((m) => m.month)).toEqual(FIXTURE_MONTHS);
    finance.forEach((m) => expect(m.z).toBeCloseTo(12 / SQRT52, 12));
  });

  it("covers all seven services in overall rank order, the same on either basis", () => {
    const key = { district: GANGDONG, sex: "M", age: 70 } as const;
    const p = engine.priority(key);
    expect(p.standoutMonths.map((s) => s.service)).toEqual(p.overall.map((s) => s.service));
    expect(engine.priority(key, "day").standoutMonths).toEqual(p.standoutMonths);
  });
});

describe("bestMonths on the day basis", () => {
  it("divides counts by the month's days: a constant game count is highest per day in February (29 days)", () => {
    const p = engine.priority({ district: GANGDONG, sex: "M", age: 70 }, "day");
    const game = p.bestMonths.find((b) => b.service === "game")!.months;
    // 3/31, 3/29, 3/31 → February, then January and March tied in calendar order
    expect(game.map((b) => b.month)).toEqual([FIXTURE_MONTHS[1], FIXTURE_MONTHS[0], FIXTURE_MONTHS[2]]);
    expect(game[0]!.value).toBeCloseTo(3 / 29, 14);
    // diff from the mean of 3/31, 3/29, 3/31 = (2/3)(3/29 − 3/31)
    expect(game[0]!.diff).toBeCloseTo(2 / 29 - 2 / 31, 14);
    expect(p.bestMonths).toHaveLength(7);
    expect(p.bestMonths.map((b) => b.service)).toEqual(p.overall.map((s) => s.service));
  });
  it("keeps indices as they are", () => {
    const key = { district: findDistrict("gangdong-gu")!, sex: "M", age: 70 } as const;
    const youtube = (basis: "month" | "day") =>
      engine.priority(key, basis).bestMonths.find((b) => b.service === "youtube");
    expect(youtube("day")).toEqual(youtube("month"));
  });
  it("changes only bestMonths", () => {
    const key = { district: GANGDONG, sex: "F", age: 30 } as const;
    const { bestMonths: a, ...month } = engine.priority(key, "month");
    const { bestMonths: b, ...day } = engine.priority(key, "day");
    expect(day).toEqual(month);
    expect(b).not.toEqual(a);
  });
});

describe("trend on the day basis", () => {
  it("divides each count month by its days (February 2024: 29) and leaves indices", () => {
    const t = engine.trend({ district: JONGNO, sex: "M", age: 30 }, "day");
    const values = (s: string) => t.series.find((x) => x.service === s)!.values;
    expect(values("game")).toEqual([3 / 31, 3 / 29, 3 / 31]);
    expect(values("finance")).toEqual([0 / 31, 1 / 29, 2 / 31]); // d + m with d = 0
    expect(values("youtube").map((v) => +v.toFixed(12))).toEqual([-0.5, -0.6, -0.7]);
    expect(values("netflix")).toEqual([-0.2, -0.2, -0.2]);
  });
});

describe("compare", () => {
  it("gives each segment's overall ranking, standout months and trend on the basis, in the order asked", () => {
    const keys = [
      { district: JONGNO, sex: "M", age: 30 },
      { district: GANGDONG, sex: "F", age: 20 },
    ] as const;
    const c = engine.compare(keys, "day");
    expect(c.map((x) => [x.segment.district.code, x.segment.sex, x.segment.age])).toEqual([
      ["11110", "M", 30],
      ["11740", "F", 20],
    ]);
    expect(c[1]!.segment.population).toBe(25);
    expect(c[0]!.overall).toEqual(engine.priority(keys[0]).overall);
    expect(c[1]!.standoutMonths).toEqual(engine.priority(keys[1]).standoutMonths);
    expect(c[0]!.trend).toEqual(engine.trend(keys[0], "day"));
  });
});
