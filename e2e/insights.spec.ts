import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { downloadCsv, expectAxeClean, expectNoHorizontalOverflow, parseCsv, saveScreenshot, tableValues, trackConsoleErrors } from "./support/checks";

interface DistrictRef { code: string; name_ko: string }
interface PopulationBody { districts: { district: DistrictRef; population: number; rank: number }[] }
interface AverageAgeBody { districts: { district: DistrictRef; averageAge: number | null; rank: number }[] }
interface CorrelationBody { services: string[]; matrix: (number | null)[][] }

async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.json();
}

const byRank = <T extends { rank: number }>(rows: T[]) => [...rows].sort((a, b) => a.rank - b.rank);
const r2 = (r: number | null) => (r === null ? "" : (Math.round(r * 100) / 100 || 0).toFixed(2));

/** Bars, top 3 and heatmap equal the API's for age × sex. */
async function expectChartsEqualApi(page: Page, request: APIRequestContext, age: number, sex: string) {
  const pop = await api<PopulationBody>(request, `/api/population?age=${age}&sex=${sex}`);
  const corr = await api<CorrelationBody>(request, `/api/correlation?age=${age}&sex=${sex}`);
  const ranked = byRank(pop.districts);
  await expect(page.getByTestId("population-top3").locator("li")).toHaveCount(3);
  await expect
    .poll(() => page.getByTestId("population-top3").locator("li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-district"))))
    .toEqual(ranked.slice(0, 3).map((d) => d.district.code));
  await expect(page.getByTestId("population-chart").locator(".recharts-bar-rectangle")).toHaveCount(25);
  // The chart's table lists the 25 districts in the API's order with its populations.
  const popRows = await tableValues(page.getByTestId("population-table"));
  expect(popRows).toEqual(ranked.map((d) => [String(d.rank), d.district.name_ko, d.district.code, String(d.population)]));

  const cells = page.getByTestId("correlation-heatmap").getByTestId("heatmap-cell");
  await expect(cells).toHaveCount(49);
  const shown = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute("data-r")));
  expect(shown).toEqual(corr.matrix.flat().map(r2));
}

async function expectMapRendered(page: Page) {
  const map = page.getByTestId("district-map");
  await expect(map.locator("path.leaflet-interactive")).toHaveCount(25);
  // Every district's path carries its code as a class.
  const pop = await page.request.get("/api/meta").then((r) => r.json() as Promise<{ districts: DistrictRef[] }>);
  for (const d of pop.districts) await expect(map.locator(`path.district-${d.code}`)).toHaveCount(1);
}

async function expectCsvsMatchTables(page: Page) {
  for (const id of ["population", "correlation", "map"]) {
    const frame = page.locator("section.chart-frame").filter({ has: page.getByTestId(`${id}-table`) });
    const [header, ...body] = parseCsv(await downloadCsv(page, frame.getByTestId("csv-download")));
    const heads = await page.getByTestId(`${id}-table`).locator("thead th").allTextContents();
    expect(header, id).toEqual(heads);
    expect(body, id).toEqual(await tableValues(page.getByTestId(`${id}-table`)));
  }
}

async function showTooltip(page: Page, code: string, testInfo: TestInfo) {
  const path = page.getByTestId("district-map").locator(`path.district-${code}`);
  if (testInfo.project.name === "phone") await path.tap();
  else await path.hover();
  return page.getByRole("tooltip");
}

test.describe("/insights", () => {
  test("deep link: bars, top 3, heatmap and map equal the API; CSVs equal the tables", async ({ page, request }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/insights?age=20&sex=T");
    await expect(page).toHaveTitle(/현황 분석 — 20대 전체/);
    await expect(page.getByRole("heading", { level: 1, name: "현황 분석" })).toBeVisible();
    await expect(page.getByLabel("연령대")).toHaveValue("20");
    await expect(page.getByLabel("성별")).toHaveValue("T");
    await expect(page.getByLabel("지도 지표")).toHaveValue("average-age");
    await expectChartsEqualApi(page, request, 20, "T");
    await expectMapRendered(page);

    // The map's table (its CSV) holds the API's average ages by rank, to 2 decimals.
    const avg = await api<AverageAgeBody>(request, "/api/map/average-age?sex=T");
    const mapRows = await tableValues(page.getByTestId("map-table"));
    expect(mapRows.map((r) => [r[2], r[3]])).toEqual(
      byRank(avg.districts).map((d) => [d.district.code, d.averageAge === null ? "" : String(Math.round(d.averageAge * 100) / 100)]),
    );
    await expect(page.getByTestId("map-legend").locator("li")).not.toHaveCount(0);
    await expect(page.locator(".leaflet-control-attribution")).toContainText("통계청 센서스용 행정구역경계(2013)");

    // Hover (phone: tap) shows the district's tooltip; keyboard focus does too.
    const tooltip = await showTooltip(page, "11680", testInfo);
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText("강남구");
    await expect(tooltip).toContainText("세");
    const songpa = page.getByTestId("district-map").locator("path.district-11710");
    await expect(songpa).toHaveAttribute("aria-label", /^송파구 평균 연령 \d+\.\d\d세/);
    await page.mouse.move(0, 0);
    await songpa.focus();
    await expect(page.getByRole("tooltip", { name: /송파구/ })).toBeVisible();

    await expectCsvsMatchTables(page);
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await page.mouse.move(0, 0);
    await songpa.blur();
    await saveScreenshot(page, "insights", testInfo);
    expect(errors).toEqual([]);
  });

  test("controls update the URL, survive reload and back", async ({ page, request }) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/insights?age=20&sex=T");
    await expectMapRendered(page);

    await page.getByLabel("연령대").selectOption("30");
    await expect(page).toHaveURL(/[?&]age=30(&|$)/);
    await expect(page.getByTestId("insights-heading")).toHaveText("30대 전체");
    await page.getByLabel("성별").selectOption("F");
    await expect(page).toHaveURL(/[?&]sex=F(&|$)/);
    await expect(page.getByTestId("insights-heading")).toHaveText("30대 여성");
    await expectChartsEqualApi(page, request, 30, "F");

    await page.getByLabel("지도 지표").selectOption("population");
    await expect(page).toHaveURL(/[?&]metric=population(&|$)/);
    await expect(page.getByTestId("map-table").locator("thead th").nth(3)).toHaveText("인구(명)");
    await expectMapRendered(page);
    const pop = await api<PopulationBody>(request, "/api/population?age=30&sex=F");
    const mapRows = await tableValues(page.getByTestId("map-table"));
    expect(mapRows.map((r) => [r[2], r[3]])).toEqual(byRank(pop.districts).map((d) => [d.district.code, String(d.population)]));
    await expect(page.getByTestId("district-map").locator("path.district-11680")).toHaveAttribute("aria-label", /^강남구 인구 [\d,]+명/);

    await page.reload();
    await expect(page).toHaveTitle(/현황 분석 — 30대 여성/);
    await expect(page.getByLabel("연령대")).toHaveValue("30");
    await expect(page.getByLabel("성별")).toHaveValue("F");
    await expect(page.getByLabel("지도 지표")).toHaveValue("population");
    await expectChartsEqualApi(page, request, 30, "F");
    await expectMapRendered(page);

    await page.goBack();
    await expect(page.getByLabel("지도 지표")).toHaveValue("average-age");
    await expect(page.getByLabel("성별")).toHaveValue("F");
    expect(errors).toEqual([]);
  });

  test("invalid parameters show the friendly message with a valid link", async ({ page }) => {
    const errors = trackConsoleErrors(page);
    for (const [qs, param] of [
      ["age=25&sex=T", "age"],
      ["age=20&sex=X", "sex"],
      ["metric=rainfall", "metric"],
    ] as const) {
      const res = await page.goto(`/insights?${qs}`);
      expect(res?.status()).toBe(200);
      const alert = page.getByTestId("param-error");
      await expect(alert).toBeVisible();
      await expect(alert).toHaveAttribute("data-parameter", param);
      await expect(page.getByTestId("district-map")).toHaveCount(0);
    }
    await page.getByRole("link", { name: "기본 보기로 이동" }).click();
    await expect(page).toHaveURL(/\/insights\?age=20&sex=T$/);
    await expect(page.getByTestId("population-chart")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
  });
});
