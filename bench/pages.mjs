/**
 * Page weight (JS bytes, gzip, per page: every <script src> in the served HTML) and LCP of a page at
 * phone size with 4× CPU throttling in Chromium.
 */
import { gzipSync } from "node:zlib";
import { chromium } from "playwright";
import { get } from "./lib/server.mjs";

export const PAGES = [
  "/",
  "/segment?district=gangnam-gu&sex=F&age=20",
  "/service",
  "/insights",
  "/audience?service=delivery",
  "/compare?segments=gangnam-gu.F.20,mapo-gu.M.30,gangbuk-gu.M.30",
  "/plan?service=delivery",
];

export async function pageWeight(base, page) {
  const res = await get(base + page);
  const html = res.body.toString();
  // noModule scripts (legacy polyfills) are skipped by every browser that runs modules: not counted.
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const srcs = [...new Set(tags.filter((m) => !/\bnoModule\b/i.test(m[0])).map((m) => m[1]))];
  const legacy = [...new Set(tags.filter((m) => /\bnoModule\b/i.test(m[0])).map((m) => m[1]))];
  const css = [...new Set([...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]))];
  let js = 0;
  let jsRaw = 0;
  for (const src of srcs) {
    const buf = (await get(new URL(src, base).href)).body;
    jsRaw += buf.length;
    js += gzipSync(buf).length;
  }
  let cssGz = 0;
  for (const href of css) cssGz += gzipSync((await get(new URL(href, base).href)).body).length;
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].reduce((a, m) => a + m[1].length, 0);
  let legacyGzip = 0;
  for (const src of legacy) legacyGzip += gzipSync((await get(new URL(src, base).href)).body).length;
  return {
    page,
    status: res.status,
    scripts: srcs.length,
    legacyGzip,
    jsGzip: js,
    jsRaw,
    cssGzip: cssGz,
    htmlGzip: gzipSync(Buffer.from(html)).length,
    inlineScriptChars: inline,
  };
}

/**
 * LCP in ms (median of `runs` cold loads, fresh browser context each), 390×844, 4× CPU slowdown; also
 * the JS the browser actually fetched by then (gzip as served), which includes the chunks a page loads
 * after hydration (Recharts on /segment) that the HTML's <script> tags don't name.
 */
export async function lcp(
  base,
  page,
  { runs = 3, executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } = {},
) {
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const values = [];
  const jsLoaded = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
      });
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await p.addInitScript(() => {
        const w = window;
        w.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__lcp = e.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
      });
      await p.goto(base + page, { waitUntil: "load" });
      await p.waitForTimeout(1500);
      // LCP is final at the first input; report what was observed by then.
      values.push(await p.evaluate(() => window.__lcp));
      jsLoaded.push(
        await p.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .filter((e) => new URL(e.name).pathname.endsWith(".js"))
            .reduce((sum, e) => sum + e.encodedBodySize, 0),
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], runs: values, jsLoadedGzip: Math.max(...jsLoaded) };
}
