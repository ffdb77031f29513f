/**
 * Imports the official monthly 서울 시민생활 데이터 files into a dataset folder the app serves:
 *   npm run ingest -- --out DIR FILE…  [--dry-run] [--unweighted]
 * Then `DATA_DIR=DIR npm start`. See data/README.md, "Importing official files".
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDatasetDir } from "@/lib/dataset/load";
import { META_FILE, USAGE_FILE } from "@/lib/dataset/format";
import { IngestError } from "@/lib/ingest/errors";
import { ingest } from "@/lib/ingest/ingest";
import { inspectOutput, OutputError, writeDatasetAtomically } from "@/lib/ingest/output";
import { formatSummary, progressPrinter } from "@/lib/ingest/summary";

const USAGE = "usage: npm run ingest -- --out DIR [--dry-run] [--unweighted] FILE…";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        unweighted: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dryRun = values["dry-run"]!;
  if (!positionals.length || (!values.out && !dryRun)) {
    console.error(USAGE);
    return 2;
  }
  const started = process.hrtime.bigint();
  try {
    if (values.out && !dryRun) await inspectOutput(values.out); // refuse a bad --out before reading anything
    const result = await ingest({
      files: positionals,
      method: values.unweighted ? "unweighted" : "weighted",
      progress: progressPrinter(process.stderr),
    });
    let written: string | undefined;
    if (!dryRun) {
      const version = await writeDatasetAtomically(
        values.out!,
        [
          { name: USAGE_FILE, content: result.usageCsv },
          { name: META_FILE, content: result.metaJson },
        ],
        { tag: result.meta.sha256.slice(0, 8), verify: (tmp) => void loadDatasetDir(tmp), pause: testPause() },
      );
      written = `${values.out} → ${path.relative(path.dirname(path.resolve(values.out!)), version)}`;
    }
    console.log(formatSummary(result, written));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = result.files.reduce((s, f) => s + f.rowsRead, 0);
    console.log(`time: ${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString("en-US")} rows/s); peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    return 0;
  } catch (e) {
    if (e instanceof IngestError) {
      console.error(e.message);
      console.error(`nothing written${values.out && !dryRun ? `; ${values.out} is unchanged` : ""}`);
      return 1;
    }
    if (e instanceof OutputError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

/** Crash-safety tests set INGEST_TEST_PAUSE=write|swap to freeze the run at that point and kill it. */
function testPause(): ((stage: "write" | "swap") => Promise<void>) | undefined {
  const at = process.env.INGEST_TEST_PAUSE;
  if (!at) return undefined;
  return async (stage) => {
    if (stage !== at) return;
    process.stderr.write(`INGEST_TEST_PAUSED ${stage}\n`);
    await new Promise((r) => setTimeout(r, 60_000));
  };
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
