import { expect, test, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { expectAxeClean, expectNoHorizontalOverflow, saveScreenshot, trackConsoleErrors } from "./support/checks";

/**
 * The 행정동 drill-down: a district on a map → its 행정동 map → a 행정동 page → a look-alike → its page,
 * by clicks (taps on a phone) and by keyboard; and the all-Seoul map of the 424 행정동 (pan, zoom, open).
 */
interface Dong {
  code: string;
  name_ko: string;
  districtCode: string;
}
interface SimilarBody {
  similar: { dong: Dong; distance: number; rank: number }[];
}
interface EffectBody {
  dongs: { dong: Dong; rank: number }[];
}

async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.json();
}

/** Clicks (phone: taps) where a shape's name is drawn on a server-drawn map: inside it, never on a neighbour. */
async function press(page: Page, map: Locator, code: string, testInfo: TestInfo) {
  const label = map.locator(`text[data-district-label="${code}"]`);
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  if (testInfo.project.name === "phone") await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

const YEOUI = "1119054";

test.describe("행정동 drill-down", () => {
  test.describe.configure({ timeout: 150_000 });

  test("by clicks: /insights district → its 행정동 map → 여의동 → a look-alike → its page", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/insights?metric=delivery&age=30&sex=F");
    await press(page, page.getByTestId("district-map"), "11560", testInfo);
    await expect(page).toHaveURL(/\/insights\?age=30&sex=F&metric=delivery&dongmap=yeongdeungpo-gu#dong-map$/);
    const effect = await api<EffectBody>(request, "/api/services/delivery/dongs?sex=F&age=30&district=11560");
    const dongMap = page.getByTestId("dong-map");
    await expect(dongMap.getByTestId("map-district")).toHaveCount(effect.dongs.length);
    await expect(page.getByTestId("dong-rank-list").locator("li").first()).toHaveAttribute(
      "data-district",
      effect.dongs[0]!.dong.code,
    );
    await expect(page.getByTestId("dong-map-note")).toContainText("기간: 2022년 1월–2022년 12월, 12개월");
    await expectAxeClean(page);
    await saveScreenshot(page, "dong-insights-map", testInfo);

    await press(page, dongMap, YEOUI, testInfo);
    await expect(page).toHaveURL(/\/dong\?dong=1119054&age=30$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("영등포구 여의동 30대 여성 광고 우선순위");
    await expect(page.getByTestId("priority-list").locator("li")).toHaveCount(7);
    const similar = await api<SimilarBody>(request, `/api/dongs/${YEOUI}/similar`);
    const links = page.getByTestId("similar-dongs").locator("li");
    await expect(links).toHaveCount(10);
    expect(await links.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-dong")))).toEqual(
      similar.similar.map((s) => s.dong.code),
    );
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "dong-page", testInfo);

    const first = similar.similar[0]!.dong;
    await links.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/dong\\?dong=${first.code}&age=30$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${first.name_ko} 30대 여성`);
    expect(errors).toEqual([]);
  });

  test("by keyboard: /service list → 행정동 map → 여의동 → a look-alike → its page", async ({ page, request }) => {
    await page.goto("/service?service=delivery&sex=F&age=30");
    const open = page.getByTestId("district-rank-list").getByRole("link", { name: "영등포구 행정동" });
    await open.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/service\?sex=F&age=30&dongmap=yeongdeungpo-gu#dong-map$/);
    const yeoui = page.getByTestId("dong-map").locator(`a[data-district="${YEOUI}"]`);
    await yeoui.focus();
    await expect(yeoui).toHaveAttribute(
      "aria-label",
      /^여의동 배달 이용 지수 \d+\.\d\d, 구간 .*, \d+위\. 30대 여성 행정동 고객층 페이지 보기$/,
    );
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dong\?dong=1119054&age=30$/);
    const similar = await api<SimilarBody>(request, `/api/dongs/${YEOUI}/similar`);
    const second = similar.similar[1]!.dong;
    const link = page.getByTestId("similar-dongs").locator(`li[data-dong="${second.code}"] a`);
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/dong\\?dong=${second.code}&age=30$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(second.name_ko);
  });

  test("the 행정동 map follows the page's window where it has 행정동 figures, and says when it cannot", async ({
    page,
  }) => {
    await page.goto("/insights?metric=delivery&age=30&from=2022-03&to=2022-05&dongmap=mapo-gu");
    await expect(page.getByTestId("dong-map-note")).toContainText(
      "기간: 2022년 3월–2022년 5월, 3개월 — 고른 기간 가운데 행정동 자료가 있는 달입니다.",
    );
    // Its 행정동 links keep the window, and the 행정동 page shows it.
    await page.getByTestId("dong-map").locator("a[data-district]").first().click();
    await expect(page).toHaveURL(/\/dong\?dong=\d{7}&age=30&from=2022-03&to=2022-05$/);
    await expect(page.getByTestId("dong-window")).toContainText(
      "기간 2022년 3월–2022년 5월, 3개월 — 고른 기간 가운데 행정동 자료가 있는 달",
    );
    await page.goto("/insights?metric=delivery&age=30&from=2023-01&to=2023-09&dongmap=mapo-gu");
    await expect(page.getByTestId("dong-map-note")).toContainText(
      "기간: 2022년 1월–2022년 12월, 12개월 — 고른 기간에는 행정동 자료가 없어",
    );
  });

  test("a bad 행정동 link answers 400 and says which value", async ({ page }) => {
    const res = await page.goto("/dong?dong=1119099");
    expect(res!.status()).toBe(400);
    await expect(page.getByTestId("param-problem-dong")).toBeVisible();
  });
});

test.describe("all-Seoul 행정동 map", () => {
  test.describe.configure({ timeout: 150_000 });

  test("pans, zooms, shows names when zoomed in and opens a 행정동", async ({ page, request }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/dongs?service=delivery&sex=F&age=30");
    const map = page.getByTestId("seoul-dong-map");
    await expect(map).toHaveAttribute("data-ready", "true");
    await expect(map.locator("path[data-dong]")).toHaveCount(424);
    const effect = await api<EffectBody>(request, "/api/services/delivery/dongs?sex=F&age=30");
    const rows = page.getByTestId("seoul-dongs-table").locator("tbody tr");
    await expect(rows).toHaveCount(424);
    await expect(rows.first().locator("td").nth(2)).toHaveText(effect.dongs[0]!.dong.code);
    await expectAxeClean(page);
    await saveScreenshot(page, "dongs-map", testInfo);

    // Zoom: the + button until zoom 13, where the names appear.
    const zoom0 = Number(await map.getAttribute("data-zoom"));
    const label = map.locator(".leaflet-tooltip").first();
    await expect(label).toBeHidden();
    for (let z = zoom0; z < 13;) {
      await map.getByRole("button", { name: "Zoom in" }).click();
      // One step at a time: a click during the zoom animation is not another step.
      await expect.poll(async () => Number(await map.getAttribute("data-zoom"))).toBeGreaterThan(z);
      z = Number(await map.getAttribute("data-zoom"));
    }
    await expect(map.locator(".leaflet-tooltip:visible").first()).toBeVisible();

    // Pan: drag the map; the map pane moves.
    const pane = map.locator(".leaflet-map-pane");
    const before = await pane.evaluate((el) => getComputedStyle(el).transform);
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => pane.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);

    // Keyboard pan: the map takes focus and arrows move it.
    await map.locator(".leaflet-container").focus();
    const beforeKey = await pane.evaluate((el) => getComputedStyle(el).transform);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => pane.evaluate((el) => getComputedStyle(el).transform)).not.toBe(beforeKey);

    // By keyboard: the finder takes a 구 동 name and opens its page (the codec reads names).
    await page.getByLabel("행정동 바로 가기 (이름 또는 코드)").fill("영등포구 여의동");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("영등포구 여의동 30대 여성 광고 우선순위");

    // Open a 행정동: back to Seoul's extent, then click (tap) inside 여의동.
    await page.goto("/dongs?service=delivery&sex=F&age=30");
    await expect(map).toHaveAttribute("data-ready", "true");
    const yeoui = map.locator(`path[data-dong="${YEOUI}"]`);
    await yeoui.scrollIntoViewIfNeeded();
    const b = (await yeoui.boundingBox())!;
    if (testInfo.project.name === "phone") await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
    else await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await expect(page).toHaveURL(/\/dong\?dong=1119054&age=30$/);
    expect(errors).toEqual([]);
  });
});
