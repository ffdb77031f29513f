import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataDir } from "@/lib/dataset/load";
import { DongIndex } from "@/lib/dongs";
import { DongData } from "@/lib/engine/dong-engine";
import { Engines } from "@/lib/engine/windows";
import { writeFixtureDir } from "@/test/fixtures/dataset-v2";
import { pageDataOf, pageRequest } from "./page-url";

// The v2 fixture: months 2022-12 (행정동 rows), 2023-01 and 2023-02; default window 2023-01…2023-02.
const dir = writeFixtureDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engines = new Engines(loadDataDir(dir));
const data = pageDataOf(engines, new DongIndex(engines.data.dongs));
const page = (path: string, q: string) => pageRequest(path, new URLSearchParams(q), data);

describe("pageRequest", () => {
  it("gives one canonical URL for every spelling of a view", () => {
    const spellings = [
      "district=강남구&sex=f&age=30",
      "age=30&sex=F&district=gangnam-gu&utm_source=x",
      "district=11680&age=30대&sex=F",
    ];
    for (const q of spellings)
      expect(page("/segment", q)).toEqual({ path: "/segment", url: "/segment?age=30", status: 200 });
    expect(page("/segment", "district=gangnam-gu&sex=F&age=20")?.url).toBe("/segment");
  });
  it("keeps an invalid link's own values, without tracking tags, and answers 400", () => {
    expect(page("/segment", "utm=1&sex=X&district=mapo-gu")).toEqual({
      path: "/segment",
      url: "/segment?district=mapo-gu&sex=X",
      status: 400,
    });
  });
  it("knows only the app's pages", () => {
    expect(page("/nope", "")).toBeUndefined();
    expect(page("/", "x=1")).toEqual({ path: "/", url: "/", status: 200 });
  });

  it("answers 400 for a window the data cannot answer, as the API does (Engines.check)", () => {
    expect(page("/segment", "from=2021-01&to=2021-06")).toEqual({
      path: "/segment",
      url: "/segment?from=2021-01&to=2021-06",
      status: 400,
    });
    expect(page("/insights", "from=2023-02&to=2022-12")).toMatchObject({ status: 400 });
    expect(page("/plan", "to=2021-06")).toMatchObject({ status: 400 });
    for (const path of ["/segment", "/insights", "/service", "/audience", "/compare", "/plan"])
      expect(page(path, "from=2030-01")?.status).toBe(400);
    // A window the data has: canonical, with from/to kept.
    expect(page("/segment", "to=2023-02&from=2022-12")).toEqual({
      path: "/segment",
      url: "/segment?from=2022-12&to=2023-02",
      status: 200,
    });
  });
  it("leaves /dong and /dongs at 200 for such a window: they show the months with 행정동 figures instead", () => {
    expect(page("/dongs", "from=2021-01&to=2021-06")).toEqual({
      path: "/dongs",
      url: "/dongs?from=2021-01&to=2021-06",
      status: 200,
    });
    expect(page("/dong", "from=2021-01&to=2021-06")?.status).toBe(200);
  });

  it("/plan's months are its window's: the window's own months are the default, a month outside it is invalid", () => {
    expect(page("/plan", "months=2023-01,2023-02")).toEqual({ path: "/plan", url: "/plan", status: 200 });
    expect(page("/plan", "months=2023-02")?.url).toBe("/plan?months=2023-02");
    expect(page("/plan", "from=2022-12&months=2022-12,2023-01,2023-02")?.url).toBe("/plan?from=2022-12");
    expect(page("/plan", "months=2022-12")).toMatchObject({ status: 400 });
    expect(page("/plan", "from=2022-12&to=2022-12&months=2022-12")).toEqual({
      path: "/plan",
      url: "/plan?from=2022-12&to=2022-12",
      status: 200,
    });
  });

  it("a /plan of 행정동 segments has the months with 행정동 figures of the service (2022-12 here), as the page plans them", () => {
    const withDongs = pageDataOf(engines, new DongIndex(engines.data.dongs), () => new DongData(engines.data));
    const plan = (q: string) => pageRequest("/plan", new URLSearchParams(q), withDongs);
    // 종로구's first fixture 행정동 (statistics code 11010 + 51); the default window 2023-01…02 has no 행정동 figures.
    expect(plan("segments=1101051.F.20&months=2022-12")).toEqual({
      path: "/plan",
      url: "/plan?segments=1101051.F.20",
      status: 200,
    });
    expect(plan("segments=1101051.F.20&months=2023-01")).toMatchObject({ status: 400 });
    // A district plan (or a list whose 행정동 the dataset lacks) keeps the window's months.
    expect(plan("segments=jongno-gu.F.20,1101051.F.20&months=2022-12")).toMatchObject({ status: 400 });
    expect(plan("segments=9999999.F.20&months=2023-01")).toMatchObject({ status: 200 });
  });
});
