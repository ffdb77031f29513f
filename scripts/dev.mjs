#!/usr/bin/env node
/**
 * `npm run dev`: the same server as `npm start` (server.ts: the edge in front of Next.js), with Next.js
 * in development mode (hot reload) on PORT (default 3000) and HOST, run from source through tsx. What
 * differs from production is listed in the README ("Development").
 */
import path from "node:path";
import { root } from "./ensure-build.mjs";
import { runServer } from "./run-server.mjs";

const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
runServer([tsx, "--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "server.ts")], {
  cwd: root,
  env: { ...process.env, NODE_ENV: "development" },
});
