import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { PriorityResponse, SeasonalityResponse, TrendResponse } from "@/lib/api/types";
import { describeZ, formatSigned } from "@/lib/format";
import {
  downloadCsv,
  expectAxeClean,
  expectNoHorizontalOverflow,
  parseCsv,
  saveScreenshot,
  tableValues,
  trackConsoleErrors,
} from "./support/checks";

/** The engine, through the API, is the source of truth for every number and order on the page. */
async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** The per-day priority: its ranks and standout months are the month basis's, its bestMonths per day. */
function priorityDay(request: APIRequestContext, district: string, sex: string, age: number) {
  return getJson<PriorityResponse>(
    request,
    `/api/segments/priority?${new URLSearchParams({ district, sex, age: String(age), basis: "day" })}`,
  );
}

function trendOf(request: APIRequestContext, district: string, sex: string, age: number, basis: "month" | "day") {
  return getJson<TrendResponse>(
    request,
    `/api/segments/trend?${new URLSearchParams({ district, sex, age: String(age), basis })}`,
  );
}

const priorityItems = (page: Page) => page.getByTestId("priority-list").locator(":scope > [data-service]");
const attrs = (loc: Locator, name: string) => loc.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
const numbers = async (loc: Locator, name: string) => (await attrs(loc, name)).map(Number);

function frame(page: Page, id: string) {
  return page.locator(`section[aria-labelledby="${id}-title"]`);
}

async function expectPriorityOrder(page: Page, priority: PriorityResponse) {
  await expect.poll(() => attrs(priorityItems(page), "data-service")).toEqual(priority.overall.map((s) => s.service));
}

/** Both "when" answers of all seven services, in priority order, equal the API's per-day priority. */
async function expectWhenAnswers(page: Page, priority: PriorityResponse) {
  const cards = page.getByTestId("when-answers").locator(":scope > [data-service]");
  await expect.poll(() => attrs(cards, "data-service")).toEqual(priority.overall.map((s) => s.service));
  expect(priority.overall).toHaveLength(7);
  for (const [i, s] of priority.overall.entries()) {
    const card = cards.nth(i);
    const standout = priority.standoutMonths.find((m) => m.service === s.service)!;
    const best = priority.bestMonths.find((m) => m.service === s.service)!;
    expect(await attrs(card.getByTestId("standout-months").locator("li"), "data-month"), s.service).toEqual(
      standout.months.map((m) => m.month),
    );
    expect(await numbers(card.getByTestId("standout-months").locator("li"), "data-z"), s.service).toEqual(
      standout.months.map((m) => m.z),
    );
    for (const m of standout.months) await expect(card.getByTestId("standout-months")).toContainText(formatSigned(m.z));
    expect(await attrs(card.getByTestId("best-months").locator("li"), "data-month"), s.service).toEqual(
      best.months.map((m) => m.month),
    );
    expect(await numbers(card.getByTestId("best-months").locator("li"), "data-value"), s.service).toEqual(
      best.months.map((m) => m.value),
    );
  }
}

/** Scrolls the trend chart into view and waits for Recharts to draw it. */
async function showChart(page: Page) {
  await frame(page, "trend").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("trend-chart")).toBeVisible();
}

test("a deep link shows the API's priorities, monthly ranking, when-answers, Seoul strip and trend", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(150_000);
  const errors = trackConsoleErrors(page);
  const [priority, trend, season] = await Promise.all([
    priorityDay(request, "gangnam-gu", "F", 20),
    trendOf(request, "gangnam-gu", "F", 20, "month"),
    getJson<SeasonalityResponse>(request, "/api/seasonality?basis=day"),
  ]);
  const res = await page.goto("/segment?district=gangnam-gu&sex=F&age=20");
  expect(res?.status()).toBe(200);

  await expect(page).toHaveTitle(/강남구 20대 여성 광고 우선순위/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("강남구 20대 여성 광고 우선순위");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\/segment/);
  await expect(page.getByLabel("자치구", { exact: true })).toHaveValue("gangnam-gu");
  await expect(page.getByLabel("자치구", { exact: true }).locator("option")).toHaveCount(25);
  await expect(page.getByLabel("성별", { exact: true })).toHaveValue("F");
  await expect(page.getByLabel("연령대", { exact: true })).toHaveValue("20");
  // Honest lead: usage, not ad response.
  await expect(page.locator(".lead")).not.toContainText("잘 닿");
  await expect(page.locator(".lead")).toContainText("광고에 대한 반응은 재지 않습니다");

  // Priority: the API's order, z in numbers and in words; the z thresholds stated once.
  await expectPriorityOrder(page, priority);
  for (const [i, s] of priority.overall.entries()) {
    await expect(priorityItems(page).nth(i)).toContainText(formatSigned(s.z));
    await expect(priorityItems(page).nth(i)).toContainText(describeZ(s.z));
  }
  await expect(page.getByText("1.5 이상은 매우 높음")).toHaveCount(1);

  // When: both answers for all seven services.
  await expectWhenAnswers(page, priority);

  // Seoul strip: the API's per-day relative level per service and month.
  const strip = page.getByTestId("seasonality-strip");
  await expect(strip.locator("tbody tr")).toHaveCount(7);
  for (const s of season.services) {
    expect(await numbers(strip.locator(`tr[data-service="${s.service}"] td`), "data-value"), s.service).toEqual(
      s.relative,
    );
  }
  await expect(frame(page, "seasonality")).toContainText("9개월의 값뿐이라");

  // Monthly ranking: one row per month, each the API's order that month.
  const rows = page.getByTestId("monthly-priority").locator("tbody tr");
  await expect(rows).toHaveCount(priority.monthly.length);
  for (const [i, m] of priority.monthly.entries()) {
    expect(await attrs(rows.nth(i).locator("td[data-service]"), "data-service")).toEqual(
      m.ranking.map((s) => s.service),
    );
  }

  // Trend (index view): drawn once visible; the table holds the month values behind it.
  await showChart(page);
  const chart = page.getByTestId("trend-chart");
  await expect(chart).toHaveAttribute("data-view", "index");
  await expect(chart.locator(".recharts-line")).toHaveCount(7);
  await expect(frame(page, "trend")).toContainText("선마다 따로");
  await expect(page.getByTestId("trend-table").locator("tbody tr")).toHaveCount(trend.months.length * 7);
  const first = trend.series.find((s) => s.service === priority.overall[0]!.service)!;
  expect(await numbers(page.getByTestId("trend-table").locator("tbody tr td:nth-child(3)"), "data-value")).toContain(
    first.values[0],
  );

  // A legend toggle hides a line and is in the URL (no server round trip needed).
  const last = priority.overall.at(-1)!.service;
  const toggle = chart.locator(`button[data-service="${last}"]`);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page).toHaveURL(new RegExp(`[?&]hide=${last}(&|$)`));
  await expect(chart.locator(".recharts-line")).toHaveCount(6);
  await toggle.click();
  await expect(chart.locator(".recharts-line")).toHaveCount(7);
  await expect(page).not.toHaveURL(/hide=/);

  // Opening a table view is in the URL (shallow: no server round trip).
  await frame(page, "priority").locator("summary").click();
  await expect(page).toHaveURL(/[?&]table=priority(&|$)/);

  // CSVs equal what is shown.
  const priorityCsv = parseCsv(await downloadCsv(page, frame(page, "priority").getByTestId("csv-download")));
  expect(priorityCsv.slice(1)).toEqual(await tableValues(page.getByTestId("priority-table")));
  expect(priorityCsv.slice(1).map((r) => Number(r[2]))).toEqual(priority.overall.map((s) => s.z));
  const whenCsv = parseCsv(await downloadCsv(page, frame(page, "when").getByTestId("csv-download")));
  expect(whenCsv.slice(1)).toEqual(await tableValues(page.getByTestId("when-table")));
  expect(whenCsv).toHaveLength(
    1 +
      priority.standoutMonths.reduce((n, s) => n + s.months.length, 0) +
      priority.bestMonths.reduce((n, s) => n + s.months.length, 0),
  );
  const monthlyCsv = parseCsv(await downloadCsv(page, frame(page, "monthly").getByTestId("csv-download")));
  expect(monthlyCsv[0]).toEqual(await page.getByTestId("monthly-priority").locator("thead th").allTextContents());
  expect(monthlyCsv).toHaveLength(priority.monthly.length + 1);

  await expectNoHorizontalOverflow(page);
  await expectAxeClean(page);
  await saveScreenshot(page, "segment", testInfo);
  expect(errors).toEqual([]);
});

test("Recharts loads only when the chart nears the screen", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/segment?district=gangnam-gu&sex=F&age=20");
  await expect(page.getByTestId("priority-list")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("trend-chart")).toHaveCount(0);
  const atLoad = scripts.length;
  await showChart(page);
  expect(scripts.length, "the chart's code arrives after scrolling").toBeGreaterThan(atLoad);
});

test("the trend chart switches basis and shows one service on its own scale, in the URL", async ({
  page,
  request,
}, testInfo) => {
  // Long on a machine shared with other builds: axe over the whole page takes a while.
  test.setTimeout(150_000);
  const errors = trackConsoleErrors(page);
  const [day, season] = await Promise.all([
    trendOf(request, "mapo-gu", "M", 30, "day"),
    getJson<SeasonalityResponse>(request, "/api/seasonality?basis=day"),
  ]);
  await page.goto("/segment?district=mapo-gu&sex=M&age=30");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await showChart(page);

  await frame(page, "trend").getByRole("button", { name: "일평균" }).click();
  await expect(page).toHaveURL(/[?&]basis=day(&|$)/);
  await expect(frame(page, "trend").getByRole("heading", { level: 2 })).toHaveText("서비스별 월별 사용 추이 (일평균)");
  await expect(frame(page, "trend").getByRole("button", { name: "일평균" })).toHaveAttribute("aria-pressed", "true");
  const dayValues = await numbers(page.getByTestId("trend-table").locator("tbody tr td:nth-child(3)"), "data-value");
  expect(dayValues).toEqual(day.months.flatMap((_, i) => day.series.map((s) => s.values[i]!)));

  await page.getByLabel("보기").selectOption("delivery");
  await expect(page).toHaveURL(/[?&]service=delivery(&|$)/);
  const chart = page.getByTestId("trend-chart");
  await expect(chart).toHaveAttribute("data-view", "delivery");
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  await expect(chart).toContainText("제공처 단위 ÷ 그 달 일수");
  await expect(frame(page, "trend").getByRole("heading", { level: 2 })).toHaveText(
    "배달 월별 사용량 (일평균): 이 고객층과 서울 전체",
  );
  const delivery = day.series.find((s) => s.service === "delivery")!;
  await expect(page.getByTestId("trend-table").locator("tbody tr")).toHaveCount(day.months.length);
  expect(await numbers(page.getByTestId("trend-table").locator("tbody tr td:nth-child(3)"), "data-value")).toEqual(
    delivery.values,
  );
  expect(season.services.find((s) => s.service === "delivery")!.level).toHaveLength(day.months.length);

  // An index service on its own scale explains its negative values.
  await page.getByLabel("보기").selectOption("netflix");
  await expect(chart).toHaveAttribute("data-view", "netflix");
  await expect(frame(page, "trend")).toContainText("음수는 제공처가 표준화한 지수가 기준보다 낮다는 뜻");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await page.reload();
  await expect(page.getByLabel("보기")).toHaveValue("netflix");
  await expect(frame(page, "trend").getByRole("button", { name: "일평균" })).toHaveAttribute("aria-pressed", "true");
  await showChart(page);
  await expect(page.getByTestId("trend-chart")).toHaveAttribute("data-view", "netflix");
  await expectNoHorizontalOverflow(page);
  await expectAxeClean(page);
  await saveScreenshot(page, "segment-one-service", testInfo);
  expect(errors).toEqual([]);
});

test("controls change the URL, view and tab title without a reload; back and forward follow", async ({
  page,
  request,
}) => {
  // Long on a machine shared with other builds: axe over the whole page takes a while.
  test.setTimeout(150_000);
  const errors = trackConsoleErrors(page);
  await page.goto("/segment?district=gangnam-gu&sex=F&age=20");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  await page.getByLabel("자치구", { exact: true }).selectOption({ label: "마포구" });
  await expect(page).toHaveURL(/[?&]district=mapo-gu(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 20대 여성 광고 우선순위");
  await expect(page).toHaveTitle(/마포구 20대 여성 광고 우선순위/);

  await page.getByLabel("성별", { exact: true }).selectOption("M");
  await expect(page).toHaveURL(/[?&]sex=M(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 20대 남성 광고 우선순위");

  await page.getByLabel("연령대", { exact: true }).selectOption("40");
  await expect(page).toHaveURL(/[?&]age=40(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 40대 남성 광고 우선순위");
  await expect(page).toHaveTitle(/마포구 40대 남성 광고 우선순위/);
  const priority = await priorityDay(request, "mapo-gu", "M", 40);
  await expectPriorityOrder(page, priority);
  await expectWhenAnswers(page, priority);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 20대 남성 광고 우선순위");
  await expect(page.getByLabel("연령대", { exact: true })).toHaveValue("20");
  await expect(page).toHaveTitle(/마포구 20대 남성 광고 우선순위/);
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 40대 남성 광고 우선순위");
  await expect(page.getByLabel("연령대", { exact: true })).toHaveValue("40");
  await expectPriorityOrder(page, priority);
  expect(errors).toEqual([]);
});

test("links are forgiving: slug case, sex case, code and Korean name", async ({ page, request }) => {
  const errors = trackConsoleErrors(page);
  for (const [query, h1, slug] of [
    ["district=Gangnam-gu&sex=f&age=20", "강남구 20대 여성 광고 우선순위", "gangnam-gu"],
    ["district=11680&sex=m&age=40", "강남구 40대 남성 광고 우선순위", "gangnam-gu"],
    [`district=${encodeURIComponent("마포구")}&sex=F&age=60`, "마포구 60대 여성 광고 우선순위", "mapo-gu"],
  ] as const) {
    const res = await page.goto(`/segment?${query}`);
    expect(res?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1);
    await expect(page.getByLabel("자치구", { exact: true })).toHaveValue(slug);
  }
  await expectPriorityOrder(page, await priorityDay(request, "mapo-gu", "F", 60));
  // A link with an open table view opens that one.
  expect((await page.goto("/segment?district=mapo-gu&sex=F&age=60&table=when"))?.status()).toBe(200);
  await expect(frame(page, "when").locator("details.chart-table")).toHaveAttribute("open", "");
  await expect(frame(page, "priority").locator("details.chart-table")).not.toHaveAttribute("open");
  expect(errors).toEqual([]);
});

test("sex=T explains that a segment is one sex and links to both, keeping district and age", async ({
  page,
}, testInfo) => {
  // Long on a machine shared with other builds: axe over the whole page takes a while.
  test.setTimeout(150_000);
  const errors = trackConsoleErrors(page);
  const res = await page.goto("/segment?district=mapo-gu&sex=T&age=30");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 30대 — 성별을 골라 주세요");
  await expect(page).toHaveTitle(/마포구 30대 — 성별을 골라 주세요/);
  const choice = page.getByTestId("sex-choice");
  await expect(choice).toContainText("고객층은 성별 하나씩입니다");
  await expect(choice.locator('a[data-sex="F"]')).toHaveAttribute("href", "/segment?district=mapo-gu&age=30");
  await expect(choice.locator('a[data-sex="M"]')).toHaveAttribute("href", "/segment?district=mapo-gu&sex=M&age=30");
  await expect(page.getByTestId("priority-list")).toHaveCount(0);
  await expect(page.getByLabel("성별", { exact: true })).toHaveValue("");
  await expectNoHorizontalOverflow(page);
  await expectAxeClean(page);
  await saveScreenshot(page, "segment-both-sexes", testInfo);

  await choice.locator('a[data-sex="M"]').click();
  await expect(page).toHaveURL(/\/segment\?district=mapo-gu&sex=M&age=30$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 30대 남성 광고 우선순위");
  expect(errors).toEqual([]);
});

const INVALID: {
  query: string;
  parameter: string;
  allowed: string[];
  kept: { district: string; sex: string; age: string };
}[] = [
  {
    query: "district=nowhere&sex=M&age=40",
    parameter: "district",
    allowed: ["gangnam-gu", "jongno-gu"],
    kept: { district: "gangnam-gu", sex: "M", age: "40" },
  },
  {
    query: "district=mapo-gu&sex=F&age=25",
    parameter: "age",
    allowed: ["20", "30", "70"],
    kept: { district: "mapo-gu", sex: "F", age: "20" },
  },
  {
    query: "district=mapo-gu&sex=X&age=40",
    parameter: "sex",
    allowed: ["F", "M", "T"],
    kept: { district: "mapo-gu", sex: "F", age: "40" },
  },
  {
    query: "district=mapo-gu&sex=F&sex=M&age=40",
    parameter: "sex",
    allowed: ["F", "M"],
    kept: { district: "mapo-gu", sex: "F", age: "40" },
  },
  {
    query: "district=mapo-gu&sex=M&age=40&basis=week&service=tv",
    parameter: "basis service",
    allowed: ["month", "day", "delivery"],
    kept: { district: "mapo-gu", sex: "M", age: "40" },
  },
];

test("an invalid link answers 400 with the controls, the valid choices kept and the allowed values", async ({
  page,
}, testInfo) => {
  // Long on a machine shared with other builds: axe over the whole page takes a while.
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  for (const { query, parameter, allowed, kept } of INVALID) {
    const res = await page.goto(`/segment?${query}`);
    expect(res?.status(), query).toBe(400);
    const alert = page.getByTestId("param-error");
    await expect(alert, query).toBeVisible();
    await expect(alert).toHaveAttribute("data-parameter", parameter);
    const codes = await alert.locator("code").allTextContents();
    for (const a of allowed) expect(codes, query).toContain(a);
    await expect(page.getByLabel("자치구", { exact: true })).toHaveValue(kept.district);
    await expect(page.getByLabel("성별", { exact: true })).toHaveValue(kept.sex);
    await expect(page.getByLabel("연령대", { exact: true })).toHaveValue(kept.age);
    // The view is there for the kept choices, and the fixed link leads to it.
    await expect(page.getByTestId("priority-list")).toBeVisible();
    await expect(alert.getByRole("link", { name: "올바른 값으로 고친 보기로 이동" })).toHaveAttribute(
      "href",
      /^\/segment/,
    );
  }
  await expectNoHorizontalOverflow(page);
  await expectAxeClean(page);
  await saveScreenshot(page, "segment-invalid", testInfo);
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the server's first render already holds the answers", async ({ page, request }) => {
    const priority = await priorityDay(request, "mapo-gu", "M", 30);
    await page.goto("/segment?district=mapo-gu&sex=M&age=30&basis=day");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("마포구 30대 남성 광고 우선순위");
    expect(await attrs(priorityItems(page), "data-service")).toEqual(priority.overall.map((s) => s.service));
    await expectWhenAnswers(page, priority);
    await expect(page.getByTestId("monthly-priority").locator("tbody tr")).toHaveCount(priority.monthly.length);
    await expect(page.getByTestId("seasonality-strip").locator("tbody tr")).toHaveCount(7);
    // The chart's numbers are in its table view (the HTML also holds a streamed copy of each table view
    // for the browser to swap in, hence the first).
    await expect(page.getByTestId("trend-table").first().locator("tbody tr")).toHaveCount(priority.monthly.length * 7);
  });
});

test("on a phone the monthly ranking reaches all seven ranks with the month column in place", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone layout");
  await page.goto("/segment?district=gangnam-gu&sex=F&age=20");
  const region = page.getByRole("region", { name: "월별 우선순위 표" });
  await region.scrollIntoViewIfNeeded();
  await expect(page.getByText("옆으로 밀면 7위까지 보입니다")).toBeVisible();
  await region.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const row = page.getByTestId("monthly-priority").locator("tbody tr").first();
  const month = await row.locator("th").boundingBox();
  const seventh = await row.locator("td").nth(6).boundingBox();
  const box = await region.boundingBox();
  expect(month!.x).toBeLessThanOrEqual(box!.x + 2);
  expect(seventh!.x + seventh!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
  expect(seventh!.x).toBeGreaterThanOrEqual(month!.x + month!.width - 1);
  await saveScreenshot(page, "segment-monthly-scrolled", testInfo);
});
