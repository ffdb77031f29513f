/**
 * Imports the official monthly 서울 시민생활 데이터 files into a dataset folder the app serves:
 *   npm run ingest -- --out DIR FILE…  [--dry-run] [--unweighted]
 * Then `DATA_DIR=DIR npm start`. See data/README.md, "Importing official files".
 */
import { readdirSync } from "node:fs";
import { constants, setPriority } from "node:os";
import { runCli } from "@/lib/ingest/cli";

/**
 * An import is a batch job that often runs beside the server it feeds: at the lowest CPU priority it
 * takes less of the server's share on a small machine, and a little longer itself (both measured in
 * bench/results.md, "Serving during a large import"). INGEST_PRIORITY=normal keeps the normal priority.
 */
if (process.env.INGEST_PRIORITY !== "normal") {
  // Linux keeps a nice value per thread: lower V8's already running helper threads too (threads
  // started later, like the hashing worker, inherit the main thread's).
  let threads: number[] = [0];
  try {
    threads = readdirSync("/proc/self/task").map(Number);
  } catch {
    // Not Linux: priority is per process.
  }
  for (const tid of threads) {
    try {
      setPriority(tid, constants.priority.PRIORITY_LOW);
    } catch {
      // Not permitted in some sandboxes; that thread keeps its priority.
    }
  }
}

/** Crash-safety tests set INGEST_TEST_PAUSE=write|swap to freeze the run there and kill it. */
function testPause(): ((stage: "write" | "swap") => Promise<void>) | undefined {
  const at = process.env.INGEST_TEST_PAUSE;
  if (!at) return undefined;
  return async (stage) => {
    if (stage !== at) return;
    process.stderr.write(`INGEST_TEST_PAUSED ${stage}\n`);
    await new Promise((r) => setTimeout(r, 60_000));
  };
}

/**
 * If the event loop empties while the import is still pending (a reader waiting for data that never
 * comes, as exceljs did on a damaged ZIP), Node would exit 0 having printed nothing: say so, exit 70.
 */
let settled = false;
process.on("beforeExit", () => {
  if (settled) return;
  console.error("internal error: the import stopped before finishing (nothing was written)");
  process.exit(70);
});

runCli(process.argv.slice(2), {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  progressStream: process.stderr,
  pause: testPause(),
}).then(
  (code) => {
    settled = true;
    process.exit(code);
  },
  (e) => {
    settled = true;
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
