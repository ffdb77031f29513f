import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, readdir, readFile, readlink, rename, rm, rmdir, symlink } from "node:fs/promises";
import path from "node:path";
import { META_FILE, USAGE_FILE } from "@/lib/dataset/format";

/**
 * Atomic replacement of a dataset folder.
 *
 * DIR is a symlink to a versioned folder in `.DIR.versions/` beside it. A new dataset is written to a
 * temporary folder there, fsynced, renamed to its version name, and a new symlink is renamed over DIR:
 * rename(2) is atomic, so DIR always names either the old or the new complete dataset, whatever
 * happens (kill -9 included). The previous version is removed afterwards.
 *
 * If DIR is still a plain folder (holding only usage.csv and meta.json of an imported dataset), it
 * is converted: moved aside into `.DIR.versions/.replaced-*`, the symlink renamed in, the old folder
 * removed. Between those two renames (microseconds) DIR does not exist; if the process dies exactly
 * there, the next run moves the old folder back before doing anything else (see recover).
 */
export interface OutputFile {
  name: string;
  content: string;
}

export type OutputState = { kind: "none" } | { kind: "symlink"; target: string } | { kind: "plain" };

export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

export function versionsDirOf(dir: string): string {
  const abs = path.resolve(dir);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.versions`);
}

const PLAIN_OK = new Set([USAGE_FILE, META_FILE]);

/** What DIR is now, refusing anything this writer must not replace (a file, a folder with other things, the bundled data). */
export async function inspectOutput(dir: string): Promise<OutputState> {
  const abs = path.resolve(dir);
  const st = await lstat(abs).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? undefined : Promise.reject(e)));
  if (!st) return { kind: "none" };
  if (st.isSymbolicLink()) return { kind: "symlink", target: await readlink(abs) };
  if (!st.isDirectory()) throw new OutputError(`${dir}: exists and is not a folder; choose another --out`);
  const entries = await readdir(abs);
  const other = entries.filter((e) => !PLAIN_OK.has(e));
  if (other.length) throw new OutputError(`${dir}: is a folder holding other things (${other.slice(0, 3).join(", ")}); choose another --out`);
  if (entries.includes(META_FILE)) {
    const text = await readFile(path.join(abs, META_FILE), "utf8").catch(() => "");
    let kind: string | undefined;
    try {
      kind = (JSON.parse(text) as { kind?: string }).kind;
    } catch {
      kind = undefined;
    }
    if (kind === "bundled") throw new OutputError(`${dir}: holds the bundled dataset; import into another folder and point DATA_DIR at it`);
  }
  return { kind: "plain" };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cleans up after a run that was killed: puts back a plain DIR moved aside just before the swap, and
 * removes temporary folders and symlinks of processes that no longer run and versions DIR does not
 * name. Call it holding the lock.
 */
export async function recover(dir: string): Promise<string[]> {
  const abs = path.resolve(dir);
  const parent = path.dirname(abs);
  const versions = versionsDirOf(abs);
  const done: string[] = [];
  const entries = await readdir(versions).catch(() => [] as string[]);
  const dead = (name: string) => {
    const m = /^\.(?:tmp|replaced)-(\d+)-/.exec(name);
    return m ? !isAlive(Number(m[1])) : false;
  };
  const exists = await lstat(abs).then(() => true, () => false);
  for (const e of entries.filter((n) => n.startsWith(".replaced-") && dead(n))) {
    if (!exists) {
      await rename(path.join(versions, e), abs);
      done.push(`restored ${dir} from an interrupted run`);
    } else {
      await rm(path.join(versions, e), { recursive: true, force: true });
    }
  }
  for (const e of entries.filter((n) => n.startsWith(".tmp-") && dead(n))) {
    await rm(path.join(versions, e), { recursive: true, force: true });
    done.push(`removed ${e} left by an interrupted run`);
  }
  // Complete versions from a run killed before its swap: no longer named by DIR (we hold the lock).
  const current = await readlink(abs).then((t) => path.resolve(parent, t), () => "");
  for (const e of entries.filter((n) => !n.startsWith(".") && path.join(versions, n) !== current)) {
    await rm(path.join(versions, e), { recursive: true, force: true });
    done.push(`removed unused version ${e}`);
  }
  const prefix = `.${path.basename(abs)}.link-`;
  for (const e of (await readdir(parent).catch(() => [] as string[])).filter((n) => n.startsWith(prefix))) {
    const pid = Number(/-(\d+)-/.exec(e.slice(prefix.length - 1))?.[1]);
    if (!isAlive(pid)) await rm(path.join(parent, e), { force: true });
  }
  return done;
}

async function fsyncPath(p: string): Promise<void> {
  const fh = await open(p, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

export interface WriteOptions {
  /** Called on the complete temporary folder before it is published; throw to refuse. */
  verify?: (tmpDir: string) => void | Promise<void>;
  /** Test hook: awaited at "write" (half-written temp folder) and "swap" (version ready, DIR not yet replaced). */
  pause?: (stage: "write" | "swap") => Promise<void>;
  now?: Date;
  /** Names the version folder (e.g. the first 8 hex digits of usage.csv's sha256). */
  tag: string;
}

/** One import at a time per DIR: `.DIR.lock` holds the writer's pid; a dead writer's lock is taken over. */
async function lock(abs: string): Promise<() => Promise<void>> {
  const file = path.join(path.dirname(abs), `.${path.basename(abs)}.lock`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(file, "wx");
      await fh.writeFile(String(process.pid));
      await fh.close();
      return () => rm(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(await readFile(file, "utf8").catch(() => ""));
      if (pid && isAlive(pid)) throw new OutputError(`${abs}: another import (pid ${pid}) is writing it; try again when it ends`);
      await rm(file, { force: true });
    }
  }
  throw new OutputError(`${abs}: cannot take ${file}`);
}

/** Writes the files as the new content of `dir`, atomically; returns the version folder. */
export async function writeDatasetAtomically(dir: string, files: readonly OutputFile[], opts: WriteOptions): Promise<string> {
  const abs = path.resolve(dir);
  await mkdir(path.dirname(abs), { recursive: true });
  const unlock = await lock(abs);
  try {
    return await writeLocked(abs, files, opts);
  } finally {
    await unlock();
  }
}

async function writeLocked(abs: string, files: readonly OutputFile[], opts: WriteOptions): Promise<string> {
  const parent = path.dirname(abs);
  await recover(abs);
  const before = await inspectOutput(abs);
  const versions = versionsDirOf(abs);
  const createdVersions = await mkdir(versions).then(() => true, (e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? false : Promise.reject(e)));
  const rand = randomBytes(4).toString("hex");
  const tmp = path.join(versions, `.tmp-${process.pid}-${rand}`);
  const version = path.join(versions, `${stamp(opts.now ?? new Date())}-${opts.tag}`);
  const link = path.join(parent, `.${path.basename(abs)}.link-${process.pid}-${rand}`);
  let published = false;
  try {
    await mkdir(tmp);
    for (const [i, f] of files.entries()) {
      const fh = await open(path.join(tmp, f.name), "wx");
      try {
        await fh.writeFile(f.content);
        await fh.sync();
      } finally {
        await fh.close();
      }
      if (i === 0) await opts.pause?.("write");
    }
    await fsyncPath(tmp);
    await opts.verify?.(tmp);
    await rename(tmp, version);
    await fsyncPath(versions);
    await symlink(path.relative(parent, version), link);
    await opts.pause?.("swap");
    if (before.kind === "plain") {
      const aside = path.join(versions, `.replaced-${process.pid}-${rand}`);
      await rename(abs, aside);
      try {
        await rename(link, abs);
      } catch (e) {
        await rename(aside, abs);
        throw e;
      }
      published = true;
      await rm(aside, { recursive: true, force: true });
    } else {
      await rename(link, abs);
      published = true;
    }
    await fsyncPath(parent);
  } catch (e) {
    if (!published) {
      await rm(tmp, { recursive: true, force: true });
      await rm(version, { recursive: true, force: true });
      await rm(link, { force: true });
      if (createdVersions) await rmdir(versions).catch(() => undefined);
    }
    throw e;
  }
  // The previous version, if it is one of ours, is no longer named by DIR.
  if (before.kind === "symlink") {
    const old = path.resolve(parent, before.target);
    if (path.dirname(old) === versions && old !== version) await rm(old, { recursive: true, force: true });
  }
  return version;
}
