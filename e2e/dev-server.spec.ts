import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";

/**
 * `npm run dev` runs the same edge as `npm start` (issue 21): a page carries its hash CSP, an invalid
 * link answers 400 with the page, an unsupported method 405, an API error the JSON shape.
 */
test.beforeEach(({}, info) => test.skip(info.project.name !== "desktop", "server-level test: once is enough"));
test.setTimeout(240_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test("the development server answers through the edge: page CSP, invalid-link 400, 405, API errors", async ({
  request,
}) => {
  const port = await freePort();
  let out = "";
  const dev = spawn("npm", ["run", "dev"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  dev.stdout!.on("data", (d) => (out += d));
  dev.stderr!.on("data", (d) => (out += d));
  const exited = new Promise((r) => dev.once("exit", r));
  const base = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(() => out, { timeout: 120_000 }).toMatch(/AdTarget Seoul \(development\) on http/);
    // The first request compiles the page: give it time.
    const page = await request.get(`${base}/segment?district=gangnam-gu&sex=F&age=30`, { timeout: 120_000 });
    expect(page.status()).toBe(200);
    const csp = page.headers()["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline' ;");
    expect(page.headers()["x-content-type-options"]).toBe("nosniff");
    const invalid = await request.get(`${base}/segment?sex=X`, { timeout: 120_000 });
    expect(invalid.status()).toBe(400);
    expect(invalid.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
    expect((await request.fetch(`${base}/segment`, { method: "DELETE" })).status()).toBe(405);
    const api = await request.get(`${base}/api/segments/priority?district=nowhere&sex=F&age=20`, { timeout: 120_000 });
    expect(api.status()).toBe(400);
    expect(await api.json()).toMatchObject({ error: "bad_request", parameter: "district" });
  } finally {
    dev.kill("SIGTERM");
    await exited;
  }
});
