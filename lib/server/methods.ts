import type { ServerResponse } from "node:http";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { NON_PAGE_CSP, SECURITY_HEADERS } from "./headers";

/**
 * What the server answers before Next.js sees a request: methods nothing here supports (Next.js answers
 * TRACE with a 500 and a stack trace in the log, and its 405s have no body or Allow), and API paths that
 * name no endpoint. API answers use the API's JSON error shape.
 */
export interface EarlyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  send(res: ServerResponse): void;
}

const API_METHODS = "GET, HEAD, OPTIONS";
/** The headers next.config.ts gives everything Next.js answers, for the answers given before it. */
const BASE_HEADERS: Record<string, string> = {
  ...Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value])),
  "content-security-policy": NON_PAGE_CSP,
  "cache-control": "no-store",
};
const JSON_HEADERS = { ...BASE_HEADERS, "content-type": "application/json; charset=utf-8" };

function answer(status: number, headers: Record<string, string>, body: object): EarlyAnswer {
  const text = JSON.stringify(body);
  return { status, headers, body: text, send: (res) => void res.writeHead(status, headers).end(text) };
}

const ENDPOINT_PATHS = ENDPOINTS.map((e) => {
  const p = e.replace(/^[A-Z]+ /, "").replace(/\?.*$/, "");
  return new RegExp(`^${p.replace(/\{[^}]+\}/g, "[^/]+")}$`);
});

function isEndpoint(pathname: string): boolean {
  return ENDPOINT_PATHS.some((re) => re.test(pathname));
}

function noEndpoint(pathname: string, why = ""): EarlyAnswer {
  return answer(404, JSON_HEADERS, { error: "not_found", message: `no API endpoint at ${pathname.slice(0, 80)}${why}; endpoints: ${ENDPOINTS.join("; ")}` });
}

/**
 * "/api" itself, and paths that are not valid percent-encoded UTF-8 (Next.js answers those with a bare
 * 500 when it decodes dynamic segments): a JSON 404 naming the endpoints.
 */
export function apiPathAnswer(pathname: string): EarlyAnswer | undefined {
  if (pathname === "/api") return noEndpoint(pathname);
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    return noEndpoint(pathname, " (not valid percent-encoded UTF-8)");
  }
}

/** A method other than GET, HEAD or OPTIONS: 405 with Allow on an endpoint, the JSON 404 elsewhere. */
export function apiMethodAnswer(method: string, pathname: string): EarlyAnswer | undefined {
  if (API_METHODS.split(", ").includes(method)) return undefined;
  if (!isEndpoint(pathname)) return noEndpoint(pathname);
  return answer(405, { ...JSON_HEADERS, allow: API_METHODS }, { error: "method_not_allowed", message: `${method.slice(0, 20)} is not supported; allowed: ${API_METHODS}` });
}

/** A page asked for with a method other than GET, HEAD or OPTIONS (TRACE, POST, …). */
export function methodNotAllowed(res: ServerResponse): void {
  res.writeHead(405, { ...BASE_HEADERS, allow: "GET, HEAD, OPTIONS", "content-type": "text/plain; charset=utf-8" }).end("405 Method Not Allowed\n");
}

/** Pages are read-only documents. */
export function isPageMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}
