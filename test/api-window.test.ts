import { describe, expect, it } from "vitest";
import { GET as meta } from "@/app/api/meta/route";
import { GET as plan } from "@/app/api/plan/route";
import { GET as priority } from "@/app/api/segments/priority/route";
import { GET as profile } from "@/app/api/segments/profile/route";
import { GET as trend } from "@/app/api/segments/trend/route";
import { GET as seasonality } from "@/app/api/seasonality/route";

/** The analysis window over the bundled data (data/seoul): 2022-01…2023-09, default 2023-01…09. */
const req = (path: string) => new Request(`http://localhost${path}`);
async function body(res: Response | Promise<Response>) {
  const r = await res;
  return { status: r.status, json: await r.json() };
}
const seg = "district=gangnam-gu&sex=F&age=30";
const ALL = [
  ...Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`),
  ...Array.from({ length: 9 }, (_, i) => `2023-0${i + 1}`),
];

describe("the analysis window (from, to)", () => {
  it("/api/meta lists every month, the default window, the measures and the doubtful months", async () => {
    const { json } = await body(meta(req("/api/meta")));
    expect(json.months).toEqual(ALL);
    expect(json.defaultWindow).toEqual({ from: "2023-01", to: "2023-09" });
    expect(json.dataset.months).toEqual(ALL.slice(12));
    expect(json.measures).toHaveLength(25);
    expect(json.measures.find((m: { id: string }) => m.id === "sns_count")).toEqual({
      id: "sns_count",
      name_ko: "SNS 사용횟수",
      kind: "index",
      unit_ko: "표준화 지수",
      months: ALL.slice(0, 12),
      grains: ["dong", "district"],
    });
    expect(json.measures.find((m: { id: string }) => m.id === "finance").months).toEqual(ALL);
    expect(json.qualityNotes).toEqual([
      { month: "2022-10", measures: ["game", "finance", "shopping", "video", "delivery"], ratio: expect.any(Number) },
    ]);
  });

  it("left out, or given as the default, answers exactly as before", async () => {
    const plain = await body(priority(req(`/api/segments/priority?${seg}`)));
    const explicit = await body(priority(req(`/api/segments/priority?${seg}&from=2023-01&to=2023-09`)));
    expect(explicit.json).toEqual(plain.json);
    expect(plain.json.monthly).toHaveLength(9);
  });

  it("/api/segments/trend returns the window's months: 21 for the whole span", async () => {
    const { status, json } = await body(trend(req(`/api/segments/trend?${seg}&from=2022-01&to=2023-09`)));
    expect(status).toBe(200);
    expect(json.months).toEqual(ALL);
    const only2022 = await body(seasonality(req("/api/seasonality?from=2022-01&to=2022-12")));
    expect(only2022.json.months).toEqual(ALL.slice(0, 12));
  });

  it("a window the data does not cover, or from after to, is a 400 naming from/to and the months that have it", async () => {
    const before = await body(trend(req(`/api/segments/trend?${seg}&from=2021-01&to=2021-12`)));
    expect(before.status).toBe(400);
    expect(before.json).toMatchObject({ error: "bad_request", parameter: "from", allowed: ALL });
    expect(before.json.message).toMatch(
      /^invalid window from=2021-01 to=2021-12: .*; months that have them: 2022-01, /,
    );
    const reversed = await body(priority(req(`/api/segments/priority?${seg}&from=2023-05&to=2023-02`)));
    expect(reversed).toMatchObject({
      status: 400,
      json: { parameter: "from", message: expect.stringContaining("from is after to") },
    });
    const bad = await body(priority(req(`/api/segments/priority?${seg}&to=2023-13`)));
    expect(bad).toMatchObject({ status: 400, json: { parameter: "to" } });
    const planBefore = await body(
      plan(req("/api/plan?service=finance&budget=50000000&cpm=5000&from=2021-01&to=2021-02")),
    );
    expect(planBefore).toMatchObject({ status: 400, json: { parameter: "from" } });
  });

  it("a plan's months are the window's", async () => {
    const { status, json } = await body(
      plan(req("/api/plan?service=finance&budget=50000000&cpm=5000&from=2022-01&to=2022-12")),
    );
    expect(status).toBe(200);
    expect(json.byMonth.map((m: { month: string }) => m.month)).toEqual(ALL.slice(0, 12));
  });

  it("/api/segments/profile: every measure the window has with z, and 관심집단 shares", async () => {
    const { status, json } = await body(profile(req(`/api/segments/profile?${seg}&from=2022-01&to=2022-12`)));
    expect(status).toBe(200);
    expect(json.window).toEqual({ from: "2022-01", to: "2022-12", months: ALL.slice(0, 12) });
    expect(json.segment.district.slug).toBe("gangnam-gu");
    expect(json.measures).toHaveLength(25);
    expect(json.groups.map((g: { group: string }) => g.group)).toEqual([
      "low_communication",
      "weekday_homebound",
      "holiday_homebound",
      "long_commute_work",
      "very_homebound",
      "very_outgoing",
      "heavy_video",
      "heavy_life_services",
      "isolated",
    ]);
    for (const g of json.groups) expect(g.share).toBeGreaterThan(0);
    const dflt = await body(profile(req(`/api/segments/profile?${seg}`)));
    expect(dflt.json.measures.map((m: { measure: string }) => m.measure)).toEqual([
      "game",
      "finance",
      "shopping",
      "video",
      "youtube",
      "netflix",
      "delivery",
    ]);
    expect(dflt.json.groups.find((g: { group: string }) => g.group === "financial_concern").months).toEqual(
      ALL.slice(12, 18),
    );
  });
});
