import type { IncomingMessage, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { apiError, type ApiError } from "@/lib/api/error";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { isOgPage, ogCanonicalPath } from "@/lib/views/og";
import { answerBytes, makeAnswer, sendAnswer, sendPlain, type Answer } from "./answer";
import { linkWindow, pageRequest, type PageData } from "./page-url";
import { abortError, QueueFull, renderQueue } from "./queue";

/**
 * The HTTP edge: every request passes here before Next.js, in production and in `npm run dev`.
 *
 *   request target → canonical key → cache (one byte-bounded LRU for pages, API bodies, previews)
 *   → on a miss, one render per key (in-flight requests for it wait for that one) through a bounded
 *   queue → ETag / If-None-Match 304 / gzip → headers → the client.
 *
 * What Next.js answers is decided by Next.js (its route handlers and pages); the edge decides only what
 * to keep, by the answer's own headers: a 200 with a public Cache-Control (API bodies, previews) or a
 * valid page. So a new route handler or page needs nothing registered here. The rest — build assets,
 * client-side navigation payloads, OPTIONS — goes to Next.js as it is (navigation payloads through the
 * render queue, since they render a page).
 */
export interface EdgeOptions {
  /** What tells a valid page link from an invalid one: the analysis windows the data answers, the 행정동. */
  pages: PageData;
  /** Renders `url` with Next.js (GET, no conditional or encoding headers) and returns the whole answer. */
  upstream(url: string, req: IncomingMessage, signal: AbortSignal): Promise<Answer>;
  /** Hands the request to Next.js unchanged. */
  pass(req: IncomingMessage, res: ServerResponse): void;
  /** The cache's size in bytes; 0 keeps nothing (development). */
  cacheBytes: number;
  /** Renders at once, and renders waiting their turn (more are refused with 503). */
  slots: number;
  queueMax: number;
  /**
   * API answers rendered at once. They take a millisecond or two and little memory, and each one
   * spends part of its time waiting on the hop to Next.js; with the pages' two slots the processor
   * sat idle between them (cold API answers at half the rate of going to Next.js directly).
   */
  apiSlots: number;
  log?: (line: string) => void;
}

const API_METHODS = "GET, HEAD, OPTIONS";
const TEXT = { "content-type": "text/plain; charset=utf-8" };

const ENDPOINT_PATHS = ENDPOINTS.map((e) => {
  const p = e.replace(/^[A-Z]+ /, "").replace(/\?.*$/, "");
  return new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`);
});

/** Parses a request target the HTTP parser accepted; undefined for anything but an origin-form path. */
function parseTarget(raw: string): URL | undefined {
  // "//host…" would parse as a host, "http://…" (absolute form) and "*" name no path of this site.
  if (!raw.startsWith("/") || raw.startsWith("//")) return undefined;
  try {
    const url = new URL(raw, "http://edge.invalid");
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return undefined;
  }
}

/** The query with its parameters in name order (values of one name keep theirs): one key per spelling order. */
function sortedQuery(search: URLSearchParams): string {
  if (search.size === 0) return "";
  search.sort();
  return `?${search}`;
}

/** The client whose request Next.js was answering directly has gone; those waiting on its copy render their own. */
class LeaderGone extends Error {}

/**
 * Headers of a rendered answer that are the edge's to set when it sends it (length, encoding, ETag, …):
 * dropped from a copied answer here and from a socket render in server.ts.
 */
export const EDGE_SET_HEADERS = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "set-cookie",
]);

const isCacheable = (a: Answer) =>
  a.status === 200 &&
  /\bpublic\b/.test(a.headers["cache-control"] ?? "") &&
  !/no-store/.test(a.headers["cache-control"] ?? "");

/** At most `n` log lines per `windowMs` (then one line saying how many were left out): a client cannot flood the log. */
export function rateLimitedLog(log: (line: string) => void, n = 10, windowMs = 10_000) {
  let windowStart = 0;
  let written = 0;
  let dropped = 0;
  return (line: string) => {
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      if (dropped) log(`(${dropped} similar log lines left out)`);
      windowStart = now;
      written = 0;
      dropped = 0;
    }
    if (written++ < n) log(line);
    else dropped++;
  };
}

export function createEdge(opts: EdgeOptions) {
  const cache =
    opts.cacheBytes > 0
      ? new LRUCache<string, Answer>({ maxSize: opts.cacheBytes, sizeCalculation: answerBytes })
      : undefined;
  /**
   * The request targets seen, by their bytes, with their canonical key (and status, for an invalid
   * page link): a repeat skips parsing and canonicalizing, which cost more than the rest of a cached
   * answer. Bounded by count; an entry whose answer has left the cache just misses.
   */
  const seen = cache ? new LRUCache<string, { key: string; status?: number }>({ max: 10_000 }) : undefined;
  const queue = renderQueue(opts.slots, opts.queueMax);
  const apiQueue = renderQueue(opts.apiSlots, opts.queueMax);
  const flights = new Map<string, { answer: Promise<Answer>; waiters: number; controller: AbortController }>();
  const log = rateLimitedLog(opts.log ?? ((l) => console.error(l)));

  /**
   * The answer for `key`: from the cache, or from the render already under way for it, or from a new
   * render. When every requester of a render has gone, it is dropped from the queue, or aborted if it
   * has started (the upstream request is closed, which stops Next.js's streaming render).
   */
  function get(
    key: string,
    client: AbortSignal,
    render: (signal: AbortSignal) => Promise<Answer>,
    keep: (a: Answer) => boolean,
    q = queue,
  ): Promise<Answer> {
    const hit = cache?.get(key);
    if (hit) return Promise.resolve(hit);
    let flight = flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const answer = q
        .run(() => render(controller.signal), controller.signal)
        .then((a) => {
          if (keep(a)) cache?.set(key, a);
          return a;
        });
      const f = { answer, waiters: 0, controller };
      answer.catch(() => undefined).finally(() => flights.get(key) === f && flights.delete(key));
      flights.set(key, f);
      flight = f;
    }
    const f = flight;
    f.waiters++;
    return new Promise<Answer>((resolve, reject) => {
      const leave = () => {
        if (--f.waiters === 0) {
          if (flights.get(key) === f) flights.delete(key);
          f.controller.abort();
        }
        reject(abortError());
      };
      if (client.aborted) return leave();
      client.addEventListener("abort", leave, { once: true });
      f.answer.then(
        (a) => (client.removeEventListener("abort", leave), resolve(a)),
        (e: unknown) => (client.removeEventListener("abort", leave), reject(e)),
      );
    });
  }

  /**
   * Aborts when the client has gone: at its FIN (Node's server answers nothing on a connection the
   * client has closed, and the FIN is read in the same turn as a request sent just before it) or when
   * the connection closes before the answer was sent.
   */
  function clientSignal(req: IncomingMessage, res: ServerResponse): AbortSignal {
    const c = new AbortController();
    const gone = () => c.abort();
    const socket = req.socket;
    socket.once("end", gone);
    res.once("close", () => {
      socket.off("end", gone);
      if (!res.writableFinished) c.abort();
    });
    return c.signal;
  }

  function sendApiError(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    error: ApiError,
    extra: Record<string, string> = {},
  ) {
    const e = apiError(status, error);
    sendPlain(res, e.status, { ...e.headers, ...extra }, e.body, req.method === "HEAD");
  }

  function noEndpoint(req: IncomingMessage, res: ServerResponse, pathname: string, why = "") {
    sendApiError(req, res, 404, {
      error: "not_found",
      message: `no API endpoint at ${pathname.slice(0, 80)}${why}; endpoints: ${ENDPOINTS.join("; ")}`,
    });
  }

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    url: string,
    keep: (a: Answer) => boolean,
    status?: (a: Answer) => number,
    q = queue,
  ) {
    const render = (signal: AbortSignal) => opts.upstream(url, req, signal);
    const client = clientSignal(req, res);
    const a = await get(key, client, render, keep, q).catch((e: unknown) => {
      if (e instanceof LeaderGone) return get(key, client, render, keep, q);
      throw e;
    });
    const code = status?.(a);
    if (cache?.peek(key) === a) seen?.set(req.url!, { key, status: code });
    send(req, res, key, a, code);
  }

  /**
   * An API request nobody has asked for yet: Next.js answers this client directly, and the edge keeps a
   * copy of what it wrote. Going through the socket instead cost cold API answers about half their rate
   * on this 2-core machine under load (two extra writes and event-loop turns per answer). The request
   * reaches Next.js without If-None-Match and Accept-Encoding, so the copy is the whole body as rendered.
   * Requests for the same key meanwhile wait for this one's copy (they join its flight).
   */
  async function captured(req: IncomingMessage, res: ServerResponse, key: string) {
    delete req.headers["if-none-match"];
    delete req.headers["accept-encoding"];
    try {
      await get(key, clientSignal(req, res), () => copyOf(req, res), isCacheable, apiQueue);
    } catch (e) {
      if (!(e instanceof LeaderGone)) throw e;
    }
  }

  function copyOf(req: IncomingMessage, res: ServerResponse): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const keep = (chunk: unknown) => {
        if (typeof chunk === "string" || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      };
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk), write(chunk, ...rest))) as typeof res.write;
      res.end = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk), end(chunk, ...rest))) as typeof res.end;
      res.once("finish", () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.getHeaders()))
          if (v !== undefined && !EDGE_SET_HEADERS.has(k)) headers[k] = Array.isArray(v) ? v.join(", ") : String(v);
        const etag = res.getHeader("etag");
        resolve(
          makeAnswer(res.statusCode, headers, Buffer.concat(chunks), {
            etag: typeof etag === "string" ? etag : undefined,
          }),
        );
      });
      res.once("close", () => res.writableFinished || reject(new LeaderGone()));
      opts.pass(req, res);
    });
  }

  /** Sends; an answer that made its gzip form now is put again, so the cache counts its new size. */
  function send(req: IncomingMessage, res: ServerResponse, key: string, a: Answer, status?: number) {
    sendAnswer(req, res, a, status, () => cache?.peek(key) === a && cache.set(key, a));
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? "GET";
    const raw = req.url ?? "/";
    if ((method === "GET" || method === "HEAD") && req.headers.rsc === undefined) {
      const known = seen?.get(raw);
      const a = known && cache!.get(known.key);
      if (a) return send(req, res, known.key, a, known.status);
    }
    const url = parseTarget(raw);
    const { pathname } = url ?? { pathname: raw.split("?")[0]! };
    const api = pathname === "/api" || pathname.startsWith("/api/");

    if (api) {
      if (!url) return noEndpoint(req, res, pathname, " (not a path of this site, or not valid percent-encoded UTF-8)");
      if (pathname === "/api") return noEndpoint(req, res, pathname);
      if (!API_METHODS.split(", ").includes(method)) {
        if (!ENDPOINT_PATHS.some((re) => re.test(pathname))) return noEndpoint(req, res, pathname);
        return sendApiError(
          req,
          res,
          405,
          { error: "method_not_allowed", message: `${method.slice(0, 20)} is not supported; allowed: ${API_METHODS}` },
          { allow: API_METHODS },
        );
      }
      if (method === "OPTIONS") return opts.pass(req, res);
      const key = `${pathname}${sortedQuery(url.searchParams)}`;
      if (method === "GET" && cache && !cache.has(key) && !flights.has(key)) return captured(req, res, key);
      return answer(req, res, key, raw, isCacheable, undefined, apiQueue);
    }
    if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") {
      return sendPlain(res, 405, { ...TEXT, allow: API_METHODS }, "405 Method Not Allowed\n");
    }
    if (!url) {
      log(`400 bad request target ${JSON.stringify(raw.slice(0, 120))}`);
      return sendPlain(
        res,
        400,
        TEXT,
        "400 Bad Request: not a path of this site, or not valid percent-encoded UTF-8\n",
        method === "HEAD",
      );
    }
    if (method === "OPTIONS" || pathname.startsWith("/_next/")) return opts.pass(req, res);
    if (pathname.startsWith("/og/")) {
      const page = pathname.slice("/og/".length);
      if (!isOgPage(page)) return opts.pass(req, res);
      // Previews are images: one per canonical view, kept like any other answer. A window the data
      // cannot answer is previewed over the default one, as its page is shown.
      const months = linkWindow(url.searchParams, opts.pages) ?? opts.pages.window(undefined, undefined)!;
      return answer(
        req,
        res,
        ogCanonicalPath(page, url.searchParams, months, opts.pages.dongs),
        raw,
        (a) => a.status === 200,
      );
    }
    if (/\.[a-zA-Z0-9]+$/.test(pathname)) return opts.pass(req, res);
    if (req.headers.rsc === "1") {
      // Client-side navigation asks for the RSC payload, not HTML: Next.js answers it, in the queue's turn.
      return queue.run(
        () => new Promise<void>((resolve) => (res.once("close", resolve), opts.pass(req, res))),
        clientSignal(req, res),
      );
    }
    const known = pageRequest(pathname, url.searchParams, opts.pages);
    // Unknown paths are rendered too (the not-found page needs its policy) but not kept.
    const target = known?.url ?? `${pathname}${url.search}`;
    return answer(
      req,
      res,
      target,
      target,
      (a) => known !== undefined && a.status < 500,
      (a) => (known && a.status === 200 ? known.status : a.status),
    );
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      serve(req, res).catch((e: unknown) => {
        if ((e as Error).name === "AbortError") return void res.destroy();
        const api = (req.url ?? "").startsWith("/api");
        if (e instanceof QueueFull) {
          if (res.headersSent) return void res.destroy();
          const retry = { "retry-after": "1" };
          if (api)
            return sendApiError(
              req,
              res,
              503,
              { error: "unavailable", message: "the server is busy; try again in a second" },
              retry,
            );
          return sendPlain(res, 503, { ...TEXT, ...retry }, "503 Service Unavailable: busy, try again in a second\n");
        }
        log(`500 ${req.method} ${JSON.stringify((req.url ?? "").slice(0, 120))}: ${(e as Error).stack ?? String(e)}`);
        if (res.headersSent) return void res.destroy();
        sendPlain(res, 500, TEXT, "500 Internal Server Error\n");
      });
    },
    /** What the cache and the queue hold now (tests, the benchmark). */
    stats: () => ({
      entries: cache?.size ?? 0,
      bytes: cache?.calculatedSize ?? 0,
      maxBytes: opts.cacheBytes,
      flights: flights.size,
      ...queue.stats(),
      api: apiQueue.stats(),
    }),
  };
}

export type Edge = ReturnType<typeof createEdge>;
