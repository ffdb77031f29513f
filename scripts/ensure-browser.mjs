/**
 * The browser tests use Debian's Chromium (Playwright's own download cannot run here) and need a
 * Korean font, or Hangul renders as empty boxes in screenshots. Installs both with apt-get when
 * missing, and says so.
 */
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function findChromium() {
  return process.env.CHROMIUM_PATH || CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

function hasKoreanFont() {
  try {
    return execSync("fc-list :lang=ko family", { encoding: "utf8" }).trim().length > 0;
  } catch {
    return false;
  }
}

function aptInstall(packages) {
  console.log(`Installing Debian packages for the browser tests: ${packages.join(" ")} (apt-get)…`);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const run = (args) => {
    const r = spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (r.status !== 0)
      throw new Error(`\`${args.join(" ")}\` failed (exit ${r.status}); install ${packages.join(" ")} by hand`);
  };
  run(["apt-get", "update"]);
  run(["apt-get", "install", "-y", "--no-install-recommends", ...packages]);
}

export function ensureBrowser() {
  const missing = [];
  if (!findChromium()) missing.push("chromium");
  if (!hasKoreanFont()) missing.push("fonts-nanum");
  if (missing.length) aptInstall(missing);
  const chromium = findChromium();
  if (!chromium) throw new Error("Chromium is still missing after apt-get install chromium");
  return chromium;
}
