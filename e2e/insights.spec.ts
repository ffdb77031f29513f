import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { District } from "@/lib/districts";
import {
  downloadCsv,
  expectAxeClean,
  expectNoHorizontalOverflow,
  parseCsv,
  saveScreenshot,
  tableValues,
  trackConsoleErrors,
} from "./support/checks";

interface PopulationBody {
  districts: { district: District; population: number; rank: number }[];
}
interface AverageAgeBody {
  districts: { district: District; averageAge: number | null; rank: number }[];
}
interface CorrelationBody {
  services: string[];
  matrix: (number | null)[][];
}
interface DistrictsBody {
  districts: {
    district: District;
    usage: number;
    districtZ: number | null;
    index: number | null;
    population: number;
    rank: number;
  }[];
}

async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.json();
}

const byRank = <T extends { rank: number }>(rows: T[]) => [...rows].sort((a, b) => a.rank - b.rank);
const r2 = (r: number | null) => (r === null ? "" : (Math.round(r * 100) / 100 || 0).toFixed(2));
const v = (x: number | null) => (x === null ? "" : String(x));

/** Bars, top 3 and heatmap equal the API's for age × sex. */
async function expectChartsEqualApi(page: Page, request: APIRequestContext, age: number, sex: string) {
  const pop = await api<PopulationBody>(request, `/api/population?age=${age}&sex=${sex}`);
  const corr = await api<CorrelationBody>(request, `/api/correlation?age=${age}&sex=${sex}`);
  const ranked = byRank(pop.districts);
  await expect
    .poll(() =>
      page
        .getByTestId("population-top3")
        .locator("li")
        .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-district"))),
    )
    .toEqual(ranked.slice(0, 3).map((d) => d.district.code));
  // 25 bars in rank order, each value printed beside its bar.
  const bars = page.getByTestId("population-chart").locator("[data-district]");
  await expect(bars).toHaveCount(25);
  expect(await bars.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-district")))).toEqual(
    ranked.map((d) => d.district.code),
  );
  expect(await bars.first().textContent()).toBe(
    `${ranked[0]!.district.name_ko}${ranked[0]!.population.toLocaleString("ko-KR")}`,
  );
  expect(await tableValues(page.getByTestId("population-table"))).toEqual(
    ranked.map((d) => [String(d.rank), d.district.name_ko, d.district.code, String(d.population)]),
  );

  const cells = page.getByTestId("correlation-heatmap").getByTestId("heatmap-cell");
  await expect(cells).toHaveCount(49);
  expect(await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute("data-r")))).toEqual(
    corr.matrix.flat().map(r2),
  );
}

/** 25 district shapes, each named on the map, and the ranked list. */
async function expectMapRendered(page: Page) {
  const map = page.getByTestId("district-map");
  await expect(map.getByTestId("map-district")).toHaveCount(25);
  const meta = await page.request.get("/api/meta").then((r) => r.json() as Promise<{ districts: District[] }>);
  const names = await map
    .locator("text[data-district-label]")
    .evaluateAll((ts) => ts.map((t) => [t.getAttribute("data-district-label"), t.textContent] as const));
  expect(new Map(names)).toEqual(new Map(meta.districts.map((d) => [d.code, d.name_ko])));
  await expect(page.getByTestId("district-rank-list").locator("li")).toHaveCount(25);
}

async function expectCsvsMatchTables(page: Page) {
  for (const id of ["population", "correlation", "map"]) {
    const frame = page.locator("section.chart-frame").filter({ has: page.getByTestId(`${id}-table`) });
    const [header, ...body] = parseCsv(await downloadCsv(page, frame.getByTestId("csv-download")));
    expect(header, id).toEqual(await page.getByTestId(`${id}-table`).locator("thead th").allTextContents());
    expect(body, id).toEqual(await tableValues(page.getByTestId(`${id}-table`)));
  }
}

test.describe("/insights", () => {
  // Several full page loads, CSV downloads and an axe run each, on a machine shared with other builds.
  test.describe.configure({ timeout: 150_000 });

  test("deep link: bars, top 3, heatmap and map equal the API; CSVs equal the tables", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const res = await page.goto("/insights?age=20&sex=T");
    expect(res!.status()).toBe(200);
    await expect(page).toHaveTitle(/현황 분석 — 20대 전체/);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\/insights$/);
    await expect(page.getByRole("heading", { level: 1, name: "현황 분석" })).toBeVisible();
    await expect(page.getByLabel("연령대", { exact: true })).toHaveValue("20");
    await expect(page.getByLabel("성별", { exact: true })).toHaveValue("T");
    await expect(page.getByLabel("지도 지표", { exact: true })).toHaveValue("average-age");
    await expectChartsEqualApi(page, request, 20, "T");
    await expectMapRendered(page);

    // Average age ignores the age filter, and the map's title says so.
    await expect(
      page.getByRole("heading", { level: 2, name: "자치구 평균 연령 — 전체 (연령대 선택과 무관, 20대 이상 전체)" }),
    ).toBeVisible();
    const avg = await api<AverageAgeBody>(request, "/api/map/average-age?sex=T");
    expect(await tableValues(page.getByTestId("map-table"))).toEqual(
      byRank(avg.districts).map((d) => [String(d.rank), d.district.name_ko, d.district.code, v(d.averageAge)]),
    );
    await expect(page.getByTestId("map-legend").locator("li")).not.toHaveCount(0);
    const songpa = page.getByTestId("district-map").locator('[data-testid="map-district"][data-district="11710"]');
    await expect(songpa).toHaveAttribute("aria-label", /^송파구 평균 연령 \d+\.\d\d세, 구간 \d+–\d+, \d+위$/);
    await songpa.focus();
    await expect(songpa).toBeFocused();

    await expectCsvsMatchTables(page);
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "insights", testInfo);
    expect(errors).toEqual([]);
  });

  test("controls update the URL, the view and the tab title; a service's district effect on the map", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/insights?age=20&sex=T");
    await expectMapRendered(page);

    await page.getByLabel("연령대", { exact: true }).selectOption("30");
    await expect(page).toHaveURL(/[?&]age=30(&|$)/);
    await expect(page.getByTestId("insights-heading")).toHaveText("30대 전체");
    await page.getByLabel("성별", { exact: true }).selectOption("F");
    await expect(page).toHaveURL(/[?&]sex=F(&|$)/);
    await expect(page.getByTestId("insights-heading")).toHaveText("30대 여성");
    await expect(page).toHaveTitle(/현황 분석 — 30대 여성/);
    await expectChartsEqualApi(page, request, 30, "F");

    await page.getByLabel("지도 지표", { exact: true }).selectOption("delivery");
    await expect(page).toHaveURL(/\/insights\?age=30&sex=F&metric=delivery$/);
    await expect(page).toHaveTitle(/현황 분석 — 30대 여성 · 배달 지도/);
    await expect(page.getByRole("heading", { level: 2, name: "배달 자치구 효과 — 30대 여성" })).toBeVisible();
    await expectMapRendered(page);
    const effect = await api<DistrictsBody>(request, "/api/services/delivery/districts?sex=F&age=30");
    expect(await tableValues(page.getByTestId("map-table"))).toEqual(
      byRank(effect.districts).map((d) => [
        String(d.rank),
        d.district.name_ko,
        d.district.code,
        String(d.usage),
        v(d.districtZ),
        v(d.index),
        String(d.population),
      ]),
    );
    await expect(page.getByText("배달 이용 지수 (25개 구 평균 = 100)")).toBeVisible();
    await expect(
      page.getByTestId("district-map").locator('[data-district="11680"][data-testid="map-district"]'),
    ).toHaveAttribute("aria-label", /^강남구 배달 이용 지수 \d+\.\d\d, /);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "insights-delivery", testInfo);

    await page.getByLabel("지도 지표", { exact: true }).selectOption("population");
    await expect(page).toHaveURL(/[?&]metric=population(&|$)/);
    await expect(page.getByRole("heading", { level: 2, name: "자치구 인구 — 30대 여성" })).toBeVisible();
    const pop = await api<PopulationBody>(request, "/api/population?age=30&sex=F");
    expect((await tableValues(page.getByTestId("map-table"))).map((r) => [r[2], r[3]])).toEqual(
      byRank(pop.districts).map((d) => [d.district.code, String(d.population)]),
    );

    await page.reload();
    await expect(page).toHaveTitle(/현황 분석 — 30대 여성/);
    await expect(page.getByLabel("지도 지표", { exact: true })).toHaveValue("population");
    await expectChartsEqualApi(page, request, 30, "F");
    await expectMapRendered(page);

    await page.goBack();
    await expect(page.getByLabel("지도 지표", { exact: true })).toHaveValue("delivery");
    await expect(page).toHaveTitle(/배달 지도/);
    expect(errors).toEqual([]);
  });

  test("an invalid link answers 400 with the controls and every valid choice kept; sex=f renders", async ({
    page,
    request,
  }) => {
    const errors = trackConsoleErrors(page);
    for (const [qs, param, age, sex, metric] of [
      ["age=25&sex=F", "age", "20", "F", "average-age"],
      ["age=40&sex=X&metric=youtube", "sex", "40", "T", "youtube"],
      ["age=50&metric=rainfall", "metric", "50", "T", "average-age"],
    ] as const) {
      const res = await page.goto(`/insights?${qs}`);
      expect(res?.status(), qs).toBe(400);
      await expect(page.getByTestId("param-error")).toHaveAttribute("data-parameter", param);
      await expect(page.getByLabel("연령대", { exact: true })).toHaveValue(age);
      await expect(page.getByLabel("성별", { exact: true })).toHaveValue(sex);
      await expect(page.getByLabel("지도 지표", { exact: true })).toHaveValue(metric);
      await expectMapRendered(page);
    }
    await expectAxeClean(page);
    await page.getByRole("link", { name: "올바른 값으로 고친 보기로 이동" }).click();
    await expect(page).toHaveURL(/\/insights\?age=50$/);
    await expect(page.getByTestId("population-chart")).toBeVisible();

    const ok = await page.goto("/insights?age=30대&sex=f&metric=Netflix");
    expect(ok!.status()).toBe(200);
    await expect(page.getByTestId("param-error")).toHaveCount(0);
    await expect(page.getByTestId("insights-heading")).toHaveText("30대 여성");
    await expect(page.getByText("넷플릭스 자치구 z (25개 구 평균 = 0, 단위: 표준편차)")).toBeVisible();
    await expectChartsEqualApi(page, request, 30, "F");
    await expectNoHorizontalOverflow(page);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
