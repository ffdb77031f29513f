import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  downloadCsv,
  expectAxeClean,
  expectNoHorizontalOverflow,
  parseCsv,
  saveScreenshot,
  tableValues,
  trackConsoleErrors,
} from "./support/checks";

interface AudienceRow {
  segment: { district: { code: string; slug: string; name_ko: string }; sex: "F" | "M"; age: number };
  population: number;
  usage: number;
  z: number | null;
  districtZ: number | null;
  score: number;
}
interface AudienceBody {
  service: string;
  total: number;
  segments: AudienceRow[];
}

const id = (r: AudienceRow) => `${r.segment.district.slug}.${r.segment.sex}.${r.segment.age}`;

async function apiAudience(request: APIRequestContext, service: string, qs = ""): Promise<AudienceBody> {
  const res = await request.get(`/api/services/${service}/audience${qs}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The table's rows as [id, population, usage, z, score] from the cells' raw values. */
async function shownRows(page: Page) {
  return page
    .getByTestId("audience-table")
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const v = Array.from(tr.querySelectorAll("td[data-value]")).map((td) => td.getAttribute("data-value"));
        return [tr.getAttribute("data-id"), v[3], v[4], v[5], v[7]];
      }),
    );
}

const expected = (rows: AudienceRow[]) =>
  rows.map((r) => [id(r), String(r.population), String(r.usage), r.z === null ? "" : String(r.z), String(r.score)]);

test.describe("/audience", () => {
  // axe over a 50-row table with a sticky bar above it is slow on a shared 2-core machine.
  test.describe.configure({ timeout: 150_000 });
  test("default link: all 300 delivery segments by score, 50 a page, equal to the API; the district effect is the index; CSV has all the table's rows", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const api = await apiAudience(request, "delivery", "?sort=score");
    expect(api.total).toBe(300);
    const res = await page.goto("/audience");
    expect(res?.status()).toBe(200);
    await expect(page).toHaveTitle(/배달 광고 오디언스 만들기/);
    const table = page.getByTestId("audience-table");
    await expect(table.locator("tbody tr")).toHaveCount(50);
    expect(await shownRows(page)).toEqual(expected(api.segments.slice(0, 50)));
    await expect(page.getByTestId("audience-status")).toContainText("300개 고객층");

    // 자치구 효과 for a count service is the district effect's index of the row's own sex × age group.
    const first = api.segments[0]!;
    const effect = (
      await (
        await request.get(`/api/services/delivery/districts?sex=${first.segment.sex}&age=${first.segment.age}`)
      ).json()
    ).districts;
    const index = effect.find(
      (d: { district: { code: string } }) => d.district.code === first.segment.district.code,
    ).index;
    await expect(table.locator("tbody tr").first().locator("td[data-value]").nth(6)).toHaveAttribute(
      "data-value",
      String(index),
    );
    await expect(table.locator("thead")).toContainText("자치구 효과 (지수, 100 = 25개 구 평균)");

    // The CSV has every row of the sorted, filtered table (all pages): page 1's cells first, then the rest as the API.
    const csv = parseCsv(await downloadCsv(page, page.getByTestId("csv-download")));
    expect(csv[0]).toEqual(
      await table
        .locator("thead th")
        .evaluateAll((ths) => ths.slice(1).map((th) => th.textContent!.replace(/[▲▼↕]$/, ""))),
    );
    expect(csv).toHaveLength(301);
    expect(csv.slice(1, 51)).toEqual(await tableValues(table).then((rows) => rows.map((r) => r.slice(1))));
    // Whole-number columns (people, score) are rounded as the table shows them; z stays unrounded.
    expect(csv.slice(1).map((r) => [r[3], r[5], r[7]])).toEqual(
      api.segments.map((r) => [
        String(Math.round(r.population)),
        r.z === null ? "" : String(r.z),
        String(Math.round(r.score)),
      ]),
    );
    await expect(
      page.locator("strong", { hasText: "인구는 그 고객층에 사는 주민 수이지 배달 이용자 수가 아닙니다" }),
    ).toBeVisible();

    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "audience-default", testInfo);

    // Page 2: rows 51–100 of the same order; the page is in the URL.
    await page.getByRole("button", { name: "51–100" }).click();
    await expect(page).toHaveURL(/[?&]offset=50(&|$)/);
    await expect(table.locator("tbody tr").first()).toHaveAttribute("data-id", id(api.segments[50]!));
    expect(await shownRows(page)).toEqual(expected(api.segments.slice(50, 100)));
    expect(errors).toEqual([]);
  });

  test("filtered and sorted deep link equals the API; an index service's effect is districtZ", async ({
    page,
    request,
  }) => {
    const api = await apiAudience(request, "netflix", "?sex=F&age=30&sort=population");
    expect(api.total).toBe(25);
    await page.goto("/audience?service=netflix&sex=F&age=30&sort=population-desc");
    await expect(page.getByTestId("audience-table").locator("tbody tr")).toHaveCount(25);
    expect(await shownRows(page)).toEqual(expected(api.segments));
    const effects = await page
      .getByTestId("audience-table")
      .locator("tbody tr td[data-value]:nth-child(8)")
      .evaluateAll((tds) => tds.map((td) => td.getAttribute("data-value")));
    expect(effects).toEqual(api.segments.map((r) => (r.districtZ === null ? "" : String(r.districtZ))));
    await expect(page.getByTestId("audience-status")).toContainText("여성 · 30대 · 전체 자치구: 25개 고객층");
    await expect(page.getByLabel("성별")).toHaveValue("F");
    await expect(page.getByLabel("연령대")).toHaveValue("30");
  });

  test("sort by any column both ways and filters: URL, title, reload and back", async ({ page, request }) => {
    await page.goto("/audience?service=game");
    const table = page.getByTestId("audience-table");
    await page.locator('button[data-column="district"]').click();
    await expect(page).toHaveURL(/[?&]sort=district-asc(&|$)/);
    await expect(table).toHaveAttribute("data-sort", "district-asc");
    await expect(table.locator("tbody tr").first().locator("td[data-value]").first()).toHaveAttribute(
      "data-value",
      "강남구",
    );
    await page.locator('button[data-column="district"]').click();
    await expect(page).toHaveURL(/[?&]sort=district-desc(&|$)/);
    await expect(table.locator("tbody tr").first().locator("td[data-value]").first()).toHaveAttribute(
      "data-value",
      "중랑구",
    );
    await page.locator('button[data-column="z"]').click();
    await expect(page).toHaveURL(/[?&]sort=z-desc(&|$)/);
    await page.locator('button[data-column="z"]').click();
    await expect(page).toHaveURL(/[?&]sort=z-asc(&|$)/);
    // Lowest z first equals the API's order reversed, for rows without ties.
    const api = await apiAudience(request, "game", "?sort=z");
    await expect(table.locator("tbody tr").first()).toHaveAttribute("data-id", id(api.segments.at(-1)!));

    await page.getByLabel("성별").selectOption("M");
    await expect(page).toHaveURL(/[?&]sex=M(&|$)/);
    await expect(page).toHaveTitle(/게임 광고 오디언스 만들기 \(남성 · 전체 연령대 · 전체 자치구\)/);
    await expect(page.getByTestId("audience-status")).toContainText("150개 고객층");
    await page.getByLabel("자치구").selectOption("mapo-gu");
    await expect(table.locator("tbody tr")).toHaveCount(6);
    await page.reload();
    await expect(table.locator("tbody tr")).toHaveCount(6);
    await expect(page.getByLabel("자치구")).toHaveValue("mapo-gu");
    await page.goBack();
    await expect(page.getByTestId("audience-status")).toContainText("150개 고객층");
    await expect(page.getByLabel("자치구")).toHaveValue("");
    await expect(page).toHaveURL(/sort=z-asc/);
  });

  test("picks → compare → plan by clicks alone; the summary adds the API's figures; back restores the picks", async ({
    page,
    request,
  }, testInfo) => {
    const api = await apiAudience(request, "game", "?sort=score");
    await page.goto("/audience?service=game");
    const rows = page.getByTestId("audience-table").locator("tbody tr");
    await expect(page.getByTestId("compare-link")).toHaveAttribute("aria-disabled", "true");

    // The first by keyboard (Space on the focused checkbox), the next two by click/tap.
    await rows.nth(0).getByTestId("pick").focus();
    await page.keyboard.press("Space");
    await expect(rows.nth(0).getByTestId("pick")).toBeChecked();
    await rows.nth(1).getByTestId("pick").click();
    await rows.nth(2).getByTestId("pick").click();
    const picked = api.segments.slice(0, 3);
    await expect.poll(() => new URL(page.url()).searchParams.get("pick")).toBe(picked.map(id).join(","));

    const population = picked.reduce((a, r) => a + r.population, 0);
    const meanZ = picked.reduce((a, r) => a + r.population * r.z!, 0) / population;
    await expect(page.getByTestId("pick-count")).toHaveAttribute("data-value", "3");
    await expect(page.getByTestId("pick-population")).toHaveAttribute("data-value", String(population));
    expect(Number(await page.getByTestId("pick-mean-z").getAttribute("data-value"))).toBeCloseTo(meanZ, 12);
    await saveScreenshot(page, "audience-picked", testInfo);

    // Picks survive a filter that hides some of them, and count in the summary.
    await page.getByLabel("연령대").selectOption("70");
    await expect(page).toHaveURL(/[?&]age=70(&|$)/);
    await expect(page.getByTestId("pick-population")).toHaveAttribute("data-value", String(population));
    await page.goBack();
    await expect(page.getByLabel("연령대")).toHaveValue("");

    await page.getByTestId("compare-link").click();
    await page.waitForURL(/\/compare\?/);
    expect(new URL(page.url()).searchParams.get("segments")).toBe(picked.map(id).join(","));
    expect(new URL(page.url()).searchParams.get("service")).toBe("game");
    await expect(page.getByTestId("compare-columns").locator("article")).toHaveCount(3);

    await page.goBack();
    await page.waitForURL(/\/audience\?/);
    for (let i = 0; i < 3; i++) await expect(rows.nth(i).getByTestId("pick")).toBeChecked();
    await expect(page.getByTestId("pick-count")).toHaveAttribute("data-value", "3");

    await page.getByTestId("plan-link").click();
    await page.waitForURL(/\/plan\?/);
    const plan = new URL(page.url()).searchParams;
    expect(plan.get("service")).toBe("game");
    expect(plan.get("segments")).toBe(picked.map(id).join(","));
  });

  test("a partly bad pick link: 400, the bad ids explained, the valid ones kept", async ({ page }) => {
    const res = await page.goto("/audience?pick=gangnam-gu.F.20,nowhere.F.20,gangnam-gu.F.20,mapo-gu.M.30");
    expect(res?.status()).toBe(400);
    await expect(page.getByTestId("param-error")).toContainText("선택한 고객층");
    await expect(page.getByTestId("dropped-segments")).toContainText("nowhere.F.20");
    await expect(page.getByTestId("dropped-segments")).toContainText("중복");
    await expect(page.getByTestId("pick-count")).toHaveAttribute("data-value", "2");
    await expect(page.locator('tr[data-id="mapo-gu.M.30"]').getByTestId("pick")).toBeChecked();
    await expectAxeClean(page);
  });

  test("the 행정동 grain: 5,088 segments equal to the API, filtered by district; ticks go on to /compare and /plan", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/audience?service=game");
    await page.getByLabel("단위").selectOption("dong");
    await expect(page).toHaveURL(/[?&]grain=dong(&|$)/);
    await expect(page.getByTestId("audience-status")).toContainText("5088개 고객층");
    await expect(page.getByTestId("audience-dong-window")).toContainText("2022년 1월–2022년 12월, 12개월");
    const table = page.getByTestId("audience-table");
    await expect(table.locator("thead")).toContainText("행정동 효과");

    // The page carries the 50 rows it shows, not the 5,088 (the CSV comes from the server) …
    const html = await request.get("/audience?service=game&grain=dong");
    expect((await html.body()).length).toBeLessThan(200_000);
    // … and the CSV still has every row, the table's columns and page 1's cells first.
    const headers = await table
      .locator("thead th")
      .evaluateAll((ths) => ths.slice(1).map((th) => th.textContent!.replace(/[▲▼↕]$/, "")));
    const all = parseCsv(await downloadCsv(page, page.getByTestId("csv-download")));
    expect(all[0]).toEqual(headers);
    expect(all).toHaveLength(5089);
    expect(all.slice(1, 51)).toEqual(await tableValues(table).then((rows) => rows.map((r) => r.slice(1))));

    await page.getByLabel("자치구").selectOption("yeongdeungpo-gu");
    await expect(page).toHaveURL(/[?&]district=yeongdeungpo-gu(&|$)/);
    const res = await request.get(
      "/api/services/game/audience?grain=dong&district=yeongdeungpo-gu&sort=score&limit=300",
    );
    expect(res.status()).toBe(200);
    const api = (await res.json()) as {
      total: number;
      segments: (AudienceRow & { segment: { dong: { code: string } } })[];
    };
    await expect(page.getByTestId("audience-status")).toContainText(`${api.total}개 고객층`);
    const dongId = (r: (typeof api.segments)[number]) => `${r.segment.dong.code}.${r.segment.sex}.${r.segment.age}`;
    await expect(table.locator("tbody tr").first()).toHaveAttribute("data-id", dongId(api.segments[0]!));
    expect(await shownRows(page)).toEqual(
      api.segments
        .slice(0, 50)
        .map((r) => [
          dongId(r),
          String(r.population),
          String(r.usage),
          r.z === null ? "" : String(r.z),
          String(r.score),
        ]),
    );
    // The filtered CSV: every 영등포구 row in the table's order, whole numbers rounded, equal to the API.
    const csv = parseCsv(await downloadCsv(page, page.getByTestId("csv-download")));
    expect(csv[0]).toEqual(headers);
    expect(csv).toHaveLength(api.total + 1);
    expect(csv.slice(1, 51)).toEqual(await tableValues(table).then((rows) => rows.map((r) => r.slice(1))));
    expect(csv.slice(1).map((r) => [r[3], r[5], r[7]])).toEqual(
      api.segments.map((r) => [
        String(Math.round(r.population)),
        r.z === null ? "" : String(r.z),
        String(Math.round(r.score)),
      ]),
    );
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "audience-dong", testInfo);

    // Tick two 행정동 segments (one by keyboard); the summary adds the API's figures.
    const rows = table.locator("tbody tr");
    await rows.nth(0).getByTestId("pick").focus();
    await page.keyboard.press("Space");
    await rows.nth(1).getByTestId("pick").click();
    const picked = api.segments.slice(0, 2);
    await expect.poll(() => new URL(page.url()).searchParams.get("pick")).toBe(picked.map(dongId).join(","));
    await expect(page.getByTestId("pick-population")).toHaveAttribute(
      "data-value",
      String(picked[0]!.population + picked[1]!.population),
    );

    await page.getByTestId("compare-link").click();
    await page.waitForURL(/\/compare\?/);
    expect(new URL(page.url()).searchParams.get("segments")).toBe(picked.map(dongId).join(","));
    const columns = page.getByTestId("compare-columns").locator("article");
    await expect(columns).toHaveCount(2);
    await expect(columns.nth(0)).toHaveAttribute("data-id", dongId(picked[0]!));
    await expect(columns.nth(0).getByTestId("population")).toHaveAttribute("data-value", String(picked[0]!.population));
    await expect(page.getByTestId("compare-dong-window")).toContainText("행정동 자료가 있는 달");
    await expectAxeClean(page);

    await page.goBack();
    await page.waitForURL(/\/audience\?/);
    await expect(page.getByTestId("pick-count")).toHaveAttribute("data-value", "2");
    await page.getByTestId("plan-link").click();
    await page.waitForURL(/\/plan\?/);
    expect(new URL(page.url()).searchParams.get("segments")).toBe(picked.map(dongId).join(","));
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(2);
    await expect(page.getByTestId("plan-segments").locator("li").first()).toContainText("영등포구");
    await expect(page.getByTestId("plan-dong-window")).toContainText("2022년 1월–2022년 12월");
    const plan = await (
      await request.get(`/api/plan?service=game&budget=50000000&cpm=5000&segments=${picked.map(dongId).join(",")}`)
    ).json();
    await expect(page.getByTestId("plan-totals")).toContainText(
      new Intl.NumberFormat("ko-KR").format(Math.round(plan.impressions)),
    );
    await expectAxeClean(page);
    await saveScreenshot(page, "plan-dong", testInfo);
    // A shared link with the campaign's months (2022's, not the default window's) is a valid page.
    const months = await page.goto(`${page.url()}&months=2022-03,2022-04`);
    expect(months?.status()).toBe(200);
    await expect(page.getByTestId("plan-segments").locator("li")).toHaveCount(2);
    expect(errors).toEqual([]);
  });
});
