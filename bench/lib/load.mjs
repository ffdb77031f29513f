/** One autocannon run: requests/s, latency p50/p99 (ms), errors and non-2xx answers. */
import autocannon from "autocannon";

export function load(url, { connections, duration = 5, headers } = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, pipelining: 1, headers }, (err, r) =>
      err ? reject(err) : resolve(summary(r)),
    );
  });
}

/** What every bench reports of an autocannon result. */
export function summary(r) {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}
