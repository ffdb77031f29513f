import { chromium } from "playwright";
const [,, url, out, w = "1366", h = "900", full = "1"] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) } });
await p.goto(url, { waitUntil: "networkidle" });
if (url.includes("#")) await p.evaluate(() => document.querySelector(location.hash)?.scrollIntoView());
await p.waitForTimeout(800);
await p.screenshot({ path: out, fullPage: full === "1" });
await b.close();
