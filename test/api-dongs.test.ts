import { describe, expect, it } from "vitest";
import { GET as dongs } from "@/app/api/dongs/route";
import { GET as priority } from "@/app/api/dongs/[code]/priority/route";
import { GET as similar } from "@/app/api/dongs/[code]/similar/route";
import { GET as effect } from "@/app/api/services/[service]/dongs/route";
import { GET as geo } from "@/app/api/geo/dongs/route";
import { SERVICE_IDS } from "@/lib/domain";

/** The 행정동 endpoints over the bundled dataset (2022 행정동 rows). */
const req = (path: string) => new Request(`http://localhost${path}`);
async function body(res: Response | Promise<Response>) {
  const r = await res;
  return { status: r.status, json: await r.json() };
}
const effectOf = (service: string, qs: string) =>
  body(effect(req(`/api/services/${service}/dongs${qs}`), { params: Promise.resolve({ service }) }));
const priorityOf = (code: string, qs: string) =>
  body(priority(req(`/api/dongs/${encodeURIComponent(code)}/priority${qs}`), { params: Promise.resolve({ code }) }));
const similarOf = (code: string, qs = "") =>
  body(similar(req(`/api/dongs/${encodeURIComponent(code)}/similar${qs}`), { params: Promise.resolve({ code }) }));
const YEAR_2022 = Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, "0")}`);

describe("GET /api/dongs", () => {
  it("lists the 424 행정동, or one district's", async () => {
    const all = await body(dongs(req("/api/dongs")));
    expect(all.status).toBe(200);
    expect(all.json.dongs).toHaveLength(424);
    expect(all.json.dongs).toContainEqual({ code: "1119054", name_ko: "여의동", districtCode: "11560" });
    const ydp = await body(dongs(req("/api/dongs?district=영등포구")));
    expect(ydp.json.district).toMatchObject({ code: "11560" });
    expect(ydp.json.dongs.every((d: { districtCode: string }) => d.districtCode === "11560")).toBe(true);
    expect(ydp.json.dongs.length).toBeGreaterThan(10);
  });
  it("400s a bad district", async () => {
    const r = await body(dongs(req("/api/dongs?district=atlantis")));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: "bad_request", parameter: "district" });
  });
});

describe("GET /api/services/{service}/dongs", () => {
  it("answers the 행정동 effect over the months with 행정동 figures", async () => {
    const r = await effectOf("delivery", "?age=30");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      service: "delivery",
      sex: "T",
      age: 30,
      district: null,
      window: { from: "2022-01", to: "2022-12", months: YEAR_2022 },
    });
    expect(r.json.dongs).toHaveLength(424);
    expect(r.json.dongs.map((d: { rank: number }) => d.rank)).toEqual(Array.from({ length: 424 }, (_, i) => i + 1));
    // dongZ across the 424 has mean 0 and population SD 1; the index has mean 100.
    const z = r.json.dongs.map((d: { dongZ: number }) => d.dongZ);
    const mean = z.reduce((a: number, b: number) => a + b, 0) / z.length;
    expect(mean).toBeCloseTo(0, 9);
    expect(Math.sqrt(z.reduce((a: number, b: number) => a + (b - mean) ** 2, 0) / z.length)).toBeCloseTo(1, 9);
    const index = r.json.dongs.map((d: { index: number }) => d.index);
    expect(index.reduce((a: number, b: number) => a + b, 0) / 424).toBeCloseTo(100, 9);
  });
  it("scopes to one district; no index for an index service", async () => {
    const r = await effectOf("youtube", "?age=20&sex=F&district=mapo-gu&from=2022-03&to=2022-05");
    expect(r.status).toBe(200);
    expect(r.json.window).toEqual({ from: "2022-03", to: "2022-05", months: ["2022-03", "2022-04", "2022-05"] });
    expect(
      r.json.dongs.every(
        (d: { dong: { districtCode: string }; index: null }) => d.dong.districtCode === "11440" && d.index === null,
      ),
    ).toBe(true);
  });
  it.each([
    ["?sex=F", "age"],
    ["?age=25", "age"],
    ["?age=30&sex=X", "sex"],
    ["?age=30&district=atlantis", "district"],
    ["?age=30&from=22-01", "from"],
    ["?age=30&to=2022-13", "to"],
    ["?age=30&from=2022-06&to=2022-02", "to"],
    // A month of the dataset without 행정동 figures of the service.
    ["?age=30&from=2023-03", "from"],
  ])("400s %s naming %s", async (qs, parameter) => {
    const r = await effectOf("delivery", qs);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: "bad_request", parameter });
    expect(r.json.message).toContain(parameter);
  });
});

describe("GET /api/dongs/{code}/priority", () => {
  it("ranks the seven services for a 행정동 segment, by code or by name (NFC or NFD)", async () => {
    const r = await priorityOf("1119054", "?sex=F&age=30");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      dong: { code: "1119054" },
      district: { code: "11560" },
      sex: "F",
      age: 30,
      window: { months: YEAR_2022 },
    });
    expect(r.json.overall.map((s: { service: string }) => s.service).sort()).toEqual([...SERVICE_IDS].sort());
    expect(r.json.monthly).toHaveLength(12);
    expect(r.json.standoutMonths[0].months).toHaveLength(3);
    const byName = await priorityOf("영등포구 여의동".normalize("NFD"), "?sex=F&age=30");
    expect(byName.json.overall).toEqual(r.json.overall);
  });
  it.each([
    ["9999999", "?sex=F&age=30", "code"],
    ["신사동", "?sex=F&age=30", "code"],
    ["1119054", "?sex=T&age=30", "sex"],
    ["1119054", "?sex=F", "age"],
    ["1119054", "?sex=F&age=30&from=2023-01&to=2023-06", "from"],
  ])("400s %s%s naming %s", async (code, qs, parameter) => {
    const r = await priorityOf(code, qs);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: "bad_request", parameter });
  });
});

describe("GET /api/dongs/{code}/similar", () => {
  it("gives the 10 nearest 행정동 over the window's measures, itself excluded", async () => {
    const r = await similarOf("1119054");
    expect(r.status).toBe(200);
    expect(r.json.measures).toHaveLength(25);
    expect(r.json.measures).toContain("commute_time");
    expect(r.json.similar).toHaveLength(10);
    expect(r.json.similar.map((s: { dong: { code: string } }) => s.dong.code)).not.toContain("1119054");
    const d = r.json.similar.map((s: { distance: number }) => s.distance);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect((await similarOf("1119054", "?limit=3")).json.similar).toEqual(r.json.similar.slice(0, 3));
  });
  it.each([
    ["1119054", "?limit=51", "limit"],
    ["1119054", "?limit=0", "limit"],
    ["abc", "", "code"],
    ["1119054", "?from=2022-05&to=2022-01", "to"],
  ])("400s %s%s naming %s", async (code, qs, parameter) => {
    const r = await similarOf(code, qs);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: "bad_request", parameter });
  });
});

describe("GET /api/geo/dongs", () => {
  it("serves the 424 boundaries", async () => {
    const r = await body(geo(req("/api/geo/dongs")));
    expect(r.status).toBe(200);
    expect(r.json.features).toHaveLength(424);
  });
});
