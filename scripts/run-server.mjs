/**
 * Runs the server as a child of this launcher (it needs its own Node flags and allocator settings,
 * scripts/server-launch.json), and makes the pair live and die together:
 * - SIGINT/SIGTERM/SIGHUP here are passed on; the server stops and removes its socket folder.
 * - The server holds an IPC channel to this process and stops when it closes, so killing the launcher
 *   (even with SIGKILL) cannot leave a server serving on the port.
 * - npm runs this through `sh -c`, and a SIGTERM to npm ends npm and that shell without reaching here:
 *   when this process's parent changes (it was re-parented), it stops the server and exits.
 */
import { spawn } from "node:child_process";

export function runServer(args, { cwd, env }) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["inherit", "inherit", "inherit", "ipc"] });
  let stopping = false;
  const stop = (sig = "SIGTERM") => {
    if (stopping) return;
    stopping = true;
    child.kill(sig);
    // The server stops within a second; a hung one is killed.
    setTimeout(() => child.kill("SIGKILL"), 4000).unref();
  };
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => stop(sig));
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 250).unref();
  child.on("exit", (code, signal) => process.exit(code ?? (signal && !stopping ? 1 : 0)));
}
