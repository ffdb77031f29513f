/**
 * The server, in production (`npm start`) and development (`npm run dev`): Next.js behind the edge
 * (lib/server/edge.ts), which answers every request the same way — canonical key, one cache, ETag and
 * gzip, the headers and policies, the JSON error shape.
 *
 * Next.js renders through a private socket, so the edge gets the whole body to hash and keep. The
 * dataset is loaded and checked here, once, before anything is served: pages, API, previews and the
 * edge's keys all use that one engine (lib/server/engine.ts), and nothing reads DATA_DIR afterwards.
 *
 * Production runs compiled (scripts/ensure-build.mjs writes .next/server.cjs); development runs this
 * file through tsx (scripts/dev.mjs). Like `next start`, the working directory is the project.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import next from "next";
import { makeAnswer, type Answer } from "@/lib/server/answer";
import { createEdge, EDGE_SET_HEADERS } from "@/lib/server/edge";
import { DongIndex } from "@/lib/dongs";
import { DatasetError } from "@/lib/dataset/parse";
import { getDongData } from "@/lib/server/dongs";
import { loadEngines } from "@/lib/server/engine";
import { pageDataOf, type PageData } from "@/lib/server/page-url";
import { API_SLOTS, CACHE_BYTES, RENDER_QUEUE_MAX, RENDER_SLOTS } from "@/lib/server/memory-budget";
import { STANDALONE_CONFIG_VARIABLE, standaloneConfig } from "@/lib/server/next-config";

const dev = process.env.NODE_ENV === "development";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;

function fail(message: string): never {
  console.error(`\nCannot start: ${message}\n`);
  process.exit(1);
}

/** One line per problem, each naming its file (and line): "Cannot start: <file>[:line]: <reason>". */
function refuse(e: unknown): never {
  const problems = e instanceof DatasetError ? e.problems : [(e as Error).message];
  for (const p of problems.slice(0, -1)) console.error(`Cannot start: ${p}`);
  fail(problems.at(-1)!);
}

// The one dataset of this process, loaded before anything else so a bad one stops the start. Its windows
// decide which page links are valid (and /plan's months), its 행정동 which /dong links are.
let pages: PageData;
try {
  const engines = loadEngines();
  const { meta } = engines.default;
  // meta and dongs are there from the first step: `engines.data` would complete the dataset now.
  const months = engines.meta.months;
  // The 행정동 analysis is built only when a /plan link of 행정동 segments needs its months.
  pages = pageDataOf(engines, new DongIndex(engines.dongs), getDongData);
  console.log(
    `dataset: ${meta.kind} "${meta.title}", ${months.length} months, default window ${engines.default.months[0]}…${engines.default.months.at(-1)}`,
  );
  // The 행정동 months (0.3–0.6 s of CPU for the bundled data; their bytes were read and checked just
  // now) are parsed a month per turn of the event loop once Next.js has started (parsing them during its
  // start slowed the first answer by 0.7 s under load), so the server answers meanwhile; a request that
  // needs them earlier parses the rest itself. A problem in them still stops the server, within seconds.
  setTimeout(
    () =>
      engines.completeInBackground((error) => {
        if (error) refuse(error);
        console.log(
          `dataset: ${engines.data.meta.months.length} months (${engines.data.dongMonths.size} with 행정동 rows) validated`,
        );
      }),
    1000,
  ).unref();
} catch (e) {
  refuse(e);
}

/**
 * The render socket's folder, named by this process's id, so the next start can tell a dead process's
 * folder (left by a kill -9) from a live one's and remove it.
 */
const SOCKET_PREFIX = "adtarget-";
function socketFolder(): string {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^adtarget-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH")
        rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    }
  }
  const dir = path.join(tmpdir(), `${SOCKET_PREFIX}${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

if (!dev) {
  // The configuration as the build resolved it, handed over the way Next.js's own standalone server
  // does (lib/server/next-config.ts says why, and test/next-config.test.ts fails if Next.js changes it).
  process.env[STANDALONE_CONFIG_VARIABLE] ??= standaloneConfig(
    readFileSync(path.join(__dirname, "required-server-files.json"), "utf8"),
  );
}
const app = next({ dev, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();

const socketDir = socketFolder();
const socket = path.join(socketDir, "render.sock");
const renderer = createServer((req, res) => void handle(req, res));
// Renders reuse their connections to the socket instead of opening one per request.
const agent = new Agent({ keepAlive: true, maxSockets: RENDER_SLOTS + API_SLOTS + 2 });

const FORWARDED = ["host", "user-agent", "accept-language", "x-forwarded-proto", "x-forwarded-host"];

function upstream(url: string, req: IncomingMessage, signal: AbortSignal): Promise<Answer> {
  // The same request headers for every requester of a key, so the answer cannot depend on who asked first.
  const headers: Record<string, string> = {
    accept: url.startsWith("/api/") || url.startsWith("/og/") ? "*/*" : "text/html",
  };
  for (const h of FORWARDED) if (typeof req.headers[h] === "string") headers[h] = req.headers[h] as string;
  return new Promise((resolve, reject) => {
    const r = httpRequest({ socketPath: socket, agent, path: url, method: "GET", headers, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const kept: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined && !EDGE_SET_HEADERS.has(k) && !k.startsWith("x-nextjs"))
            kept[k] = Array.isArray(v) ? v.join(", ") : v;
        const etag =
          typeof res.headers.etag === "string" && !kept["content-type"]?.startsWith("text/html")
            ? res.headers.etag
            : undefined;
        resolve(makeAnswer(res.statusCode ?? 500, kept, Buffer.concat(chunks), { etag, dev }));
      });
    });
    r.on("error", reject);
    r.end();
  });
}

const edge = createEdge({
  pages,
  upstream,
  pass: (req, res) => void handle(req, res),
  // In development every answer is rendered afresh, so an edited page shows on reload.
  cacheBytes: dev ? 0 : CACHE_BYTES,
  slots: RENDER_SLOTS,
  apiSlots: API_SLOTS,
  queueMax: RENDER_QUEUE_MAX,
});

/** Stops serving, closes connections and removes the socket folder; exits within a second or two. */
const connections = new Set<Socket>();
let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  server.close();
  renderer.close();
  for (const c of connections) c.destroy();
  agent.destroy();
  void app.close?.();
  setTimeout(() => process.exit(code), 100).unref();
}
process.once("exit", () => rmSync(socketDir, { recursive: true, force: true }));
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(sig, () => stop(0));
// Started by scripts/start.mjs or scripts/dev.mjs with an IPC channel: when that launcher goes, so does this.
if (process.connected) process.once("disconnect", () => stop(0));

let ready = false;
const waiting: (() => void)[] = [];
const server = createServer((req, res) => {
  if (ready) edge.handle(req, res);
  else waiting.push(() => edge.handle(req, res));
});
// Idle keep-alive connections stay open a minute (Node's default is 5 s): a client that reuses its pooled
// connection just as the server closes it gets ECONNRESET, which Playwright's request context hit once in
// CI after 5 s of page work. A minute is what proxies and load balancers usually keep upstreams idle;
// headersTimeout must exceed it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on("connection", (c: Socket) => {
  connections.add(c);
  c.once("close", () => connections.delete(c));
});
server.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EADDRINUSE") fail(`port ${port} is in use (set PORT to another port, or stop what is using it)`);
  if (e.code === "EACCES") fail(`port ${port} needs privileges this process does not have`);
  fail(`${e.code ?? ""} ${e.message}`);
});
if (dev) server.on("upgrade", (req, sock, head) => void app.getUpgradeHandler()(req, sock, head));

// Listen first, so a busy port stops the start at once; requests wait until Next.js is ready.
server.listen(port, hostname, async () => {
  await app.prepare();
  await new Promise<void>((resolve) => renderer.listen(socket, resolve));
  if (!existsSync(socket)) fail(`could not open the render socket in ${socketDir}`);
  ready = true;
  for (const run of waiting.splice(0)) run();
  console.log(
    `AdTarget Seoul${dev ? " (development)" : ""} on http://${hostname ?? "localhost"}:${port} (pid ${process.pid})`,
  );
});
