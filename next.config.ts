import type { NextConfig } from "next";
import { NON_PAGE_CSP, SECURITY_HEADERS } from "./lib/server/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Parallel work trees and benchmarks build side by side without overwriting each other's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The app has no next/image; the optimizer endpoint would only be a way to make the server fetch URLs.
  images: { unoptimized: true },
  async headers() {
    // Page HTML gets its own policy from the edge (lib/server/edge.ts), replacing this one, in
    // production and development alike.
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS, { key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
    ];
  },
};

export default nextConfig;
