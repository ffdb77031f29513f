import path from "node:path";
import { QUARTILE_SUFFIX } from "@/lib/dataset/measures";
import type { IngestResult } from "./ingest";

const WEIGHTS_TEXT: Record<string, string> = {
  unestimated: "weighted by 총인구수 − the measure's 미추정 count",
  population: "weighted by 총인구수 (no 미추정 column)",
  unweighted: "plain mean of rows",
  sum: "summed (people counts)",
};

const n = (v: number) => v.toLocaleString("en-US");

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** The CLI's report: files (and the columns each ignored), rows read / used / skipped by reason, months, 행정동 rows, the weights of each measure. */
export function formatSummary(r: IngestResult, target: string | undefined): string {
  const lines: string[] = [];
  const read = r.files.reduce((s, f) => s + f.rowsRead, 0);
  const used = r.files.reduce((s, f) => s + f.rowsUsed, 0);
  const skipped: Record<string, number> = {};
  for (const f of r.files) for (const [k, v] of Object.entries(f.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  lines.push(`files: ${r.files.length}`);
  for (const f of r.files) {
    const months = [...f.months].sort();
    const monthText =
      months.length > 3 ? `${months[0]} … ${months[months.length - 1]} (${months.length})` : months.join(", ");
    lines.push(
      `  ${path.basename(f.file)} (${f.format}, ${mb(f.bytes)}): ${n(f.rowsRead)} rows read, ${n(f.rowsUsed)} used; ${monthText}`,
    );
    if (f.ignored.length) {
      const cols = f.ignored.map((c) => `${c.number} ${c.header ? JSON.stringify(c.header) : "(no header)"}`);
      lines.push(
        `    ignored ${f.ignored.length} column${f.ignored.length === 1 ? "" : "s"} the importer does not know: ${cols.join(", ")}`,
      );
    }
  }
  lines.push(`rows read: ${n(read)}`);
  lines.push(`rows used: ${n(used)}`);
  const reasons = Object.entries(skipped);
  lines.push(`rows skipped: ${reasons.length ? reasons.map(([k, v]) => `${n(v)} (${k})`).join(", ") : "0"}`);
  const months = r.meta.months;
  lines.push(
    `months: ${months.length} (${months.length > 12 ? `${months[0]} … ${months[months.length - 1]}` : months.join(", ")})`,
  );
  lines.push(`행정동 rows: ${n(r.dongRows)} (행정동 × sex × 5-year band); method: ${r.meta.method}`);
  const weights = new Map<string, string[]>();
  for (const m of r.meta.measures) {
    if (QUARTILE_SUFFIX.test(m.id)) continue; // listed with their measure
    const w = m.weights ?? "sum";
    weights.set(w, [...(weights.get(w) ?? []), m.id]);
  }
  lines.push(`measures: ${r.meta.measures.length} (quartiles included); groups: ${r.meta.groups.length}`);
  for (const [w, ids] of weights) lines.push(`  district figures ${WEIGHTS_TEXT[w] ?? w}: ${ids.join(", ")}`);
  lines.push(target ? `written: ${target}` : "dry run: nothing written");
  return lines.join("\n");
}

/** A progress line for large files, at most about once a second. */
export function progressPrinter(
  out: NodeJS.WriteStream,
  minBytes = 8 << 20,
): (file: string, bytesRead: number, bytesTotal: number, rows: number) => void {
  let last = 0;
  let lastFile = "";
  return (file, bytesRead, bytesTotal, rows) => {
    if (bytesTotal < minBytes) return;
    const now = Date.now();
    const done = bytesRead >= bytesTotal;
    if (!done && now - last < 1000 && file === lastFile) return;
    if (done && file !== lastFile) return;
    last = now;
    lastFile = file;
    const pct = bytesTotal ? Math.min(100, Math.floor((bytesRead / bytesTotal) * 100)) : 0;
    const text = `  reading ${path.basename(file)}: ${pct}%, ${n(rows)} rows`;
    if (out.isTTY) out.write(`\r${text}${done ? "\n" : ""}`);
    else out.write(`${text}\n`);
  };
}
