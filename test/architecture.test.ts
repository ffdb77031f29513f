import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { pageShapes } from "@/lib/params/pages";

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
  // The audience's 행정동 grain: the sharper test (its own sort, offset and window).
  grain: "dong",
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
    const call = async (values: Record<string, string>) =>
      (await handlerOf(routePath.replace(/^\/api/, "api")))(url(values), {
        params: Promise.resolve(Object.fromEntries(pathParams.map((n) => [n, values[n]!]))),
      });

    it(`${endpoint}: valid values answer 200`, async () => {
      expect(
        names.every((n) => n in VALID),
        `a valid value for each of ${names.join(", ")}`,
      ).toBe(true);
      expect((await call(VALID)).status).toBe(200);
    });
    for (const name of [...names, ...pathParams]) {
      it(`${endpoint}: a bad ${name} is refused, naming it`, async () => {
        const res = await call({ ...VALID, [name]: "zz\u202Ebad" });
        expect(res.status).toBe(pathParams.includes(name) && NOT_FOUND_PATH_PARAMS.has(name) ? 404 : 400);
        const body = await res.json();
        expect(body.parameter).toBe(name);
        expect(body.allowed, "a non-empty allowed").toEqual(expect.arrayContaining([expect.any(String)]));
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

/**
 * Every package the code imports is declared in package.json: a package that only arrives as another
 * one's dependency can vanish or change major version on any install (d3-color, d3-scale and
 * @types/geojson came through d3-interpolate, recharts and @types/leaflet). And what `npm start` runs
 * imports only `dependencies`, so an install without the dev tools (`npm ci --omit=dev`) still serves.
 */
describe("every imported package is declared in package.json", () => {
  const root = process.cwd();
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const runtime = new Set(Object.keys(pkg.dependencies));
  const declared = new Set([...runtime, ...Object.keys(pkg.devDependencies)]);
  const SOURCE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/;
  const sources = [
    ...["app", "components", "lib", "scripts", "bench", "deploy", "e2e", "test"].flatMap((d) => [
      ...files(path.join(root, d)),
    ]),
    ...readdirSync(root).map((n) => path.join(root, n)),
  ].filter((f) => SOURCE.test(f) && !path.relative(root, f).split(path.sep).includes("tmp")); // bench/tmp: generated (the checkout itself may sit in /tmp)
  // Static imports and re-exports (also multi-line), side-effect imports, import() and require().
  const STATIC = /^\s*(import|export)\s+(type\s+)?[^;]*?\sfrom\s*["']([^"']+)["']/gm;
  const OTHERS = [
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const packageOf = (spec: string) =>
    spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
  const isPackage = (spec: string) => !/^(\.|\/|@\/|node:)/.test(spec) && !builtinModules.includes(packageOf(spec));
  /** `geojson` is declared by `@types/geojson`, `@scope/x` by `@types/scope__x`. */
  const typesOf = (name: string) => `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;
  const imports = sources.flatMap((file) => {
    const src = readFileSync(file, "utf8");
    const found = [...src.matchAll(STATIC)].map((m) => ({
      spec: m[3]!,
      typeOnly: m[1] === "import" && m[2] !== undefined,
    }));
    for (const re of OTHERS) for (const m of src.matchAll(re)) found.push({ spec: m[1]!, typeOnly: false });
    return found
      .filter((i) => isPackage(i.spec))
      .map((i) => ({ ...i, file: path.relative(root, file), name: packageOf(i.spec) }));
  });

  it("finds the imports it checks", () => {
    expect(imports.some((i) => i.name === "next" && i.file.startsWith("app"))).toBe(true);
    expect(imports.some((i) => i.name === "geojson" && i.typeOnly)).toBe(true);
  });
  it("each imported package (or its @types package, for type-only imports) is in package.json", () => {
    const missing = imports.filter((i) => !declared.has(i.name) && !(i.typeOnly && declared.has(typesOf(i.name))));
    expect(missing.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });
  it("what the server runs imports only dependencies (not devDependencies)", () => {
    const served = (f: string) =>
      (/^(app|components|lib)\//.test(f) && !/\.test\.tsx?$/.test(f)) ||
      /^(server|instrumentation|instrumentation-node|next\.config)\.ts$/.test(f) ||
      /^scripts\/(start|ensure-build)\.mjs$/.test(f);
    const dev = imports.filter((i) => served(i.file) && !i.typeOnly && !runtime.has(i.name));
    expect(dev.map((i) => `${i.file}: ${i.spec}`)).toEqual([]);
  });
});

/** The README lists what exists: every page, every API route (as ENDPOINTS writes it). */
describe("the README names every page and endpoint", () => {
  const root = process.cwd();
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  it("every API route is in ENDPOINTS, and ENDPOINTS only has routes", () => {
    const routes = [...files(path.join(root, "app", "api"))]
      .filter((f) => f.endsWith(`${path.sep}route.ts`) && !f.includes("[..."))
      .map((f) =>
        `/${path.relative(path.join(root, "app"), path.dirname(f)).split(path.sep).join("/")}`.replace(
          /\[(\w+)\]/g,
          "{$1}",
        ),
      )
      .sort();
    expect(routes).toEqual(ENDPOINTS.map((e) => e.replace(/^GET /, "").split("?")[0]).sort());
  });
  it("every endpoint, with its parameters, is in the README's API table", () => {
    const missing = ENDPOINTS.filter((e) => !readme.includes(`| \`${e.replace(/^GET /, "")}\` |`));
    expect(missing).toEqual([]);
  });
  it("every page is in the README", () => {
    const missing = Object.keys(pageShapes(["2023-01"])).filter((p) => p !== "/" && !readme.includes(`(\`${p}\`)`));
    expect(missing).toEqual([]);
  });
});
