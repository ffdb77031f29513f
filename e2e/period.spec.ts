import { expect, test } from "@playwright/test";
import { expectAxeClean, expectNoHorizontalOverflow, saveScreenshot, trackConsoleErrors } from "./support/checks";

/** The analysis window: one period control on every page, carried by the header links (issue 17). */

test("the period control switches the segment page to all 21 months, marks 2022-10 and keeps the choice across pages", async ({
  page,
}, testInfo) => {
  const errors = trackConsoleErrors(page);
  await page.goto("/segment?district=gangnam-gu&sex=F&age=30");
  const control = page.getByTestId("period-control");
  await expect(control.getByTestId("period-default")).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("quality-notes")).toHaveCount(0); // 2023 has no doubtful month

  await control.getByTestId("period-all").click();
  await expect(page).toHaveURL(/from=2022-01&to=2023-09/);
  await expect(control.getByTestId("period-all")).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("quality-notes")).toContainText("2022년 10월");
  await expect(page.getByTestId("monthly-priority")).toContainText("2022년 10월 ⚠");
  await expect(page.getByTestId("trend-season")).toContainText("21개월 동안");
  await expect(page.getByTestId("profile-table")).toContainText("SNS 사용횟수");
  await expect(page.getByTestId("groups-table")).toContainText("외출이 매우 적은 집단(전체)");
  await expectNoHorizontalOverflow(page);
  await expectAxeClean(page);
  await saveScreenshot(page, "period-segment-all", testInfo);

  const serviceLink = page.locator("header nav a[href^='/service']").first();
  await expect(serviceLink).toHaveAttribute("href", /from=2022-01&to=2023-09/);
  expect(errors).toEqual([]);
});

test("a custom from–to works without script, and a window without data is explained", async ({ page }) => {
  await page.goto("/insights");
  const control = page.getByTestId("period-control");
  await control.locator("#period-from").selectOption("2022-03");
  await control.locator("#period-to").selectOption("2022-05");
  await control.getByRole("button", { name: "기간 적용" }).click();
  await expect(page).toHaveURL(/from=2022-03&to=2022-05/);
  await expect(control).toContainText("지금 기간: 2022년 3월–2022년 5월");

  // The page explains the window and answers 400, as the API does for the same from/to.
  const response = await page.goto("/segment?from=2021-01&to=2021-06");
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId("param-problem-from")).toContainText("2022-01");
  const api = await page.request.get("/api/segments/priority?district=gangnam-gu&sex=F&age=30&from=2021-01&to=2021-06");
  expect(api.status()).toBe(400);
  expect(((await api.json()) as { parameter: string }).parameter).toBe("from");
});

test("a page link whose window the data cannot answer is a 400 on every page that analyses a window; /plan's months are its window's", async ({
  request,
}) => {
  for (const path of ["/segment", "/insights", "/service", "/audience", "/compare", "/plan"]) {
    expect((await request.get(`${path}?from=2030-01&to=2030-02`)).status(), path).toBe(400);
  }
  // /plan with the default window: a month outside it is invalid; its own months are the default.
  expect((await request.get("/plan?months=2022-03")).status()).toBe(400);
  expect(
    (
      await request.get("/plan?months=2023-01,2023-02,2023-03,2023-04,2023-05,2023-06,2023-07,2023-08,2023-09")
    ).status(),
  ).toBe(200);
  expect((await request.get("/plan?from=2022-01&to=2022-12&months=2022-03")).status()).toBe(200);
  // 행정동 pages show the months with 행정동 figures instead, with a note: no invalid link.
  expect((await request.get("/dongs?from=2030-01&to=2030-02")).status()).toBe(200);
});
