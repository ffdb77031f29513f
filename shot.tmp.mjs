import { chromium } from "playwright";
const [,, url, out, w = "390", h = "844", sel] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const phone = +w < 500;
const p = await b.newPage({ viewport: { width: +w, height: +h }, isMobile: phone, hasTouch: phone });
await p.goto("http://127.0.0.1:3305" + url, { waitUntil: "networkidle" });
const l = p.locator(sel).first(); await l.scrollIntoViewIfNeeded(); await p.waitForTimeout(1000);
await l.screenshot({ path: out });
await b.close();
