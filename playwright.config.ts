import { defineConfig, devices } from "@playwright/test";
import launch from "./scripts/server-launch.json";

/**
 * Browser tests against the production build, served on 127.0.0.1 by Playwright itself. Chromium is
 * Debian's (scripts/ensure-browser.mjs installs it); Playwright's own browser download is not used.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: { baseURL: BASE_URL, launchOptions, trace: "off" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 }, launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions } },
  ],
  webServer: {
    command: ["node", ...launch.nodeFlags, launch.file].join(" "),
    env: { ...launch.env, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production" },
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
