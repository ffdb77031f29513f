import { expect, test } from "@playwright/test";

test("the served API answers with the bundled dataset", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.kind).toBe("bundled");
  expect(body.months).toHaveLength(9);
});
