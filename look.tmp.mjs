import { chromium } from "playwright";
const [,, url, out, w = "390", h = "844", sel, action] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const phone = +w < 500;
const p = await b.newPage({ viewport: { width: +w, height: +h }, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone });
await p.goto("http://127.0.0.1:3305" + url, { waitUntil: "networkidle" });
if (sel) {
  const l = p.locator(sel).first();
  await l.scrollIntoViewIfNeeded(); await p.waitForTimeout(1500);
  if (action === "tap") { const bb = await l.locator(".recharts-surface").first().boundingBox(); await p.touchscreen.tap(bb.x + bb.width * 0.5, bb.y + bb.height * 0.5); await p.waitForTimeout(500); }
  await l.screenshot({ path: out });
} else await p.screenshot({ path: out, fullPage: false });
await b.close();
