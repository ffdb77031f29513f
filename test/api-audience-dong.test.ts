import { describe, expect, it } from "vitest";
import { GET as compare } from "@/app/api/segments/compare/route";
import { GET as audience } from "@/app/api/services/[service]/audience/route";
import { GET as priority } from "@/app/api/dongs/[code]/priority/route";

/** /audience's 행정동 grain and 행정동 segments on /compare, over the bundled dataset (2022 행정동 rows). */
const req = (path: string) => new Request(`http://localhost${path}`);
async function body(res: Response | Promise<Response>) {
  const r = await res;
  return { status: r.status, json: await r.json() };
}
const audienceOf = (service: string, qs: string) =>
  body(audience(req(`/api/services/${service}/audience${qs}`), { params: Promise.resolve({ service }) }));
const compareOf = (qs: string) => body(compare(req(`/api/segments/compare${qs}`)));
const YEAR_2022 = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`);

describe("GET /api/services/{service}/audience?grain=dong", () => {
  it("lists the 5,088 행정동 segments over 2022 with z across them (mean 0, population SD 1)", async () => {
    const r = await audienceOf("delivery", "?grain=dong&limit=300");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      service: "delivery",
      grain: "dong",
      total: 5088,
      window: { from: "2022-01", to: "2022-12", months: YEAR_2022 },
    });
    const all = [];
    for (let offset = 0; offset < 5088; offset += 300)
      all.push(...(await audienceOf("delivery", `?grain=dong&limit=300&offset=${offset}`)).json.segments);
    expect(all).toHaveLength(5088);
    const z = all.map((s: { z: number }) => s.z);
    const mean = z.reduce((a: number, b: number) => a + b, 0) / z.length;
    expect(mean).toBeCloseTo(0, 9);
    expect(Math.sqrt(z.reduce((a: number, b: number) => a + (b - mean) ** 2, 0) / z.length)).toBeCloseTo(1, 9);
    // Sorted by z, highest first (values equal to 1e-9 count as ties, in code order).
    expect(z.every((x: number, i: number) => i === 0 || z[i - 1]! >= x - 1e-9)).toBe(true);
  });
  it("gives a segment the z of its 행정동 priority", async () => {
    const r = await audienceOf("game", "?grain=dong&district=영등포구&sex=F&age=30&limit=300");
    const yeouido = r.json.segments.find(
      (s: { segment: { dong: { code: string } } }) => s.segment.dong.code === "1119054",
    );
    expect(yeouido.segment).toMatchObject({ sex: "F", age: 30, district: { slug: "yeongdeungpo-gu" } });
    const p = await body(
      priority(req("/api/dongs/1119054/priority?sex=F&age=30"), { params: Promise.resolve({ code: "1119054" }) }),
    );
    expect(yeouido.z).toBe(p.json.overall.find((o: { service: string }) => o.service === "game").z);
    expect(
      r.json.segments.every(
        (s: { segment: { district: { slug: string }; sex: string; age: number } }) =>
          s.segment.district.slug === "yeongdeungpo-gu" && s.segment.sex === "F" && s.segment.age === 30,
      ),
    ).toBe(true);
  });
  it("leaves the district grain as it was", async () => {
    const before = await audienceOf("game", "?sort=score&limit=5");
    const given = await audienceOf("game", "?grain=district&sort=score&limit=5");
    expect(given.json).toEqual(before.json);
    expect(before.json.total).toBe(300);
  });
  it.each([
    ["grain", "?grain=gu", /allowed: district, dong/],
    ["sort", "?grain=dong&sort=districtZ", /allowed: z, score, population, dongZ/],
    ["sort", "?sort=dongZ", /allowed: z, score, population, districtZ/],
    ["offset", "?grain=dong&offset=10000", /from 0 to 9999/],
    ["district", "?grain=dong&district=atlantis", /district/],
    ["from", "?grain=dong&from=2023-01&to=2023-06", /행정동 figures/],
  ])("400s a bad %s, naming it", async (parameter, qs, message) => {
    const r = await audienceOf("game", qs);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: "bad_request", parameter });
    expect(r.json.message).toMatch(message);
    expect(r.json.allowed.length).toBeGreaterThan(0);
  });
});

describe("GET /api/segments/compare with 행정동 segments", () => {
  it("compares 행정동 segments over 2022: population, seven z and ranks, monthly values", async () => {
    const r = await compareOf("?segments=1119054.F.30,1123064.M.40");
    expect(r.status).toBe(200);
    expect(r.json.window.months).toEqual(YEAR_2022);
    expect(
      r.json.segments.map((s: { segment: { dong: { code: string }; district: { slug: string } } }) => [
        s.segment.dong.code,
        s.segment.district.slug,
      ]),
    ).toEqual([
      ["1119054", "yeongdeungpo-gu"],
      ["1123064", "gangnam-gu"],
    ]);
    const first = r.json.segments[0];
    expect(first.overall.map((o: { rank: number }) => o.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(first.trend.months).toEqual(YEAR_2022);
    const p = await body(
      priority(req("/api/dongs/1119054/priority?sex=F&age=30"), { params: Promise.resolve({ code: "1119054" }) }),
    );
    expect(first.overall).toEqual(p.json.overall);
    const audienceRow = (
      await audienceOf("game", "?grain=dong&district=영등포구&sex=F&age=30&limit=300")
    ).json.segments.find((s: { segment: { dong: { code: string } } }) => s.segment.dong.code === "1119054");
    expect(first.segment.population).toBe(audienceRow.population);
  });
  it.each([
    ["a mixed list", "?segments=gangnam-gu.F.20,1119054.F.30", /give one grain/],
    ["an unknown 행정동", "?segments=1119054.F.30,9999999.M.30", /9999999 is not a 행정동/],
    ["a bad 행정동 id", "?segments=1119054.T.30,1123064.M.40", /not F or M/],
  ])("400s %s, naming segments", async (_, qs, message) => {
    const r = await compareOf(qs);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: "bad_request", parameter: "segments", allowed: ["2–4 × district.sex.age"] });
    expect(r.json.message).toMatch(message);
  });
  it("400s a window without 행정동 figures, naming from", async () => {
    const r = await compareOf("?segments=1119054.F.30,1123064.M.40&from=2023-01&to=2023-06");
    expect(r.status).toBe(400);
    expect(r.json.parameter).toBe("from");
  });
});

describe("GET /api/plan, /api/plan/curve and /api/plan/xlsx with 행정동 segments", () => {
  const planOf = async (qs: string) => body((await import("@/app/api/plan/route")).GET(req(`/api/plan${qs}`)));
  const base = "?service=delivery&budget=50000000&cpm=5000";
  it("plans over 행정동 segment × month cells of 2022 with population and within-month z at that grain", async () => {
    const r = await planOf(`${base}&segments=1119054.F.30,1123064.M.40`);
    expect(r.status).toBe(200);
    expect(r.json.months).toEqual(YEAR_2022);
    expect(r.json.spent + r.json.unspent).toBeCloseTo(50_000_000, 3);
    const codes = r.json.segments.map((s: { segment: { dong: { code: string } } }) => s.segment.dong.code).sort();
    expect(codes).toEqual(["1119054", "1123064"]);
    // Population and z as the 행정동 audience table has them.
    const yeouido = r.json.segments.find(
      (s: { segment: { dong: { code: string } } }) => s.segment.dong.code === "1119054",
    );
    const row = (
      await audienceOf("delivery", "?grain=dong&district=영등포구&sex=F&age=30&limit=300")
    ).json.segments.find((s: { segment: { dong: { code: string } } }) => s.segment.dong.code === "1119054");
    expect([yeouido.population, yeouido.z]).toEqual([row.population, row.z]);
    expect(yeouido.months.map((m: { month: string }) => m.month)).toEqual(YEAR_2022);
  });
  it("takes the plan's months among 2022's and answers the curve and the workbook", async () => {
    const r = await planOf(`${base}&segments=1119054.F.30&months=2022-03,2022-04`);
    expect(r.json.months).toEqual(["2022-03", "2022-04"]);
    const curve = await body(
      (await import("@/app/api/plan/curve/route")).GET(
        req(`/api/plan/curve${base}&segments=1119054.F.30,1123064.M.40`),
      ),
    );
    expect(curve.status).toBe(200);
    expect(curve.json.points).toHaveLength(7);
    const xlsx = await (
      await import("@/app/api/plan/xlsx/route")
    ).GET(req(`/api/plan/xlsx${base}&segments=1119054.F.30,1123064.M.40`));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheet");
  });
  it.each([
    ["segments", "&segments=gangnam-gu.F.20,1119054.F.30", /give one grain/],
    ["segments", "&segments=9999999.F.30", /9999999 is not a 행정동/],
    ["months", "&segments=1119054.F.30&months=2023-01", /months/],
    ["from", "&segments=1119054.F.30&from=2023-01&to=2023-06", /행정동 figures/],
  ])("400s a bad %s, naming it", async (parameter, qs, message) => {
    const r = await planOf(`${base}${qs}`);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: "bad_request", parameter });
    expect(r.json.message).toMatch(message);
    expect(r.json.allowed.length).toBeGreaterThan(0);
  });
  it("leaves district plans as they were", async () => {
    const r = await planOf(`${base}&segments=gangnam-gu.F.20,mapo-gu.M.30`);
    expect(r.status).toBe(200);
    expect(r.json.months).toEqual([
      "2023-01",
      "2023-02",
      "2023-03",
      "2023-04",
      "2023-05",
      "2023-06",
      "2023-07",
      "2023-08",
      "2023-09",
    ]);
    expect(r.json.segments[0].segment.dong).toBeUndefined();
  });
});
