import { expect, test } from "@playwright/test";
import { expectAxeClean, expectNoHorizontalOverflow, saveScreenshot, trackConsoleErrors } from "./support/checks";
import { expectNoHangulWordSplit, hangulWordSplits } from "./support/typography";

test.describe("/", () => {
  test("home answers where/whom/when and describes the loaded dataset", async ({ page, request }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const meta = (await (await request.get("/api/meta")).json()) as {
      dataset: { kind: string; attribution: string; aggregation: string; months: string[] };
    };
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("어디에, 누구에게, 언제");
    await expect(page).toHaveTitle("AdTarget Seoul — 서울 광고 타겟팅");

    const note = page.getByTestId("data-note");
    await expect(note.getByTestId("data-months")).toHaveText("2023년 1월 – 2023년 9월 (9개월)");
    await expect(note.getByTestId("data-months")).toHaveAttribute("data-count", String(meta.dataset.months.length));
    await expect(note.getByTestId("data-attribution")).toHaveText(meta.dataset.attribution);
    await expect(note.getByTestId("data-kind")).toContainText(
      meta.dataset.kind === "bundled" ? "내장된 자료" : "가져온 자료",
    );
    await expect(note).toContainText(meta.dataset.aggregation);
    await expect(note.getByRole("link", { name: /계산 방법과 한계/ })).toHaveAttribute("href", "/method");

    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "home", testInfo);
    expect(errors).toEqual([]);
  });

  test("the page cards and the header link every page", async ({ page }) => {
    await page.goto("/");
    const cards = page.getByTestId("page-links").getByRole("link");
    await expect(cards).toHaveCount(6);
    const hrefs = await cards.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["/insights", "/segment", "/service", "/audience", "/compare", "/plan"]);
    const nav = page.getByRole("navigation", { name: "주요 메뉴" }).getByRole("link");
    expect(await nav.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([...hrefs, "/method"]);
  });

  test("the page cards open their pages", async ({ page }) => {
    const errors = trackConsoleErrors(page);
    for (const [href, heading] of [
      ["/insights", "현황 분석"],
      ["/segment", "고객별 맞춤형 광고"],
      ["/service", "서비스별 타겟 고객"],
    ] as const) {
      await page.goto("/");
      const link = page.getByTestId("page-links").getByRole("link", { name: new RegExp(heading) });
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${href}(\\?|$)`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("not-found")).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });

  test("no Hangul word is split across lines at 360 and 390 px", async ({ page }, testInfo) => {
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/");
      await expectNoHangulWordSplit(page, "h1, h2, h3, .lead, .site-header a, .site-header button, dt, strong");
      await expectNoHorizontalOverflow(page);
      await saveScreenshot(page, `home-${width}`, testInfo);
    }
  });

  test("the split check finds a split when words are allowed to break", async ({ page }) => {
    // The check itself must be able to fail: force break-all on a narrow heading.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/");
    await page.locator("h1").evaluate((h) => Object.assign(h.style, { wordBreak: "break-all", width: "150px" }));
    expect((await hangulWordSplits(page, "h1")).length).toBeGreaterThan(0);
  });
});
