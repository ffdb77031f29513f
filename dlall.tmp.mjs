import { chromium } from "playwright";
import { copyFileSync, statSync } from "node:fs";
const [,, url, prefix, w = "1366", h = "900"] = process.argv;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const phone = +w < 500;
const ctx = await b.newContext({ viewport: { width: +w, height: +h }, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 3 : 1, acceptDownloads: true });
const p = await ctx.newPage();
p.on("console", (m) => { if (m.type() === "error") console.log("console:", m.text()); });
await p.goto("http://127.0.0.1:3305" + url, { waitUntil: "networkidle" });
const buttons = p.getByTestId("image-download");
const n = await buttons.count();
for (let i = 0; i < n; i++) {
  const bt = buttons.nth(i);
  await bt.scrollIntoViewIfNeeded(); await p.waitForTimeout(1200);
  const t = Date.now();
  const [d] = await Promise.all([p.waitForEvent("download", { timeout: 20000 }), bt.click()]);
  const out = `${prefix}-${i}.png`;
  copyFileSync(await d.path(), out);
  console.log(out, d.suggestedFilename(), statSync(out).size, Date.now() - t, "ms");
}
await b.close();
