/**
 * The production server: Next.js behind a thin HTTP layer that makes page HTML cacheable.
 *
 * Next.js renders a page per request, and a strict CSP in Next.js means a per-request nonce, which makes
 * every page unique and uncacheable. Here each page is rendered once per canonical URL (lib/server/
 * page-url.ts), kept in memory by bytes, and sent with a policy allowing exactly its inline scripts by
 * sha256 — the same bytes and the same policy for everyone, so this process, a CDN and browsers can all
 * reuse it (ETag, 304). Everything else (the JSON API, build assets, client-side navigation payloads)
 * goes straight to Next.js. `npm run dev` stays plain `next dev`.
 *
 * Run compiled (scripts/ensure-build.mjs writes .next/server.cjs), from the project root: like
 * `next start`, the working directory is the project.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import next from "next";
import { apiMethodAnswer, apiPathAnswer, isPageMethod, methodNotAllowed } from "@/lib/server/methods";
import { PAGE_CACHE_CONTROL, etagMatches, identity, pageCache, renderedPage, type RenderedPage } from "@/lib/server/page-cache";
import { pageRequest } from "@/lib/server/page-url";
import { renderOnce } from "@/lib/server/render-once";
import { resolveDataDir } from "@/lib/dataset/load";
import { DONGS_FILE, parseDongsCsv } from "@/lib/dataset/v2";
import { DongIndex } from "@/lib/dongs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;

// The configuration as the build resolved it, handed over the way Next.js's own standalone server does
// (`output: "standalone"` writes exactly this line): reading next.config.ts again would load the SWC
// compiler, 26 MB resident, only to transpile it. Were the variable ever dropped, Next.js would read the
// file again, as before.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(path.join(__dirname, "required-server-files.json"), "utf8")).config);
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();

// The dataset's months decide which /plan links are valid; the dataset itself is loaded (and checked)
// by Next.js at start-up (instrumentation.ts), which stops the process if it is bad.
const months: string[] = JSON.parse(readFileSync(path.join(resolveDataDir(), "meta.json"), "utf8")).months;
// Its 행정동 (dongs.csv; a legacy folder has none) decide which /dong links are valid.
const dongsFile = path.join(resolveDataDir(), DONGS_FILE);
const dongs = new DongIndex(existsSync(dongsFile) ? parseDongsCsv(readFileSync(dongsFile, "utf8"), dongsFile) : []);

// Pages are rendered through a private socket, so the layer above gets the whole body to hash.
const socketDir = mkdtempSync(path.join(tmpdir(), "adtarget-"));
const socket = path.join(socketDir, "render.sock");
const renderer = createServer((req, res) => void handle(req, res));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => process.exit(0));
process.once("exit", () => rmSync(socketDir, { recursive: true, force: true }));

/** Headers a rendered page keeps; caching, length and encoding are this layer's to set. */
const DROPPED = new Set(["cache-control", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "etag", "content-security-policy", "set-cookie"]);
const FORWARDED = ["host", "user-agent", "accept-language", "x-forwarded-proto", "x-forwarded-host"];

function render(req: IncomingMessage, url: string): Promise<RenderedPage> {
  const headers: Record<string, string> = { accept: "text/html" };
  for (const h of FORWARDED) if (typeof req.headers[h] === "string") headers[h] = req.headers[h] as string;
  return new Promise((resolve, reject) => {
    const r = httpRequest({ socketPath: socket, path: url, method: "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const kept: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !DROPPED.has(k) && !k.startsWith("x-nextjs")) kept[k] = Array.isArray(v) ? v.join(", ") : v;
        resolve(renderedPage(res.statusCode ?? 500, kept, Buffer.concat(chunks)));
      });
    });
    r.on("error", reject);
    r.end();
  });
}

const pages = renderOnce(pageCache());

function pageFor(req: IncomingMessage, url: string, cacheable: boolean): Promise<RenderedPage> {
  return pages(url, () => render(req, url), (page) => cacheable && page.status < 500);
}

function send(req: IncomingMessage, res: ServerResponse, page: RenderedPage, status: number) {
  const vary = /accept-encoding/i.test(page.headers.vary ?? "") ? page.headers.vary! : [page.headers.vary, "Accept-Encoding"].filter(Boolean).join(", ");
  const common = { "cache-control": page.status < 500 ? PAGE_CACHE_CONTROL : "no-store", etag: page.etag, vary, "content-security-policy": page.csp };
  if (status === 200 && etagMatches(req.headers["if-none-match"], page.etag)) {
    const { "content-type": _type, ...headers } = page.headers;
    res.writeHead(304, { ...headers, ...common }).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  res.writeHead(status, { ...page.headers, ...common, "content-length": gzip ? page.gzip.length : page.length, ...(gzip ? { "content-encoding": "gzip" } : {}) });
  if (req.method === "HEAD") res.end();
  else res.end(gzip ? page.gzip : identity(page));
}

function isFlightRequest(req: IncomingMessage): boolean {
  // Client-side navigation asks for the RSC payload, not HTML: Next.js answers those itself.
  return req.headers.rsc === "1";
}

async function serve(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://local");
  const { pathname } = url;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const answer = apiPathAnswer(pathname) ?? apiMethodAnswer(req.method ?? "GET", pathname);
    if (answer) return answer.send(res);
    return handle(req, res);
  }
  if (!isPageMethod(req.method ?? "GET")) {
    return methodNotAllowed(res);
  }
  // Link-preview images (app/og) set their own caching headers and ETag; they are not HTML.
  if (pathname.startsWith("/og/")) return handle(req, res);
  if (pathname.startsWith("/_next/") || /\.[a-zA-Z0-9]+$/.test(pathname) || isFlightRequest(req) || req.method === "OPTIONS") return handle(req, res);
  const known = pageRequest(pathname, url.searchParams, months, dongs);
  // Unknown paths are rendered too (the not-found page needs its policy) but not kept.
  const target = known?.url ?? `${pathname}${url.search}`;
  const page = await pageFor(req, target, known !== undefined);
  send(req, res, page, known && page.status === 200 ? known.status : page.status);
}

async function main() {
  await app.prepare();
  await new Promise<void>((resolve) => renderer.listen(socket, resolve));
  createServer((req, res) => {
    serve(req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("500 Internal Server Error\n");
    });
  }).listen(port, hostname, () => console.log(`AdTarget Seoul on http://${hostname ?? "localhost"}:${port}`));
}

void main();
