import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import launch from "../scripts/server-launch.json";
import { formatUsageCsv } from "@/lib/dataset/format";
import { sha256 } from "@/lib/dataset/load";
import { fixtureDataset, FIXTURE_MONTHS } from "@/test/fixtures/dataset";

/**
 * DATA_DIR is read when the built server starts: the same build serves another dataset, and a broken
 * dataset stops the server with a message naming the file and line.
 */

function writeDataset(dir: string, mutate: (csv: string) => string = (c) => c) {
  const { rows, meta } = fixtureDataset();
  const csv = mutate(formatUsageCsv(rows));
  writeFileSync(path.join(dir, "usage.csv"), csv);
  writeFileSync(path.join(dir, "meta.json"), JSON.stringify({ ...meta, kind: "imported", sha256: sha256(csv) }));
}

function startServer(
  dataDir: string,
  port: number,
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = "";
  const child = spawn(process.execPath, [...launch.nodeFlags, launch.file], {
    env: {
      ...process.env,
      ...launch.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
    },
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

let dir: string;
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "desktop", "server-level test: once is enough");
  dir = mkdtempSync(path.join(tmpdir(), "adtarget-data-"));
});
test.afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("serves the dataset in DATA_DIR, read at start-up", async ({ request }) => {
  writeDataset(dir);
  const port = 3300 + Math.floor(Math.random() * 500);
  const server = startServer(dir, port);
  try {
    await expect
      .poll(async () => (await request.get(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status(), {
        timeout: 30_000,
      })
      .toBe(200);
    const health = await (await request.get(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toMatchObject({ kind: "imported", months: FIXTURE_MONTHS });
    const priority = await (
      await request.get(`http://127.0.0.1:${port}/api/segments/priority?district=gangdong-gu&sex=M&age=70`)
    ).json();
    expect(priority.overall[0].service).toBe("finance"); // see test/fixtures/dataset.ts
    expect(priority.monthly).toHaveLength(3);
  } finally {
    server.child.kill();
    await server.exited;
  }
});

test("refuses to start on a broken dataset, naming file and line", async () => {
  writeDataset(dir, (csv) => csv.replace("\n2024-01,11110,종로구,F,20,1,1,", "\n2024-01,11110,종로구,F,20,1,oops,"));
  const server = startServer(dir, 3800 + Math.floor(Math.random() * 500));
  const code = await Promise.race([
    server.exited,
    new Promise<string>((r) => setTimeout(() => r("still running"), 30_000)),
  ]);
  if (code === "still running") server.child.kill();
  expect(code).toBe(1);
  expect(server.output()).toContain(`${path.join(dir, "usage.csv")}:2: column "game": "oops" is not a finite number`);
});
