#!/usr/bin/env node
/** `npm run test:e2e`: Chromium and a Korean font (installed if missing), an up-to-date build, then Playwright. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureBrowser } from "./ensure-browser.mjs";
import { ensureBuild, root } from "./ensure-build.mjs";

const chromium = ensureBrowser();
ensureBuild();
const cli = path.join(root, "node_modules", "playwright", "cli.js");
const r = spawnSync(process.execPath, [cli, "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(r.status ?? 1);
