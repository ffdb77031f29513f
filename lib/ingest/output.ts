import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, readdir, readFile, readlink, rename, rmdir, symlink, unlink } from "node:fs/promises";
import path from "node:path";
import { DISTRICT_FILE, DONGS_FILE, META_FILE } from "@/lib/dataset/v2";
import { DONG_DIR, type OutputFile } from "./dataset-out";
import { acquireLock, isAlive, removeDeadNewLocks } from "./lock";

/**
 * Atomic replacement of a dataset folder.
 *
 * DIR is a symlink to a versioned folder in `.DIR.versions/` beside it. A new dataset is written to a
 * temporary folder there, fsynced, renamed to its version name, and a new symlink is renamed over DIR:
 * rename(2) is atomic, so DIR always names either the old or the new complete dataset, whatever
 * happens (kill -9 included). The previous version is removed afterwards.
 *
 * If DIR is still a plain folder (holding only the dataset files of an imported dataset), it
 * is converted: moved aside into `.DIR.versions/.replaced-*`, the symlink renamed in, the old folder
 * removed. Between those two renames (microseconds) DIR does not exist; if the process dies exactly
 * there, the next run moves the old folder back before doing anything else (see recover).
 */
export type { OutputFile };

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

/** The files of a dataset folder the importer writes (usage.csv: format v1, still replaced and removed). */
const OWN_FILES = new Set([META_FILE, DONGS_FILE, DISTRICT_FILE, "usage.csv"]);
const OWN_DONG_FILE = /^\d{4}-\d{2}\.csv\.br$/;

/**
 * The names the importer gives what it creates; nothing else is ever removed. In `.DIR.versions/`:
 * versions `<UTC stamp>-<sha8>`, temporary folders `.tmp-<pid>-<hex8>`, a plain DIR moved aside
 * `.replaced-<pid>-<hex8>`; beside DIR: the symlink being swapped in, `.DIR.link-<pid>-<hex8>`. Each of
 * these folders holds only the dataset's files (OWN_FILES, and `dong/YYYY-MM.csv.br`), and is removed
 * file by file (never recursively).
 */
const VERSION = /^\d{8}T\d{6}Z-[0-9a-f]{8}$/;
const TMP = /^\.tmp-(\d+)-[0-9a-f]{8}$/;
const REPLACED = /^\.replaced-(\d+)-[0-9a-f]{8}$/;
const isOurs = (name: string) => VERSION.test(name) || TMP.test(name) || REPLACED.test(name);

/** What DIR is now, refusing anything this writer must not replace or whose versions folder holds anything not its own. */
export async function inspectOutput(dir: string): Promise<OutputState> {
  const abs = path.resolve(dir);
  await checkVersionsDir(abs);
  const st = await lstat(abs).catch((e: NodeJS.ErrnoException) =>
    e.code === "ENOENT" ? undefined : Promise.reject(e),
  );
  if (!st) return { kind: "none" };
  if (st.isSymbolicLink()) {
    const target = await readlink(abs);
    const resolved = path.resolve(path.dirname(abs), target);
    if (path.dirname(resolved) !== versionsDirOf(abs) || !VERSION.test(path.basename(resolved))) {
      throw new OutputError(
        `${dir}: is a symlink to ${target}, not to one of the importer's versions in ${versionsDirOf(abs)}; remove it or choose another --out`,
      );
    }
    return { kind: "symlink", target };
  }
  if (!st.isDirectory()) throw new OutputError(`${dir}: exists and is not a folder; choose another --out`);
  const entries = await readdir(abs);
  const other = entries.filter((e) => !OWN_FILES.has(e) && e !== DONG_DIR);
  if (other.length)
    throw new OutputError(
      `${dir}: is a folder holding other things (${other.slice(0, 3).join(", ")}); choose another --out`,
    );
  if (entries.includes(META_FILE)) {
    const text = await readFile(path.join(abs, META_FILE), "utf8").catch(() => "");
    let kind: string | undefined;
    try {
      kind = (JSON.parse(text) as { kind?: string }).kind;
    } catch {
      kind = undefined;
    }
    if (kind === "bundled")
      throw new OutputError(`${dir}: holds the bundled dataset; import into another folder and point DATA_DIR at it`);
  }
  return { kind: "plain" };
}

/** `.DIR.versions` must be a real folder holding only what the importer names (or not exist yet). */
async function checkVersionsDir(abs: string): Promise<void> {
  const versions = versionsDirOf(abs);
  const st = await lstat(versions).catch((e: NodeJS.ErrnoException) =>
    e.code === "ENOENT" ? undefined : Promise.reject(e),
  );
  if (!st) return;
  if (st.isSymbolicLink())
    throw new OutputError(
      `${versions}: is a symlink; the importer keeps its versions in a real folder there. Remove the symlink (its target is not touched) or choose another --out`,
    );
  if (!st.isDirectory())
    throw new OutputError(
      `${versions}: is not a folder; the importer keeps its versions there. Move it away or choose another --out`,
    );
  const foreign = (await readdir(versions)).filter((n) => !isOurs(n));
  if (foreign.length) {
    throw new OutputError(
      `${versions}: holds ${foreign
        .slice(0, 3)
        .map((n) => path.join(versions, n))
        .join(
          ", ",
        )}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ""}, not written by the importer; move them elsewhere (the importer removes only what it wrote)`,
    );
  }
}

/** The files of a folder the importer wrote, relative paths, or the names that are not its own. */
async function ownFiles(dir: string): Promise<{ files: string[]; foreign: string[]; hasDongDir: boolean }> {
  const files: string[] = [];
  const foreign: string[] = [];
  let hasDongDir = false;
  for (const n of await readdir(dir)) {
    const s = await lstat(path.join(dir, n));
    if (n === DONG_DIR && s.isDirectory()) {
      hasDongDir = true;
      for (const m of await readdir(path.join(dir, n))) {
        const rel = `${n}/${m}`;
        if (OWN_DONG_FILE.test(m) && (await lstat(path.join(dir, rel))).isFile()) files.push(rel);
        else foreign.push(rel);
      }
    } else if (OWN_FILES.has(n) && s.isFile()) files.push(n);
    else foreign.push(n);
  }
  return { files, foreign, hasDongDir };
}

/**
 * Removes a folder the importer wrote: only its dataset files, then the (then empty) folders. Anything
 * else inside, or a symlink in its place, is refused by name and nothing is removed.
 */
async function removeOwnFolder(dir: string): Promise<void> {
  const st = await lstat(dir).catch(() => undefined);
  if (!st) return;
  if (!st.isDirectory())
    throw new OutputError(
      `${dir}: is not a folder the importer wrote (${st.isSymbolicLink() ? "a symlink" : "a file"}); remove it by hand`,
    );
  const { files, foreign, hasDongDir } = await ownFiles(dir);
  if (foreign.length)
    throw new OutputError(
      `${dir}: holds ${foreign.slice(0, 3).join(", ")}, not written by the importer; remove the folder by hand`,
    );
  for (const n of files) await unlink(path.join(dir, n));
  if (hasDongDir) await rmdir(path.join(dir, DONG_DIR));
  await rmdir(dir);
}

/**
 * Cleans up after a run that was killed: puts back a plain DIR moved aside just before the swap, and
 * removes temporary folders and symlinks of processes that no longer run and versions DIR does not
 * name, all recognised by their names (see VERSION…). Call it holding the lock.
 */
export async function recover(dir: string): Promise<string[]> {
  const abs = path.resolve(dir);
  const parent = path.dirname(abs);
  const versions = versionsDirOf(abs);
  await checkVersionsDir(abs);
  await removeDeadNewLocks(abs);
  const done: string[] = [];
  const entries = await readdir(versions).catch(() => [] as string[]);
  const deadPid = (re: RegExp, name: string) => {
    const m = re.exec(name);
    return m ? !isAlive(Number(m[1])) : false;
  };
  const exists = await lstat(abs).then(
    () => true,
    () => false,
  );
  for (const e of entries.filter((n) => deadPid(REPLACED, n))) {
    if (!exists) {
      await rename(path.join(versions, e), abs);
      done.push(`restored ${dir} from an interrupted run`);
    } else {
      await removeOwnFolder(path.join(versions, e));
    }
  }
  for (const e of entries.filter((n) => deadPid(TMP, n))) {
    await removeOwnFolder(path.join(versions, e));
    done.push(`removed ${e} left by an interrupted run`);
  }
  // Complete versions from a run killed before its swap: no longer named by DIR (we hold the lock).
  const current = await readlink(abs).then(
    (t) => path.resolve(parent, t),
    () => "",
  );
  for (const e of entries.filter((n) => VERSION.test(n) && path.join(versions, n) !== current)) {
    await removeOwnFolder(path.join(versions, e));
    done.push(`removed unused version ${e}`);
  }
  const link = new RegExp(`^\\.${escapeRegExp(path.basename(abs))}\\.link-(\\d+)-[0-9a-f]{8}$`);
  for (const e of await readdir(parent).catch(() => [] as string[])) {
    if (!deadPid(link, e)) continue;
    const p = path.join(parent, e);
    if ((await lstat(p)).isSymbolicLink()) await unlink(p);
  }
  return done;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

export interface WriteOptions {
  /** Called on the complete temporary folder before it is published; throw to refuse. */
  verify?: (tmpDir: string) => void | Promise<void>;
  /** Test hook: awaited at "write" (half-written temp folder) and "swap" (version ready, DIR not yet replaced). */
  pause?: (stage: "write" | "swap") => Promise<void>;
  now?: Date;
  /** Names the version folder (e.g. the first 8 hex digits of meta.json's sha256). */
  tag: string;
}

/**
 * An import's hold on DIR, taken before the input is read: the lock (one import per DIR, see lock.ts),
 * leftovers of killed runs cleared, DIR checked. `write` publishes; `release` always follows.
 */
export interface OutputSession {
  write(files: readonly OutputFile[], opts: WriteOptions): Promise<string>;
  release(): Promise<void>;
}

export async function openOutput(dir: string): Promise<OutputSession> {
  const abs = path.resolve(dir);
  await inspectOutput(abs); // refuse a foreign DIR or versions folder before creating anything
  await mkdir(path.dirname(abs), { recursive: true });
  const release = await acquireLock(abs);
  try {
    await recover(abs);
    await inspectOutput(abs);
  } catch (e) {
    await release();
    throw e;
  }
  return { write: (files, opts) => writeLocked(abs, files, opts), release };
}

async function writeLocked(abs: string, files: readonly OutputFile[], opts: WriteOptions): Promise<string> {
  const parent = path.dirname(abs);
  const before = await inspectOutput(abs);
  const versions = versionsDirOf(abs);
  const createdVersions = await mkdir(versions).then(
    () => true,
    (e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? false : Promise.reject(e)),
  );
  const rand = randomBytes(4).toString("hex");
  const tmp = path.join(versions, `.tmp-${process.pid}-${rand}`);
  const version = path.join(versions, `${stamp(opts.now ?? new Date())}-${opts.tag}`);
  const link = path.join(parent, `.${path.basename(abs)}.link-${process.pid}-${rand}`);
  let published = false;
  let renamed = false;
  try {
    await mkdir(tmp);
    if (files.some((f) => f.name.startsWith(`${DONG_DIR}/`))) await mkdir(path.join(tmp, DONG_DIR));
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
    if (files.some((f) => f.name.startsWith(`${DONG_DIR}/`))) await fsyncPath(path.join(tmp, DONG_DIR));
    await fsyncPath(tmp);
    await opts.verify?.(tmp);
    await rename(tmp, version);
    renamed = true;
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
      await removeOwnFolder(aside);
    } else {
      await rename(link, abs);
      published = true;
    }
    await fsyncPath(parent);
  } catch (e) {
    if (!published) {
      await removeOwnFolder(renamed ? version : tmp).catch(() => undefined);
      await unlink(link).catch(() => undefined);
      if (createdVersions) await rmdir(versions).catch(() => undefined);
    }
    throw e;
  }
  // The previous version, if it is one of ours, is no longer named by DIR.
  if (before.kind === "symlink") {
    const old = path.resolve(parent, before.target);
    if (path.dirname(old) === versions && VERSION.test(path.basename(old)) && old !== version)
      await removeOwnFolder(old);
  }
  return version;
}
