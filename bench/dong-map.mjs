#!/usr/bin/env node
/**
 * What the all-Seoul 행정동 map costs (issue 19), against a running server:
 *   node bench/dong-map.mjs [base=http://127.0.0.1:3000] [runs=3]
 * At 390×844 with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), cold loads of /dongs: the JS
 * the browser fetched in all (gzip as served, incl. the Leaflet chunk loaded after hydration), the chunks
 * only /dongs loads, the boundaries' transfer, and the time from navigation to the map being drawn and
 * clickable (its data-ready). The pages that only link to it are loaded the same way to show their JS
 * does not include it.
 */
import { chromium } from "playwright";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const runs = Number(process.argv[3] ?? 3);
const MAP = "/dongs?service=delivery&sex=F&age=30";
const OTHERS = [
  "/service?service=delivery&sex=F&age=30",
  "/insights?metric=delivery&age=30&sex=F",
  "/dong?dong=1119054&age=30",
];

async function load(browser, path, waitForMap) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="seoul-dong-map"][data-ready="true"] path[data-dong]')) {
        window.__mapReady = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(base + path, { waitUntil: "load" });
  if (waitForMap) await page.waitForFunction(() => window.__mapReady !== undefined, null, { timeout: 60_000 });
  else await page.waitForTimeout(1500);
  const result = await page.evaluate(() => {
    const res = performance.getEntriesByType("resource");
    const js = res.filter((e) => new URL(e.name).pathname.endsWith(".js"));
    const geo = res.find((e) => new URL(e.name).pathname === "/api/geo/dongs");
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      js: js.map((e) => ({ name: new URL(e.name).pathname, gzip: e.encodedBodySize })),
      geoGzip: geo?.encodedBodySize ?? 0,
      domContentLoaded: nav.domContentLoadedEventEnd,
      mapReady: window.__mapReady ?? null,
    };
  });
  await context.close();
  return result;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
});
try {
  const others = [];
  for (const path of OTHERS) others.push({ path, ...(await load(browser, path, false)) });
  const mapRuns = [];
  for (let i = 0; i < runs; i++) mapRuns.push(await load(browser, MAP, true));
  const seen = new Set(others.flatMap((o) => o.js.map((j) => j.name)));
  const first = mapRuns[0];
  const own = first.js.filter((j) => !seen.has(j.name));
  console.log(`| page | JS gzip loaded in all |`);
  console.log(`|---|---:|`);
  for (const o of others) console.log(`| \`${o.path}\` | ${kb(o.js.reduce((a, j) => a + j.gzip, 0))} |`);
  console.log(`| \`${MAP}\` | ${kb(first.js.reduce((a, j) => a + j.gzip, 0))} |`);
  console.log(
    `\nOnly /dongs loads: ${own.map((j) => `${j.name.split("/").pop()} ${kb(j.gzip)}`).join(", ")} — ${kb(own.reduce((a, j) => a + j.gzip, 0))} in all`,
  );
  console.log(`Boundaries (/api/geo/dongs): ${kb(first.geoGzip)} as transferred`);
  console.log(
    `Map drawn and clickable (390×844, CPU 4× slower): median ${median(mapRuns.map((r) => r.mapReady)).toFixed(0)} ms of ${mapRuns.map((r) => r.mapReady.toFixed(0)).join(", ")}; DOMContentLoaded median ${median(mapRuns.map((r) => r.domContentLoaded)).toFixed(0)} ms`,
  );
} finally {
  await browser.close();
}
