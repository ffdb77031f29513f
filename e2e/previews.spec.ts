import { expect, test, type APIRequestContext } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectAxeClean } from "./support/checks";

/**
 * Issue 20's previews and chart images: /og/plan shows the plan (so two budgets are two images),
 * /og/service draws the map of the link's group, and every chart's "이미지 저장" downloads a real PNG.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(0, 8).equals(PNG_SIGNATURE), "PNG signature").toBe(true);
  expect(body.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function preview(request: APIRequestContext, path: string): Promise<Buffer> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  const body = await res.body();
  expect(pngSize(body)).toEqual({ width: 1200, height: 630 });
  return body;
}

test.describe("link previews of the views", () => {
  test("/og/plan differs between two budgets, and the plan page links its own preview", async ({ page, request }) => {
    const query =
      "service=finance&months=2023-06,2023-07,2023-08&segments=gangnam-gu.F.20,seocho-gu.F.30,songpa-gu.F.20";
    const a = await preview(request, `/og/plan?${query}&budget=30000000`);
    const b = await preview(request, `/og/plan?${query}&budget=60000000`);
    expect(a.equals(b), "the two budgets' previews are the same image").toBe(false);
    // 3천만원 in the link is the same plan, so the same image.
    expect((await preview(request, `/og/plan?${query}&budget=${encodeURIComponent("3천만원")}`)).equals(a)).toBe(true);
    await page.goto(`/plan?${query}&budget=60000000`);
    const og = new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!, page.url());
    expect(og.pathname).toBe("/og/plan");
    expect(og.searchParams.get("budget")).toBe("60000000");
  });

  test("/og/service draws the map of the link's sex × age: another group is another image", async ({ request }) => {
    const women = await preview(request, "/og/service?service=delivery&sex=F&age=30");
    const men = await preview(request, "/og/service?service=delivery&sex=M&age=30");
    expect(women.equals(men)).toBe(false);
    // A map card carries 25 coloured districts: far more image than a text card.
    expect(women.length).toBeGreaterThan(80_000);
  });

  test("/og/compare and /og/audience show their views, not the generic card", async ({ request }) => {
    const generic = await preview(request, "/og/compare");
    expect((await preview(request, "/og/compare?segments=gangnam-gu.F.20,seocho-gu.M.30")).equals(generic)).toBe(false);
    const audience = await preview(request, "/og/audience");
    expect((await preview(request, "/og/audience?pick=gangnam-gu.F.20,seocho-gu.M.30")).equals(audience)).toBe(false);
  });
});

test.describe("link previews of the 행정동 pages", () => {
  test("/og/dong shows the 행정동 segment: another 행정동 is another image, its name and code one; /dong links it", async ({
    page,
    request,
  }) => {
    const generic = await preview(request, "/og/dong");
    const yeouido = await preview(request, "/og/dong?dong=1119054&sex=F&age=30");
    expect(yeouido.equals(generic), "a 행정동 preview is the generic card").toBe(false);
    expect(
      (await preview(request, `/og/dong?dong=${encodeURIComponent("영등포구 여의동")}&sex=F&age=30`)).equals(yeouido),
    ).toBe(true);
    expect((await preview(request, "/og/dong?dong=1101053&sex=F&age=30")).equals(yeouido)).toBe(false);
    await page.goto(`/dong?dong=${encodeURIComponent("영등포구 여의동")}&sex=F&age=30`);
    const og = new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!, page.url());
    expect(og.pathname).toBe("/og/dong");
    expect(og.searchParams.get("dong")).toBe("1119054");
  });

  test("/og/dongs draws the 행정동 map of the link's service and group: another group is another image", async ({
    page,
    request,
  }) => {
    const women = await preview(request, "/og/dongs?service=delivery&sex=F&age=30");
    const men = await preview(request, "/og/dongs?service=delivery&sex=M&age=30");
    expect(women.equals(men)).toBe(false);
    // The map's 424 coloured 행정동: far more image than a text card.
    expect(women.length).toBeGreaterThan(80_000);
    await page.goto("/dongs?service=delivery&sex=M&age=30");
    const og = new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!, page.url());
    expect(og.pathname).toBe("/og/dongs");
    expect(og.searchParams.get("sex")).toBe("M");
  });
});

test.describe("이미지 저장", () => {
  test("every chart frame has it beside its CSV download", async ({ page }) => {
    await page.goto("/insights");
    const frames = page.locator("section.chart-frame");
    const n = await frames.count();
    expect(n).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < n; i++) {
      const downloads = frames.nth(i).locator(".chart-downloads");
      await expect(downloads.getByTestId("csv-download")).toBeVisible();
      await expect(downloads.getByRole("button", { name: "이미지 저장" })).toBeVisible();
      const box = (await downloads.getByRole("button", { name: "이미지 저장" }).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await expectAxeClean(page);
  });

  test("a chart downloads as a PNG of plausible size, with its title, legend and source drawn", async ({ page }) => {
    await page.goto("/segment");
    const frame = page.locator("section[aria-labelledby=trend-title]");
    await frame.scrollIntoViewIfNeeded();
    await expect(frame.getByTestId("trend-chart").locator(".recharts-surface")).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), frame.getByTestId("image-download").click()]);
    expect(download.suggestedFilename()).toBe("trend-month-all-gangnam-gu-F-20.png");
    const png = await readFile((await download.path())!);
    const { width, height } = pngSize(png);
    // Twice the frame's width in CSS pixels (phone or desktop), tall enough for title, chart, legend and source.
    const frameWidth = (await frame.boundingBox())!.width;
    expect(width).toBeGreaterThan(frameWidth * 1.5);
    expect(width).toBeLessThan(frameWidth * 2.5);
    expect(height).toBeGreaterThan(600);
    // A blank or failed drawing compresses to a few KB; the chart with its text is far more.
    expect(png.length).toBeGreaterThan(50_000);
    expect(png.length).toBeLessThan(5_000_000);
    await expect(frame.locator(".image-download-failed")).toHaveCount(0);
  });
});
