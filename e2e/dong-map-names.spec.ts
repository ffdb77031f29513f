import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveDataset } from "./support/server";
import { sha256 } from "@/lib/dataset/load";

/**
 * A 행정동 name is text wherever it shows, even one that looks like markup: names come from the dataset
 * (an import keeps a file's own names), and the all-Seoul map's labels are Leaflet tooltips, which
 * insert a string as HTML. Served here: the bundled data with 사직동 renamed to a tag.
 */
const MARKUP = '<img src="x" data-injected="1">사직동';

let work: string;
let server: ChildProcess | undefined;
let base: string;

test.beforeAll(async ({}, info) => {
  if (info.project.name !== "desktop") return;
  test.setTimeout(120_000);
  work = mkdtempSync(path.join(tmpdir(), "adtarget-dong-names-"));
  const dir = path.join(work, "seoul");
  cpSync("data/seoul", dir, { recursive: true });
  const dongsFile = path.join(dir, "dongs.csv");
  const csv = readFileSync(dongsFile, "utf8").replace(
    /^1101053,사직동,/m,
    `1101053,"${MARKUP.replaceAll('"', '""')}",`,
  );
  expect(csv).toContain("data-injected");
  writeFileSync(dongsFile, csv);
  const meta = JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8")) as { files: Record<string, string> };
  meta.files["dongs.csv"] = sha256(csv);
  writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta));

  ({ server, base } = await serveDataset(dir));
});

test.afterAll(() => {
  server?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

test.beforeEach(({}, info) => test.skip(info.project.name !== "desktop", "one server-level run is enough"));

test("the all-Seoul map's labels show a 행정동 name as text, never as markup", async ({ page }) => {
  await page.goto(`${base}/dongs?service=delivery&sex=F&age=30`);
  const map = page.getByTestId("seoul-dong-map");
  await expect(map).toHaveAttribute("data-ready", "true");
  await expect(map.locator(".leaflet-tooltip")).toHaveCount(424);
  await expect(map.locator(".leaflet-tooltip", { hasText: MARKUP })).toHaveCount(1);
  await expect(page.locator("[data-injected]")).toHaveCount(0);
  // The path's accessible name is the same text.
  await expect(map.locator('path[data-dong="1101053"]')).toHaveAttribute(
    "aria-label",
    new RegExp(`^${MARKUP.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} `),
  );
});
