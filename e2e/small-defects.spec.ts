import { expect, test } from "@playwright/test";
import { hangulWordSplits } from "./support/typography";

/**
 * Issue 20's small defects, each checked the way it was found: sort buttons narrower than 44 px on a
 * phone, a sentence split inside a word on /segment, the trend tooltip covering most of the chart on a
 * tap, and compare's axis ticks written "3.000" (read as three thousand).
 */

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("/audience: every sort button is at least 44×44 px (the z column's was 16 px wide)", async ({ page }) => {
    await page.goto("/audience");
    const buttons = page.getByTestId("audience-table").locator("thead button");
    await expect(buttons.first()).toBeVisible();
    const boxes = await buttons.evaluateAll((els) =>
      els.map((b) => ({ name: b.textContent, ...b.getBoundingClientRect().toJSON() })),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(7);
    for (const b of boxes) {
      expect(b.width, `${b.name} width`).toBeGreaterThanOrEqual(44);
      expect(b.height, `${b.name} height`).toBeGreaterThanOrEqual(44);
    }
  });

  test("/segment: chart descriptions never split a word, and '상위 3개입니다' keeps its space", async ({ page }) => {
    await page.goto("/segment");
    const trend = page.locator("section[aria-labelledby=trend-title]");
    await expect(trend.locator(".chart-description")).toContainText("굵은 선은 우선순위 상위 3개입니다.");
    expect((await hangulWordSplits(page, ".chart-description, .chart-header h2")).map((s) => s.at)).toEqual([]);
  });

  test("/segment: a tap on the trend chart opens a tooltip that covers less than half of the chart", async ({
    page,
  }) => {
    await page.goto("/segment");
    const trend = page.locator("section[aria-labelledby=trend-title]");
    await trend.scrollIntoViewIfNeeded();
    const surface = trend.locator(".recharts-surface").first();
    await expect(surface).toBeVisible();
    const chart = (await surface.boundingBox())!;
    await page.touchscreen.tap(chart.x + chart.width / 2, chart.y + chart.height / 2);
    const tooltip = trend.locator(".recharts-tooltip-wrapper");
    await expect(tooltip).toContainText("2023년");
    const tip = (await tooltip.boundingBox())!;
    expect((tip.width * tip.height) / (chart.width * chart.height)).toBeLessThan(0.5);
  });
});

test("/compare: the trend's axis ticks have no trailing zeros ('3', never '3.000')", async ({ page }) => {
  await page.goto("/compare?segments=gangnam-gu.F.20,seocho-gu.M.30&service=finance");
  // The chart loads once its frame scrolls near the viewport.
  await page.locator("section[aria-labelledby=compare-trend-title]").scrollIntoViewIfNeeded();
  const chart = page.getByTestId("compare-trend-chart");
  const ticks = chart.locator(".recharts-cartesian-axis-tick-value");
  await expect(ticks.first()).toBeVisible();
  // The value axis: every tick that is not a month.
  const texts = (await ticks.allTextContents()).filter((t) => !t.endsWith("월"));
  expect(texts.length).toBeGreaterThanOrEqual(3);
  for (const t of texts) expect(t, "a tick with trailing zeros").not.toMatch(/\.\d*0$/);
});
