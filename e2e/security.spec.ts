import { expect, test, type APIResponse, type Page } from "@playwright/test";

/**
 * Security headers on pages, API answers (200, 304, 400, 404) and static assets; a per-request nonce
 * CSP on pages whose every <script> carries the nonce; and the pages still work under that policy.
 */

const PAGE_URLS = ["/", "/segment?district=gangnam-gu&sex=F&age=20", "/service", "/insights"];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectCommonHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(h["x-powered-by"], what).toBeUndefined();
  const csp = h["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  expect(csp!.split(",").length, `${what}: one policy, not two`).toBe(1);
  expect(directives(csp!).get("frame-ancestors"), what).toEqual(["'none'"]);
  return directives(csp!);
}

/** The nonce a page's policy allows, after checking script-src is nonce-based with no inline escape. */
function pageNonce(res: APIResponse, what: string): string {
  const d = expectCommonHeaders(res, what);
  const scriptSrc = d.get("script-src") ?? d.get("default-src")!;
  expect(scriptSrc, what).toContain("'strict-dynamic'");
  expect(scriptSrc, what).not.toContain("'unsafe-inline'");
  expect(scriptSrc, what).not.toContain("'unsafe-eval'");
  expect(d.get("object-src"), what).toEqual(["'none'"]);
  const nonce = scriptSrc.map((s) => /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(s)?.[1]).find(Boolean);
  expect(nonce, `${what}: script-src has a nonce`).toBeTruthy();
  expect(nonce!.length, `${what}: nonce long enough`).toBeGreaterThanOrEqual(16);
  return nonce!;
}

test.describe("headers (HTTP only)", () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "desktop", "HTTP-only checks run once, in the desktop project"));

  for (const url of [...PAGE_URLS, "/no-such-page"]) {
    test(`page ${url}: nonce CSP, and every <script> in the HTML carries this response's nonce`, async ({ request }) => {
      const [a, b] = [await request.get(url, { failOnStatusCode: false }), await request.get(url, { failOnStatusCode: false })];
      expect(a.status(), url).toBeLessThan(500);
      expect(a.headers()["content-type"]).toMatch(/^text\/html/);
      const nonce = pageNonce(a, url);
      expect(pageNonce(b, url), "a fresh nonce per response").not.toBe(nonce);
      const html = await a.text();
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts.length, "the page has scripts to check").toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, "script tag without this response's nonce").toContain(`nonce="${nonce}"`);
      // No inline event handlers or javascript: URLs, which no nonce can allow.
      expect(html).not.toMatch(/\son[a-z]+\s*=\s*["']/i);
      expect(html).not.toMatch(/javascript:/i);
    });
  }

  const API = [
    ["/api/health", 200],
    ["/api/meta", 200],
    ["/api/segments/priority?district=gangnam-gu&sex=F&age=20", 200],
    ["/api/services/video/targets?limit=3", 200],
    ["/api/population?age=30", 200],
    ["/api/population?age=31", 400],
    ["/api/segments/priority?district=gangnam-gu&sex=F&age=20&age=30", 400],
    ["/api/services/tiktok/targets", 404],
    ["/api/no/such/endpoint", 404],
  ] as const;
  for (const [url, status] of API) {
    test(`API ${url} → ${status}: JSON with the security headers`, async ({ request }) => {
      const res = await request.get(url, { failOnStatusCode: false });
      expect(res.status()).toBe(status);
      expect(res.headers()["content-type"]).toMatch(/^application\/json/);
      const d = expectCommonHeaders(res, url);
      expect(d.get("default-src"), "API answers allow nothing to run").toEqual(["'none'"]);
      await res.json();
    });
  }

  test("API 304 (If-None-Match) keeps the headers", async ({ request }) => {
    const url = "/api/segments/trend?district=11680&sex=M&age=40";
    const first = await request.get(url);
    const etag = first.headers()["etag"];
    expect(etag).toBeTruthy();
    const again = await request.get(url, { headers: { "If-None-Match": etag! } });
    expect(again.status()).toBe(304);
    expectCommonHeaders(again, "304");
  });

  test("static assets (the page's JS chunks and CSS) carry the headers", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of [...new Set(assets)].slice(0, 6)) {
      const res = await request.get(asset);
      expect(res.status(), asset).toBe(200);
      expectCommonHeaders(res, asset);
    }
  });
});

test.describe("pages under the CSP (browser)", () => {
  /** Records CSP violations reported to the page, from the first script on. */
  async function trackViolations(page: Page) {
    const messages: string[] = [];
    page.on("console", (m) => {
      if (/content security policy|refused to/i.test(m.text())) messages.push(m.text());
    });
    page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
  }

  for (const url of PAGE_URLS) {
    test(`${url}: runs under the CSP without violations`, async ({ page }) => {
      const violations = await trackViolations(page);
      const res = await page.goto(url);
      expect(res?.status(), url).toBeLessThan(500);
      await page.waitForLoadState("networkidle");
      // The framework's own scripts ran (they were allowed by the nonce and 'strict-dynamic').
      await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe("object");
      expect(await violations()).toEqual([]);
    });
  }

  test("an inline script injected into the HTML without the nonce does not run", async ({ page }) => {
    await page.route("**/", async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace("</body>", "<script>window.__injected = true</script><img src=x onerror=\"window.__injected=true\"></body>");
      await route.fulfill({ response: res, body: html });
    });
    const violations = await trackViolations(page);
    await page.goto("/");
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect.poll(async () => (await violations()).some((v) => /script-src/.test(v))).toBe(true);
  });
});

