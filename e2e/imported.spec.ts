import { expect, test } from "@playwright/test";
import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveDataset } from "./support/server";
import { generateMonth, toTable, writeCsv, writeXlsx } from "../test/ingest/generate";

/**
 * The importer's output end to end: official-layout monthly files → `npm run ingest` → a server started
 * with DATA_DIR on it. Every page and the API show the imported months (four here, across a year
 * boundary), and the data note says the data is imported and from which files.
 */
const MONTHS = ["2024-10", "2024-11", "2024-12", "2025-01"];
const FILES = [
  "2024.10월_29개 통신정보.csv",
  "2024.11월_29개 통신정보.csv",
  "2024.12월_29개 통신정보.csv",
  "2025.1월_29개 통신정보.xlsx",
];

let work: string;
let server: ChildProcess | undefined;
let base: string;

test.beforeAll(async ({}, info) => {
  if (info.project.name !== "desktop") return;
  test.setTimeout(120_000);
  work = mkdtempSync(path.join(tmpdir(), "adtarget-imported-"));
  const inputs = await Promise.all(
    MONTHS.map(async (month, i) => {
      const file = path.join(work, FILES[i]!);
      const table = toTable(generateMonth(month, { dongsPerDistrict: 2 }), { layout: "official" });
      if (file.endsWith(".xlsx")) await writeXlsx(file, table);
      else writeCsv(file, table, i === 1 ? "cp949" : "utf8bom");
      return file;
    }),
  );
  const out = path.join(work, "dataset");
  const ingest = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/ingest.ts", "--out", out, ...inputs],
    { encoding: "utf8" },
  );
  expect(ingest.status, ingest.stderr).toBe(0);

  ({ server, base } = await serveDataset(out));
});

test.afterAll(() => {
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

test.beforeEach(({}, info) => test.skip(info.project.name !== "desktop", "one server-level run is enough"));

test("the API serves the imported months and names the source files", async ({ request }) => {
  const meta = await (await request.get(`${base}/api/meta`)).json();
  expect(meta.dataset.kind).toBe("imported");
  expect(meta.dataset.months).toEqual(MONTHS);
  expect(meta.dataset.files).toEqual(FILES);
  const priority = await (await request.get(`${base}/api/segments/priority?district=mapo-gu&sex=M&age=30`)).json();
  expect(priority.monthly.map((m: { month: string }) => m.month)).toEqual(MONTHS);
  const trend = await (await request.get(`${base}/api/segments/trend?district=mapo-gu&sex=M&age=30`)).json();
  expect(trend.series[0].values).toHaveLength(4);
});

test("every page shows the imported months, and the data note says imported from which files", async ({ page }) => {
  await page.goto(`${base}/`);
  await expect(page.getByTestId("data-kind")).toContainText("가져온 자료");
  await expect(page.getByTestId("data-months")).toHaveAttribute("data-count", "4");
  await expect(page.getByTestId("data-months")).toContainText("2024년 10월 – 2025년 1월");
  for (const f of FILES) await expect(page.getByTestId("data-files")).toContainText(f);

  await page.goto(`${base}/segment?district=mapo-gu&sex=M&age=30`);
  await expect(page.getByTestId("monthly-priority").locator("tbody tr")).toHaveCount(4);
  // The trend chart fetches Recharts only when scrolled near.
  await page.locator('section[aria-labelledby="trend-title"]').scrollIntoViewIfNeeded();
  await expect(page.getByTestId("trend-chart").locator(".recharts-line")).toHaveCount(7);

  for (const p of ["/segment?district=mapo-gu&sex=M&age=30", "/service?service=delivery", "/insights?age=30&sex=F"]) {
    await page.goto(`${base}${p}`);
    await expect(page.locator(".site-footer"), p).toContainText("가져온 데이터 · 2024년 10월–2025년 1월 (4개월)");
  }
});
