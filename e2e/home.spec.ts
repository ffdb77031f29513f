import { expect, test } from "@playwright/test";
import { expectAxeClean, expectNoHorizontalOverflow, saveScreenshot, trackConsoleErrors } from "./support/checks";

test.describe("/", () => {
  test("home answers where/whom/when and describes the loaded dataset", async ({ page, request }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const meta = (await (await request.get("/api/meta")).json()) as { dataset: { kind: string; attribution: string; aggregation: string; months: string[] } };
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("어디에, 누구에게, 언제");

    const note = page.getByTestId("data-note");
    await expect(note.getByTestId("data-months")).toHaveText("2023년 1월 – 2023년 9월 (9개월)");
    await expect(note.getByTestId("data-months")).toHaveAttribute("data-count", String(meta.dataset.months.length));
    await expect(note.getByTestId("data-attribution")).toHaveText(meta.dataset.attribution);
    await expect(note.getByTestId("data-kind")).toContainText(meta.dataset.kind === "bundled" ? "내장된 2023년 자료" : "가져온 자료");
    await expect(note).toContainText(meta.dataset.aggregation);

    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "home", testInfo);
    expect(errors).toEqual([]);
  });

  test("the three page cards link to their pages", async ({ page }) => {
    const errors = trackConsoleErrors(page);
    for (const [href, heading] of [
      ["/insights", "현황 분석"],
      ["/segment", "고객별 맞춤형 광고"],
      ["/service", "서비스별 타겟 고객"],
    ] as const) {
      await page.goto("/");
      const link = page.getByTestId("page-links").getByRole("link", { name: new RegExp(heading) });
      await expect(link).toHaveAttribute("href", href);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${href}(\\?|$)`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("not-found")).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });
});
