#!/usr/bin/env node
/**
 * `npm start`: builds when needed (see ensure-build.mjs), then serves on PORT (default 3000) and HOST
 * (default all interfaces). The dataset is read at start-up from DATA_DIR (default data/2023), never
 * baked into the build.
 */
import { spawn } from "node:child_process";
import { ensureBuild, nextBin, root } from "./ensure-build.mjs";

ensureBuild();
const args = [nextBin, "start", "-p", process.env.PORT || "3000"];
if (process.env.HOST) args.push("-H", process.env.HOST);
const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
