import AxeBuilder from "@axe-core/playwright";
import { expect, type Download, type Locator, type Page, type TestInfo } from "@playwright/test";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Checks every page test makes: no console errors, no horizontal overflow (phones), axe without
 * serious or critical violations, and a screenshot kept as an artifact for people to look at.
 */
export function trackConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "page is wider than the viewport").toBeLessThanOrEqual(0);
}

export async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    ),
  ).toEqual([]);
}

/** Saves a full-page screenshot under e2e/artifacts/<project>/<name>.png. */
export async function saveScreenshot(page: Page, name: string, testInfo: TestInfo) {
  const file = path.join("e2e", "artifacts", testInfo.project.name, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Clicks a CSV download button and returns the file's text (BOM included). */
export async function downloadCsv(page: Page, button: Locator): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const file = await download.path();
  return readFile(file, "utf8");
}

/** Parses a simple CSV (our own output: quoted fields, CRLF) into rows of strings, BOM removed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The table view's cells as raw values (data-value), for comparison with the CSV. Read once the streamed
 * HTML is in place: until React swaps a finished Suspense boundary in (it batches those reveals, so a
 * little after load), the table is in the page twice, in the boundary's fallback and in a hidden
 * `<div id="S:…">` holding the final content.
 */
export async function tableValues(table: Locator): Promise<string[][]> {
  await expect(table.page().locator('div[hidden][id^="S:"]')).toHaveCount(0);
  return table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.getAttribute("data-value") ?? "")),
    );
}
