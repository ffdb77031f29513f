import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { expect } from "vitest";
import { loadDataDir } from "@/lib/dataset/load";
import type { LoadedDataset } from "@/lib/dataset/types";
import { runCli } from "@/lib/ingest/cli";

const made: string[] = [];

/** A fresh folder under the OS temp dir; removeTempDirs() (in afterAll) deletes them all. */
export function tempDir(prefix = "ingest-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Everything under `root` (the folder holding DIR), byte for byte: each entry's type, symlink target
 * or file sha256. Equal snapshots mean DIR is unchanged and nothing was left beside it.
 */
export function snapshot(root: string): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const rel = path.relative(root, p);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.push(`${rel}/`);
        walk(p);
      } else out.push(`${rel} ${createHash("sha256").update(readFileSync(p)).digest("hex")}`);
    }
  };
  walk(root);
  return out.join("\n");
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, { out: (t) => stdout.push(t), err: (t) => stderr.push(t) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** A dataset folder as written, read back by hand (the loader's own check runs in the importer). */
export interface WrittenDataset {
  meta: {
    kind: string;
    method: string;
    months: string[];
    measures: { id: string; name_ko: string; kind: string; months: string[]; weights?: string }[];
    groups: { id: string; name_ko: string; months: string[] }[];
    files: Record<string, string>;
    sources: { name: string; sha256: string }[];
  };
  /** dong/YYYY-MM.csv.br per month: header and rows of cells. */
  dong: Map<string, { header: string[]; rows: string[][] }>;
  dongs: string[][];
  district?: { header: string[]; rows: string[][] };
  /** The same folder as the server loads it. */
  loaded: LoadedDataset;
}

const table = (text: string) => {
  const [header, ...rows] = text
    .trimEnd()
    .split("\n")
    .map((l) => l.split(","));
  return { header: header!, rows };
};

export function readWritten(dir: string): WrittenDataset {
  const meta = JSON.parse(readFileSync(path.join(dir, "meta.json"), "utf8")) as WrittenDataset["meta"];
  const dong = new Map<string, { header: string[]; rows: string[][] }>();
  for (const name of readdirSync(path.join(dir, "dong")).sort()) {
    const bytes = readFileSync(path.join(dir, "dong", name));
    expect(meta.files[`dong/${name}`]).toBe(createHash("sha256").update(bytes).digest("hex"));
    dong.set(name.replace(".csv.br", ""), table(brotliDecompressSync(bytes).toString("utf8")));
  }
  const districtFile = path.join(dir, "district.csv");
  return {
    meta,
    dong,
    dongs: table(readFileSync(path.join(dir, "dongs.csv"), "utf8")).rows,
    district: existsSync(districtFile) ? table(readFileSync(districtFile, "utf8")) : undefined,
    loaded: loadDataDir(dir),
  };
}
