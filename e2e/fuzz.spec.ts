import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";

/**
 * Property/fuzz tests over every API endpoint against the production server: random and hostile query
 * strings, paths, repeated parameters, broken percent-encodings (%FF, %00, overlong UTF-8, lone
 * surrogates) and very long values. Whatever is sent, the answer is JSON with status 200, 304, 400 or
 * 404, errors have the one error shape, and nothing leaks a stack trace. At least 1,500 requests.
 */
test.beforeEach(({}, testInfo) =>
  test.skip(testInfo.project.name !== "desktop", "API-only: runs once, in the desktop project"),
);
test.setTimeout(180_000);

const DISTRICTS = ["gangnam-gu", "11680", "강남구", "jongno-gu", "11110", "송파구"];
const SERVICES = ["game", "finance", "shopping", "video", "youtube", "netflix", "delivery"];
const PARAMS = ["district", "sex", "age", "limit", "service"];

/** Raw (already encoded) path + query bases: every endpoint, some with a fuzzed path segment. */
const ENDPOINTS = [
  "/api/meta",
  "/api/health",
  "/api/segments/priority",
  "/api/segments/trend",
  "/api/population",
  "/api/correlation",
  "/api/map/average-age",
  ...SERVICES.map((s) => `/api/services/${s}/targets`),
];

/** Percent-encoded byte sequences that are invalid or suspicious in UTF-8, or encode control bytes. */
const BAD_ENCODINGS = [
  "%FF",
  "%FE%FF",
  "%00",
  "%0A",
  "%0D%0A",
  "%C0%AF",
  "%C0%80",
  "%E0%80%80",
  "%F0%80%80%80",
  "%ED%A0%80",
  "%ED%BF%BF",
  "%F4%90%80%80",
  "%C3",
  "%E2%82",
  "%",
  "%%",
  "%G1",
  "%1",
  "%2",
  "%25",
  "%u0041",
  "%EF%BB%BF",
  "%2F",
  "%5C",
  "%2e%2e%2f",
  "%3Cscript%3E",
  "%22",
  "%27",
  "%26",
  "%3D",
  "%23",
  "%3F",
  "+",
  "%20",
  "%E2%80%AE",
];

const HOSTILE = [
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../../../etc/passwd",
  "..\\..\\windows",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "0",
  "1e3",
  "0x10",
  "1.5",
  " 20",
  "20 ",
  "020",
  "+20",
  "２０",
  "٢٠",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "T",
  "f",
  "m",
  "FF",
  "=cmd|' /C calc'!A0",
  "\u0000",
  "\uFFFF",
  "\uD800",
  "🙂",
  "강남",
  "gangnam",
  "GANGNAM-GU",
  "11680 ",
  "301",
  "300",
  "1",
];

const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));

/** A value as it appears in the URL: valid, hostile, random unicode, broken encodings or very long. */
const rawValue = fc.oneof(
  fc.constantFrom(...DISTRICTS, "F", "M", "T", "20", "30", "70", "10", ...SERVICES).map(encode),
  fc.constantFrom(...HOSTILE).map(encode),
  fc.string({ unit: "binary", maxLength: 30 }).map(encode),
  fc
    .array(fc.constantFrom(...BAD_ENCODINGS, "a", "2", "gangnam-gu"), { minLength: 1, maxLength: 6 })
    .map((a) => a.join("")),
  // Long values, within Node's 16 KB request-head limit (beyond it Node answers 431 itself, tested
  // below) and short enough that a 308 normalising the path, which repeats the URL in Location and
  // Refresh, still fits the test client's own 16 KB response-head limit. (The fixed corpus below
  // sends 13,000-character queries to every endpoint.)
  fc.integer({ min: 65, max: 4_000 }).map((n) => "9".repeat(n)),
  fc
    .tuple(fc.integer({ min: 20, max: 400 }), fc.constantFrom("%FF", "%EA%B0%95", "a", "%00"))
    .map(([n, u]) => u.repeat(n)),
);

const rawName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PARAMS) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_ENCODINGS, "DISTRICT", "age[]", "age[0]", "__proto__", "", "%61ge") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }).map(encode) },
);

const query = fc.oneof(
  // name=value pairs, names often repeated
  fc.array(fc.tuple(rawName, rawValue), { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
  // odd separators and shapes
  fc
    .array(fc.oneof(rawValue, fc.constantFrom("&", "&&", "=", "==", ";", "?", "#")), { maxLength: 6 })
    .map((a) => a.join("")),
);

/**
 * A path under /api: a real endpoint, a real endpoint with a fuzzed segment, or garbage. No bare "."
 * or ".." segments: the client resolves those before sending, so they would not be API requests.
 */
const pathArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ENDPOINTS) },
  { weight: 2, arbitrary: rawValue.map((v) => `/api/services/${v.slice(0, 3_000)}/targets`) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom("segments", "services", "map", "priority", "targets", "", "api", "%2e%2e%2f", "%2F"),
          rawValue.map((v) => v.slice(0, 200)),
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((segs) => `/api/${segs.join("/")}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...ENDPOINTS).map((p) => `${p}/extra`) },
);

/** Whole URLs stay under 5,000 characters, for the 308 case described above. */
const requestArb = fc
  .record({ path: pathArb, query: fc.option(query, { nil: undefined, freq: 5 }) })
  .filter(({ path, query: q }) => path.length + (q?.length ?? 0) < 5_000);

const STACK_TRACE =
  /\n\s+at |node_modules|\.next\/server|webpack|turbopack|TypeError|ReferenceError|SyntaxError: Unexpected|\/work\/|\/home\//;

async function check(
  request: APIRequestContext,
  { path, query: q }: { path: string; query?: string },
  redirects = 0,
): Promise<void> {
  const url = q === undefined ? path : `${path}?${q}`;
  const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const status = res.status();
  const body = await res.text();
  const where = `GET ${url.slice(0, 300)} → ${status}: ${body.slice(0, 300)}`;
  if (status === 308 && redirects < 5) {
    // Next.js's path normalisation (/api/x/ → /api/x): allowed, if it stays in the API and the
    // target then answers like any other request.
    const location = res.headers()["location"] ?? "";
    expect(location, where).toMatch(/^\/api(\/|\?|$)/);
    const [p, ...rest] = location.split("?");
    return check(request, { path: p!, query: rest.length ? rest.join("?") : undefined }, redirects + 1);
  }
  expect([200, 304, 400, 404], where).toContain(status);
  expect(body, where).not.toMatch(STACK_TRACE);
  if (status === 304) return;
  expect(res.headers()["content-type"], where).toMatch(/^application\/json/);
  expect(res.headers()["x-content-type-options"], where).toBe("nosniff");
  const json = JSON.parse(body);
  expect(typeof json, where).toBe("object");
  if (status >= 400) {
    expect(json.error, where).toBe(status === 400 ? "bad_request" : "not_found");
    expect(typeof json.message, where).toBe("string");
  }
}

const BATCH = 10;
const RUNS = 100; // × BATCH = 1,000 random requests, plus the fixed corpus below (~630): ≥ 1,500 in all

test("every API endpoint answers random and hostile requests with 200/400/404 JSON, never a 5xx or a stack trace", async ({
  request,
}) => {
  let sent = 0;
  // Fixed corpus first: each endpoint × each bad encoding in each parameter and in the path.
  const fixed: { path: string; query?: string }[] = [];
  for (const p of ENDPOINTS) {
    for (const bad of BAD_ENCODINGS)
      fixed.push({ path: p, query: `district=${bad}&sex=${bad}&age=${bad}&limit=${bad}` });
    fixed.push({ path: p, query: "age=20&age=20&sex=F&sex=F&district=gangnam-gu&district=gangnam-gu&limit=1&limit=1" });
    fixed.push({ path: p, query: `district=${"x".repeat(10_000)}&sex=${"%FF".repeat(1_000)}` });
  }
  for (const bad of BAD_ENCODINGS) fixed.push({ path: `/api/services/${bad}/targets` }, { path: `/api/${bad}` });
  fixed.push(
    { path: "/api" },
    { path: "/api/" },
    { path: "/api/health/" },
    { path: "/api//health" },
    { path: "/api/services//targets" },
  );
  for (let i = 0; i < fixed.length; i += BATCH) {
    await Promise.all(fixed.slice(i, i + BATCH).map((r) => check(request, r)));
    sent += Math.min(BATCH, fixed.length - i);
  }

  const out = await fc.check(
    fc.asyncProperty(fc.array(requestArb, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      await Promise.all(batch.map((r) => check(request, r)));
      sent += batch.length;
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  // The failing request's own message (its URL, status and body, shortened) rather than the whole batch.
  if (out.failed)
    throw Object.assign(out.errorInstance as Error, {
      message: `seed ${out.seed}: ${(out.errorInstance as Error).message}`,
    });
  expect(sent).toBeGreaterThanOrEqual(1_500);

  // Past Node's request-head limit (16 KB) the HTTP parser itself refuses: 431, still no 5xx.
  const huge = await request.get(`/api/population?age=${"9".repeat(100_000)}`, { failOnStatusCode: false });
  expect(huge.status()).toBe(431);
  test.info().annotations.push({ type: "requests", description: String(sent) });
});

test("valid requests built at random all succeed with the same JSON for code, slug and Korean name", async ({
  request,
}) => {
  const segment = fc.record({
    district: fc.integer({ min: 0, max: 1 }).map(
      (i) =>
        [
          ["gangnam-gu", "11680", "강남구"],
          ["jongno-gu", "11110", "종로구"],
        ][i]!,
    ),
    sex: fc.constantFrom("F", "M"),
    age: fc.constantFrom(20, 30, 40, 50, 60, 70),
  });
  await fc.assert(
    fc.asyncProperty(segment, async ({ district, sex, age }) => {
      const bodies = await Promise.all(
        district.map(async (d) => {
          const res = await request.get(
            `/api/segments/priority?district=${encodeURIComponent(d)}&sex=${sex}&age=${age}&utm_source=x`,
          );
          expect(res.status()).toBe(200);
          return res.text();
        }),
      );
      expect(new Set(bodies).size).toBe(1);
    }),
    { numRuns: 20 },
  );
});
