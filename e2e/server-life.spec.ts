import { expect, test } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import launch from "../scripts/server-launch.json";
import { formatUsageCsv } from "@/lib/dataset/format";
import { sha256 } from "@/lib/dataset/load";
import { fixtureDataset, FIXTURE_MONTHS } from "@/test/fixtures/dataset";

/**
 * The server process as a whole (issue 22): one dataset per process, a busy port, stopping through
 * `npm start`, and a socket folder left by a killed process. Each test starts its own server.
 */
test.beforeEach(({}, info) => test.skip(info.project.name !== "desktop", "server-level test: once is enough"));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(command: string, args: string[], env: Record<string, string>): Started {
  let out = "";
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

function startServer(port: number, env: Record<string, string> = {}): Started {
  return run(process.execPath, [...launch.nodeFlags, launch.file], {
    ...launch.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    ...env,
  });
}

async function listening(s: Started, timeout = 60_000) {
  await expect.poll(() => s.output(), { timeout }).toMatch(/AdTarget Seoul.* on http/);
}

function writeDataset(dir: string, title: string, months = FIXTURE_MONTHS) {
  const { rows, meta } = fixtureDataset();
  // Another month is the first month's rows again under a new name: a dataset the first one is not.
  const extra = months.filter((m) => !FIXTURE_MONTHS.includes(m));
  const all = [
    ...rows,
    ...extra.flatMap((m) => rows.filter((r) => r.month === FIXTURE_MONTHS[0]).map((r) => ({ ...r, month: m }))),
  ];
  const csv = formatUsageCsv(all);
  writeFileSync(path.join(dir, "usage.csv"), csv);
  writeFileSync(
    path.join(dir, "meta.json"),
    JSON.stringify({ ...meta, title, months, kind: "imported", sha256: sha256(csv) }),
  );
}

test("serves the dataset it started with everywhere, though another is written into DATA_DIR before the first request", async ({
  request,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), "adtarget-data-"));
  const port = await freePort();
  writeDataset(dir, "A");
  const server = startServer(port, { DATA_DIR: dir });
  try {
    await listening(server);
    // Dataset B, with a month A does not have, replaces A's files before anything has been asked.
    writeDataset(dir, "B", [...FIXTURE_MONTHS, "2024-04"]);
    const base = `http://127.0.0.1:${port}`;
    const health = await (await request.get(`${base}/api/health`)).json();
    expect(health.months).toEqual(FIXTURE_MONTHS);
    expect((await (await request.get(`${base}/api/meta`)).json()).dataset.title).toBe("A");
    // The month only B has is invalid for the page and the API alike.
    expect((await request.get(`${base}/plan?months=2024-04`)).status()).toBe(400);
    expect((await request.get(`${base}/api/plan?service=video&budget=1000000&months=2024-04`)).status()).toBe(400);
    // And a broken file after the start changes nothing either.
    writeFileSync(path.join(dir, "usage.csv"), "not,a,dataset\n");
    expect((await request.get(`${base}/`)).status()).toBe(200);
    expect((await request.get(`${base}/api/segments/priority?district=gangdong-gu&sex=M&age=70`)).status()).toBe(200);
  } finally {
    server.child.kill();
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a busy port stops the start at once, naming the port", async () => {
  const blocker = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => blocker.once("listening", r));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const server = startServer(port);
    const t0 = Date.now();
    const code = await Promise.race([
      server.exited,
      new Promise<string>((r) => setTimeout(() => r("still running"), 20_000)),
    ]);
    if (code === "still running") server.child.kill("SIGKILL");
    expect(code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(server.output()).toContain(`Cannot start: port ${port} is in use`);
  } finally {
    blocker.close();
  }
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to \`npm start\` stops the server within 5 s and removes its socket folder`, async ({ request }) => {
    const port = await freePort();
    const npm = run("npm", ["start"], { PORT: String(port), HOST: "127.0.0.1" });
    try {
      await listening(npm, 120_000);
      const pid = Number(/\(pid (\d+)\)/.exec(npm.output())![1]);
      const folder = path.join(tmpdir(), `adtarget-${pid}`);
      expect(existsSync(folder)).toBe(true);
      expect((await request.get(`http://127.0.0.1:${port}/api/health`)).status()).toBe(200);
      const t0 = Date.now();
      npm.child.kill(signal);
      await expect.poll(() => alive(pid), { timeout: 5000, intervals: [100] }).toBe(false);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(existsSync(folder)).toBe(false);
      await expect(request.get(`http://127.0.0.1:${port}/api/health`, { timeout: 2000 })).rejects.toThrow();
    } finally {
      npm.child.kill("SIGKILL");
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test("a socket folder left by a killed server is removed at the next start", async () => {
  // The id of a process that has ended (and, on this machine, is not reused within the test).
  const dead = spawnSync("true");
  const stale = path.join(tmpdir(), `adtarget-${dead.pid}`);
  mkdirSync(stale, { recursive: true });
  writeFileSync(path.join(stale, "render.sock"), "");
  const server = startServer(await freePort());
  try {
    await listening(server);
    expect(existsSync(stale), stale).toBe(false);
  } finally {
    server.child.kill();
    await server.exited;
    rmSync(stale, { recursive: true, force: true });
  }
});
