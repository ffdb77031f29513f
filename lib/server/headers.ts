/**
 * Security headers on every response. Page HTML gets its Content-Security-Policy from the edge (see
 * lib/server/answer.ts); everything else — the JSON API, build assets, public files, client-side
 * navigation payloads — is data, not a document, and gets a policy under which nothing may run, load
 * or frame it.
 */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "X-Frame-Options", value: "DENY" },
];

export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
