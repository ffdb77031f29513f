import type { NextConfig } from "next";

/**
 * Security headers on every response. Pages get their Content-Security-Policy (with a per-request
 * nonce) from proxy.ts; everything the proxy does not see — the JSON API, build assets, public files —
 * gets a locked-down static one here, so every answer carries a policy and none carries two.
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** For responses that are data, not documents: nothing may run, load or frame them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc --noEmit) once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    const csp = [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }];
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: csp },
      { source: "/_next/static/:path*", headers: csp },
      // Public files and other file-like paths (favicon.ico, robots.txt, …): proxy.ts skips them.
      { source: "/:file([^/]+\\.[a-zA-Z0-9]+)", headers: csp },
    ];
  },
};

export default nextConfig;
