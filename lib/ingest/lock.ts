import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * One import per DIR at a time: `.DIR.lock/` beside DIR, a folder holding one token file
 * `<pid>-<random>` that names its owner.
 *
 * Taking it: a fresh folder `.DIR.lock.new-<pid>-<random>/` with our token inside is renamed to
 * `.DIR.lock`. rename(2) of a folder onto an existing non-empty folder fails, so of any number of
 * contenders exactly one succeeds.
 *
 * A stale lock (its owner is dead) is broken by unlinking exactly the dead owner's token, by name,
 * which leaves an empty folder the next rename may replace. A contender that saw the same stale
 * token and comes late unlinks nothing (that name is gone, and the new owner's token has another
 * name), and its rename fails on the new owner's non-empty folder. So breaking a stale lock can
 * never admit two writers, however the contenders interleave.
 *
 * Releasing: the owner unlinks its own token, then removes the folder if it is still empty.
 */
export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LockError";
  }
}

export function lockPathOf(abs: string): string {
  return path.join(path.dirname(abs), `.${path.basename(abs)}.lock`);
}

const TOKEN = /^(\d+)-[0-9a-f]{8}$/;
/** The prepared lock folders of contenders: `.DIR.lock.new-<pid>-<random>`. */
export const NEW_LOCK = /^\.(.+)\.lock\.new-(\d+)-[0-9a-f]{8}$/;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;

/** Takes DIR's lock or throws LockError naming the live owner; returns the release function. */
export async function acquireLock(abs: string): Promise<() => Promise<void>> {
  const lockDir = lockPathOf(abs);
  const token = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const fresh = path.join(path.dirname(abs), `.${path.basename(abs)}.lock.new-${token}`);
  await mkdir(fresh);
  try {
    await writeFile(path.join(fresh, token), "");
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await rename(fresh, lockDir);
        return () => release(lockDir, token);
      } catch (e) {
        if (!["ENOTEMPTY", "EEXIST", "ENOTDIR", "EISDIR"].includes(code(e) ?? "")) throw e;
      }
      await breakIfStale(lockDir);
    }
    throw new LockError(`${lockDir}: cannot take the lock (it keeps changing hands); try again`);
  } catch (e) {
    await unlink(path.join(fresh, token)).catch(() => undefined);
    await rmdir(fresh).catch(() => undefined);
    throw e;
  }
}

/** Throws when a live process holds the lock; otherwise removes the dead owner's token (only that). */
async function breakIfStale(lockDir: string): Promise<void> {
  const st = await lstat(lockDir).catch(() => undefined);
  if (!st) return;
  if (st.isFile()) {
    // The lock file of an importer before this scheme held just a pid; unlink(2) cannot remove a folder,
    // so this never removes a new-style lock taken meanwhile.
    const pid = Number((await readFile(lockDir, "utf8").catch(() => "")).trim());
    if (pid && isAlive(pid)) throw held(lockDir, pid);
    await unlink(lockDir).catch(() => undefined);
    return;
  }
  if (!st.isDirectory())
    throw new LockError(`${lockDir}: is not the importer's lock (neither a folder nor a file); remove it`);
  const names = await readdir(lockDir).catch(() => [] as string[]);
  const tokens = names.filter((n) => TOKEN.test(n));
  if (names.length !== tokens.length)
    throw new LockError(
      `${lockDir}: holds files that are not the importer's (${names
        .filter((n) => !TOKEN.test(n))
        .slice(0, 3)
        .join(", ")}); remove them`,
    );
  for (const t of tokens) {
    const pid = Number(TOKEN.exec(t)![1]);
    if (isAlive(pid)) throw held(lockDir, pid);
  }
  for (const t of tokens) await unlink(path.join(lockDir, t)).catch(() => undefined);
}

function held(lockDir: string, pid: number): LockError {
  const dir = path.join(path.dirname(lockDir), path.basename(lockDir).replace(/^\.(.+)\.lock$/, "$1"));
  return new LockError(
    `${dir}: another import (pid ${pid}) is writing it; try again when it ends (its lock: ${lockDir})`,
  );
}

async function release(lockDir: string, token: string): Promise<void> {
  await unlink(path.join(lockDir, token)).catch(() => undefined);
  // Fails harmlessly when another import has already renamed its lock in.
  await rmdir(lockDir).catch(() => undefined);
}

/** Removes contenders' prepared lock folders left by processes that died (recognised by name and pid). */
export async function removeDeadNewLocks(abs: string): Promise<void> {
  const parent = path.dirname(abs);
  const base = path.basename(abs);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const m = NEW_LOCK.exec(name);
    if (!m || m[1] !== base || isAlive(Number(m[2]))) continue;
    const dir = path.join(parent, name);
    for (const t of await readdir(dir).catch(() => [] as string[]))
      if (TOKEN.test(t)) await unlink(path.join(dir, t)).catch(() => undefined);
    await rmdir(dir).catch(() => undefined);
  }
}
