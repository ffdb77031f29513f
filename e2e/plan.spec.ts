import { read, utils } from "@e965/xlsx";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  downloadCsv,
  expectAxeClean,
  expectNoHorizontalOverflow,
  parseCsv,
  saveScreenshot,
  tableValues,
  trackConsoleErrors,
} from "./support/checks";

interface PlanBody {
  service: string;
  budget: number;
  cpm: number;
  cap: number;
  months: string[];
  impressions: number;
  spent: number;
  unspent: number;
  reach: { lower: number; upper: number };
  reach3: { lower: number; upper: number };
  segments: {
    segment: { district: { slug: string; name_ko: string }; sex: "F" | "M"; age: number };
    budget: number;
    impressions: number;
    saturated: boolean;
  }[];
  byMonth: { month: string; budget: number }[];
}

const SEX = { F: "여성", M: "남성" } as const;

/** The /api/plan answer for a page query (the page's defaults written out: the API requires budget and cpm). */
async function apiPlan(request: APIRequestContext, query: URLSearchParams): Promise<PlanBody> {
  const q = new URLSearchParams({ service: "delivery", budget: "50000000", cpm: "5000" });
  for (const [k, v] of query) q.set(k, v);
  const res = await request.get(`/api/plan?${q}`);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** The page's totals, segment rows and month totals equal the API's plan for the page's own URL. */
async function expectPageEqualsApi(page: Page, request: APIRequestContext): Promise<PlanBody> {
  await expect(page.getByTestId("plan-results")).toHaveAttribute("data-busy", "false");
  const api = await apiPlan(request, new URL(page.url()).searchParams);
  const totals = page.getByTestId("plan-totals");
  for (const key of ["impressions", "spent", "unspent"] as const) {
    await expect(totals.locator(`[data-total="${key}"]`)).toHaveAttribute("data-value", String(api[key]));
  }
  const table = page.getByTestId("plan-segments-table");
  await expect(table.locator("tbody tr")).toHaveCount(api.segments.length);
  const rows = await tableValues(table);
  expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual(
    api.segments.map((s) => [s.segment.district.name_ko, SEX[s.segment.sex], `${s.segment.age}대`]),
  );
  // 원 and impressions are whole (largest remainder), each within a unit per month of the API's, and add
  // up to the rounded totals.
  rows.forEach((r, i) => {
    expect(Math.abs(Number(r[4]) - api.segments[i]!.budget)).toBeLessThanOrEqual(api.months.length);
    expect(Math.abs(Number(r[6]) - api.segments[i]!.impressions)).toBeLessThanOrEqual(api.months.length);
  });
  expect(rows.reduce((a, r) => a + Number(r[4]), 0)).toBe(Math.round(api.spent));
  expect(rows.reduce((a, r) => a + Number(r[6]), 0)).toBe(Math.round(api.impressions));
  for (const key of ["reach", "reach3"] as const) {
    await expect(totals.locator(`[data-total="${key}"]`)).toHaveAttribute("data-lower", String(api[key].lower));
    await expect(totals.locator(`[data-total="${key}"]`)).toHaveAttribute("data-upper", String(api[key].upper));
  }
  const monthTotals = await page
    .getByTestId("plan-flight-grid")
    .locator("tfoot td")
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-value"))));
  expect(monthTotals).toEqual([...api.byMonth.map((m) => m.budget), api.spent]);
  return api;
}

async function totalsText(page: Page) {
  return page.getByTestId("plan-totals").evaluate((el) => el.textContent);
}

test.describe("/plan", () => {
  test("a deep link equals /api/plan; CSV and XLSX rows equal the table", async ({ page, request }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const url = "/plan?service=delivery&budget=30000000&cpm=4000&cap=5&months=2023-03,2023-04,2023-05";
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    await expect(page).toHaveTitle("배달 광고 예산 계획 · 3,000만 원 · AdTarget Seoul");
    await expect(page.getByLabel("예산", { exact: true })).toHaveValue("30,000,000");
    await expect(page.getByLabel("CPM (노출 1,000회당 단가)")).toHaveValue("4,000");
    await expect(page.getByTestId("plan-months").locator('[aria-pressed="true"]')).toHaveCount(3);
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(10);
    const api = await expectPageEqualsApi(page, request);
    const first = api.segments[0]!.segment;
    await expect(page.getByTestId("plan-summary")).toContainText(
      `${first.district.name_ko} ${first.age}대 ${SEX[first.sex]}에 가장 많은`,
    );
    await expect(page.getByRole("heading", { name: "배정 방식" })).toBeVisible();
    await expect(page.getByText(/인구 × 그 달 배달 이용 z/)).toBeVisible();

    // The chart is drawn once scrolled to.
    await page.getByTestId("plan-budget-chart").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("plan-budget-chart").locator(".recharts-bar-rectangle")).toHaveCount(
      api.segments.length,
    );

    const segmentsFrame = page.locator("section.chart-frame").filter({ has: page.getByTestId("plan-segments-table") });
    const csv = parseCsv(await downloadCsv(page, segmentsFrame.getByTestId("csv-download")));
    const tableRows = await tableValues(page.getByTestId("plan-segments-table"));
    expect(csv.slice(1)).toEqual(tableRows);
    expect(csv[0]![4]).toBe("예산 (원)");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-xlsx").click()]);
    expect(download.suggestedFilename()).toMatch(/^adtarget-plan-delivery-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = read(await readFile((await download.path())!), { type: "buffer" });
    expect(book.SheetNames).toEqual(["고객층별 예산", "월별 편성", "월별 노출·도달", "빈도 분포", "입력·출처·방법"]);
    const sheet = utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: "" });
    expect(sheet[0]).toEqual(csv[0]);
    expect(sheet.slice(1).map((r) => r.map((v) => String(v)))).toEqual(tableRows);
    const months = utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[1]!]!, { header: 1, defval: "" });
    const monthTotals = months.at(-1)!;
    expect(monthTotals[0]).toBe("월 합계");
    expect(
      monthTotals
        .slice(1, -1)
        .every(
          (v, i) => Number.isInteger(v) && Math.abs((v as number) - api.byMonth[i]!.budget) <= api.segments.length,
        ),
    ).toBe(true);
    expect(monthTotals.at(-1)).toBe(Math.round(api.spent));

    await expectAxeClean(page);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "plan-deep-link", testInfo);
    expect(errors).toEqual([]);
  });

  test("typing recalculates and replaces the URL; back leaves the page; the shared URL and a reload reproduce the plan", async ({
    page,
    request,
    context,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/service");
    await page.goto("/plan");
    const before = await totalsText(page);

    const budget = page.getByLabel("예산", { exact: true });
    await budget.click();
    await budget.press("ControlOrMeta+a");
    await budget.pressSequentially("123456789");
    // Grouped while typing.
    await expect(budget).toHaveValue("123,456,789");
    await expect(page).toHaveURL(/budget=123456789/);
    await expect(page).toHaveTitle(/1억 2,346만 원/);

    const cap = page.getByLabel("빈도 상한 (1인당 월 노출)");
    await cap.fill("2");
    await cap.blur();
    await expect(page).toHaveURL(/cap=2(&|$)/);
    await page.getByTestId("plan-months").locator('[data-month="2023-01"]').click();
    await expect(page).toHaveURL(/months=2023-02/);
    const firstSegment = page.getByTestId("plan-segments").locator("li").first();
    const removed = await firstSegment.getAttribute("data-segment");
    await firstSegment.getByRole("button").click();
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(9);
    await expect(page).toHaveURL(/segments=/);
    expect(new URL(page.url()).searchParams.get("segments")).not.toContain(removed!);

    await expectPageEqualsApi(page, request);
    expect(await totalsText(page)).not.toBe(before);
    const shared = page.url();
    const table = await tableValues(page.getByTestId("plan-segments-table"));
    const totals = await totalsText(page);
    await saveScreenshot(page, "plan-edited", testInfo);

    // Someone else opening the link sees the same plan, rendered by the server.
    const other = await context.newPage();
    await other.goto(shared);
    expect(await tableValues(other.getByTestId("plan-segments-table"))).toEqual(table);
    expect(await totalsText(other)).toBe(totals);
    await other.close();

    // A reload restores every input and the plan.
    await page.reload();
    await expect(page.getByLabel("예산", { exact: true })).toHaveValue("123,456,789");
    await expect(page.getByLabel("빈도 상한 (1인당 월 노출)")).toHaveValue("2");
    await expect(page.getByTestId("plan-months").locator('[data-month="2023-01"]')).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    expect(await tableValues(page.getByTestId("plan-segments-table"))).toEqual(table);

    // Every change replaced the history entry: back goes to the page before /plan.
    await page.goBack();
    await expect(page).toHaveURL(/\/service$/);
    expect(errors).toEqual([]);
  });

  test("a plan with nothing to weight by is explained in Korean, and the inputs still work", async ({
    page,
    request,
  }, testInfo) => {
    const res = await page.goto("/plan?service=game&segments=gangnam-gu.F.20");
    expect(res?.status()).toBe(200);
    const api = await request.get("/api/plan?service=game&budget=50000000&cpm=5000&segments=gangnam-gu.F.20");
    expect(api.status()).toBe(400);
    const notice = page.getByTestId("plan-no-weight");
    await expect(notice).toContainText("고른 1개 고객층은 2023년 1월~9월에 게임 서비스를 서울 평균보다 많이 쓰지 않아");
    await expect(page.getByTestId("plan-totals")).toHaveCount(0);
    await expectAxeClean(page);
    await saveScreenshot(page, "plan-no-weight", testInfo);

    // Adding a segment that does over-use the service gives a plan.
    await page.getByLabel("자치구").selectOption({ label: "관악구" });
    await page.getByLabel("성별", { exact: true }).selectOption("M");
    await page.getByLabel("연령대").selectOption("20");
    await page.getByTestId("plan-add").click();
    await expect(page).toHaveURL(/segments=gangnam-gu\.F\.20(%2C|,)gwanak-gu\.M\.20/);
    await expect(notice).toHaveCount(0);
    await expectPageEqualsApi(page, request);
  });

  test("an invalid link answers 400, says which value is wrong and still plans with the rest", async ({
    page,
    request,
  }) => {
    const res = await page.goto("/plan?service=game&budget=lots&cap=3");
    expect(res?.status()).toBe(400);
    await expect(page.getByTestId("param-problem-budget")).toBeVisible();
    // A range has no list of values: its range is shown instead.
    await expect(page.getByTestId("param-problem-budget")).toContainText("쓸 수 있는 값: 10000–10000000000");
    await expect(page.getByLabel("서비스", { exact: true })).toHaveValue("game");
    await expect(page.getByLabel("예산", { exact: true })).toHaveValue("50,000,000");
    const api = await apiPlan(request, new URLSearchParams("service=game&cap=3"));
    await expect(page.getByTestId("plan-totals").locator('[data-total="spent"]')).toHaveAttribute(
      "data-value",
      String(api.spent),
    );
  });

  test("the finance brief by clicks: 20–30대 여성 in three districts, 3천만원, June–August; reach, curve, workbook", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/plan");
    await page.getByLabel("서비스", { exact: true }).selectOption("finance");
    await expect(page).toHaveURL(/service=finance/);

    const budget = page.getByLabel("예산", { exact: true });
    await budget.click();
    await budget.press("ControlOrMeta+a");
    await budget.pressSequentially("3천만원");
    await expect(page.getByTestId("plan-budget-echo")).toHaveText("= 30,000,000원");
    await expect(page).toHaveURL(/budget=30000000/);
    await budget.blur();
    await expect(budget).toHaveValue("30,000,000");

    for (const m of ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-09"])
      await page.getByTestId("plan-months").locator(`[data-month="${m}"]`).click();
    await expect(page).toHaveURL(/months=2023-06(%2C|,)2023-07(%2C|,)2023-08/);

    // Adding to the default list says it adds to the top 10; clearing first plans only the brief.
    await expect(page.getByTestId("plan-add")).toHaveText("상위 10개에 추가");
    await page.getByTestId("plan-clear").click();
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(0);
    await expect(page.getByTestId("plan-stale")).toContainText("고객층이 없습니다");
    for (const district of ["강남구", "서초구", "송파구"]) {
      for (const age of ["20", "30"]) {
        await page.getByLabel("자치구").selectOption({ label: district });
        await page.getByLabel("성별", { exact: true }).selectOption("F");
        await page.getByLabel("연령대").selectOption(age);
        await page.getByTestId("plan-add").click();
      }
    }
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(6);
    await expect(page.getByTestId("plan-stale")).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get("segments")!.split(",").sort()).toEqual([
      "gangnam-gu.F.20",
      "gangnam-gu.F.30",
      "seocho-gu.F.20",
      "seocho-gu.F.30",
      "songpa-gu.F.20",
      "songpa-gu.F.30",
    ]);
    const api = await expectPageEqualsApi(page, request);
    expect(api).toMatchObject({ service: "finance", budget: 30_000_000, months: ["2023-06", "2023-07", "2023-08"] });
    expect(api.reach.lower).toBeLessThanOrEqual(api.reach.upper);
    await expect(page.getByTestId("plan-totals").locator('[data-total="reach"]')).toContainText("~");
    await expect(page.getByTestId("plan-reach-rule")).toContainText("음이항 분포");

    // The curve: drawn once scrolled to, with its table of the seven budgets from /api/plan/curve.
    const curveQuery = new URLSearchParams(new URL(page.url()).search);
    curveQuery.set("cpm", "5000");
    const curve = await (await request.get(`/api/plan/curve?${curveQuery}`)).json();
    await page.getByTestId("plan-curve-chart").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("plan-curve-chart").locator(".recharts-area")).toHaveCount(2);
    const curveRows = await tableValues(page.getByTestId("plan-curve-table"));
    expect(curveRows.map((r) => Number(r[1]))).toEqual(curve.points.map((p: { budget: number }) => p.budget));
    await expect(page.getByTestId("plan-frequency-table").locator("tbody tr")).toHaveCount(11);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("plan-xlsx").click()]);
    const book = read(await readFile((await download.path())!), { type: "buffer" });
    const reachSheet = utils.sheet_to_json<unknown[]>(book.Sheets["월별 노출·도달"]!, { header: 1, defval: "" });
    expect(reachSheet).toHaveLength(1 + 6 * 3);
    expect(reachSheet.slice(1).reduce((a, r) => a + (r[3] as number), 0)).toBe(Math.round(api.impressions));

    if (testInfo.project.name === "desktop") {
      // At 1366 px every column of the segments table, 광고 게재처 last, fits without scrolling.
      expect(
        await page.getByTestId("plan-segments-table").evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth),
      ).toBe(true);
    } else {
      // On a phone the month grid scrolls sideways, and says so.
      await expect(page.getByTestId("plan-grid-hint")).toContainText("8월과 합계");
    }
    await expectAxeClean(page);
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "plan-finance-brief", testInfo);
    expect(errors).toEqual([]);
  });

  test("while an input is invalid the results are the previous plan and cannot be downloaded", async ({ page }) => {
    await page.goto("/plan?service=finance&budget=30000000");
    const cpm = page.getByLabel("CPM (노출 1,000회당 단가)");
    await cpm.fill("0");
    await expect(page.getByTestId("plan-stale")).toContainText("이전 계획");
    await expect(page.getByTestId("plan-stale")).toContainText("CPM 값이 올바르지 않습니다");
    await expect(page.getByText("100원 이상 1,000,000원 이하로 입력하세요.")).toBeVisible();
    await expect(page.locator("#plan-summary-title")).toContainText("이전 계획");
    // The results are inert: the workbook link cannot be followed.
    await expect(page.getByTestId("plan-results").locator("[inert]")).toHaveCount(1);
    const budget = page.getByLabel("예산", { exact: true });
    await budget.fill("3e7");
    await expect(page.getByText(/3e7 같은 지수 표기는 쓸 수 없습니다/)).toBeVisible();
    await cpm.fill("5천");
    await budget.fill("3천만");
    await budget.blur();
    await cpm.blur();
    await expect(page.getByTestId("plan-stale")).toHaveCount(0);
    // 5천 is the default CPM: read, shown grouped, and left out of the URL.
    await expect(cpm).toHaveValue("5,000");
    await expect(page).not.toHaveURL(/cpm=/);
    await expect(page.locator("#plan-summary-title")).not.toContainText("이전 계획");
  });

  test("a link with one bad segment id plans the valid ones and names the bad one in full, with a fix", async ({
    page,
  }) => {
    const res = await page.goto("/plan?service=finance&segments=gangnam-gu.F.20,gangnam-gu.F.2O,seocho-gu.F.30");
    expect(res?.status()).toBe(400);
    const notice = page.getByTestId("plan-dropped-segments");
    await expect(notice).toContainText("gangnam-gu.F.2O");
    await expect(notice).toContainText("나머지 올바른 고객층 2개로 계획했습니다");
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(2);
    await expect(page.getByTestId("plan-segments").locator("li").first()).toHaveAttribute(
      "data-segment",
      "gangnam-gu.F.20",
    );
    await expect(page.getByTestId("plan-totals")).toBeVisible();
    await expectAxeClean(page);
    await page.getByTestId("plan-fix-link").click();
    await expect(page).toHaveURL(/segments=gangnam-gu\.F\.20(%2C|,)seocho-gu\.F\.30$/);
    await expect(page.getByTestId("plan-dropped-segments")).toHaveCount(0);
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(2);
  });

  test("no horizontal overflow at 360 px", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "phone width only");
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/plan?segments=gangnam-gu.F.20,gwanak-gu.M.30,yeongdeungpo-gu.M.70");
    await expect(page.getByTestId("plan-totals")).toBeVisible();
    await page.getByTestId("plan-budget-chart").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("plan-budget-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "plan-360", testInfo);
  });
});
