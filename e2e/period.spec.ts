import { expect, test } from "@playwright/test";
import { expectAxeClean, expectNoHorizontalOverflow, saveScreenshot, trackConsoleErrors } from "./support/checks";

/** The analysis window: one period control on every page, carried by the header links (issue 17). */

test("the period control switches the segment page to all 21 months, marks 2022-10 and keeps the choice across pages", async ({ page }, testInfo) => {
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

  await page.goto("/segment?from=2021-01&to=2021-06");
  await expect(page.getByTestId("param-problem-from")).toContainText("2022-01");
});
