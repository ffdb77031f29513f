import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, loadDataDir } from "@/lib/dataset/load";
import { IngestError } from "./errors";
import { ingest, knownDongsOf } from "./ingest";
import { LockError } from "./lock";
import { openOutput, OutputError, type OutputSession } from "./output";
import { formatSummary, progressPrinter } from "./summary";

export const USAGE = "usage: npm run ingest -- --out DIR [--dry-run] [--unweighted] FILE…";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** For the progress line; omitted in tests. */
  progressStream?: NodeJS.WriteStream;
  /** Crash-safety test hook (see scripts/ingest.ts). */
  pause?: (stage: "write" | "swap") => Promise<void>;
}

/** The importer's command line; returns the exit code (0 ok, 1 refused, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        unweighted: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const dryRun = values["dry-run"]!;
  const out = values.out;
  if (!positionals.length || (!out && !dryRun)) {
    io.err(USAGE);
    return 2;
  }
  const started = process.hrtime.bigint();
  let session: OutputSession | undefined;
  try {
    // Lock DIR and refuse a bad --out before reading anything; one import per DIR at a time.
    if (out && !dryRun) session = await outputStep(out, () => openOutput(out));
    const result = await ingest({
      files: positionals,
      method: values.unweighted ? "unweighted" : "weighted",
      progress: io.progressStream ? progressPrinter(io.progressStream) : undefined,
      knownDongs: knownDongsOf(DEFAULT_DATA_DIR),
    });
    let written: string | undefined;
    if (session && out) {
      const s = session;
      const version = await outputStep(out, () =>
        s.write(result.output, {
          tag: result.metaSha256.slice(0, 8),
          verify: (tmp) => void loadDataDir(tmp),
          pause: io.pause,
        }),
      );
      written = `${out} → ${path.relative(path.dirname(path.resolve(out)), version)}`;
    }
    for (const note of result.notes) io.err(`note: ${note}`);
    io.out(formatSummary(result, written));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = result.files.reduce((s, f) => s + f.rowsRead, 0);
    const cpu = process.cpuUsage();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    io.out(
      `time: ${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString("en-US")} rows/s); CPU ${cpuSeconds.toFixed(2)} s; peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    return 0;
  } catch (e) {
    if (e instanceof IngestError) {
      io.err(e.message);
      io.err(`nothing written${out && !dryRun ? `; ${out} is unchanged` : ""}`);
      return 1;
    }
    if (e instanceof OutputError || e instanceof LockError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await session?.release();
  }
}

/** Turns an OS error while preparing or writing --out into one line naming the path and the reason. */
async function outputStep<T>(out: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof OutputError || e instanceof LockError || typeof err.code !== "string") throw e;
    const reason = err.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "");
    const where = err.path && path.resolve(err.path) !== path.resolve(out) ? ` (at ${err.path})` : "";
    throw new OutputError(
      `--out ${out}: cannot write there: ${reason}${where} [${err.code}${err.syscall ? ` in ${err.syscall}` : ""}]`,
    );
  }
}
