import { NextResponse, type NextRequest } from "next/server";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { notFound } from "@/lib/api/response";

/**
 * A Content-Security-Policy with a fresh nonce for every page. Next.js reads the nonce from the
 * request's CSP header while rendering and puts it on its own <script> tags; 'strict-dynamic' lets
 * those scripts load the page's chunks, and no other inline script can run. Styles allow inline
 * because Recharts and Leaflet position elements with style attributes.
 *
 * The matcher keeps the proxy off the JSON API, build assets and files (next.config.ts gives those a
 * static policy), so API requests pay nothing for it — except API paths containing a percent sign,
 * which the proxy checks (see apiPathGuard).
 */
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Next.js decodes dynamic path segments with decodeURIComponent and answers a bare 500 when that
 * throws (/api/%FF, /api/services/%C0%AF/targets). An API path that is not valid percent-encoded
 * UTF-8 names no endpoint, so it gets the API's JSON 404 here instead.
 */
function apiPathGuard(pathname: string): Response | undefined {
  // "/api" itself is not matched by app/api/[...path] (which needs a segment): answer like it would.
  if (pathname === "/api") return notFound({ message: `no API endpoint at /api; endpoints: ${ENDPOINTS.join("; ")}` });
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    return notFound({ message: `no API endpoint at ${pathname.slice(0, 80)} (not valid percent-encoded UTF-8); endpoints: ${ENDPOINTS.join("; ")}` });
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) return apiPathGuard(pathname) ?? NextResponse.next();
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Only "/api" itself and API paths with a percent sign: nothing else under /api enters the proxy.
    "/api",
    "/api/(.*%.*)",
    {
      source: "/((?!api/|api$|_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
