#!/usr/bin/env node
/**
 * `npm start`: builds the app when there is no build or the sources changed since the last one, then
 * serves it (PORT, default 3000; HOST, default all interfaces). The dataset is read at start-up from
 * DATA_DIR (default data/2023), never baked into the build.
 */
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
const stampFile = path.join(root, ".next", "source-fingerprint");
const SOURCES = ["app", "components", "lib", "public", "instrumentation.ts", "instrumentation-node.ts", "next.config.ts", "package-lock.json", "tsconfig.json"];

function* files(p) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!name.endsWith(".test.ts")) yield* files(path.join(p, name));
  } else yield p;
}

function fingerprint() {
  const h = createHash("sha256");
  for (const s of SOURCES) for (const f of files(path.join(root, s))) h.update(path.relative(root, f)).update(readFileSync(f));
  return h.digest("hex");
}

const wanted = fingerprint();
const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === wanted;
if (!built) {
  console.log("No up-to-date build: running `next build` first (once; later starts reuse it).");
  const r = spawnSync(process.execPath, [next, "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, wanted);
}

const args = [next, "start", "-p", process.env.PORT || "3000"];
if (process.env.HOST) args.push("-H", process.env.HOST);
const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
