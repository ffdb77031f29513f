import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { downloadCsv, expectAxeClean, expectNoHorizontalOverflow, parseCsv, saveScreenshot, tableValues, trackConsoleErrors } from "./support/checks";

interface TargetsBody {
  service: string;
  targets: {
    district: { code: string; name_ko: string };
    sex: "F" | "M";
    age: number;
    z: number | null;
    population: number;
    usage: number;
    related: { service: string; r: number | null }[];
  }[];
}

const SEX = { F: "여성", M: "남성" } as const;
const NAMES: Record<string, string> = { game: "게임", finance: "금융", shopping: "쇼핑", video: "동영상/방송", youtube: "유튜브", netflix: "넷플릭스", delivery: "배달" };

async function apiTargets(request: APIRequestContext, service: string): Promise<TargetsBody> {
  const res = await request.get(`/api/services/${service}/targets?limit=10`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The targets table's rows (segment, order, related services and r) equal the API's. */
async function expectTableEqualsApi(page: Page, api: TargetsBody) {
  const table = page.getByTestId("targets-table");
  await expect(table).toHaveAttribute("data-service", api.service);
  await expect(table).toHaveAttribute("aria-busy", "false");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(10);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      district: tr.getAttribute("data-district"),
      sex: tr.getAttribute("data-sex"),
      age: tr.getAttribute("data-age"),
      related: Array.from(tr.querySelectorAll('[data-testid="related-services"]')).map((list) =>
        Array.from(list.children).map((li) => [li.getAttribute("data-service"), li.getAttribute("data-r")]),
      ),
    })),
  );
  expect(shown).toEqual(
    api.targets.map((t) => ({
      district: t.district.code,
      sex: t.sex,
      age: String(t.age),
      related: [t.related.map((r) => [r.service, r.r === null ? "" : String(r.r)])],
    })),
  );
  for (const t of api.targets) expect(t.related).toHaveLength(6);
}

test.describe("/service", () => {
  test("delivery deep link: rows and related services equal the API, CSV equals the table", async ({ page, request }, testInfo) => {
    const errors = trackConsoleErrors(page);
    const api = await apiTargets(request, "delivery");
    await page.goto("/service?service=delivery");
    await expect(page).toHaveTitle(/배달 서비스 타겟 고객/);
    await expect(page.getByLabel("서비스", { exact: true })).toHaveValue("delivery");
    await expect(page.getByRole("heading", { level: 2, name: /배달 서비스 타겟 고객 상위 10/ })).toBeVisible();
    await expectTableEqualsApi(page, api);
    // The explanation of z and r is on the page.
    await expect(page.getByText("z (타겟 점수)")).toBeVisible();
    await expect(page.getByText("r (연관도)")).toBeVisible();

    // CSV = the table view = what the API says, with the related services and r in rank order.
    const csv = parseCsv(await downloadCsv(page, page.locator("section.chart-frame").getByTestId("csv-download")));
    const [header, ...body] = csv;
    expect(header).toHaveLength(19);
    expect(header!.slice(0, 6)).toEqual(["순위", "자치구", "성별", "연령대", "z", "인구 (월평균)"]);
    expect(body).toEqual(await tableValues(page.getByTestId("service-targets-table")));
    expect(body).toEqual(
      api.targets.map((t, i) => [
        String(i + 1),
        t.district.name_ko,
        SEX[t.sex],
        `${t.age}대`,
        t.z === null ? "" : String(t.z),
        String(t.population),
        String(t.usage),
        ...t.related.flatMap((r) => [NAMES[r.service]!, r.r === null ? "" : String(r.r)]),
      ]),
    );

    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await saveScreenshot(page, "service", testInfo);
    expect(errors).toEqual([]);
  });

  test("another service's deep link (netflix, a negative index) shows its own targets", async ({ page, request }) => {
    const errors = trackConsoleErrors(page);
    const api = await apiTargets(request, "netflix");
    await page.goto("/service?service=netflix");
    await expect(page).toHaveTitle(/넷플릭스 서비스 타겟 고객/);
    await expect(page.getByLabel("서비스", { exact: true })).toHaveValue("netflix");
    await expectTableEqualsApi(page, api);
    // Mean usage is negative for Netflix: shown with its sign, not clipped to zero.
    expect(api.targets[0]!.usage).toBeLessThan(0);
    await expect(page.getByTestId("targets-table").locator("tbody tr").first()).toContainText("-0.06");
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
  });

  test("changing the service updates the URL, survives reload and back", async ({ page, request }) => {
    const errors = trackConsoleErrors(page);
    await page.goto("/service");
    await expectTableEqualsApi(page, await apiTargets(request, "delivery"));
    const select = page.getByLabel("서비스", { exact: true });
    await select.selectOption("youtube");
    await expect(page).toHaveURL(/\/service\?service=youtube$/);
    const youtube = await apiTargets(request, "youtube");
    await expectTableEqualsApi(page, youtube);
    await page.reload();
    await expect(select).toHaveValue("youtube");
    await expectTableEqualsApi(page, youtube);
    await page.goBack();
    await expect(page).toHaveURL(/\/service$/);
    await expect(select).toHaveValue("delivery");
    await expectTableEqualsApi(page, await apiTargets(request, "delivery"));
    expect(errors).toEqual([]);
  });

  test("invalid or repeated service shows the friendly message with the allowed values", async ({ page }) => {
    for (const query of ["service=foo", "service=delivery&service=youtube"]) {
      const res = await page.goto(`/service?${query}`);
      expect(res!.status()).toBe(200);
      const alert = page.getByTestId("param-error");
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(query === "service=foo" ? '"foo"' : "여러 번");
      for (const s of Object.keys(NAMES)) await expect(alert.locator("code", { hasText: new RegExp(`^${s}$`) })).toHaveCount(1);
      await expect(page.getByTestId("targets-table")).toHaveCount(0);
    }
    await expectAxeClean(page);
    await page.getByRole("link", { name: "기본 보기로 이동" }).click();
    await expect(page).toHaveURL(/\/service$/);
    await expect(page.getByTestId("targets-table").locator("tbody tr")).toHaveCount(10);
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
