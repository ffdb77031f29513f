import { expect, test, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import type { District } from "@/lib/districts";
import {
  downloadCsv,
  expectAxeClean,
  expectNoHorizontalOverflow,
  parseCsv,
  saveScreenshot,
  tableValues,
  trackConsoleErrors,
} from "./support/checks";

interface Target {
  district: District;
  sex: "F" | "M";
  age: number;
  z: number | null;
  population: number;
  usage: number;
  related: { service: string; r: number | null }[];
  relatedAdjusted: { service: string; r: number | null }[];
  alsoUses: { service: string; z: number | null }[];
}
interface TargetsBody {
  service: string;
  targets: Target[];
}
interface DistrictsBody {
  districts: {
    district: District;
    usage: number;
    districtZ: number | null;
    index: number | null;
    population: number;
    rank: number;
  }[];
}

const SEX = { F: "여성", M: "남성" } as const;
const NAMES: Record<string, string> = {
  game: "게임",
  finance: "금융",
  shopping: "쇼핑",
  video: "동영상/방송",
  youtube: "유튜브",
  netflix: "넷플릭스",
  delivery: "배달",
};
const v = (x: number | null) => (x === null ? "" : String(x));

async function api<T>(request: APIRequestContext, path: string): Promise<T> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.json();
}

const apiTargets = (request: APIRequestContext, service: string) =>
  api<TargetsBody>(request, `/api/services/${service}/targets?limit=10`);
const apiDistricts = (request: APIRequestContext, service: string, sex: string, age: number) =>
  api<DistrictsBody>(request, `/api/services/${service}/districts?sex=${sex}&age=${age}`);

/** The segment page's canonical link: only what differs from its defaults (강남구, 여성, 20대). */
function segmentHref(slug: string, sex: string, age: number): string {
  const q = new URLSearchParams();
  if (slug !== "gangnam-gu") q.set("district", slug);
  if (sex !== "F") q.set("sex", sex);
  if (age !== 20) q.set("age", String(age));
  const s = q.toString();
  return s ? `/segment?${s}` : "/segment";
}

/** The targets table's rows equal the API's: order, segment links, also-uses z and the chosen r. */
async function expectTableEqualsApi(page: Page, api: TargetsBody, related: "adjusted" | "raw" = "adjusted") {
  const table = page.getByTestId("targets-table");
  await expect(table).toHaveAttribute("data-service", api.service);
  await expect(table).toHaveAttribute("data-related", related);
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(10);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const chips = (id: string) =>
        Array.from(tr.querySelectorAll(`[data-testid="${id}"] li`)).map((li) => [
          li.getAttribute("data-service"),
          li.getAttribute("data-value"),
        ]);
      return {
        segment: [tr.getAttribute("data-district"), tr.getAttribute("data-sex"), tr.getAttribute("data-age")],
        href: tr.querySelector('[data-testid="segment-link"]')?.getAttribute("href"),
        also: chips("also-uses"),
        related: chips("related-services"),
      };
    }),
  );
  expect(shown).toEqual(
    api.targets.map((t) => ({
      segment: [t.district.code, t.sex, String(t.age)],
      href: segmentHref(t.district.slug, t.sex, t.age),
      also: t.alsoUses.map((a) => [a.service, v(a.z)]),
      related: (related === "adjusted" ? t.relatedAdjusted : t.related).map((r) => [r.service, v(r.r)]),
    })),
  );
}

/** The map: 25 district shapes, each with its name drawn on the map, and the table equal to the API's district effect. */
async function expectMapEqualsApi(page: Page, body: DistrictsBody, count: boolean) {
  const map = page.getByTestId("district-map");
  await expect(map.getByTestId("map-district")).toHaveCount(25);
  const names = await map
    .locator("text[data-district-label]")
    .evaluateAll((ts) => ts.map((t) => [t.getAttribute("data-district-label"), t.textContent] as const));
  expect(names).toHaveLength(25);
  expect(new Map(names)).toEqual(new Map(body.districts.map((d) => [d.district.code, d.district.name_ko])));
  const ranked = [...body.districts].sort((a, b) => a.rank - b.rank);
  expect(await tableValues(page.getByTestId("service-map-table"))).toEqual(
    ranked.map((d) => [
      String(d.rank),
      d.district.name_ko,
      d.district.code,
      String(d.usage),
      v(d.districtZ),
      ...(count ? [v(d.index)] : []),
      String(d.population),
    ]),
  );
  await expect(page.getByTestId("district-rank-list").locator("li")).toHaveCount(25);
}

/** Clicks (phone: taps) a district where its name is drawn — inside the shape, never on a neighbour. */
async function pressDistrict(page: Page, code: string, testInfo: TestInfo) {
  const label: Locator = page.getByTestId("district-map").locator(`text[data-district-label="${code}"]`);
  await label.scrollIntoViewIfNeeded();
  const box = (await label.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  if (testInfo.project.name === "phone") await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

test.describe("/service", () => {
  // Several full page loads, CSV downloads and an axe run each, on a machine shared with other builds.
  test.describe.configure({ timeout: 150_000 });

  test("delivery deep link: targets and the district map equal the API; CSVs equal the tables", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const targets = await apiTargets(request, "delivery");
    const top = targets.targets[0]!;
    const res = await page.goto("/service?service=delivery");
    expect(res!.status()).toBe(200);
    await expect(page).toHaveTitle(/배달 서비스 타겟 고객/);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\/service$/);
    await expect(page.getByLabel("서비스", { exact: true })).toHaveValue("delivery");
    await expectTableEqualsApi(page, targets);
    await expect(page.getByTestId("related-caveat")).toContainText("9개월");

    // The map shows the top target's group when the link names none, and says so.
    await expect(page.getByLabel("지도 성별")).toHaveValue(top.sex);
    await expect(page.getByLabel("지도 연령대")).toHaveValue(String(top.age));
    await expect(page.getByTestId("map-group-note")).toContainText("1위 타겟의 집단");
    await expect(
      page.getByRole("heading", { level: 2, name: `자치구별 배달 이용 — ${top.age}대 ${SEX[top.sex]}` }),
    ).toBeVisible();
    const districts = await apiDistricts(request, "delivery", top.sex, top.age);
    await expectMapEqualsApi(page, districts, true);
    await expect(page.getByTestId("map-legend").locator("li")).not.toHaveCount(0);
    await expect(page.getByText("배달 이용 지수 (25개 구 평균 = 100)")).toBeVisible();

    // CSV = the table view, for the targets and for the map.
    for (const id of ["service-targets", "service-map"]) {
      const frame = page.locator("section.chart-frame").filter({ has: page.getByTestId(`${id}-table`) });
      const [header, ...body] = parseCsv(await downloadCsv(page, frame.getByTestId("csv-download")));
      expect(header, id).toEqual(await page.getByTestId(`${id}-table`).locator("thead th").allTextContents());
      expect(body, id).toEqual(await tableValues(page.getByTestId(`${id}-table`)));
    }
    const [, ...csv] = parseCsv(
      await downloadCsv(page, page.locator("section.chart-frame").first().getByTestId("csv-download")),
    );
    expect(csv[0]!.slice(0, 13)).toEqual([
      "1",
      top.district.name_ko,
      SEX[top.sex],
      `${top.age}대`,
      v(top.z),
      String(top.population),
      String(top.usage),
      ...top.alsoUses.flatMap((a) => [NAMES[a.service]!, v(a.z)]),
    ]);

    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "service", testInfo);
    expect(errors).toEqual([]);
  });

  test("a click or tap on a district, or Enter, opens that district's segment page for the group", async ({
    page,
    request,
  }, testInfo) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/service?service=delivery&sex=F&age=40");
    await expectMapEqualsApi(page, await apiDistricts(request, "delivery", "F", 40), true);
    await expect(page.getByTestId("map-group-note")).not.toContainText("1위 타겟");
    await pressDistrict(page, "11440", testInfo);
    await expect(page).toHaveURL(/\/segment\?district=mapo-gu&age=40$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/service\?service=delivery&sex=F&age=40$/);
    // Keyboard: Tab reaches the district links; Enter opens one.
    const songpa = page.getByTestId("district-map").locator('a[data-district="11710"]');
    await songpa.focus();
    await expect(songpa).toHaveAttribute(
      "aria-label",
      /^송파구 배달 이용 지수 \d+\.\d\d, 구간 .*, \d+위\. 40대 여성 고객층 페이지 보기$/,
    );
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/segment\?district=songpa-gu&age=40$/);
    expect(errors).toEqual([]);
  });

  test("for both sexes a district opens the sex that uses the service more; the list links both", async ({
    page,
    request,
  }) => {
    await page.goto("/service?service=game&sex=T&age=20");
    const [both, f, m] = await Promise.all([
      apiDistricts(request, "game", "T", 20),
      apiDistricts(request, "game", "F", 20),
      apiDistricts(request, "game", "M", 20),
    ]);
    await expectMapEqualsApi(page, both, true);
    const usageM = new Map(m.districts.map((d) => [d.district.code, d.usage]));
    const hrefs = await page
      .getByTestId("district-map")
      .locator("a[data-district]")
      .evaluateAll((as) => as.map((a) => [a.getAttribute("data-district"), a.getAttribute("href")] as const));
    expect(new Map(hrefs)).toEqual(
      new Map(
        f.districts.map((d) => [
          d.district.code,
          segmentHref(d.district.slug, usageM.get(d.district.code)! > d.usage ? "M" : "F", 20),
        ]),
      ),
    );
    const row = page.getByTestId("district-rank-list").locator('li[data-district="11440"]');
    await expect(row.getByRole("link", { name: "마포구 여성" })).toHaveAttribute("href", "/segment?district=mapo-gu");
    await expect(row.getByRole("link", { name: "마포구 남성" })).toHaveAttribute(
      "href",
      "/segment?district=mapo-gu&sex=M",
    );
  });

  test("netflix (a negative index): usage with a true minus sign, the map in z", async ({ page, request }) => {
    const errors = trackConsoleErrors(page);
    const api = await apiTargets(request, "netflix");
    await page.goto("/service?service=netflix");
    await expect(page).toHaveTitle(/넷플릭스 서비스 타겟 고객/);
    await expectTableEqualsApi(page, api);
    expect(api.targets[0]!.usage).toBeLessThan(0);
    await expect(page.getByTestId("targets-table").locator("tbody tr").first()).toContainText("\u22120.0");
    await expect(page.getByTestId("targets-table")).not.toContainText("-0.");
    const top = api.targets[0]!;
    await expectMapEqualsApi(page, await apiDistricts(request, "netflix", top.sex, top.age), false);
    await expect(page.getByText("넷플릭스 자치구 z (25개 구 평균 = 0, 단위: 표준편차)")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
  });

  test("switching the service updates the URL, the view and the tab title; reload and back keep it", async ({
    page,
    request,
  }) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/service");
    await expect(page).toHaveTitle(/^배달 서비스 타겟 고객/);
    await expectTableEqualsApi(page, await apiTargets(request, "delivery"));
    const select = page.getByLabel("서비스", { exact: true });
    await select.selectOption("youtube");
    await expect(page).toHaveURL(/\/service\?service=youtube$/);
    await expect(page).toHaveTitle(/^유튜브 서비스 타겟 고객/);
    const youtube = await apiTargets(request, "youtube");
    await expectTableEqualsApi(page, youtube);
    await expect(page.getByLabel("지도 연령대")).toHaveValue(String(youtube.targets[0]!.age));

    // The map's group is written to the URL when changed, and kept when the service changes.
    await page.getByLabel("지도 성별").selectOption("T");
    await expect(page).toHaveURL(/\/service\?service=youtube&sex=T&age=\d0$/);
    await expect(page.getByRole("heading", { level: 2, name: /^자치구별 유튜브 이용 — \d0대 전체$/ })).toBeVisible();

    await page.reload();
    await expect(select).toHaveValue("youtube");
    await expect(page).toHaveTitle(/^유튜브 서비스 타겟 고객/);
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(/\/service$/);
    await expect(select).toHaveValue("delivery");
    await expect(page).toHaveTitle(/^배달 서비스 타겟 고객/);
    await expectTableEqualsApi(page, await apiTargets(request, "delivery"));
    expect(errors).toEqual([]);
  });

  test("the raw 2023-method r is on a toggle in the URL", async ({ page, request }) => {
    const api = await apiTargets(request, "shopping");
    await page.goto("/service?service=shopping");
    await expect(page.getByTestId("related-adjusted")).toHaveAttribute("aria-current", "true");
    await page.getByTestId("related-raw").click();
    await expect(page).toHaveURL(/\/service\?service=shopping&related=raw$/);
    await expectTableEqualsApi(page, api, "raw");
    await expect(page.getByTestId("related-caveat")).toContainText("원자료 r");
    await page.getByTestId("related-adjusted").click();
    await expect(page).toHaveURL(/\/service\?service=shopping$/);
    await expectTableEqualsApi(page, api, "adjusted");
  });

  test("an invalid link answers 400 with the controls and every valid choice kept; forgiving spellings render", async ({
    page,
    request,
  }) => {
    const errors = trackConsoleErrors(page);
    const res = await page.goto("/service?service=foo&sex=f&age=30");
    expect(res!.status()).toBe(400);
    const alert = page.getByTestId("param-error");
    await expect(alert).toHaveAttribute("data-parameter", "service");
    await expect(alert).toContainText("“foo”");
    for (const s of Object.keys(NAMES))
      await expect(alert.locator("code", { hasText: new RegExp(`^${s}$`) })).toHaveCount(1);
    // The controls and the view are there, with sex=f (forgiven) and age=30 kept and the default service.
    await expect(page.getByLabel("서비스", { exact: true })).toHaveValue("delivery");
    await expect(page.getByLabel("지도 성별")).toHaveValue("F");
    await expect(page.getByLabel("지도 연령대")).toHaveValue("30");
    await expectTableEqualsApi(page, await apiTargets(request, "delivery"));
    await expectAxeClean(page);
    await page.getByRole("link", { name: "올바른 값으로 고친 보기로 이동" }).click();
    await expect(page).toHaveURL(/\/service\?sex=F&age=30$/);

    const repeated = await page.goto("/service?service=delivery&service=youtube");
    expect(repeated!.status()).toBe(400);
    await expect(page.getByTestId("param-error")).toHaveAttribute("data-parameter", "service");

    // Case and Korean names are forgiven: 200 and the view.
    for (const [q, name] of [
      ["service=Delivery&sex=f&age=30", "배달"],
      ["service=넷플릭스", "넷플릭스"],
    ] as const) {
      const ok = await page.goto(`/service?${q}`);
      expect(ok!.status(), q).toBe(200);
      await expect(page.getByTestId("param-error")).toHaveCount(0);
      await expect(page).toHaveTitle(new RegExp(`^${name} 서비스 타겟 고객`));
    }
    await expect(page.getByTestId("district-map").getByTestId("map-district")).toHaveCount(25);
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  test("an unknown path shows the friendly 404 page", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "페이지를 찾을 수 없습니다" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await page.getByTestId("not-found").getByRole("link", { name: "처음 화면" }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
