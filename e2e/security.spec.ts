import { createHash } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { gunzipSync } from "node:zlib";
import { expect, test, type APIResponse, type Page } from "@playwright/test";

/**
 * Security headers on pages, API answers (200, 304, 400, 404) and static assets. Pages are cacheable:
 * the same bytes for the same canonical URL, Cache-Control public, a strong ETag and 304, and a CSP whose
 * script-src allows exactly the page's inline scripts by sha256 (no nonce, no 'unsafe-inline') — and the
 * pages run under it without a single violation.
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

/** A page's script-src: 'self' and sha256 sources only, and exactly the hashes of the HTML's inline scripts. */
function expectHashPolicy(res: APIResponse, html: string, what: string) {
  const d = expectCommonHeaders(res, what);
  const scriptSrc = d.get("script-src")!;
  expect(scriptSrc, what).toBeTruthy();
  for (const source of scriptSrc)
    expect(source, `${what}: script-src source`).toMatch(/^('self'|'sha256-[A-Za-z0-9+/]+=*')$/);
  expect(d.get("object-src"), what).toEqual(["'none'"]);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/i.test(m[1]!))
    .map((m) => m[2]!);
  expect(inline.length, `${what}: the page has inline scripts to check`).toBeGreaterThan(0);
  for (const text of inline)
    expect(scriptSrc, `${what}: inline script allowed by hash`).toContain(
      `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`,
    );
  // No inline event handlers or javascript: URLs, which no hash can allow.
  expect(html).not.toMatch(/\son[a-z]+\s*=\s*["']/i);
  expect(html).not.toMatch(/javascript:/i);
}

test.describe("headers (HTTP only)", () => {
  test.beforeEach(({}, testInfo) =>
    test.skip(testInfo.project.name !== "desktop", "HTTP-only checks run once, in the desktop project"),
  );

  for (const url of PAGE_URLS) {
    test(`page ${url}: cacheable, the same bytes twice, a hash CSP, and 304 for its ETag`, async ({ request }) => {
      const a = await request.get(url);
      const b = await request.get(url);
      expect(a.status(), url).toBe(200);
      expect(a.headers()["content-type"]).toMatch(/^text\/html/);
      expect(a.headers()["cache-control"]).toMatch(/^public,.*max-age=\d+.*s-maxage=\d+.*stale-while-revalidate=\d+/);
      const etag = a.headers()["etag"];
      expect(etag, "a strong ETag").toMatch(/^"[A-Za-z0-9_-]+"$/);
      const html = await a.text();
      expect(Buffer.compare(await a.body(), await b.body()), "byte-identical HTML").toBe(0);
      expect(b.headers()["etag"]).toBe(etag);
      expect(b.headers()["content-security-policy"]).toBe(a.headers()["content-security-policy"]);
      expectHashPolicy(a, html, url);
      const again = await request.get(url, { headers: { "If-None-Match": etag! } });
      expect(again.status()).toBe(304);
      expect(again.headers()["etag"]).toBe(etag);
      expectCommonHeaders(again, `${url} 304`);
    });
  }

  test("a page is the same bytes gzipped or not (the cache keeps only the gzipped form), HEAD included", async ({
    baseURL,
  }) => {
    const url = `${baseURL}/segment?district=mapo-gu&sex=M&age=40`;
    const raw = (headers: Record<string, string>, method = "GET") =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const req = httpRequest(url, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end();
      });
    const zipped = await raw({ "accept-encoding": "gzip" });
    const plain = await raw({});
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body), "the same HTML both ways").toBe(true);
    expect(plain.body.toString("utf8")).toContain("마포구");
    expect(plain.headers["etag"]).toBe(zipped.headers["etag"]);
    expect(plain.headers["vary"]).toMatch(/Accept-Encoding/i);
    const head = await raw({}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(plain.headers["content-length"]);
  });

  test("every spelling of a view is one cached page; an invalid link answers 400 with the page", async ({
    request,
  }) => {
    const canonical = await request.get("/segment?district=mapo-gu&sex=M&age=30");
    for (const spelling of [
      "/segment?age=30&sex=m&district=Mapo-gu",
      "/segment?district=%EB%A7%88%ED%8F%AC%EA%B5%AC&sex=M&age=30%EB%8C%80&utm_source=chat",
    ]) {
      const res = await request.get(spelling);
      expect(res.status(), spelling).toBe(200);
      expect(res.headers()["etag"], spelling).toBe(canonical.headers()["etag"]);
    }
    const bad = await request.get("/segment?district=mapo-gu&age=31", { failOnStatusCode: false });
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toMatch(/^text\/html/);
    expectHashPolicy(bad, await bad.text(), "400 page");
  });

  test("a page not found and a prefetch request get full HTML under the page policy", async ({ request }) => {
    const missing = await request.get("/no-such-page", { failOnStatusCode: false });
    expect(missing.status()).toBe(404);
    expectHashPolicy(missing, await missing.text(), "404 page");
    const prefetches: Record<string, string>[] = [
      { Purpose: "prefetch" },
      { "Next-Router-Prefetch": "1" },
      { "Sec-Purpose": "prefetch" },
    ];
    for (const headers of prefetches) {
      const res = await request.get("/service", { headers });
      expect(res.headers()["content-type"], JSON.stringify(headers)).toMatch(/^text\/html/);
      expectHashPolicy(res, await res.text(), `prefetch ${JSON.stringify(headers)}`);
    }
  });

  test("unsupported methods: 405 with Allow (JSON on API endpoints), JSON 404 on unknown API paths, never a 500", async ({
    request,
  }) => {
    for (const method of ["TRACE", "DELETE", "PUT", "PATCH", "POST"]) {
      const page = await request.fetch("/segment", { method, failOnStatusCode: false });
      expect(page.status(), `${method} /segment`).toBe(405);
      expect(page.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
      const api = await request.fetch("/api/meta", { method, failOnStatusCode: false });
      expect(api.status(), `${method} /api/meta`).toBe(405);
      expect(api.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
      expect(await api.json()).toMatchObject({ error: "method_not_allowed" });
      expectCommonHeaders(api, `${method} /api/meta`);
      const unknown = await request.fetch("/api/no/such/thing", { method, failOnStatusCode: false });
      expect(unknown.status(), `${method} unknown API path`).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: "not_found" });
    }
  });

  test("the image optimizer is off: /_next/image fetches nothing", async ({ request }) => {
    const res = await request.get("/_next/image?url=%2Fapi%2Fmeta&w=64&q=75", { failOnStatusCode: false });
    expect(res.status()).toBe(404);
  });

  test("API messages never echo bidi controls, and NFD Korean reads as NFC", async ({ request }) => {
    const nfd = await request.get(
      `/api/segments/priority?district=${encodeURIComponent("강남구".normalize("NFD"))}&sex=F&age=20`,
    );
    expect(nfd.status()).toBe(200);
    const bidi = await request.get(
      `/api/segments/priority?district=${encodeURIComponent("evil\u202Egpj.exe")}&sex=F&age=20`,
      { failOnStatusCode: false },
    );
    expect(bidi.status()).toBe(400);
    const { message } = await bidi.json();
    expect(message).toContain("evilgpj.exe");
    expect(message).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

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

  test("every request target the HTTP parser accepts gets a 4xx with the full header set, never a 500", async ({
    baseURL,
  }) => {
    // Written byte for byte: client libraries refuse to send most of these.
    const { hostname, port } = new URL(baseURL!);
    const targets = [
      "//",
      "//[",
      "//a:99999/",
      "//x@/",
      "//x/segment",
      "/og/%E0",
      "/og/%",
      "/%",
      "/segment/%ZZ",
      "/api/%E0",
      "*",
      "http://evil.example/",
    ];
    for (const target of targets) {
      const head = await new Promise<string>((resolve, reject) => {
        const s = connect(Number(port), hostname, () =>
          s.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
        );
        let out = "";
        s.on("data", (d) => (out += d));
        s.on("end", () => resolve(out.split("\r\n\r\n")[0]!));
        s.on("error", reject);
      });
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      expect(status, target).toBeGreaterThanOrEqual(400);
      expect(status, target).toBeLessThan(500);
      const h = Object.fromEntries(
        head
          .split("\r\n")
          .slice(1)
          .map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
      );
      expect(h["x-content-type-options"], target).toBe("nosniff");
      expect(h["x-frame-options"], target).toBe("DENY");
      expect(h["content-security-policy"], target).toMatch(/frame-ancestors 'none'/);
    }
  });

  test("Accept-Encoding: gzip;q=0 gets the page uncompressed", async ({ baseURL }) => {
    const res = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const r = httpRequest(
        `${baseURL}/segment?district=jung-gu&sex=F&age=30`,
        { headers: { "accept-encoding": "gzip;q=0, identity" } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.headers));
        },
      );
      r.on("error", reject);
      r.end();
    });
    expect(res["content-encoding"]).toBeUndefined();
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
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return async () => [
      ...messages,
      ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)),
    ];
  }

  for (const url of PAGE_URLS) {
    test(`${url}: runs under the CSP without violations`, async ({ page }) => {
      const violations = await trackViolations(page);
      const res = await page.goto(url);
      expect(res?.status(), url).toBeLessThan(500);
      await page.waitForLoadState("networkidle");
      // The framework's own scripts ran (its chunks by 'self', its inline scripts by hash).
      await expect
        .poll(() => page.evaluate(() => typeof (window as unknown as { next?: unknown }).next))
        .toBe("object");
      expect(await violations()).toEqual([]);
    });
  }

  test("an inline script injected into the HTML (not among the hashes) does not run", async ({ page }) => {
    await page.route("**/", async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(
        "</body>",
        '<script>window.__injected = true</script><img src=x onerror="window.__injected=true"></body>',
      );
      await route.fulfill({ response: res, body: html });
    });
    const violations = await trackViolations(page);
    await page.goto("/");
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect.poll(async () => (await violations()).some((v) => /script-src/.test(v))).toBe(true);
  });
});
