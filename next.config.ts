import type { NextConfig } from "next";
import { NON_PAGE_CSP, SECURITY_HEADERS } from "./lib/server/headers";

const dev = process.env.NODE_ENV === "development";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Parallel work trees and benchmarks build side by side without overwriting each other's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The app has no next/image; the optimizer endpoint would only be a way to make the server fetch URLs.
  images: { unoptimized: true },
  async headers() {
    // Page HTML gets its own policy from server.ts, replacing this one. `next dev` serves pages without
    // server.ts, so there pages get no policy rather than one that blocks them.
    return [{ source: "/:path*", headers: dev ? SECURITY_HEADERS : [...SECURITY_HEADERS, { key: "Content-Security-Policy", value: NON_PAGE_CSP }] }];
  },
};

export default nextConfig;
