import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, LockError } from "@/lib/ingest/lock";
import { csvText, generateMonth, toTable } from "./generate";
import { cli, readWritten, removeTempDirs, snapshot, tempDir } from "./helpers";

afterAll(removeTempDirs);

/** The output folder: the importer removes only what it wrote, and one import per DIR at a time. */
const ROOT = path.resolve(__dirname, "../..");
let jan: string;

beforeAll(() => {
  jan = path.join(tempDir("ingest-out-in-"), "2023-01.csv");
  writeFileSync(jan, csvText(toTable(generateMonth("2023-01"), { layout: "minimal" })));
});

/** A pid that no longer runs. */
let dead = 0;
const deadPid = () => (dead ||= spawnSync(process.execPath, ["-e", ""]).pid!);

describe("never removes what it did not write", () => {
  it("refuses a versions folder holding other files and folders, naming them, and leaves everything in place", async () => {
    const work = tempDir();
    const out = path.join(work, "ds");
    expect((await cli("--out", out, jan)).code).toBe(0);
    const versions = path.join(work, ".ds.versions");
    writeFileSync(path.join(versions, "notes.txt"), "mine");
    mkdirSync(path.join(versions, "project"));
    writeFileSync(path.join(versions, "project", "a.txt"), "mine too");
    const before = snapshot(work);
    const run = await cli("--out", out, jan);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${versions}: holds ${path.join(versions, "notes.txt")}, ${path.join(versions, "project")}, not written by the importer`,
    );
    expect(snapshot(work)).toBe(before);
  });

  it("refuses a versions folder that is a symlink; the folder it points to is untouched", async () => {
    const work = tempDir();
    const elsewhere = path.join(work, "elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, "keep.txt"), "keep");
    mkdirSync(path.join(elsewhere, "20240101T000000Z-deadbeef"));
    symlinkSync("elsewhere", path.join(work, ".ds.versions"));
    const before = snapshot(work);
    const run = await cli("--out", path.join(work, "ds"), jan);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(work, ".ds.versions")}: is a symlink`);
    expect(snapshot(work)).toBe(before);
  });

  it("refuses a DIR that is a symlink to anything but one of its versions", async () => {
    const work = tempDir();
    mkdirSync(path.join(work, "theirs"));
    writeFileSync(path.join(work, "theirs", "usage.csv"), "theirs");
    symlinkSync("theirs", path.join(work, "ds"));
    const before = snapshot(work);
    const run = await cli("--out", path.join(work, "ds"), jan);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${path.join(work, "ds")}: is a symlink to theirs, not to one of the importer's versions`,
    );
    expect(snapshot(work)).toBe(before);
  });

  it("a dead run's temporary folder holding a file it did not write is refused by name, not removed", async () => {
    const work = tempDir();
    const out = path.join(work, "ds");
    expect((await cli("--out", out, jan)).code).toBe(0);
    const tmp = path.join(work, ".ds.versions", `.tmp-${deadPid()}-0123abcd`);
    mkdirSync(tmp);
    writeFileSync(path.join(tmp, "usage.csv"), "half");
    writeFileSync(path.join(tmp, "diary.txt"), "not the importer's");
    const run = await cli("--out", out, jan);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${tmp}: holds diary.txt, not written by the importer`);
    expect(readdirSync(tmp).sort()).toEqual(["diary.txt", "usage.csv"]);
  });

  it("a dead run's temporary folder whose dong/ holds a file it did not write is refused by name; its own files there are removed", async () => {
    const work = tempDir();
    const out = path.join(work, "ds");
    expect((await cli("--out", out, jan)).code).toBe(0);
    const tmp = path.join(work, ".ds.versions", `.tmp-${deadPid()}-4567cdef`);
    mkdirSync(path.join(tmp, "dong"), { recursive: true });
    writeFileSync(path.join(tmp, "dong", "2023-01.csv.br"), "half");
    writeFileSync(path.join(tmp, "dong", "notes.txt"), "not the importer's");
    const run = await cli("--out", out, jan);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${tmp}: holds dong/notes.txt, not written by the importer`);
    expect(readdirSync(path.join(tmp, "dong")).sort()).toEqual(["2023-01.csv.br", "notes.txt"]);
    rmSync(path.join(tmp, "dong", "notes.txt"));
    const again = await cli("--out", out, jan);
    expect(again.stderr).toBe("");
    expect(existsSync(tmp)).toBe(false);
  });

  it("an OS error on --out is one line naming the path and the reason, no stack trace", async () => {
    const work = tempDir();
    writeFileSync(path.join(work, "afile"), "");
    const out = path.join(work, "afile", "ds");
    const run = await cli("--out", out, jan);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^--out ${out}: cannot write there: not a directory .*\\[ENOTDIR in \\w+\\]$`),
    );
  });
});

describe("the lock admits one writer", () => {
  it("of 8 contenders racing for a stale lock, exactly one wins, in each of 25 rounds", async () => {
    const work = tempDir();
    const abs = path.join(work, "ds");
    for (let round = 0; round < 25; round++) {
      const lockDir = path.join(work, ".ds.lock");
      // a stale lock: new style (a token of a dead pid) or, every other round, an old-style pid file
      if (round % 2) {
        mkdirSync(lockDir);
        writeFileSync(path.join(lockDir, `${deadPid()}-0123abcd`), "");
      } else writeFileSync(lockDir, String(deadPid()));
      // staggered by 0–3 ms so one contender's stale-lock check can fall between another's steps
      // (the previous rule, "read the pid, remove the file, create it", admitted two in 20 of 25 rounds)
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          new Promise((r) => setTimeout(r, (i * 7) % 4)).then(() => acquireLock(abs)),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won, `round ${round}`).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(LockError);
      await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
      expect(readdirSync(work)).toEqual([]);
    }
  });

  it("three importer processes started together on a stale lock: one writes, the others exit 1 naming its pid", async () => {
    const work = tempDir();
    const out = path.join(work, "ds");
    mkdirSync(path.join(work, ".ds.lock"));
    writeFileSync(path.join(work, ".ds.lock", `${deadPid()}-0123abcd`), "");
    type Ended = { pid: number; code: number | null; stderr: string; paused: boolean; exited: Promise<unknown> };
    const children = Array.from({ length: 3 }, () => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--out", out, jan], {
        cwd: ROOT,
        env: { ...process.env, INGEST_TEST_PAUSE: "swap" },
      });
      const exited = new Promise((r) => child.once("exit", r));
      return new Promise<Ended>((resolve) => {
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes("INGEST_TEST_PAUSED"))
            resolve({ pid: child.pid!, code: null, stderr, paused: true, exited });
        });
        child.on("exit", (code) => resolve({ pid: child.pid!, code, stderr, paused: false, exited }));
      });
    });
    const ended = await Promise.all(children);
    const writers = ended.filter((e) => e.paused);
    expect(writers).toHaveLength(1);
    const writer = writers[0]!;
    for (const e of ended.filter((x) => !x.paused)) {
      expect(e.code).toBe(1);
      expect(e.stderr).toContain(`another import (pid ${writer.pid}) is writing it`);
    }
    process.kill(writer.pid, "SIGKILL");
    await writer.exited; // reaped: its pid no longer answers
    // the next run takes the dead writer's lock over and clears its leftovers
    expect((await cli("--out", out, jan)).code).toBe(0);
    expect(readWritten(out).meta.months).toEqual(["2023-01"]);
    expect(readdirSync(work).sort()).toEqual([".ds.versions", "ds"]);
    expect(existsSync(path.join(work, ".ds.lock"))).toBe(false);
  });
});
