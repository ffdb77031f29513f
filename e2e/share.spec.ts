import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAxeClean, saveScreenshot, trackConsoleErrors } from "./support/checks";

/**
 * Sharing: "링크 복사" in every page's header (Clipboard API, and the manual fallback), link previews
 * (og:image → a 1200×630 PNG with ETag and 304), and header links that keep the chosen service and
 * segment.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk (bytes 16–23, right after the signature and chunk header). */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(0, 8).equals(PNG_SIGNATURE), "PNG signature").toBe(true);
  expect(body.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/** Fetches a preview and checks what a chat app and a cache need: PNG 1200×630, public, ETag, 304. */
async function expectPreview(request: APIRequestContext, path: string): Promise<string> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(res.headers()["cache-control"]).toMatch(/^public\b/);
  const etag = res.headers()["etag"]!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/); // sha256, base64url
  const body = await res.body();
  expect(pngSize(body)).toEqual({ width: 1200, height: 630 });
  const again = await request.get(path, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(etag);
  expect((await again.body()).length).toBe(0);
  return etag;
}

async function ogImageOf(page: Page, path: string): Promise<string> {
  await page.goto(path);
  const og = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(og, `${path} has og:image`).toBeTruthy();
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const url = new URL(og!, page.url());
  return `${url.pathname}${url.search}`;
}

test.describe("링크 복사", () => {
  test("copies the current URL with the Clipboard API and confirms it", async ({
    page,
    context,
    baseURL,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    // A URL with a query the server doesn't use: the button copies what the address bar shows.
    for (const path of ["/?from=test", "/method"]) {
      await page.goto(path);
      await page.getByTestId("copy-link").click();
      await expect(page.getByRole("status")).toHaveText("이 화면의 링크를 복사했습니다.");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${path}`);
    }
    // After moving by a header link (client-side navigation), the new URL is copied.
    await page.getByRole("navigation", { name: "주요 메뉴" }).getByRole("link", { name: "분석 방법" }).click();
    await expect(page).toHaveURL(/\/method$/);
    await page.goto("/");
    await page.getByRole("link", { name: /계산 방법과 한계/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("분석 방법");
    await page.getByTestId("copy-link").click();
    await expect(page.getByRole("status")).toHaveText("이 화면의 링크를 복사했습니다.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/method`);
    await saveScreenshot(page, "share-copied", testInfo);
    expect(errors).toEqual([]);
  });

  test("falls back to a selected read-only field when the Clipboard API is missing", async ({
    page,
    baseURL,
  }, testInfo) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    });
    await page.goto("/method?x=1");
    await page.getByTestId("copy-link").click();
    await expect(page.getByRole("status")).toHaveText(/자동으로 복사하지 못했습니다/);
    const field = page.getByTestId("copy-link-url");
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(`${baseURL}/method?x=1`);
    await expect(field).toHaveAttribute("readonly", "");
    // The whole link is selected, ready for Ctrl+C / a long press.
    const selected = await field.evaluate((el: HTMLInputElement) => [
      el.selectionStart,
      el.selectionEnd,
      el.value.length,
      document.activeElement === el,
    ]);
    expect(selected).toEqual([0, selected[2], selected[2], true]);
    await expectAxeClean(page);
    await saveScreenshot(page, "share-fallback", testInfo);
    await page.getByRole("button", { name: "닫기" }).click();
    await expect(field).toHaveCount(0);
  });

  test("falls back as well when the browser refuses the copy", async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    await page.goto("/");
    await page.getByTestId("copy-link").click();
    await expect(page.getByTestId("copy-link-url")).toHaveValue(`${baseURL}/`);
  });

  test("the header's controls are at least 44×44 px", async ({ page }) => {
    await page.goto("/method");
    const header = page.locator(".site-header");
    const targets = header.locator("a, button");
    const n = await targets.count();
    expect(n).toBeGreaterThanOrEqual(9); // brand, 7 pages, 링크 복사
    for (let i = 0; i < n; i++) {
      const box = await targets.nth(i).boundingBox();
      const name = await targets.nth(i).textContent();
      expect(box, name ?? "").not.toBeNull();
      expect(box!.height, `${name} height`).toBeGreaterThanOrEqual(44);
      expect(box!.width, `${name} width`).toBeGreaterThanOrEqual(44);
    }
  });
});

test.describe("link previews", () => {
  test("/og/segment and /og/service answer a 1200×630 PNG with ETag and 304; spellings of one view share one image", async ({
    request,
  }) => {
    const segment = await expectPreview(request, "/og/segment?district=mapo-gu&sex=M&age=30");
    // The same view spelled differently (case, Korean name, order, a tracking tag) is the same image.
    const respelled = await request.get(
      `/og/segment?age=30&sex=m&district=${encodeURIComponent("마포구")}&utm_source=x`,
    );
    expect(respelled.headers()["etag"]).toBe(segment);
    // Another view is another image.
    expect(await expectPreview(request, "/og/segment?district=mapo-gu&sex=F&age=30")).not.toBe(segment);
    const service = await expectPreview(request, "/og/service?service=game");
    expect(await expectPreview(request, "/og/service")).not.toBe(service);
    for (const page of ["home", "insights", "audience", "compare", "plan", "method"])
      await expectPreview(request, `/og/${page}`);
    expect((await request.get("/og/nowhere")).status()).toBe(404);
  });

  test("home and /method point og:image at their preview", async ({ page, request }) => {
    expect(await ogImageOf(page, "/")).toBe("/og/home");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /AdTarget Seoul/);
    expect(await ogImageOf(page, "/method")).toBe("/og/method");
    await expect(page).toHaveTitle("분석 방법 · AdTarget Seoul");
    await expectPreview(request, "/og/method");
  });

  test("/segment and /service point og:image at the preview of the view shown", async ({ page, request }) => {
    expect(await ogImageOf(page, "/segment?district=Mapo-gu&sex=m&age=30")).toBe(
      "/og/segment?district=mapo-gu&sex=M&age=30",
    );
    await expectPreview(request, "/og/segment?district=mapo-gu&sex=M&age=30");
    expect(await ogImageOf(page, "/service?service=game")).toBe("/og/service?service=game");
    await expectPreview(request, "/og/service?service=game");
  });
});

test.describe("header links keep the chosen service and segment", () => {
  test("from /segment and /service the header carries district, sex, age and service", async ({ page }) => {
    const nav = page.getByRole("navigation", { name: "주요 메뉴" });
    await page.goto("/segment?district=mapo-gu&sex=M&age=30");
    await expect(nav.getByRole("link", { name: "현황 분석" })).toHaveAttribute("href", "/insights?age=30&sex=M");
    await expect(nav.getByRole("link", { name: "고객별 맞춤 광고" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "분석 방법" })).toHaveAttribute("href", "/method");
    await page.goto("/service?service=game");
    await expect(nav.getByRole("link", { name: "서비스별 타겟" })).toHaveAttribute("href", "/service?service=game");
    // /segment's trend chart takes a service too (its one-service view): the chosen service goes along.
    await expect(nav.getByRole("link", { name: "고객별 맞춤 광고" })).toHaveAttribute("href", "/segment?service=game");
    await expect(nav.getByRole("link", { name: "예산 계획" })).toHaveAttribute("href", "/plan?service=game");
  });
});
