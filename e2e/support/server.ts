import { expect } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import launch from "../../scripts/server-launch.json";

/**
 * The production server (as `npm start` runs it) on a random port 3400–3799 over `dataDir`, once it
 * answers /api/health. For the specs that serve a dataset of their own; stop it with `server.kill()`.
 */
export async function serveDataset(dataDir: string): Promise<{ server: ChildProcess; base: string }> {
  const port = 3400 + Math.floor(Math.random() * 400);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...launch.nodeFlags, launch.file], {
    env: {
      ...process.env,
      ...launch.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
    },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
  return { server, base };
}
