import { expect, test } from "@playwright/test";
import { expectAxeClean, expectNoHorizontalOverflow, saveScreenshot, trackConsoleErrors } from "./support/checks";
import { expectNoHangulWordSplit } from "./support/typography";

test.describe("/method", () => {
  test("explains the method with the loaded dataset's months", async ({ page, request }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const meta = (await (await request.get("/api/meta")).json()) as {
      dataset: { months: string[]; attribution: string; method: string | null; kind: string };
    };
    const months = meta.dataset.months;
    const label = (m: string) => `${m.slice(0, 4)}년 ${Number(m.slice(5))}월`;
    const res = await page.goto("/method");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("분석 방법");
    await expect(page.getByTestId("method-months")).toHaveText(
      `${label(months[0]!)} – ${label(months.at(-1)!)} (${months.length}개월)`,
    );
    await expect(page.getByTestId("method-month-list").locator("li")).toHaveText(months.map(label));
    await expect(page.getByTestId("method-aggregation")).toContainText(
      meta.dataset.kind === "bundled" || meta.dataset.method === "unweighted" ? "단순 평균" : "인구 가중 평균",
    );
    await expect(page.getByRole("main")).toContainText(meta.dataset.attribution);
    // Every topic the issue names, each its own section.
    for (const h of [
      "자료와 기간",
      "고객층과 집계",
      "단위와 일평균",
      "z 점수: 서비스끼리 비교하는 법",
      "월별 z와 좋은 달",
      "자치구 효과",
      "상관계수 r과 그 한계",
      "예산 계획의 배분 규칙",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
    }
    // The fragile-r caveat with its computed threshold: 9 points → |r| > 0.67 by chance 5% of the time.
    await expect(page.getByTestId("method-critical-r")).toContainText(`${months.length}개 점`);
    if (months.length === 9) await expect(page.getByTestId("method-critical-r")).toContainText("|r| > 0.67");
    await expect(page.getByTestId("z-bands").locator("tbody tr")).toHaveCount(7);
    // Only U+2212 for negative numbers.
    expect(await page.getByRole("main").innerText()).not.toMatch(/(^|[\s(])-\d/m);
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "method", testInfo);
    expect(errors).toEqual([]);
  });

  test("no Hangul word is split across lines at 360 px", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/method");
    await expectNoHangulWordSplit(page, "h1, h2, h3, .lead, .site-header a, .site-header button, caption, dt, th");
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, "method-360", testInfo);
  });
});
