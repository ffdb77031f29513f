import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { PriorityResponse, TrendResponse } from "@/lib/api/types";
import { describeZ, formatSigned } from "@/lib/format";
import { downloadCsv, expectAxeClean, expectNoHorizontalOverflow, parseCsv, saveScreenshot, tableValues, trackConsoleErrors } from "./support/checks";

/** The engine, through the API, is the source of truth for every number and order on the page. */
async function api(request: APIRequestContext, district: string, sex: string, age: number) {
  const qs = new URLSearchParams({ district, sex, age: String(age) });
  const [p, t] = await Promise.all([request.get(`/api/segments/priority?${qs}`), request.get(`/api/segments/trend?${qs}`)]);
  expect(p.status()).toBe(200);
  expect(t.status()).toBe(200);
  return { priority: (await p.json()) as PriorityResponse, trend: (await t.json()) as TrendResponse };
}

const priorityItems = (page: Page) => page.getByTestId("priority-list").locator(":scope > [data-service]");
const attrs = (loc: Locator, name: string) => loc.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);

async function expectPriorityOrder(page: Page, priority: PriorityResponse) {
  await expect.poll(() => attrs(priorityItems(page), "data-service")).toEqual(priority.overall.map((s) => s.service));
}

/** The monthly table's cells (row header + service cells) as their raw values. */
function monthlyCells(page: Page) {
  return page
    .getByTestId("monthly-priority")
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("th, td")).map((c) => c.getAttribute("data-value") ?? "")));
}

function frame(page: Page, title: string) {
  return page.locator("section.chart-frame").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

test("deep link shows the engine's priorities, monthly ranking, trend lines and best months", async ({ page, request }, testInfo) => {
  const errors = trackConsoleErrors(page);
  const { priority, trend } = await api(request, "gangnam-gu", "F", 20);
  await page.goto("/segment?district=gangnam-gu&sex=F&age=20");

  await expect(page).toHaveTitle(/강남구 20대 여성 광고 우선순위/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("강남구 20대 여성 광고 우선순위");
  await expect(page.getByLabel("자치구")).toHaveValue("gangnam-gu");
  await expect(page.getByLabel("자치구").locator("option")).toHaveCount(25);
  await expect(page.getByLabel("성별")).toHaveValue("F");
  await expect(page.getByLabel("연령대")).toHaveValue("20");

  // Priority: the API's order, z in numbers and in words.
  await expectPriorityOrder(page, priority);
  for (const [i, s] of priority.overall.entries()) {
    const item = priorityItems(page).nth(i);
    await expect(item).toContainText(formatSigned(s.z));
    await expect(item).toContainText(describeZ(s.z));
  }

  // Monthly ranking: one row per month of the dataset, each the API's order for that month.
  expect(priority.monthly.length).toBe(trend.months.length);
  await expect(page.getByTestId("monthly-priority").locator("tbody tr")).toHaveCount(priority.monthly.length);
  const rows = page.getByTestId("monthly-priority").locator("tbody tr");
  for (const [i, m] of priority.monthly.entries()) {
    expect(await attrs(rows.nth(i).locator("td[data-service]"), "data-service")).toEqual(m.ranking.map((s) => s.service));
  }

  // Trend chart: one line per service, and the legend hides and shows one.
  const chart = page.getByTestId("trend-chart");
  await expect(chart.locator(".recharts-line")).toHaveCount(7);
  await expect(chart).toContainText("추세 지수");
  const last = priority.overall.at(-1)!.service;
  const toggle = chart.locator(`button[data-service="${last}"]`);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(chart.locator(".recharts-line")).toHaveCount(6);
  await expect(chart.locator(`.trend-line-${last}`)).toHaveCount(0);
  await toggle.click();
  await expect(chart.locator(".recharts-line")).toHaveCount(7);
  // The table view holds the raw values (own units) behind the chart: months × services.
  await expect(page.getByTestId("trend-table").locator("tbody tr")).toHaveCount(trend.months.length * 7);
  const firstSeries = trend.series.find((s) => s.service === priority.overall[0]!.service)!;
  expect(await page.getByTestId("trend-table").locator("tbody tr td:nth-child(3)").evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))))).toContain(
    firstSeries.values[0],
  );

  // Best months: the top three services, each with the engine's three months.
  const cards = page.getByTestId("best-months").locator("[data-service]");
  expect(await attrs(cards, "data-service")).toEqual(priority.overall.slice(0, 3).map((s) => s.service));
  for (const [i, s] of priority.overall.slice(0, 3).entries()) {
    const best = priority.bestMonths.find((b) => b.service === s.service)!;
    expect(await attrs(cards.nth(i).locator("li"), "data-month")).toEqual(best.months.map((m) => m.month));
  }

  // CSVs equal what is shown: the priority table view and the monthly table.
  const priorityCsv = parseCsv(await downloadCsv(page, frame(page, "서비스 광고 우선순위").getByTestId("csv-download")));
  expect(priorityCsv.slice(1)).toEqual(await tableValues(page.getByTestId("priority-table")));
  expect(priorityCsv.slice(1).map((r) => Number(r[2]))).toEqual(priority.overall.map((s) => s.z));
  const headers = await page.getByTestId("priority-table").locator("thead th").allTextContents();
  expect(priorityCsv[0]).toEqual(headers);

  const monthlyCsv = parseCsv(await downloadCsv(page, frame(page, "월별 우선순위").getByTestId("csv-download")));
  expect(monthlyCsv[0]).toEqual(await page.getByTestId("monthly-priority").locator("thead th").allTextContents());
  expect(monthlyCsv.slice(1)).toEqual(await monthlyCells(page));
  expect(monthlyCsv).toHaveLength(priority.monthly.length + 1);

  await expectNoHorizontalOverflow(page);
  await expectAxeClean(page);
  await saveScreenshot(page, "segment", testInfo);
  expect(errors).toEqual([]);
});

test("a district given by code or Korean name shows that segment", async ({ page, request }) => {
  const errors = trackConsoleErrors(page);
  const byCode = await api(request, "11680", "M", 40);
  await page.goto("/segment?district=11680&sex=M&age=40");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("강남구 40대 남성 광고 우선순위");
  await expect(page.getByLabel("자치구")).toHaveValue("gangnam-gu");
  await expectPriorityOrder(page, byCode.priority);

  const byName = await api(request, "11440", "F", 60);
  await page.goto(`/segment?district=${encodeURIComponent("마포구")}&sex=F&age=60`);
  await expect(page).toHaveTitle(/마포구 60대 여성 광고 우선순위/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 60대 여성 광고 우선순위");
  await expect(page.getByLabel("자치구")).toHaveValue("mapo-gu");
  await expectPriorityOrder(page, byName.priority);
  await expect(page.getByTestId("monthly-priority").locator("tbody tr")).toHaveCount(byName.priority.monthly.length);
  expect(errors).toEqual([]);
});

test("each control updates the URL, and reload and back keep the view", async ({ page, request }) => {
  const errors = trackConsoleErrors(page);
  await page.goto("/segment?district=gangnam-gu&sex=F&age=20");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("강남구 20대 여성 광고 우선순위");

  await page.getByLabel("자치구").selectOption({ label: "마포구" });
  await expect(page).toHaveURL(/[?&]district=mapo-gu(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 20대 여성 광고 우선순위");

  await page.getByLabel("성별").selectOption("M");
  await expect(page).toHaveURL(/[?&]sex=M(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 20대 남성 광고 우선순위");

  await page.getByLabel("연령대").selectOption("40");
  await expect(page).toHaveURL(/[?&]age=40(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 40대 남성 광고 우선순위");
  await expect(page).toHaveTitle(/마포구 40대 남성 광고 우선순위/);
  const { priority } = await api(request, "mapo-gu", "M", 40);
  await expectPriorityOrder(page, priority);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 40대 남성 광고 우선순위");
  await expect(page.getByLabel("자치구")).toHaveValue("mapo-gu");
  await expect(page.getByLabel("성별")).toHaveValue("M");
  await expect(page.getByLabel("연령대")).toHaveValue("40");
  await expectPriorityOrder(page, priority);

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 20대 남성 광고 우선순위");
  await expect(page.getByLabel("연령대")).toHaveValue("20");
  expect(errors).toEqual([]);
});

const INVALID: { query: string; parameter: string; allowed: string[] }[] = [
  { query: "district=nowhere&sex=F&age=20", parameter: "district", allowed: ["gangnam-gu", "jongno-gu"] },
  { query: "district=gangnam-gu&sex=F&age=25", parameter: "age", allowed: ["20", "30", "40", "50", "60", "70"] },
  { query: "district=gangnam-gu&sex=X&age=20", parameter: "sex", allowed: ["F", "M"] },
  { query: "district=gangnam-gu&sex=F&sex=M&age=20", parameter: "sex", allowed: ["F", "M"] },
];

test("invalid parameters get a friendly message with the allowed values", async ({ page }) => {
  const errors = trackConsoleErrors(page);
  for (const { query, parameter, allowed } of INVALID) {
    const res = await page.goto(`/segment?${query}`);
    expect(res?.status(), query).toBeLessThan(500);
    const alert = page.getByTestId("param-error");
    await expect(alert, query).toBeVisible();
    await expect(alert).toHaveAttribute("data-parameter", parameter);
    const codes = await alert.locator("code").allTextContents();
    for (const a of allowed) expect(codes, query).toContain(a);
    await expect(alert.getByRole("link", { name: "기본 보기로 이동" })).toHaveAttribute("href", /\/segment\?/);
    await expect(page.getByTestId("priority-list")).toHaveCount(0);
  }
  await expectNoHorizontalOverflow(page);
  await expectAxeClean(page);
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the server's first render already holds the segment's numbers", async ({ page, request }) => {
    const { priority } = await api(request, "11440", "M", 30);
    await page.goto("/segment?district=mapo-gu&sex=M&age=30");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 30대 남성 광고 우선순위");
    expect(await attrs(priorityItems(page), "data-service")).toEqual(priority.overall.map((s) => s.service));
    await expect(page.getByTestId("monthly-priority").locator("tbody tr")).toHaveCount(priority.monthly.length);
  });
});
