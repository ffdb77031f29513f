/**
 * Builds the app when there is no build or its sources changed since the last one (a content
 * fingerprint of everything that goes into the build, stored beside it), and compiles the production
 * server (server.ts) to one JavaScript file beside the build.
 */
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/**
 * How the production server runs (server-launch.json, read by every script and test that starts it),
 * chosen for its memory (issue 10: ≤ 400 MB resident after any sequence of valid requests;
 * bench/page-load.mjs measures it). Without the settings, a 60 s burst of distinct requests left it at
 * about 570 MB; with them, about 350 MB, at the same CPU time per request (measured in one run):
 * - V8 collects once its heap has grown by half since the last full collection, instead of letting a
 *   small heap grow up to fourfold first, and keeps its young generation at 2 × 4 MB instead of
 *   2 × 16 MB (4 rather than 8: 401 → 377 MB after the same mixed burst, one run each).
 *   (With the 21-month dataset and 행정동 pages, 400 distinct mixed requests left it at 430/431 MB when
 *   the heap could double, 394/403 MB at half — two alternating runs each, no slower.)
 * - glibc's allocator hands blocks of 128 KB and more (rendered pages, compressed bodies) back to the
 *   system when they are freed, instead of keeping the space in its heap, where freed holes between
 *   live blocks stay resident; and it keeps 2 arenas rather than up to 8 per core.
 */
export const serverLaunch = JSON.parse(readFileSync(path.join(root, "scripts", "server-launch.json"), "utf8"));
/**
 * server.ts compiled by esbuild (its `@/lib` imports inlined, packages left to node_modules). Running
 * the TypeScript through tsx instead cost about 0.35 s of start-up and 35 MB of resident memory (tsx's
 * loader thread), measured side by side on this machine.
 */
export const serverFile = path.join(root, serverLaunch.file);
/** Node's arguments for the production server; run it with the project root as the working directory. */
export const serverArgs = [...serverLaunch.nodeFlags, serverFile];
const stampFile = path.join(root, ".next", "source-fingerprint");
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "tsconfig.json"];

function* files(p) {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!/\.test\.tsx?$/.test(name)) yield* files(path.join(p, name));
  } else yield p;
}

function fingerprint() {
  const h = createHash("sha256");
  for (const s of SOURCES)
    for (const f of files(path.join(root, s))) h.update(path.relative(root, f)).update(readFileSync(f));
  return h.digest("hex");
}

export function ensureBuild() {
  const wanted = fingerprint();
  const fresh =
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === wanted;
  if (!fresh) {
    console.log("No up-to-date build: running `next build` first (later starts reuse it).");
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
    writeFileSync(stampFile, wanted);
  }
  compileServer();
}

/** Compiles server.ts every time: it takes milliseconds, so the file can never be older than its sources. */
export function compileServer() {
  buildSync({
    entryPoints: [path.join(root, "server.ts")],
    outfile: serverFile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
}
