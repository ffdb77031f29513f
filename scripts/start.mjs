#!/usr/bin/env node
/**
 * `npm start`: builds when needed (see ensure-build.mjs), then runs the compiled server.ts on PORT (default 3000)
 * and HOST (default all interfaces). The dataset is read at start-up from DATA_DIR (default data/seoul),
 * never baked into the build.
 */
import { ensureBuild, root, serverArgs, serverLaunch } from "./ensure-build.mjs";
import { runServer } from "./run-server.mjs";

ensureBuild();
runServer([...serverArgs], { cwd: root, env: { NODE_ENV: "production", ...serverLaunch.env, ...process.env } });
