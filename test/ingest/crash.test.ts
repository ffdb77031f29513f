import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recover } from "@/lib/ingest/output";
import { csvText, generateMonth, toTable } from "./generate";
import { cli, readWritten, snapshot, removeTempDirs, tempDir } from "./helpers";

afterAll(removeTempDirs);

/**
 * Crash safety: the importer runs as a real process and is killed with SIGKILL while reading, with
 * its temporary folder half-written, and with the new version complete but not yet swapped in. DIR
 * must still hold the previous dataset, byte for byte; the next run clears the leftovers.
 */
const ROOT = path.resolve(__dirname, "../..");
let root: string;
let out: string;
let big: string;
let dirContent: () => string;

beforeAll(async () => {
  root = tempDir("ingest-crash-");
  const small = path.join(root, "2023-01.csv");
  writeFileSync(small, csvText(toTable(generateMonth("2023-01"), { layout: "minimal" })));
  out = path.join(root, "ds");
  expect((await cli("--out", out, small)).code).toBe(0);
  dirContent = () =>
    `${readlinkSync(out)}\n${readFileSync(path.join(out, "dongs.csv"), "utf8")}\n${readFileSync(path.join(out, "meta.json"), "utf8")}`;
  // ~20 MB: 120 months of one month's rows, so reading takes long enough to be killed in the middle.
  const body = csvText(toTable(generateMonth("2023-01"), { layout: "minimal", monthColumn: "기준연월" })).split("\r\n");
  const header = body.shift()!;
  const lines = body.filter(Boolean);
  const chunks = [header];
  for (let m = 0; m < 120; m++) {
    const ym = `${2014 + Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, "0")}`;
    chunks.push(lines.map((l) => ym + l.slice(6)).join("\r\n"));
  }
  big = path.join(root, "big.csv");
  writeFileSync(big, chunks.join("\r\n") + "\r\n");
});

/** Starts the importer; resolves when `marker` appears on stderr, then kills it with SIGKILL. */
function killWhen(marker: RegExp, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--out", out, big], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      if (marker.test(err)) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve(err) : reject(new Error(`exited ${code} before the kill:\n${err}`)),
    );
  });
}

describe("kill -9 mid-run leaves DIR intact", () => {
  it("while reading the input", async () => {
    const before = snapshot(root);
    await killWhen(/reading big\.csv: \d+%/);
    // nothing is written before the input is fully read; only the dead run's lock is left, taken over by the next run
    const lock = /^\.ds\.lock\/(\d+-[0-9a-f]{8} [0-9a-f]+)?$/;
    const after = snapshot(root).split("\n");
    expect(after.filter((l) => lock.test(l))).toHaveLength(2);
    expect(after.filter((l) => !lock.test(l)).join("\n")).toBe(before);
  });

  it("with the temporary folder half-written, and with the new version not yet swapped in", async () => {
    const content = dirContent();
    for (const stage of ["write", "swap"]) {
      await killWhen(new RegExp(`INGEST_TEST_PAUSED ${stage}`), { INGEST_TEST_PAUSE: stage });
      expect(dirContent()).toBe(content);
      expect(readWritten(out).meta.months).toEqual(["2023-01"]);
    }
    // leftovers exist now (a temp folder, a version, a symlink, the lock) …
    expect(readdirSync(root).length).toBeGreaterThan(4);
    // … and the next run clears them
    const run = await cli("--out", out, big);
    expect(run.stderr).toBe("");
    expect(readWritten(out).meta.months).toHaveLength(120);
    expect(readdirSync(root).sort()).toEqual([".ds.versions", "2023-01.csv", "big.csv", "ds"]);
    expect(readdirSync(path.join(root, ".ds.versions"))).toHaveLength(1);
  }, 120_000); // three runs over a 60 MB file: allow for a loaded machine

  it("between moving a plain DIR aside and renaming the symlink in, the next run puts it back", async () => {
    const dir = path.join(tempDir("ingest-aside-"), "plain");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "usage.csv"), "x");
    const versions = path.join(path.dirname(dir), ".plain.versions");
    mkdirSync(versions);
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!; // a pid that has exited
    renameSync(dir, path.join(versions, `.replaced-${dead}-abcd1234`));
    expect(await recover(dir)).toContain(`restored ${dir} from an interrupted run`);
    expect(readFileSync(path.join(dir, "usage.csv"), "utf8")).toBe("x");
  });
});
