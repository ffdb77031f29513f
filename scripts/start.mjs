#!/usr/bin/env node
/**
 * `npm start`: builds when needed (see ensure-build.mjs), then runs the compiled server.ts on PORT (default 3000)
 * and HOST (default all interfaces). The dataset is read at start-up from DATA_DIR (default data/seoul),
 * never baked into the build.
 */
import { spawn } from "node:child_process";
import { ensureBuild, root, serverArgs, serverLaunch } from "./ensure-build.mjs";

ensureBuild();
const child = spawn(process.execPath, serverArgs, { cwd: root, stdio: "inherit", env: { NODE_ENV: "production", ...serverLaunch.env, ...process.env } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
