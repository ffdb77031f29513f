/**
 * Starts the production server (server.ts) of a built project on a random free port, and measures
 * the time from spawn to the first answered request. Always stop it with `stop()`.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { serverLaunch } from "../../scripts/ensure-build.mjs";

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(url, { timeoutMs = 30_000, intervalMs = 5 } = {}) {
  const t0 = performance.now();
  for (;;) {
    try {
      const res = await get(url);
      if (res.status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`no answer from ${url} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Reads /proc/<pid>/status for VmRSS and VmHWM (kB → MB), Linux only. */
export async function memoryOf(pid) {
  const { readFile } = await import("node:fs/promises");
  try {
    const s = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
    return { rssMB: kb("VmRSS") / 1024, peakMB: kb("VmHWM") / 1024 };
  } catch {
    return { rssMB: NaN, peakMB: NaN };
  }
}

/**
 * server.ts on 127.0.0.1:<random port>. `nodeArgs` go to node (e.g. --cpu-prof); `env` is added.
 * Returns {url, pid, startMs, stop, output}.
 */
export async function startNext(root, { nodeArgs = [], env = {}, probe = "/api/health", standalone = false } = {}) {
  const port = await freePort();
  // standalone: the `output: 'standalone'` server (.next/standalone/server.js), for comparison only.
  const args = standalone
    ? [path.join(root, ".next", "standalone", "server.js")]
    : [...serverLaunch.nodeFlags, path.join(root, serverLaunch.file)];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: standalone ? path.join(root, ".next", "standalone") : root,
    env: {
      ...process.env,
      ...(standalone ? {} : serverLaunch.env),
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      HOSTNAME: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((r) => child.once("exit", r));
  const url = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([
      waitFor(url + probe),
      exited.then(() => Promise.reject(new Error(`server exited:\n${output}`))),
    ]);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  const startMs = performance.now() - t0;
  return {
    url,
    pid: child.pid,
    startMs,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** CPU seconds (user + system) used so far by a process and its descendants (Linux /proc). */
export async function cpuSeconds(pid) {
  const { readFile, readdir } = await import("node:fs/promises");
  const TICK = 100; // USER_HZ on Linux
  let total = 0;
  const seen = new Set();
  async function visit(p) {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const stat = await readFile(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(f[11]) + Number(f[12])) / TICK; // utime, stime
      for (const t of await readdir(`/proc/${p}/task`)) {
        const kids = (await readFile(`/proc/${p}/task/${t}/children`, "utf8")).trim();
        for (const k of kids ? kids.split(" ") : []) await visit(Number(k));
      }
    } catch {
      /* process gone */
    }
  }
  await visit(pid);
  return total;
}

/**
 * GET on a fresh connection (no keep-alive pool: a pooled socket the server closed after its 5 s
 * idle timeout would fail the request). Returns {status, headers, body: Buffer}.
 */
export async function get(url) {
  const http = await import("node:http");
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}
