import { describe, expect, it } from "vitest";
import { GET as planCurve } from "@/app/api/plan/curve/route";
import { GET as plan } from "@/app/api/plan/route";
import { GET as population } from "@/app/api/population/route";
import { GET as seasonality } from "@/app/api/seasonality/route";
import { GET as compare } from "@/app/api/segments/compare/route";
import { GET as priority } from "@/app/api/segments/priority/route";
import { GET as trend } from "@/app/api/segments/trend/route";
import { GET as audience } from "@/app/api/services/[service]/audience/route";
import { GET as districts } from "@/app/api/services/[service]/districts/route";
import { GET as targets } from "@/app/api/services/[service]/targets/route";
import { GET as unknown } from "@/app/api/[...path]/route";
import { DISTRICTS } from "@/lib/districts";
import { AGES, SERVICE_IDS, SEXES, unitKind } from "@/lib/domain";

/** The issue-13 endpoints, called as Next.js would, over the bundled dataset (2023-01 … 2023-09). */
const req = (path: string, headers?: HeadersInit) => new Request(`http://localhost${path}`, { headers });
const inPath =
  (handler: typeof audience, what: string) =>
  (service: string, qs = "", headers?: HeadersInit) =>
    handler(req(`/api/services/${encodeURIComponent(service)}/${what}${qs}`, headers), {
      params: Promise.resolve({ service }),
    });
const audienceOf = inPath(audience, "audience");
const districtsOf = inPath(districts, "districts");

async function body(res: Response | Promise<Response>) {
  const r = await res;
  return { status: r.status, json: await r.json(), headers: r.headers };
}

/** A 400 that names the parameter, says what is accepted, and is JSON. */
async function expectBadRequest(res: Response | Promise<Response>, parameter: string, message?: RegExp) {
  const { status, json, headers } = await body(res);
  expect(status, JSON.stringify(json)).toBe(400);
  expect(headers.get("content-type")).toMatch(/application\/json/);
  expect(json).toMatchObject({ error: "bad_request", parameter });
  if (message) expect(json.message).toMatch(message);
  // Every 400 says what is allowed: the values, or for ranges and segment lists their range or form.
  expect(Array.isArray(json.allowed) && json.allowed.length > 0, JSON.stringify(json)).toBe(true);
  return json;
}

/** Cache-Control, an ETag shared by equivalent spellings, and 304 for If-None-Match. */
async function expectCacheable(
  call: (headers?: HeadersInit) => Promise<Response> | Response,
  equivalent?: () => Promise<Response> | Response,
) {
  const first = await call();
  expect(first.status).toBe(200);
  expect(first.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
  const etag = first.headers.get("etag")!;
  expect(etag).toMatch(/^".+"$/);
  if (equivalent) expect((await equivalent()).headers.get("etag")).toBe(etag);
  const again = await call({ "If-None-Match": etag });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");
}

const MONTHS = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09"];
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30];
const ALL_SEGMENTS = DISTRICTS.flatMap((d) => SEXES.flatMap((sex) => AGES.map((age) => `${d.slug}.${sex}.${age}`)));

describe("basis (seasonality, priority, trend, compare)", () => {
  it.each([
    ["/api/seasonality", seasonality],
    ["/api/segments/priority?district=gangnam-gu&sex=F&age=20", priority],
    ["/api/segments/trend?district=gangnam-gu&sex=F&age=20", trend],
    ["/api/segments/compare?segments=gangnam-gu.F.20,mapo-gu.M.30", compare],
  ] as const)("%s: 400 for a bad basis, naming it and month, day", async (path, handler) => {
    const sep = path.includes("?") ? "&" : "?";
    for (const bad of ["week", "days", "1", "month,day"]) {
      const json = await expectBadRequest(handler(req(`${path}${sep}basis=${bad}`)), "basis", /allowed: month, day/);
      expect(json.allowed).toEqual(["month", "day"]);
    }
    await expectBadRequest(handler(req(`${path}${sep}basis=day&basis=month`)), "basis", /given 2 times/);
  });
});

describe("GET /api/seasonality", () => {
  it("gives the Seoul level of all 7 services per month, and each month against the mean", async () => {
    const { status, json } = await body(seasonality(req("/api/seasonality")));
    expect(status).toBe(200);
    expect(json.basis).toBe("month");
    expect(json.months).toEqual(MONTHS);
    expect(json.services.map((s: { service: string }) => s.service)).toEqual([...SERVICE_IDS]);
    for (const s of json.services) {
      expect(s.level).toHaveLength(9);
      expect(s.unitKind).toBe(unitKind(s.service));
      const avg = s.level.reduce((a: number, b: number) => a + b, 0) / 9;
      if (s.unitKind === "count") {
        expect(s.relativeKind).toBe("index100");
        s.relative.forEach((r: number, m: number) => expect(r).toBeCloseTo((100 * s.level[m]) / avg, 9));
      } else {
        expect(s.relativeKind).toBe("difference");
        s.relative.forEach((r: number, m: number) => expect(r).toBeCloseTo(s.level[m] - avg, 12));
      }
    }
  });
  it("divides counts by the month's days on basis=day (February: 28) and leaves indices", async () => {
    const month = (await body(seasonality(req("/api/seasonality?basis=month")))).json;
    const day = (await body(seasonality(req("/api/seasonality?basis=DAY")))).json;
    expect(day.basis).toBe("day");
    for (const [i, s] of day.services.entries()) {
      const perMonth = month.services[i].level;
      s.level.forEach((v: number, m: number) =>
        expect(v).toBeCloseTo(s.unitKind === "count" ? perMonth[m] / DAYS[m]! : perMonth[m], 12),
      );
    }
    // The point: game's raw February is the year's lowest, yet per day it beats January.
    const game = (b: typeof day) => b.services.find((s: { service: string }) => s.service === "game").level;
    expect(game(month)[1]).toBe(Math.min(...game(month)));
    expect(game(day)[1]).toBeGreaterThan(game(day)[0]);
  });
  it("is cacheable; basis=month and no basis are one resource", async () => {
    await expectCacheable(
      (h) => seasonality(req("/api/seasonality", h)),
      () => seasonality(req("/api/seasonality?basis=month")),
    );
  });
});

describe("GET /api/segments/priority: standoutMonths and bestMonths", () => {
  it("gives all 7 services, in overall rank order, 3 months each", async () => {
    const { json } = await body(priority(req("/api/segments/priority?district=gangnam-gu&sex=F&age=20")));
    const order = json.overall.map((s: { service: string }) => s.service);
    expect(json.standoutMonths.map((s: { service: string }) => s.service)).toEqual(order);
    expect(json.bestMonths.map((s: { service: string }) => s.service)).toEqual(order);
    for (const s of json.standoutMonths) {
      expect(s.months).toHaveLength(3);
      // the within-month z shown in `monthly` for that month
      for (const m of s.months) {
        const monthly = json.monthly
          .find((x: { month: string }) => x.month === m.month)
          .ranking.find((r: { service: string }) => r.service === s.service);
        expect(m.z).toBe(monthly.z);
      }
      const zs = s.months.map((m: { z: number }) => m.z);
      expect(zs).toEqual([...zs].sort((a, b) => b - a));
    }
  });
  it("basis=day changes bestMonths only", async () => {
    const month = (await body(priority(req("/api/segments/priority?district=gangnam-gu&sex=F&age=20")))).json;
    const day = (await body(priority(req("/api/segments/priority?district=gangnam-gu&sex=F&age=20&basis=day")))).json;
    const { bestMonths: a, ...restMonth } = month;
    const { bestMonths: b, ...restDay } = day;
    expect(restDay).toEqual(restMonth);
    expect(b).not.toEqual(a);
    const game = b.find((x: { service: string }) => x.service === "game").months[0];
    const raw = (await body(trend(req("/api/segments/trend?district=gangnam-gu&sex=F&age=20")))).json.series.find(
      (s: { service: string }) => s.service === "game",
    ).values;
    expect(game.value).toBeCloseTo(raw[MONTHS.indexOf(game.month)] / DAYS[MONTHS.indexOf(game.month)]!, 12);
  });
  it("answers all 300 segments on basis=day", async () => {
    for (const id of ALL_SEGMENTS) {
      const [district, sex, age] = id.split(".");
      const { status, json } = await body(
        priority(req(`/api/segments/priority?district=${district}&sex=${sex}&age=${age}&basis=day`)),
      );
      expect(status).toBe(200);
      expect(json.standoutMonths).toHaveLength(7);
    }
  });
  it("keeps basis out of the ETag of the default and in it otherwise", async () => {
    const path = "/api/segments/priority?district=gangnam-gu&sex=F&age=20";
    const a = (await priority(req(path))).headers.get("etag");
    expect((await priority(req(`${path}&basis=month`))).headers.get("etag")).toBe(a);
    expect((await priority(req(`${path}&basis=day`))).headers.get("etag")).not.toBe(a);
  });
});

describe("GET /api/segments/trend?basis=day", () => {
  it("divides each count month by its days and leaves the indices", async () => {
    const path = "/api/segments/trend?district=mapo-gu&sex=M&age=30";
    const month = (await body(trend(req(path)))).json;
    const day = (await body(trend(req(`${path}&basis=day`)))).json;
    for (const [i, s] of day.series.entries()) {
      s.values.forEach((v: number, m: number) =>
        expect(v).toBeCloseTo(
          unitKind(s.service) === "count" ? month.series[i].values[m] / DAYS[m]! : month.series[i].values[m],
          12,
        ),
      );
    }
  });
});

describe("GET /api/services/{service}/targets: relatedAdjusted and alsoUses", () => {
  it("adds both for every target of all 7 services, keeping related", async () => {
    for (const service of SERVICE_IDS) {
      const { json } = await body(
        targets(req(`/api/services/${service}/targets?limit=300`), { params: Promise.resolve({ service }) }),
      );
      expect(json.targets).toHaveLength(300);
      for (const t of json.targets) {
        expect(t.related).toHaveLength(6);
        expect(t.relatedAdjusted.map((r: { service: string }) => r.service).sort()).toEqual(
          SERVICE_IDS.filter((s) => s !== service).sort(),
        );
        const rs = t.relatedAdjusted.map((r: { r: number | null }) => r.r).filter((r: number | null) => r !== null);
        expect(rs).toEqual([...rs].sort((a, b) => b - a));
        expect(t.alsoUses).toHaveLength(3);
        expect(t.alsoUses.map((a: { service: string }) => a.service)).not.toContain(service);
        const zs = t.alsoUses.map((a: { z: number }) => a.z);
        expect(zs).toEqual([...zs].sort((a, b) => b - a));
      }
    }
  });
  it("is no longer dominated by the city-wide shifts (the issue's finding on raw r)", async () => {
    // Raw r: for nearly every target the count services come out positive with each other. Adjusted
    // r of the residuals has no such common sign: count how often finance–shopping is positive.
    const { json } = await body(
      targets(req("/api/services/finance/targets?limit=300"), { params: Promise.resolve({ service: "finance" }) }),
    );
    const positive = (key: "related" | "relatedAdjusted") =>
      json.targets.filter(
        (t: Record<string, { service: string; r: number }[]>) => t[key]!.find((r) => r.service === "shopping")!.r > 0,
      ).length;
    expect(positive("related")).toBeGreaterThan(270);
    expect(positive("relatedAdjusted")).toBeLessThan(positive("related"));
  });
});

describe("GET /api/services/{service}/districts", () => {
  it("ranks the 25 districts for every service, sex and age", async () => {
    for (const service of SERVICE_IDS) {
      for (const sex of ["F", "M", "T"]) {
        for (const age of AGES) {
          const { status, json } = await body(districtsOf(service, `?sex=${sex}&age=${age}`));
          expect(status).toBe(200);
          expect(json).toMatchObject({ service, sex, age });
          expect(json.districts).toHaveLength(25);
          expect(json.districts.map((d: { rank: number }) => d.rank)).toEqual(
            Array.from({ length: 25 }, (_, i) => i + 1),
          );
          const zs = json.districts.map((d: { districtZ: number }) => d.districtZ);
          expect(zs).toEqual([...zs].sort((a, b) => b - a));
          expect(
            json.districts.every((d: { index: number | null }) =>
              unitKind(service) === "count" ? d.index! > 0 : d.index === null,
            ),
          ).toBe(true);
        }
      }
    }
  });
  it("T: population is the rounded mean of F + M, the same as /api/population", async () => {
    const effect = (await body(districtsOf("delivery", "?age=30"))).json;
    expect(effect.sex).toBe("T");
    const pop = (await body(population(req("/api/population?age=30&sex=T")))).json.districts;
    for (const d of effect.districts)
      expect(d.population).toBe(
        pop.find((p: { district: { code: string } }) => p.district.code === d.district.code).population,
      );
  });
  it("400 for a bad or missing sex/age, 404 for an unknown service", async () => {
    await expectBadRequest(districtsOf("delivery", "?sex=F"), "age", /missing parameter "age"/);
    await expectBadRequest(districtsOf("delivery", "?sex=X&age=20"), "sex", /allowed: F, M, T/);
    await expectBadRequest(districtsOf("delivery", "?age=25"), "age", /allowed: 20, 30, 40, 50, 60, 70/);
    const { status, json } = await body(districtsOf("tiktok", "?age=20"));
    expect(status).toBe(404);
    expect(json).toMatchObject({ error: "not_found", parameter: "service" });
  });
  it("is cacheable", async () => {
    // (The path's spelling of the service is part of the URL, which is what HTTP caches key on.)
    await expectCacheable(
      (h) => districtsOf("video", "?age=20", h),
      () => districtsOf("video", "?sex=T&age=20대"),
    );
  });
});

describe("GET /api/services/{service}/audience", () => {
  it("lists all 300 segments of all 7 services by z, with total, districtZ and score", async () => {
    for (const service of SERVICE_IDS) {
      const { status, json } = await body(audienceOf(service));
      expect(status).toBe(200);
      expect(json).toMatchObject({ service, total: 300 });
      expect(json.segments).toHaveLength(300);
      const ids = json.segments.map(
        (r: { segment: { district: { slug: string }; sex: string; age: number } }) =>
          `${r.segment.district.slug}.${r.segment.sex}.${r.segment.age}`,
      );
      expect(new Set(ids).size).toBe(300);
      const zs = json.segments.map((r: { z: number }) => r.z);
      expect(zs).toEqual([...zs].sort((a, b) => b - a));
      for (const r of json.segments) expect(r.score).toBe(Math.round(r.population * Math.max(r.z, 0)));
    }
  });
  it("matches the targets' z and the district effect's districtZ", async () => {
    const top = (
      await body(
        targets(req("/api/services/delivery/targets?limit=1"), { params: Promise.resolve({ service: "delivery" }) }),
      )
    ).json.targets[0];
    const row = (await body(audienceOf("delivery", "?limit=1"))).json.segments[0];
    expect(row).toMatchObject({
      segment: { district: top.district, sex: top.sex, age: top.age },
      z: top.z,
      population: top.population,
      usage: top.usage,
    });
    const effect = (await body(districtsOf("delivery", `?sex=${top.sex}&age=${top.age}`))).json.districts;
    expect(row.districtZ).toBe(
      effect.find((d: { district: { code: string } }) => d.district.code === top.district.code).districtZ,
    );
  });
  it("filters, sorts and pages", async () => {
    const filtered = (await body(audienceOf("netflix", "?sex=F&age=20"))).json;
    expect(filtered.total).toBe(25);
    expect(
      filtered.segments.every(
        (r: { segment: { sex: string; age: number } }) => r.segment.sex === "F" && r.segment.age === 20,
      ),
    ).toBe(true);
    expect((await body(audienceOf("netflix", "?district=강남구"))).json.total).toBe(12);
    for (const sort of ["score", "population", "districtZ"]) {
      const rows = (await body(audienceOf("game", `?sort=${sort}`))).json.segments.map(
        (r: Record<string, number>) => r[sort],
      );
      expect(rows).toEqual([...rows].sort((a, b) => b - a));
    }
    const all = (await body(audienceOf("game", "?sort=score"))).json.segments;
    const page = (await body(audienceOf("game", "?sort=score&offset=10&limit=5"))).json;
    expect(page.total).toBe(300);
    expect(page.segments).toEqual(all.slice(10, 15));
  });
  it.each([
    ["sex", "?sex=X", /allowed: F, M, T/],
    ["age", "?age=80", /allowed: 20, 30/],
    ["district", "?district=nowhere", /one of the 25 districts/],
    ["sort", "?sort=usage", /allowed: z, score, population, districtZ/],
    ["limit", "?limit=0", /an integer from 1 to 300/],
    ["limit", "?limit=301", /an integer from 1 to 300/],
    ["offset", "?offset=-1", /from 0 to 299/],
    ["offset", "?offset=300", /from 0 to 299/],
    ["offset", "?offset=1.5", /from 0 to 299/],
  ])("400 for a bad %s (%s)", async (parameter, qs, message) => {
    await expectBadRequest(audienceOf("game", qs), parameter, message);
  });
  it("404 for an unknown service, cacheable otherwise", async () => {
    expect((await audienceOf("tiktok")).status).toBe(404);
    await expectCacheable(
      (h) => audienceOf("game", "?sort=score&limit=20", h),
      () => audienceOf("game", "?limit=20&sort=score&sex=T&offset=0"),
    );
  });
});

describe("GET /api/segments/compare", () => {
  it("answers all 300 segments, in the order given, with overall, standoutMonths and trend", async () => {
    for (let i = 0; i < ALL_SEGMENTS.length; i += 4) {
      const ids = ALL_SEGMENTS.slice(i, i + 4);
      const { status, json } = await body(compare(req(`/api/segments/compare?segments=${ids.join(",")}`)));
      expect(status).toBe(200);
      expect(
        json.segments.map(
          (s: { segment: { district: { slug: string }; sex: string; age: number } }) =>
            `${s.segment.district.slug}.${s.segment.sex}.${s.segment.age}`,
        ),
      ).toEqual(ids);
      for (const s of json.segments) {
        expect(s.overall).toHaveLength(7);
        expect(s.standoutMonths).toHaveLength(7);
        expect(s.trend.months).toEqual(MONTHS);
        expect(s.trend.series).toHaveLength(7);
      }
    }
  });
  it("agrees with priority and trend for the same segment and basis", async () => {
    const c = (await body(compare(req("/api/segments/compare?segments=강남구.F.20,11440.m.30&basis=day")))).json;
    expect(c.basis).toBe("day");
    const p = (await body(priority(req("/api/segments/priority?district=gangnam-gu&sex=F&age=20")))).json;
    const t = (await body(trend(req("/api/segments/trend?district=mapo-gu&sex=M&age=30&basis=day")))).json;
    expect(c.segments[0].overall).toEqual(p.overall);
    expect(c.segments[0].standoutMonths).toEqual(p.standoutMonths);
    expect(c.segments[1].trend).toEqual({ months: t.months, series: t.series });
  });
  it.each([
    ["missing", "", /missing parameter "segments"/],
    ["one", "?segments=gangnam-gu.F.20", /1 segment ids; give 2 to 4/],
    ["five", `?segments=${ALL_SEGMENTS.slice(0, 5).join(",")}`, /5 segment ids; give 2 to 4/],
    ["a repeat", "?segments=gangnam-gu.F.20,11680.F.20", /item "11680.F.20": repeated/],
    ["a bad district", "?segments=gangnam-gu.F.20,nowhere.F.20", /item "nowhere.F.20"/],
    ["a bad sex", "?segments=gangnam-gu.F.20,mapo-gu.T.20", /item "mapo-gu.T.20"/],
    ["a bad age", "?segments=gangnam-gu.F.20,mapo-gu.F.25", /item "mapo-gu.F.25"/],
    ["a malformed id", "?segments=gangnam-gu.F.20,mapo-gu-F-20", /item "mapo-gu-F-20"/],
  ])("400 for %s, naming segments and the bad item", async (_, qs, message) => {
    await expectBadRequest(compare(req(`/api/segments/compare${qs}`)), "segments", message);
  });
  it("is cacheable; district spellings are one resource", async () => {
    await expectCacheable(
      (h) => compare(req("/api/segments/compare?segments=gangnam-gu.F.20,mapo-gu.M.30", h)),
      () => compare(req("/api/segments/compare?segments=11680.f.20,마포구.M.30&basis=month")),
    );
  });
});

describe("GET /api/plan", () => {
  const base = "/api/plan?service=delivery&budget=50000000&cpm=5000";

  it("plans every service with the defaults: top 10 targets, all months, cap 10", async () => {
    for (const service of SERVICE_IDS) {
      const { status, json } = await body(plan(req(`/api/plan?service=${service}&budget=50000000&cpm=5000`)));
      expect(status, JSON.stringify(json)).toBe(200);
      expect(json).toMatchObject({ service, budget: 50_000_000, cpm: 5000, cap: 10, months: MONTHS });
      expect(json.segments).toHaveLength(10);
      expect(json.spent + json.unspent).toBeCloseTo(50_000_000, 3);
      expect(json.impressions).toBeCloseTo((json.spent / 5000) * 1000, 3);
      const sum = (xs: { impressions: number }[]) => xs.reduce((a, x) => a + x.impressions, 0);
      expect(sum(json.segments)).toBeCloseTo(json.impressions, 3);
      expect(sum(json.byMonth)).toBeCloseTo(json.impressions, 3);
      const budgets = json.segments.map((s: { budget: number }) => s.budget);
      expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
      for (const s of json.segments) {
        expect(s.frequency).toBeLessThanOrEqual(10 + 1e-9);
        expect(s.months).toHaveLength(9);
        expect(s.alsoUses).toHaveLength(3);
        expect(s.budget).toBeCloseTo((s.impressions * 5000) / 1000, 6);
      }
    }
  });

  it("caps at cap × people and leaves the rest unspent when every cell is full", async () => {
    // One segment, one month, 1 impression a person: at most its population that month can be bought.
    const { json } = await body(
      plan(req("/api/plan?service=delivery&budget=10000000000&cpm=5000&cap=1&months=2023-03&segments=gwanak-gu.M.30")),
    );
    const s = json.segments[0];
    expect(s.saturated).toBe(true);
    expect(s.frequency).toBeCloseTo(1, 12);
    expect(json.unspent).toBeGreaterThan(0);
    expect(json.spent).toBeCloseTo((s.impressions * 5000) / 1000, 3);
    expect(json.months).toEqual(["2023-03"]);
  });

  it("reports reach: ranges per segment and in total that add up, per cell reach and a frequency distribution", async () => {
    const { json } = await body(plan(req(`${base}&reachable=70&shape=2`)));
    expect(json).toMatchObject({ reachable: 70, shape: 2 });
    const sum = (
      pick: (s: { reach: { lower: number; upper: number }; reach3: { lower: number; upper: number } }) => number,
    ) => json.segments.reduce((a: number, s: Parameters<typeof pick>[0]) => a + pick(s), 0);
    expect(json.reach.lower).toBeCloseTo(
      sum((s) => s.reach.lower),
      3,
    );
    expect(json.reach.upper).toBeCloseTo(
      sum((s) => s.reach.upper),
      3,
    );
    expect(json.reach3.upper).toBeCloseTo(
      sum((s) => s.reach3.upper),
      3,
    );
    expect(json.reach.lower).toBeLessThanOrEqual(json.reach.upper);
    expect(json.reach3.upper).toBeLessThanOrEqual(json.reach.upper);
    for (const s of json.segments) {
      for (const m of s.months) {
        // R = 70% of residents; the distribution's people × times add up to the cell's impressions
        expect(m.frequencyDistribution).toHaveLength(10);
        expect(m.frequencyDistribution.reduce((a: number, n: number, j: number) => a + (j + 1) * n, 0)).toBeCloseTo(
          m.impressions,
          3,
        );
        expect(m.frequencyDistribution.reduce((a: number, n: number) => a + n, 0)).toBeCloseTo(m.reach1, 3);
        expect(m.reach1).toBeLessThanOrEqual(m.reachable + 1e-6);
        if (m.reach1 > 0) expect(m.averageFrequency).toBeCloseTo(m.impressions / m.reach1, 9);
        expect(s.reach.lower).toBeGreaterThanOrEqual(m.reach1 - 1e-6);
      }
    }
  });

  it("with the default assumptions plans the same impressions as before reach was modelled", async () => {
    const a = (await body(plan(req(base)))).json;
    const b = (await body(plan(req(`${base}&reachable=100&shape=5`)))).json;
    expect(b.impressions).toBe(a.impressions);
    expect(b.segments.map((s: { budget: number }) => s.budget)).toEqual(
      a.segments.map((s: { budget: number }) => s.budget),
    );
    // half the people reachable: the same weights, half the capacity — cells fill sooner
    const half = (
      await body(
        plan(
          req(
            "/api/plan?service=delivery&budget=10000000000&cpm=5000&cap=1&months=2023-03&segments=gwanak-gu.M.30&reachable=50",
          ),
        ),
      )
    ).json;
    const all = (
      await body(
        plan(
          req("/api/plan?service=delivery&budget=10000000000&cpm=5000&cap=1&months=2023-03&segments=gwanak-gu.M.30"),
        ),
      )
    ).json;
    expect(half.impressions).toBeCloseTo(all.impressions / 2, 6);
    expect(half.reach.lower).toBeCloseTo(half.impressions, 6);
  });

  it("keeps the months in calendar order and accepts segment ids in any district form", async () => {
    const { json } = await body(plan(req(`${base}&months=2023-09,2023-02&segments=관악구.M.30,11620.F.30`)));
    expect(json.months).toEqual(["2023-02", "2023-09"]);
    expect(json.byMonth.map((m: { month: string }) => m.month)).toEqual(["2023-02", "2023-09"]);
    expect(json.segments).toHaveLength(2);
  });

  it("400 naming segments when no chosen segment over-uses the service in the chosen months", async () => {
    // 강남구 20대 여성 is game's lowest segment overall; check its within-month z is ≤ 0 every month first.
    const p = (await body(priority(req("/api/segments/priority?district=gangnam-gu&sex=F&age=20")))).json;
    expect(
      p.monthly.every(
        (m: { ranking: { service: string; z: number }[] }) => m.ranking.find((r) => r.service === "game")!.z <= 0,
      ),
    ).toBe(true);
    const json = await expectBadRequest(
      plan(req("/api/plan?service=game&budget=50000000&cpm=5000&segments=gangnam-gu.F.20")),
      "segments",
      /over-uses game/,
    );
    expect(json.message).toMatch(/nothing to weight/);
    expect(json.allowed).toEqual(["1–50 × district.sex.age"]);
  });

  it("a range's 400 sends the range as `allowed`", async () => {
    expect(
      (await expectBadRequest(plan(req("/api/plan?service=game&budget=9999&cpm=5000")), "budget")).allowed,
    ).toEqual(["10000–10000000000"]);
    expect((await expectBadRequest(audienceOf("game", "?limit=0"), "limit")).allowed).toEqual(["1–300"]);
    expect((await expectBadRequest(audienceOf("game", "?offset=300"), "offset")).allowed).toEqual(["0–299"]);
  });

  it.each([
    ["service", "/api/plan?budget=50000000&cpm=5000", /missing parameter "service"/],
    ["service", "/api/plan?service=tv&budget=50000000&cpm=5000", /allowed: game, finance/],
    ["budget", "/api/plan?service=game&cpm=5000", /missing parameter "budget"/],
    ["budget", "/api/plan?service=game&budget=9999&cpm=5000", /10000 to 10000000000/],
    ["budget", "/api/plan?service=game&budget=10000000001&cpm=5000", /10000 to 10000000000/],
    ["budget", "/api/plan?service=game&budget=1e9&cpm=5000", /exponents \(3e7\) are not accepted/],
    ["budget", "/api/plan?service=game&budget=-5&cpm=5000", /not a positive amount/],
    ["budget", "/api/plan?service=game&budget=&cpm=5000", /missing parameter "budget"/],
    ["budget", "/api/plan?service=game&budget=30000USD&cpm=5000", /only amounts in won/],
    ["cpm", "/api/plan?service=game&budget=50000000&cpm=0", /100 to 1000000/],
    ["reachable", "/api/plan?service=game&budget=50000000&cpm=5000&reachable=0", /from 1 to 100/],
    ["shape", "/api/plan?service=game&budget=50000000&cpm=5000&shape=0", /from 0.1 to 100/],
    ["cpm", "/api/plan?service=game&budget=50000000", /missing parameter "cpm"/],
    ["cpm", "/api/plan?service=game&budget=50000000&cpm=99", /100 to 1000000/],
    ["cpm", "/api/plan?service=game&budget=50000000&cpm=1000001", /100 to 1000000/],
    ["cap", "/api/plan?service=game&budget=50000000&cpm=5000&cap=0", /from 1 to 100/],
    ["cap", "/api/plan?service=game&budget=50000000&cpm=5000&cap=101", /from 1 to 100/],
    ["months", "/api/plan?service=game&budget=50000000&cpm=5000&months=2023-10", /one of the dataset's months/],
    ["months", "/api/plan?service=game&budget=50000000&cpm=5000&months=2023-01,2023-01", /repeated/],
    ["segments", "/api/plan?service=game&budget=50000000&cpm=5000&segments=nowhere.F.20", /item "nowhere.F.20"/],
    [
      "segments",
      "/api/plan?service=game&budget=50000000&cpm=5000&segments=gangnam-gu.F.20,gangnam-gu.F.20",
      /repeated/,
    ],
    [
      "segments",
      `/api/plan?service=game&budget=50000000&cpm=5000&segments=${ALL_SEGMENTS.slice(0, 51).join(",")}`,
      /51 segment ids; give 1 to 50/,
    ],
  ])("400 for a bad %s (%s)", async (parameter, path, message) => {
    await expectBadRequest(plan(req(path)), parameter, message);
  });

  it("is cacheable; equivalent spellings (thousands separators, default cap, month order) are one resource", async () => {
    await expectCacheable(
      (h) => plan(req(`${base}&months=2023-01,2023-02`, h)),
      () => plan(req("/api/plan?service=배달&budget=50,000,000&cpm=5000&cap=10&months=2023-02,2023-01")),
    );
  });
});

describe("GET /api/plan/curve", () => {
  it("gives the plan at 0.25 … 3 × the budget; the 1 × point is the plan's", async () => {
    const q = "?service=finance&budget=3천만원&cpm=5000&months=2023-06,2023-07,2023-08";
    const { status, json } = await body(planCurve(req(`/api/plan/curve${q}`)));
    expect(status).toBe(200);
    expect(json.points.map((p: { multiple: number }) => p.multiple)).toEqual([0.25, 0.5, 0.75, 1, 1.5, 2, 3]);
    expect(json.points.map((p: { budget: number }) => p.budget)).toEqual([
      7_500_000, 15_000_000, 22_500_000, 30_000_000, 45_000_000, 60_000_000, 90_000_000,
    ]);
    const one = (await body(plan(req(`/api/plan${q}`)))).json;
    expect(json.points[3]).toEqual({
      multiple: 1,
      budget: 30_000_000,
      impressions: one.impressions,
      reach: one.reach,
      reach3: one.reach3,
    });
    for (let i = 1; i < json.points.length; i++) {
      expect(json.points[i].reach.upper).toBeGreaterThanOrEqual(json.points[i - 1].reach.upper);
      expect(json.points[i].reach.lower).toBeGreaterThanOrEqual(json.points[i - 1].reach.lower);
    }
  });
  it("400s like /api/plan", async () => {
    await expectBadRequest(planCurve(req("/api/plan/curve?service=game&budget=3e7&cpm=5000")), "budget", /exponents/);
    await expectBadRequest(
      planCurve(req("/api/plan/curve?service=game&budget=50000000&cpm=5000&segments=gangnam-gu.F.20")),
      "segments",
      /over-uses game/,
    );
  });
});

describe("unknown API paths", () => {
  it("list the new endpoints in the 404", async () => {
    const { json } = await body(unknown(req("/api/nope")));
    for (const e of [
      "/api/seasonality",
      "/api/services/{service}/districts",
      "/api/services/{service}/audience",
      "/api/segments/compare",
      "/api/plan",
      "/api/plan/curve",
    ])
      expect(json.message).toContain(e);
  });
});
