import { describe, expect, it } from "vitest";
import { flagMonths, nextMonth } from "./quality";

// Five count services over five months; 2022-10 jumps by 30 % for four of them, the fifth moves 5 %.
const months = ["2022-08", "2022-09", "2022-10", "2022-11", "2022-12"];
const flat = [100, 100, 130, 104, 104];

describe("flagMonths (the data-quality rule)", () => {
  it("flags a month that 4 of 5 count services leave by > 15 % the same way while its neighbours agree within 10 %", () => {
    const notes = flagMonths(months, {
      game: flat,
      finance: flat,
      shopping: flat,
      video: flat,
      delivery: [10, 10, 10.5, 10, 10],
    });
    // 130 ÷ mean(100, 104) = 130 / 102
    expect(notes).toEqual([{ month: "2022-10", measures: ["game", "finance", "shopping", "video"], ratio: 130 / 102 }]);
  });

  it("does not flag three services, mixed directions, or neighbours that differ by 10 % or more", () => {
    const low = [100, 100, 70, 100, 100];
    expect(flagMonths(months, { game: flat, finance: flat, shopping: flat, video: low, delivery: low })).toEqual([]);
    const apart = [100, 95, 130, 105, 105]; // neighbours 95 and 105: 10 % of their mean 100
    expect(flagMonths(months, { game: apart, finance: apart, shopping: apart, video: apart, delivery: apart })).toEqual(
      [],
    );
    const drop = [100, 100, 80, 100, 100];
    expect(flagMonths(months, { game: drop, finance: drop, shopping: drop, video: drop, delivery: flat })).toEqual([
      { month: "2022-10", measures: ["game", "finance", "shopping", "video"], ratio: 0.8 },
    ]);
  });

  it("judges only months whose calendar neighbours are both in the data", () => {
    const gap = ["2022-08", "2022-10", "2022-11"];
    const s = [100, 130, 100];
    expect(flagMonths(gap, { game: s, finance: s, shopping: s, video: s, delivery: s })).toEqual([]);
    expect(nextMonth("2022-12")).toBe("2023-01");
  });
});
