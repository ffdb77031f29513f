import { chromium } from "playwright";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
p.on("response", (r) => { if (r.status() >= 400) console.log(r.status(), r.url()); });
await p.goto("http://localhost:3304/plan?service=finance&segments=gangnam-gu.F.20,nowhere-gu.F.20,mapo-gu.F.30,seocho.X.99", { waitUntil: "networkidle" });
console.log(await p.getByTestId("plan-results").textContent().then(t => t.slice(0, 200)));
await b.close();
