/**
 * Where a request's time goes: runs `next start` under --cpu-prof while loading one endpoint, then
 * sums self time by area (Next.js server, React, Node internals, our code, GC, idle).
 *   node bench/profile.mjs [projectRoot] [path]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "./lib/load.mjs";
import { startNext } from "./lib/server.mjs";

function area(url, fn) {
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(idle)" || fn === "(program)") return fn.slice(1, -1);
  if (!url) return "native code (socket writes, string encoding, V8 builtins)";
  if (url.startsWith("node:"))
    return `node:${url
      .slice(5)
      .replace(/^internal\//, "")
      .split("/")[0]
      .replace(/\.js$/, "")}`;
  if (url.includes("/next/dist/compiled/"))
    return `next/compiled/${url.split("/next/dist/compiled/")[1].split("/")[0]}`;
  if (url.includes("/next/dist/")) {
    const rest = url.split("/next/dist/")[1];
    return `next/${rest.split("/").slice(0, 2).join("/")}`;
  }
  if (url.includes("/.next/server/")) return "app bundle (.next/server: route code + bundled libs)";
  if (url.includes("/node_modules/")) return url.split("/node_modules/").pop().split("/")[0];
  return "other";
}

export async function profileEndpoint(root, urlPath, { seconds = 5, connections = 16 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-prof-"));
  const server = await startNext(root, { nodeArgs: ["--cpu-prof", "--cpu-prof-dir", dir] });
  let stats;
  let tail; // ms from the end of the measured load to the end of the profile (shutdown)
  try {
    await load(server.url + urlPath, { connections, duration: 1 });
    stats = await load(server.url + urlPath, { connections, duration: seconds });
    const end = performance.now();
    await server.stop();
    tail = performance.now() - end;
  } finally {
    await server.stop();
  }
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const totals = new Map();
  const fns = new Map();
  let all = 0;
  for (const f of files) {
    const prof = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    // Only samples inside the measured load window: start-up, module loading and the warm-up are
    // not what a request costs.
    const windowEnd = prof.endTime - tail * 1000;
    const windowStart = windowEnd - seconds * 1e6;
    let t = prof.startTime;
    prof.samples.forEach((id, i) => {
      t += prof.timeDeltas[i] ?? 0;
      if (t >= windowStart && t <= windowEnd) dt.set(id, (dt.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
    });
    for (const [id, us] of dt) {
      const n = byId.get(id);
      const a = area(n.callFrame.url, n.callFrame.functionName);
      totals.set(a, (totals.get(a) ?? 0) + us);
      if (a !== "idle" && a !== "program") {
        const k = `${n.callFrame.functionName || "(anon)"} ${path.basename(n.callFrame.url || "")}:${n.callFrame.lineNumber}`;
        fns.set(k, (fns.get(k) ?? 0) + us);
      }
      all += us;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const busy = all - (totals.get("idle") ?? 0);
  const areas = [...totals]
    .filter(([a]) => a !== "idle")
    .sort((a, b) => b[1] - a[1])
    .map(([a, us]) => ({ area: a, share: us / busy, usPerRequest: us / stats.total }));
  const top = [...fns]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([fn, us]) => ({ fn, share: us / busy }));
  return { stats, areas, top, profiles: files.length, usPerRequest: busy / stats.total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, ".."));
  const p = process.argv[3] ?? "/api/segments/priority?district=gangnam-gu&sex=F&age=20";
  const r = await profileEndpoint(root, p);
  console.log(
    `${p}: ${r.stats.rps.toFixed(0)} req/s under profiler, ${r.profiles} profile(s), ${(r.usPerRequest / 1000).toFixed(3)} ms CPU/request (main thread)`,
  );
  for (const a of r.areas) console.log(`  ${(a.share * 100).toFixed(1).padStart(5)}%  ${a.area}`);
  console.log("top functions (self):");
  for (const f of r.top) console.log(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.fn}`);
}
