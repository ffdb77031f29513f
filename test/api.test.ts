import { describe, expect, it } from "vitest";
import { GET as correlation } from "@/app/api/correlation/route";
import { GET as health } from "@/app/api/health/route";
import { GET as averageAge } from "@/app/api/map/average-age/route";
import { GET as meta } from "@/app/api/meta/route";
import { GET as population } from "@/app/api/population/route";
import { GET as priority } from "@/app/api/segments/priority/route";
import { GET as trend } from "@/app/api/segments/trend/route";
import { GET as targets } from "@/app/api/services/[service]/targets/route";
import { GET as unknown } from "@/app/api/[...path]/route";
import { DISTRICTS } from "@/lib/districts";
import { AGES, SERVICE_IDS } from "@/lib/domain";

/** Route handlers called directly, as Next.js would, over the bundled dataset. */
const req = (path: string, headers?: HeadersInit) => new Request(`http://localhost${path}`, { headers });
const targetsOf = (service: string, qs = "") =>
  targets(req(`/api/services/${service}/targets${qs}`), { params: Promise.resolve({ service }) });

async function body(res: Response | Promise<Response>) {
  const r = await res;
  return { status: r.status, json: await r.json(), headers: r.headers };
}

describe("GET /api/meta", () => {
  it("describes the dataset, districts, services, ages and sexes", async () => {
    const { status, json } = await body(meta(req("/api/meta")));
    expect(status).toBe(200);
    expect(json.dataset).toMatchObject({
      kind: "bundled",
      months: ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09"],
    });
    expect(json.dataset.attribution).toContain("서울 열린데이터 광장");
    expect(json.districts).toHaveLength(25);
    expect(json.districts).toContainEqual({
      code: "11680",
      slug: "gangnam-gu",
      name_ko: "강남구",
      name_en: "Gangnam-gu",
    });
    expect(json.services.map((s: { id: string }) => s.id)).toEqual([...SERVICE_IDS]);
    expect(json.ages).toEqual([...AGES]);
    expect(json.sexes).toEqual(["F", "M", "T"]);
  });
});

describe("GET /api/health", () => {
  it("reports the dataset kind, months and version", async () => {
    const { status, json } = await body(health());
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: "ok", kind: "bundled" });
    expect(json.months).toHaveLength(9);
    expect(json.version).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("GET /api/segments/priority", () => {
  it("ranks the seven services for a segment, reproducing the published z", async () => {
    const { status, json } = await body(priority(req("/api/segments/priority?district=gangnam-gu&sex=F&age=20")));
    expect(status).toBe(200);
    expect(json.segment).toMatchObject({ district: { code: "11680" }, sex: "F", age: 20 });
    // Published z for 강남구 20대 여성: netflix 1.443866 is the highest, game −0.633034 the lowest.
    expect(json.overall[0]).toMatchObject({ service: "netflix", rank: 1 });
    expect(json.overall[0].z).toBeCloseTo(1.443866, 5);
    expect(json.overall[6]).toMatchObject({ service: "game", rank: 7 });
    expect(json.monthly).toHaveLength(9);
    expect(json.monthly[0].ranking).toHaveLength(7);
    expect(json.bestMonths).toHaveLength(7);
    expect(json.bestMonths[0].months).toHaveLength(3);
  });

  it("accepts the district as code, slug or Korean name", async () => {
    const a = await body(priority(req("/api/segments/priority?district=11680&sex=M&age=30")));
    const b = await body(priority(req(`/api/segments/priority?district=${encodeURIComponent("강남구")}&sex=M&age=30`)));
    const c = await body(priority(req("/api/segments/priority?district=Gangnam-Gu&sex=M&age=30")));
    expect(b.json).toEqual(a.json);
    expect(c.json).toEqual(a.json);
  });

  it("answers all 300 segments", async () => {
    let n = 0;
    for (const d of DISTRICTS)
      for (const sex of ["F", "M"])
        for (const age of AGES) {
          const r = await priority(req(`/api/segments/priority?district=${d.code}&sex=${sex}&age=${age}`));
          expect(r.status).toBe(200);
          n++;
        }
    expect(n).toBe(300);
  });

  it("sends Cache-Control and an ETag, and 304 for If-None-Match", async () => {
    const path = "/api/segments/priority?district=gangnam-gu&sex=F&age=20";
    const first = await priority(req(path));
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(etag).toMatch(/^".+"$/);
    // The same resource by another spelling has the same ETag; another segment has another.
    const same = await priority(req("/api/segments/priority?age=20&sex=F&district=11680"));
    expect(same.headers.get("etag")).toBe(etag);
    const other = await priority(req("/api/segments/priority?district=gangnam-gu&sex=M&age=20"));
    expect(other.headers.get("etag")).not.toBe(etag);
    const cached = await priority(req(path, { "If-None-Match": etag }));
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
  });

  it.each([
    ["missing", "?sex=F&age=20", "district", /missing parameter "district"/],
    [
      "unknown",
      "?district=nowhere&sex=F&age=20",
      "district",
      /invalid value "nowhere" for parameter "district" \(not one of Seoul's 25 districts\); allowed: one of the 25 districts/,
    ],
    ["repeated", "?district=gangnam-gu&sex=F&sex=M&age=20", "sex", /parameter "sex" \(given 2 times; give it once\)/],
    ["non-integer", "?district=gangnam-gu&sex=F&age=2x", "age", /invalid value "2x".*allowed: 20, 30, 40, 50, 60, 70/],
    ["out of range", "?district=gangnam-gu&sex=F&age=25", "age", /allowed: 20, 30, 40, 50, 60, 70/],
    ["T for a segment", "?district=gangnam-gu&sex=T&age=20", "sex", /allowed: F, M$/],
    ["over-long", `?district=${"a".repeat(500)}&sex=F&age=20`, "district", /too long \(500 characters, at most 64\)/],
    ["odd bytes", "?district=%FF%00&sex=F&age=20", "district", /invalid value/],
  ])("400 for a %s parameter, naming it and the allowed values", async (_, qs, parameter, message) => {
    const { status, json, headers } = await body(priority(req(`/api/segments/priority${qs}`)));
    expect(status).toBe(400);
    expect(headers.get("content-type")).toMatch(/application\/json/);
    expect(json).toMatchObject({ error: "bad_request", parameter });
    expect(json.message).toMatch(message);
  });
});

describe("GET /api/segments/trend", () => {
  it("returns the months and one series per service in the provider's units", async () => {
    const { status, json } = await body(trend(req("/api/segments/trend?district=gangnam-gu&sex=F&age=20")));
    expect(status).toBe(200);
    expect(json.months).toHaveLength(9);
    expect(json.series.map((s: { service: string }) => s.service)).toEqual([...SERVICE_IDS]);
    // January 2023, 강남구 20대 여성 in the bundled CSV: netflix is a negative index.
    const netflix = json.series.find((s: { service: string }) => s.service === "netflix").values;
    expect(netflix).toHaveLength(9);
    expect(Math.min(...netflix)).toBeLessThan(0);
  });
  it("400 for a bad segment", async () => {
    expect((await trend(req("/api/segments/trend?district=gangnam-gu&sex=F"))).status).toBe(400);
  });
});

describe("GET /api/services/{service}/targets", () => {
  it("ranks segments by the service's z with related services per target", async () => {
    const { status, json } = await body(targetsOf("delivery"));
    expect(status).toBe(200);
    expect(json.service).toBe("delivery");
    expect(json.targets).toHaveLength(10);
    const zs = json.targets.map((t: { z: number }) => t.z);
    expect(zs).toEqual([...zs].sort((a, b) => b - a));
    for (const t of json.targets) {
      expect(t.related).toHaveLength(6);
      expect(t.related.map((r: { service: string }) => r.service)).not.toContain("delivery");
      expect(t.district).toHaveProperty("slug");
    }
  });
  it("answers every service with limit 1…300", async () => {
    for (const s of SERVICE_IDS) {
      expect((await body(targetsOf(s, "?limit=300"))).json.targets).toHaveLength(300);
      expect((await body(targetsOf(s, "?limit=1"))).json.targets).toHaveLength(1);
    }
  });
  it.each(["0", "301", "-1", "1.5", "ten", ""])("400 for limit=%s", async (limit) => {
    const { status, json } = await body(targetsOf("game", `?limit=${limit}`));
    if (limit === "") return expect(status).toBe(200); // empty means "not given": the default
    expect(status).toBe(400);
    expect(json).toMatchObject({ parameter: "limit" });
    expect(json.message).toMatch(/an integer from 1 to 300/);
  });
  it("404 for an unknown service, naming the services", async () => {
    const { status, json } = await body(targetsOf("tiktok"));
    expect(status).toBe(404);
    expect(json).toMatchObject({ error: "not_found", parameter: "service" });
    expect(json.message).toMatch(/game, finance, shopping, video, youtube, netflix, delivery/);
  });
});

describe("GET /api/population", () => {
  it("ranks the 25 districts; T defaults and sums both sexes", async () => {
    const { json } = await body(population(req("/api/population?age=20")));
    expect(json).toMatchObject({ age: 20, sex: "T" });
    expect(json.districts).toHaveLength(25);
    expect(json.districts.map((d: { rank: number }) => d.rank)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // Published: 관악구 has the most people in their 20s (101,292 = M + F).
    expect(json.districts[0].district.name_ko).toBe("관악구");
    expect(Math.abs(json.districts[0].population - 101292)).toBeLessThanOrEqual(2);
  });
  it("400 for bad age or sex", async () => {
    expect((await body(population(req("/api/population?age=80")))).json.parameter).toBe("age");
    expect((await body(population(req("/api/population?age=20&sex=female")))).json.message).toMatch(/allowed: F, M, T/);
  });
});

describe("GET /api/correlation", () => {
  it("returns a symmetric 7×7 matrix with ones on the diagonal", async () => {
    const { json } = await body(correlation(req("/api/correlation?age=30&sex=F")));
    expect(json.services).toEqual([...SERVICE_IDS]);
    expect(json.matrix).toHaveLength(7);
    json.matrix.forEach((row: number[], i: number) => {
      expect(row).toHaveLength(7);
      expect(row[i]).toBeCloseTo(1, 12);
      row.forEach((r, j) => expect(r).toBe(json.matrix[j][i]));
    });
    expect(json.observations).toBe(25 * 9);
  });
  it("uses both sexes without sex (or sex=T)", async () => {
    const a = await body(correlation(req("/api/correlation?age=30")));
    const b = await body(correlation(req("/api/correlation?age=30&sex=T")));
    expect(a.json.matrix).toEqual(b.json.matrix);
    expect(a.json.observations).toBe(50 * 9);
  });
});

describe("GET /api/map/average-age", () => {
  it("gives every district's population-weighted average age", async () => {
    const { json } = await body(averageAge(req("/api/map/average-age")));
    expect(json.sex).toBe("T");
    expect(json.districts).toHaveLength(25);
    expect(json.districts[0].district.name_ko).toBe("강북구");
    for (const d of json.districts) {
      expect(d.averageAge).toBeGreaterThan(25);
      expect(d.averageAge).toBeLessThan(75);
    }
  });
  it("400 for a bad sex", async () => {
    expect((await averageAge(req("/api/map/average-age?sex=x"))).status).toBe(400);
  });
});

describe("unknown API paths", () => {
  it("404 JSON listing the endpoints", async () => {
    const { status, json } = await body(unknown(req("/api/segments/nope")));
    expect(status).toBe(404);
    expect(json.error).toBe("not_found");
    expect(json.message).toContain("GET /api/segments/priority?district&sex&age&basis");
  });
});
