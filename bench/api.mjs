/**
 * API throughput and latency: each endpoint vs /api/health (same Next.js pipeline) and vs a bare
 * node:http server returning the same bytes, at 16 and 64 connections, all in one run.
 *   node bench/api.mjs [projectRoot] [--duration 5]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "./lib/load.mjs";
import { loadSequence } from "./page-load.mjs";
import { cpuSeconds, get, memoryOf, startNext } from "./lib/server.mjs";

export const ENDPOINTS = [
  { name: "health", path: "/api/health" },
  { name: "priority", path: "/api/segments/priority?district=gangnam-gu&sex=F&age=20" },
  { name: "targets", path: "/api/services/video/targets?limit=10" },
  { name: "population", path: "/api/population?age=30&sex=T" },
  // Issue 13: the plan is computed per request (water-filling over 10 segments × 9 months); the
  // audience filters and pages 300 precomputed rows.
  { name: "plan", path: "/api/plan?service=delivery&budget=50000000&cpm=5000" },
  // Issue 20: the reach curve is the plan at 7 budgets, each with the reach model solved per cell.
  { name: "plan curve", path: "/api/plan/curve?service=delivery&budget=50000000&cpm=5000" },
  { name: "audience", path: "/api/services/delivery/audience?sex=M&sort=score&limit=50" },
];
export const CONNECTIONS = [16, 64];
/**
 * Cold answers: a query never asked before on every request (no cache can answer), at 16 connections.
 * Plans by budget and audience pages by limit and offset have more distinct answers than a run asks for.
 */
export const COLD = [
  { name: "plan", path: (k) => `/api/plan?service=delivery&budget=${10_000_000 + k * 1000}&cpm=5000` },
  {
    name: "audience",
    path: (k) =>
      `/api/services/delivery/audience?sex=M&sort=score&limit=${1 + (k % 300)}&offset=${Math.floor(k / 300) % 300}`,
  },
];

async function startBare(bodies) {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-bare-"));
  const file = path.join(dir, "bodies.json");
  writeFileSync(file, JSON.stringify(bodies));
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "bare-server.mjs"), file], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (d) => resolve(Number(String(d).trim())));
    child.once("exit", () => reject(new Error("bare server exited")));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the whole comparison; returns rows {endpoint, connections, next:{…}, bare:{…}} and memory. */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** A load run plus the server's CPU time per answered request (robust to a busy machine). */
async function measured(pid, url, opts) {
  const before = await cpuSeconds(pid);
  const r = await load(url, opts);
  r.cpuUs = (((await cpuSeconds(pid)) - before) * 1e6) / Math.max(1, r.total);
  return r;
}

function summarize(runs) {
  return {
    cpuUs: median(runs.map((r) => r.cpuUs)),
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    p99max: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    total: runs.reduce((a, r) => a + r.total, 0),
    rounds: runs.length,
  };
}

export async function runApiBench(root, { duration = 2, rounds = 3, log = console.log, standalone = false } = {}) {
  const server = await startNext(root, {
    standalone,
    env: standalone ? { DATA_DIR: path.join(root, "data", "2023") } : {},
  });
  let bare;
  try {
    const bodies = {};
    for (const e of ENDPOINTS) {
      const res = await get(server.url + e.path);
      if (res.status !== 200) throw new Error(`${e.path} → ${res.status}`);
      bodies[e.path] = res.body.toString();
    }
    bare = await startBare(bodies);
    // Warm both servers (JIT, first-use caches) before measuring.
    for (const e of ENDPOINTS) await load(server.url + e.path, { connections: 16, duration: 1 });
    await load(bare.url + ENDPOINTS[1].path, { connections: 16, duration: 1 });
    // Rounds interleave the endpoints so a noisy neighbour on this shared machine hits all of them
    // alike; each figure is the median over the rounds.
    const rows = [];
    for (const connections of CONNECTIONS) {
      const runs = new Map(ENDPOINTS.map((e) => [e.name, { next: [], bare: [] }]));
      for (let round = 0; round < rounds; round++) {
        // A different endpoint goes first each round, so a slow spell does not always hit the same one.
        for (const e of [
          ...ENDPOINTS.slice(round % ENDPOINTS.length),
          ...ENDPOINTS.slice(0, round % ENDPOINTS.length),
        ]) {
          runs.get(e.name).next.push(await measured(server.pid, server.url + e.path, { connections, duration }));
          runs
            .get(e.name)
            .bare.push(
              await measured(bare.pid, bare.url + e.path, { connections, duration: Math.max(1, duration / 2) }),
            );
        }
      }
      for (const e of ENDPOINTS) {
        const { next: n, bare: b } = runs.get(e.name);
        const next = summarize(n);
        const floor = summarize(b);
        rows.push({
          endpoint: e.name,
          path: e.path,
          bytes: Buffer.byteLength(bodies[e.path]),
          connections,
          next,
          bare: floor,
        });
        log(
          `${e.name.padEnd(10)} c=${connections}  next ${next.rps.toFixed(0)} req/s ${next.cpuUs.toFixed(0)} µs CPU/req p50 ${next.p50} p99 ${next.p99} err ${next.errors + next.non2xx}  |  bare ${floor.rps.toFixed(0)} req/s ${floor.cpuUs.toFixed(0)} µs CPU/req`,
        );
      }
    }
    const cold = [];
    for (const c of COLD) {
      // Warm the uncached path first (JIT), as the warm runs above warmed theirs: queries from another range.
      await loadSequence(server.url, (k) => c.path(1_000_000 + k), { connections: 16, duration: 1 });
      const r = await loadSequence(server.url, c.path, { connections: 16, duration });
      cold.push({ endpoint: c.name, ...r });
      log(
        `${c.name.padEnd(10)} cold c=16  ${r.rps.toFixed(0)} req/s p50 ${r.p50} p99 ${r.p99} over ${r.distinct} distinct queries, err ${r.errors + r.non2xx}`,
      );
    }
    const memory = await memoryOf(server.pid);
    return { rows, cold, memory, startMs: server.startMs };
  } finally {
    await bare?.stop();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(
    process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : path.join(import.meta.dirname, ".."),
  );
  const arg = (name, dflt) =>
    process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt;
  const { rows, memory, startMs } = await runApiBench(root, {
    duration: arg("--duration", 2),
    rounds: arg("--rounds", 3),
    standalone: process.argv.includes("--standalone"),
  });
  const health = Object.fromEntries(
    rows.filter((r) => r.endpoint === "health").map((r) => [r.connections, r.next.rps]),
  );
  const healthCpu = Object.fromEntries(
    rows.filter((r) => r.endpoint === "health").map((r) => [r.connections, r.next.cpuUs]),
  );
  for (const r of rows)
    console.log(
      `${r.endpoint} c=${r.connections}: ${(r.next.rps / health[r.connections]).toFixed(2)}× health (CPU/req ${(healthCpu[r.connections] / r.next.cpuUs).toFixed(2)}×), ${(r.next.rps / r.bare.rps).toFixed(3)}× bare (CPU/req ${(r.bare.cpuUs / r.next.cpuUs).toFixed(3)}×)`,
    );
  console.log(
    `start ${startMs.toFixed(0)} ms, RSS after load ${memory.rssMB.toFixed(0)} MB (peak ${memory.peakMB.toFixed(0)} MB)`,
  );
}
