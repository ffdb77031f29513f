/**
 * Serving while a large import runs: load the API at 16 connections for a baseline, then again while
 * `scripts/ingest.ts` imports a big CSV into a temporary folder (not the served one); report both and
 * their ratio, and that the served answers did not change.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { load, summary } from "./lib/load.mjs";
import { get } from "./lib/server.mjs";

function loadUntil(url, connections, done) {
  return new Promise((resolve, reject) => {
    const inst = autocannon({ url, connections, duration: 600 }, (err, r) => (err ? reject(err) : resolve(summary(r))));
    done.then(() => inst.stop());
  });
}

/**
 * The importer lowers its own CPU priority (scripts/ingest.ts); `normalPriority` runs it with
 * INGEST_PRIORITY=normal instead, to show what that default buys.
 */
export async function importUnderLoad(
  root,
  serverUrl,
  file,
  { connections = 16, log = console.log, normalPriority = false } = {},
) {
  const urlPath = "/api/segments/priority?district=gangnam-gu&sex=F&age=20";
  const before = (await get(serverUrl + urlPath)).body.toString();
  const out = mkdtempSync(path.join(tmpdir(), "bench-import-"));
  try {
    let importSeconds = 0;
    const child = () =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        const args = ["--import", "tsx", "scripts/ingest.ts", "--out", path.join(out, "dataset"), file];
        const env = normalPriority ? { ...process.env, INGEST_PRIORITY: "normal" } : process.env;
        const c = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
        let text = "";
        c.stdout.on("data", (d) => (text += d));
        c.stderr.on("data", (d) => (text += d));
        c.on("exit", (code) => {
          importSeconds = (performance.now() - t0) / 1000;
          if (code === 0) resolve(text);
          else reject(new Error(`import failed (${code}): ${text.slice(-500)}`));
        });
      });
    const imported = child();
    const during = await loadUntil(
      serverUrl + urlPath,
      connections,
      imported.catch(() => {}),
    );
    const importLog = await imported;
    // Baseline after, for the same length of time, on the same server.
    const baseline = await load(serverUrl + urlPath, { connections, duration: Math.max(2, Math.round(importSeconds)) });
    const after = (await get(serverUrl + urlPath)).body.toString();
    const rows = /rows read: ([\d,]+)/.exec(importLog)?.[1] ?? "?";
    log(
      `${normalPriority ? "normal-priority " : ""}import of ${rows} rows took ${importSeconds.toFixed(1)} s; API during ${during.rps.toFixed(0)} req/s (p99 ${during.p99} ms, ${during.errors + during.non2xx} errors) vs ${baseline.rps.toFixed(0)} req/s alone`,
    );
    return {
      normalPriority,
      importSeconds,
      rows,
      during,
      baseline,
      ratio: during.rps / baseline.rps,
      unchanged: before === after,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
