/**
 * Pages under the same load as the API, beside /api/health in the same run (issue 9):
 *   warm — the same canonical URL again and again (served from server.ts's page cache);
 *   304  — the same, with the page's ETag in If-None-Match (no body);
 *   cold — a new canonical URL on every request while they last (each one rendered by Next.js).
 * And the server's memory after a mixed load of many distinct valid requests (issue 10: ≤ 400 MB).
 *   node bench/page-load.mjs [projectRoot]
 */
import path from "node:path";
import autocannon from "autocannon";
import { load, summary } from "./lib/load.mjs";
import { get, memoryOf, startNext } from "./lib/server.mjs";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Every page with a warm URL and a generator of distinct canonical URLs for the cold run. */
function pageCases(meta) {
  const slugs = meta.districts.map((d) => d.slug);
  const services = meta.services.map((s) => s.id);
  const ages = meta.ages;
  const segments = slugs.flatMap((d) => ["F", "M"].flatMap((s) => ages.map((a) => `${d}.${s}.${a}`)));
  const pick = (i, n) => Array.from({ length: n }, (_, k) => segments[(i * 7 + k * 37) % segments.length]);
  return [
    { page: "home", warm: "/", cold: null },
    {
      page: "segment",
      warm: "/segment?district=gangnam-gu&sex=F&age=20",
      cold: (i) =>
        `/segment?district=${slugs[i % 25]}&sex=${["F", "M"][Math.floor(i / 25) % 2]}&age=${ages[Math.floor(i / 50) % 6]}&basis=${["month", "day"][Math.floor(i / 300) % 2]}`,
    },
    {
      page: "service",
      warm: "/service?service=delivery",
      cold: (i) =>
        `/service?service=${services[i % 7]}&sex=${["F", "M", "T"][Math.floor(i / 7) % 3]}&age=${ages[Math.floor(i / 21) % 6]}`,
    },
    {
      page: "insights",
      warm: "/insights",
      cold: (i) =>
        `/insights?age=${ages[i % 6]}&sex=${["F", "M", "T"][Math.floor(i / 6) % 3]}&metric=${["average-age", "population", ...services][Math.floor(i / 18) % 9]}`,
    },
    {
      page: "audience",
      warm: "/audience?service=delivery",
      cold: (i) => `/audience?service=${services[i % 7]}&district=${slugs[Math.floor(i / 7) % 25]}`,
    },
    {
      page: "compare",
      warm: `/compare?segments=${pick(0, 3).join(",")}`,
      cold: (i) => `/compare?segments=${pick(i + 1, 2 + (i % 3)).join(",")}`,
    },
    {
      page: "plan",
      warm: "/plan?service=delivery",
      cold: (i) => `/plan?service=delivery&budget=${10_000_000 + i * 10_000}`,
    },
  ];
}

/** autocannon over a sequence of distinct URLs: request k asks for url(k). */
export function loadSequence(base, url, { connections, duration, amount }) {
  let k = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections,
        ...(amount ? { amount } : { duration }),
        pipelining: 1,
        requests: [{ setupRequest: (req) => ({ ...req, path: url(k++) }) }],
      },
      (err, r) => (err ? reject(err) : resolve({ ...summary(r), distinct: k })),
    );
  });
}

export async function runPageBench(root, { rounds = 3, duration = 2, connections = 16, log = console.log } = {}) {
  const server = await startNext(root);
  try {
    const meta = JSON.parse((await get(`${server.url}/api/meta`)).body.toString());
    const cases = [];
    for (const c of pageCases(meta)) {
      const res = await get(server.url + c.warm);
      if (res.status !== 200) {
        log(`${c.page}: ${c.warm} → ${res.status}, skipped`);
        continue;
      }
      cases.push({ ...c, etag: res.headers.etag });
    }
    // Warm-up: JIT, and each warm URL rendered once.
    await load(`${server.url}/api/health`, { connections, duration: 1 });
    for (const c of cases) await load(server.url + c.warm, { connections, duration: 1 });
    const runs = {
      health: [],
      ...Object.fromEntries(
        cases.flatMap((c) => [
          [`${c.page}:warm`, []],
          [`${c.page}:304`, []],
        ]),
      ),
    };
    for (let round = 0; round < rounds; round++) {
      runs.health.push(await load(`${server.url}/api/health`, { connections, duration }));
      for (const c of cases) {
        runs[`${c.page}:warm`].push(await load(server.url + c.warm, { connections, duration }));
        runs[`${c.page}:304`].push(
          await load(server.url + c.warm, { connections, duration, headers: { "if-none-match": c.etag } }),
        );
      }
    }
    // Cold: one run per page, fresh URLs from a running counter (never repeated within the run).
    const cold = {};
    for (const c of cases) if (c.cold) cold[c.page] = await loadSequence(server.url, c.cold, { connections, duration });
    const healthRps = median(runs.health.map((r) => r.rps));
    const healthP99 = median(runs.health.map((r) => r.p99));
    const rows = cases.map((c) => {
      const warm = runs[`${c.page}:warm`];
      const nm = runs[`${c.page}:304`];
      const row = {
        page: c.page,
        url: c.warm,
        warm: {
          rps: median(warm.map((r) => r.rps)),
          p99: median(warm.map((r) => r.p99)),
          errors: warm.reduce((a, r) => a + r.errors + r.non2xx, 0),
        },
        notModified: {
          rps: median(nm.map((r) => r.rps)),
          p99: median(nm.map((r) => r.p99)),
          errors: nm.reduce((a, r) => a + r.errors, 0),
        },
        cold: cold[c.page] ?? null,
      };
      log(
        `${c.page.padEnd(9)} warm ${row.warm.rps.toFixed(0)} req/s (${(row.warm.rps / healthRps).toFixed(2)}× health) p99 ${row.warm.p99} · 304 ${row.notModified.rps.toFixed(0)} (${(row.notModified.rps / healthRps).toFixed(2)}×)` +
          (row.cold
            ? ` · cold ${row.cold.rps.toFixed(0)} req/s (${(row.cold.rps / healthRps).toFixed(2)}×) p99 ${row.cold.p99} over ${row.cold.distinct} URLs`
            : ""),
      );
      return row;
    });
    log(`health    ${healthRps.toFixed(0)} req/s p99 ${healthP99}`);
    const memory = await mixedLoadMemory(server, meta);
    log(
      `memory after a mixed load of ${memory.requests} distinct valid requests: RSS ${memory.after.rssMB.toFixed(0)} MB (peak ${memory.after.peakMB.toFixed(0)} MB; fresh ${memory.before.rssMB.toFixed(0)} MB)`,
    );
    return { health: { rps: healthRps, p99: healthP99 }, rows, memory, connections, rounds, duration };
  } finally {
    await server.stop();
  }
}

/**
 * Many distinct valid requests at once — plans with distinct budgets, every audience filter, every
 * segment's priority and trend on both bases and over other windows, compare sets, every page's views,
 * 행정동 pages, look-alikes and maps, link previews — to
 * fill every cache the server keeps, then its resident memory (and the highest it reached).
 */
export async function mixedLoadMemory(server, meta, { seconds = 40, amount } = {}) {
  const before = await memoryOf(server.pid);
  // 행정동 codes and analysis windows too: each window builds an engine, each 행정동 page its analyses.
  const dongs = JSON.parse((await get(`${server.url}/api/dongs`)).body.toString()).dongs.map((d) => d.code);
  const months = meta.months ?? [];
  const windowOf = (i) =>
    months.length > 1
      ? `&from=${months[i % Math.min(12, months.length - 1)]}&to=${months[months.length - 1 - (i % 3)]}`
      : "";
  const slugs = meta.districts.map((d) => d.slug);
  const services = meta.services.map((s) => s.id);
  const ages = meta.ages;
  const seg = (i) => `${slugs[i % 25]}.${["F", "M"][Math.floor(i / 25) % 2]}.${ages[Math.floor(i / 50) % 6]}`;
  const kinds = [
    (i) => `/api/plan?service=${services[i % 7]}&budget=${10_000 + i * 1000}&cpm=${100 + (i % 5000)}`,
    (i) =>
      `/api/services/${services[i % 7]}/audience?district=${slugs[Math.floor(i / 7) % 25]}&limit=${1 + (i % 300)}&offset=${i % 300}`,
    (i) =>
      `/api/segments/priority?district=${slugs[i % 25]}&sex=${["F", "M"][i % 2]}&age=${ages[i % 6]}&basis=${["month", "day"][i % 2]}`,
    (i) => `/api/segments/compare?segments=${seg(i)},${seg(i + 1)},${seg(i + 2)}`,
    (i) => `/api/services/${services[i % 7]}/targets?limit=${1 + (i % 300)}`,
    (i) => `/segment?district=${slugs[i % 25]}&sex=${["F", "M"][i % 2]}&age=${ages[i % 6]}`,
    (i) => `/plan?service=${services[i % 7]}&budget=${10_000 + i * 1000}`,
    (i) => `/compare?segments=${seg(i)},${seg(i + 3)}`,
    (i) => `/audience?service=${services[i % 7]}&district=${slugs[Math.floor(i / 7) % 25]}&offset=${(i % 30) * 10}`,
    (i) =>
      `/service?service=${services[i % 7]}&sex=${["F", "M", "T"][Math.floor(i / 7) % 3]}&age=${ages[Math.floor(i / 21) % 6]}&district=${slugs[i % 25]}`,
    (i) =>
      `/insights?age=${ages[i % 6]}&sex=${["F", "M", "T"][Math.floor(i / 6) % 3]}&metric=${["average-age", "population", ...services][Math.floor(i / 18) % 9]}`,
    (i) =>
      `/og/segment?district=${slugs[i % 25]}&sex=${["F", "M"][Math.floor(i / 25) % 2]}&age=${ages[Math.floor(i / 50) % 6]}`,
    (i) => `/og/plan?service=${services[i % 7]}&budget=${10_000 + i * 1000}`,
    (i) => `/api/segments/trend?district=${slugs[i % 25]}&sex=${["F", "M"][i % 2]}&age=${ages[i % 6]}${windowOf(i)}`,
    (i) => `/segment?district=${slugs[i % 25]}&sex=${["F", "M"][i % 2]}&age=${ages[i % 6]}${windowOf(i)}`,
    ...(dongs.length
      ? [
          (i) => `/dong?dong=${dongs[(i * 7) % dongs.length]}&sex=${["F", "M"][i % 2]}&age=${ages[i % 6]}`,
          (i) => `/api/dongs/${dongs[(i * 11) % dongs.length]}/similar?limit=${1 + (i % 50)}`,
          (i) =>
            `/api/services/${services[i % 7]}/dongs?sex=${["F", "M", "T"][i % 3]}&age=${ages[i % 6]}&district=${slugs[i % 25]}`,
          (i) => `/dongs?service=${services[i % 7]}&sex=${["F", "M", "T"][i % 3]}&age=${ages[Math.floor(i / 3) % 6]}`,
        ]
      : []),
  ];
  const r = await loadSequence(server.url, (k) => kinds[k % kinds.length](Math.floor(k / kinds.length)), {
    connections: 16,
    duration: seconds,
    amount,
  });
  await new Promise((res) => setTimeout(res, 2000));
  return { requests: r.total, errors: r.errors, non2xx: r.non2xx, before, after: await memoryOf(server.pid) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, ".."));
  await runPageBench(root);
}
