import { read, utils } from "@e965/xlsx";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as planJson } from "@/app/api/plan/route";
import { GET as planXlsx } from "@/app/api/plan/xlsx/route";
import type { Plan } from "@/lib/engine";
import { flightTable, frequencyTable, monthReachTable, segmentTable } from "@/lib/views/plan";
import { SHEET_NAMES, XLSX_TYPE } from "./plan-workbook";

/** The workbook route over the bundled dataset, read back with SheetJS's reader. */
const req = (path: string) => new Request(`http://localhost${path}`);
const QUERY =
  "?service=delivery&budget=5000000000&cpm=5000&cap=3&months=2023-02,2023-03&segments=gwanak-gu.M.30,gangbuk-gu.M.30,gangnam-gu.F.70";

async function workbook(query: string) {
  const res = await planXlsx(req(`/api/plan/xlsx${query}`));
  expect(res.status).toBe(200);
  return { res, book: read(new Uint8Array(await res.arrayBuffer()), { type: "array" }) };
}

function rowsOf(book: ReturnType<typeof read>, name: string): unknown[][] {
  return utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, defval: null });
}

describe("GET /api/plan/xlsx", () => {
  it("holds the same rows as /api/plan's tables, numbers unrounded", async () => {
    const plan: Plan = await (await planJson(req(`/api/plan${QUERY}`))).json();
    const { res, book } = await workbook(QUERY);
    expect(res.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="adtarget-plan-delivery-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    expect(book.SheetNames).toEqual([
      SHEET_NAMES.segments,
      SHEET_NAMES.months,
      SHEET_NAMES.monthReach,
      SHEET_NAMES.frequency,
      SHEET_NAMES.inputs,
    ]);

    const segments = segmentTable(plan);
    expect(rowsOf(book, SHEET_NAMES.segments)).toEqual([segments.columns.map((c) => c.label), ...segments.rows]);
    const months = flightTable(plan);
    expect(rowsOf(book, SHEET_NAMES.months)).toEqual([months.columns.map((c) => c.label), ...months.rows]);
    const reach = monthReachTable(plan);
    expect(rowsOf(book, SHEET_NAMES.monthReach)).toEqual([reach.columns.map((c) => c.label), ...reach.rows]);
    const frequency = frequencyTable(plan);
    expect(rowsOf(book, SHEET_NAMES.frequency)).toEqual([frequency.columns.map((c) => c.label), ...frequency.rows]);
    // whole 원 and impressions that add up to the plan's totals
    const column = (rows: unknown[][], c: number) => rows.map((r) => r[c] as number);
    expect(column(segments.rows, 4).every(Number.isInteger)).toBe(true);
    expect(column(segments.rows, 4).reduce((a, b) => a + b, 0)).toBe(Math.round(plan.spent));
    expect(column(segments.rows, 6).reduce((a, b) => a + b, 0)).toBe(Math.round(plan.impressions));
    expect(column(reach.rows, 3).reduce((a, b) => a + b, 0)).toBe(Math.round(plan.impressions));
    // A budget this size fills every cell up to the cap: money is left over, and the workbook says why.
    expect(plan.unspent).toBeGreaterThan(0);
    const inputs = new Map(rowsOf(book, SHEET_NAMES.inputs).map((r) => [r[0], r[1]]));
    expect(inputs.get("예산 (원)")).toBe(5_000_000_000);
    expect(inputs.get("빈도 상한 (1인당 월 노출)")).toBe(3);
    expect(inputs.get("캠페인 기간")).toBe("2023년 2월, 2023년 3월");
    expect(inputs.get("남는 예산 (원)")).toBe(plan.unspent);
    expect(inputs.get("남는 이유")).toMatch(/1인당 월 3회 상한까지 채워/);
    expect(inputs.get("출처")).toMatch(/서울 열린데이터 광장/);
    expect(inputs.get("계획 링크")).toBe(
      `http://localhost/plan?budget=5000000000&cap=3&months=2023-02,2023-03&segments=gwanak-gu.M.30,gangbuk-gu.M.30,gangnam-gu.F.70`.replace(
        /,/g,
        "%2C",
      ),
    );
    expect(String(inputs.get("배정 방식"))).toMatch(/인구 × 그 달 배달 이용 z/);
    expect(inputs.get("가정: 도달 가능 비율 (%)")).toBe(100);
    expect(inputs.get("가정: 노출 분포 모양 k")).toBe(1);
    expect(String(inputs.get("도달 1회 이상 (명, 범위)"))).toMatch(/^[\d,]+(~[\d,]+)?명$/);
    expect(String(inputs.get("만든 때"))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(KST\)$/);
  });

  afterEach(() => vi.unstubAllEnvs());
  it("links to the plan on SITE_URL when it is set", async () => {
    vi.stubEnv("SITE_URL", "https://adtarget.example");
    const { book } = await workbook("?service=game&budget=50000000&cpm=5000&reachable=70");
    const inputs = new Map(rowsOf(book, SHEET_NAMES.inputs).map((r) => [r[0], r[1]]));
    expect(inputs.get("계획 링크")).toBe("https://adtarget.example/plan?service=game&reachable=70");
  });

  it("with no segments named plans the service's top 10, as /api/plan does", async () => {
    const { book } = await workbook("?service=game&budget=50000000&cpm=5000");
    expect(rowsOf(book, SHEET_NAMES.segments)).toHaveLength(11);
    const inputs = new Map(rowsOf(book, SHEET_NAMES.inputs).map((r) => [r[0], r[1]]));
    expect([...inputs.keys()]).toContain("고객층 (10개, 기본값: 이 서비스의 상위 타겟)");
  });

  it("answers 400 JSON like /api/plan for bad input and for a plan with nothing to weight by", async () => {
    for (const q of [
      "?service=game&budget=1&cpm=5000",
      "?service=game&budget=50000000&cpm=5000&segments=gangnam-gu.F.20",
    ]) {
      const res = await planXlsx(req(`/api/plan/xlsx${q}`));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe("bad_request");
    }
  });
});
