import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";

/**
 * Every URL parameter of the API and the pages goes through a codec of lib/params: shown by behaviour
 * for the API (each documented parameter, given a value no codec accepts, is refused naming it) and by
 * construction for the pages (they read their query only with readQuery).
 */
const VALID: Record<string, string> = {
  district: "gangnam-gu",
  sex: "F",
  age: "30",
  limit: "5",
  basis: "day",
  sort: "score",
  offset: "1",
  segments: "gangnam-gu.F.20,mapo-gu.M.30",
  service: "delivery",
  budget: "50000000",
  cpm: "5000",
  cap: "5",
  months: "2022-01,2022-02",
  // A window (and plan months in it) every endpoint with from/to can answer: 2022 has the districts'
  // (rolled up) and the 행정동 figures.
  from: "2022-01",
  to: "2022-12",
  code: "1119054",
  reachable: "70",
  shape: "1.5",
};

/**
 * Path parameters naming a resource that may not exist answer 404 (an unknown service); a 행정동 code
 * is a value like any other and a bad one is a 400 naming it (issue 19).
 */
const NOT_FOUND_PATH_PARAMS = new Set(["service"]);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

async function handlerOf(routePath: string): Promise<Handler> {
  const dir = routePath.replace(/\{(\w+)\}/g, "[$1]");
  const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), "app", dir, "route.ts"))) as { GET: Handler };
  return mod.GET;
}

describe("every documented API parameter goes through a codec", () => {
  for (const endpoint of ENDPOINTS) {
    const [routePath, query = ""] = endpoint.replace(/^GET /, "").split("?") as [string, string?];
    const names = query ? query.split("&") : [];
    const pathParams = [...routePath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const url = (values: Record<string, string>) => {
      const p = routePath.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(values[n]!));
      const qs = new URLSearchParams(names.map((n) => [n, values[n]!]));
      return new Request(`http://localhost${p}?${qs}`);
    };
    const call = async (values: Record<string, string>) => (await handlerOf(routePath.replace(/^\/api/, "api")))(url(values), { params: Promise.resolve(Object.fromEntries(pathParams.map((n) => [n, values[n]!]))) });

    it(`${endpoint}: valid values answer 200`, async () => {
      expect(names.every((n) => n in VALID), `a valid value for each of ${names.join(", ")}`).toBe(true);
      expect((await call(VALID)).status).toBe(200);
    });
    for (const name of [...names, ...pathParams]) {
      it(`${endpoint}: a bad ${name} is refused, naming it`, async () => {
        const res = await call({ ...VALID, [name]: "zz\u202Ebad" });
        expect(res.status).toBe(pathParams.includes(name) && NOT_FOUND_PATH_PARAMS.has(name) ? 404 : 400);
        const body = await res.json();
        expect(body.parameter).toBe(name);
        expect(body.message).not.toContain("\u202E");
      });
    }
  }
});

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

describe("pages and routes read their query only through lib/params", () => {
  const appFiles = [...files(path.join(process.cwd(), "app"))].filter((f) => /\.(ts|tsx)$/.test(f));
  it("no handler or page reads search params by hand", () => {
    for (const f of appFiles) {
      const src = readFileSync(f, "utf8");
      expect(src, f).not.toMatch(/searchParams\s*\.\s*(get|getAll|has)\s*\(/);
      expect(src, f).not.toMatch(/\bsearchParams\s*\[\s*["'`]/);
    }
  });
  it("every page that takes search params reads them with readQuery", () => {
    for (const f of appFiles.filter((f) => f.endsWith("page.tsx"))) {
      const src = readFileSync(f, "utf8");
      if (/searchParams/.test(src)) expect(src, f).toMatch(/readQuery\(/);
    }
  });
});
