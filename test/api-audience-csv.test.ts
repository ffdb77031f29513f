import { csvParseRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { GET as audience } from "@/app/api/services/[service]/audience/route";
import { GET as audienceCsv } from "@/app/api/services/[service]/audience/csv/route";
import { audienceTable } from "@/lib/views/audience";

/** /api/services/{service}/audience/csv over the bundled dataset, checked against the JSON API's rows. */
const req = (path: string) => new Request(`http://localhost${path}`);
const csvOf = (service: string, qs: string) =>
  audienceCsv(req(`/api/services/${service}/audience/csv${qs}`), { params: Promise.resolve({ service }) });
const rowsOf = async (res: Response) => csvParseRows((await res.text()).replace(/^\uFEFF/, ""));

interface ApiRow {
  segment: { district: { name_ko: string }; dong?: { name_ko: string }; sex: string; age: number };
  population: number;
  z: number | null;
  score: number;
}
/** Every row of the JSON API in its order, paged 300 at a time. */
async function apiRows(service: string, qs: string): Promise<ApiRow[]> {
  const all: ApiRow[] = [];
  for (let offset = 0; ; offset += 300) {
    const r = await audience(req(`/api/services/${service}/audience${qs}&limit=300&offset=${offset}`), {
      params: Promise.resolve({ service }),
    });
    const body = (await r.json()) as { total: number; segments: ApiRow[] };
    all.push(...body.segments);
    if (all.length >= body.total) return all;
  }
}
/** The columns the JSON API also has: people (rounded as the table shows them), z, score. */
const figures = (rows: ApiRow[]) =>
  rows.map((r) => [String(Math.round(r.population)), r.z === null ? "" : String(r.z), String(r.score)]);

describe("GET /api/services/{service}/audience/csv", () => {
  it("the 행정동 grain, unfiltered: all 5,088 rows by score with the table's header, equal to the JSON API", async () => {
    const res = await csvOf("game", "?grain=dong&sort=score-desc");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="audience-game-dong.csv"');
    expect(res.headers.get("cache-control")).toMatch(/public/);
    const [header, ...rows] = await rowsOf(res);
    expect(header).toEqual(audienceTable([], "game", "dong").columns.map((c) => c.label));
    expect(rows).toHaveLength(5088);
    const api = await apiRows("game", "?grain=dong&sort=score");
    expect(rows.map((r) => [r[3], r[5], r[7]])).toEqual(figures(api));
    expect(rows[0]!.slice(0, 3)).toEqual([
      `${api[0]!.segment.district.name_ko} ${api[0]!.segment.dong!.name_ko}`,
      api[0]!.segment.sex === "F" ? "여성" : "남성",
      `${api[0]!.segment.age}대`,
    ]);
  });
  it("the page's filters and any column's sort: 영등포구 women by place name", async () => {
    const rows = (
      await rowsOf(await csvOf("game", "?grain=dong&district=yeongdeungpo-gu&sex=F&sort=district-asc"))
    ).slice(1);
    const api = await apiRows("game", "?grain=dong&district=yeongdeungpo-gu&sex=F");
    expect(rows).toHaveLength(api.length);
    expect(rows.every((r) => r[0]!.startsWith("영등포구 ") && r[1] === "여성")).toBe(true);
    const places = rows.map((r) => r[0]!);
    expect(places).toEqual([...places].sort(new Intl.Collator("ko").compare));
  });
  it("the district grain: the 300 segments, as the page's CSV had them", async () => {
    const res = await csvOf("delivery", "");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="audience-delivery.csv"');
    const [header, ...rows] = await rowsOf(res);
    expect(header).toEqual(audienceTable([], "delivery").columns.map((c) => c.label));
    expect(rows.map((r) => [r[3], r[5], r[7]])).toEqual(figures(await apiRows("delivery", "?sort=score")));
  });
  it("refuses a bad value naming its parameter; a 행정동 window without figures is a 400 naming from", async () => {
    for (const [qs, parameter] of [
      ["?sort=score-sideways", "sort"],
      ["?grain=gu", "grain"],
      ["?grain=dong&district=nowhere", "district"],
      ["?grain=dong&from=2023-01&to=2023-02", "from"],
    ] as const) {
      const res = await csvOf("game", qs);
      expect(res.status, qs).toBe(400);
      expect((await res.json()).parameter, qs).toBe(parameter);
    }
    expect((await csvOf("nothing", "")).status).toBe(404);
  });
});
