import { expect, test } from "@playwright/test";

/**
 * The static files of public/ as the server sends them: the right type, the security headers and a
 * policy under which nothing runs (an SVG opened on its own included), and the home page linking the
 * manifest so a phone can add the app to its home screen.
 */
const FILES: [string, RegExp][] = [
  ["/manifest.webmanifest", /^application\/manifest\+json/],
  ["/robots.txt", /^text\/plain/],
  ["/icon.svg", /^image\/svg\+xml/],
  ["/icon-192.png", /^image\/png$/],
  ["/icon-512.png", /^image\/png$/],
  ["/icon-maskable-512.png", /^image\/png$/],
  ["/apple-touch-icon.png", /^image\/png$/],
  ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)$/],
];

test.describe("public/ (HTTP only)", () => {
  test.beforeEach(({}, testInfo) =>
    test.skip(testInfo.project.name !== "desktop", "HTTP-only checks run once, in the desktop project"),
  );

  for (const [url, type] of FILES) {
    test(`${url}: its type, nosniff, and a policy under which nothing runs`, async ({ request }) => {
      const res = await request.get(url);
      expect(res.status()).toBe(200);
      const h = res.headers();
      expect(h["content-type"]).toMatch(type);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["content-security-policy"]).toMatch(/default-src 'none'/);
      expect(h["etag"]).toBeTruthy();
    });
  }

  test("the home page links the manifest, the icons and the theme colour", async ({ request }) => {
    const html = await (await request.get("/")).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(html).toMatch(/<link rel="icon" href="\/icon\.svg"/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon\.png"/);
    expect(html).toMatch(/<meta name="theme-color" content="#10243e"/);
  });
});

test("Chromium reads the manifest without errors and finds the app installable", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "once is enough");
  await page.goto("/");
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Playwright's browser context is an off-the-record profile, which alone is reported.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
});
