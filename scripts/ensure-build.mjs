/**
 * Builds the app when there is no build or its sources changed since the last one (a content
 * fingerprint of everything that goes into the build, stored beside it).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** Node's arguments for the production server (server.ts, TypeScript run by tsx). */
export const serverArgs = ["--import", "tsx", path.join(root, "server.ts")];
const stampFile = path.join(root, ".next", "source-fingerprint");
const SOURCES = ["app", "components", "lib", "public", "instrumentation.ts", "instrumentation-node.ts", "next.config.ts", "package-lock.json", "tsconfig.json"];

function* files(p) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!/\.test\.tsx?$/.test(name)) yield* files(path.join(p, name));
  } else yield p;
}

function fingerprint() {
  const h = createHash("sha256");
  for (const s of SOURCES) for (const f of files(path.join(root, s))) h.update(path.relative(root, f)).update(readFileSync(f));
  return h.digest("hex");
}

export function ensureBuild() {
  const wanted = fingerprint();
  const fresh = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === wanted;
  if (fresh) return;
  console.log("No up-to-date build: running `next build` first (later starts reuse it).");
  const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, wanted);
}
