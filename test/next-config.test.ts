import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STANDALONE_CONFIG_VARIABLE, standaloneConfig } from "@/lib/server/next-config";

/**
 * server.ts hands Next.js the build's resolved configuration through a private environment variable
 * (lib/server/next-config.ts). This fails loudly when a Next.js upgrade stops reading it the way it
 * does today: then drop the variable, or follow the change.
 */
describe("the private standalone-config variable", () => {
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "server");

  it("is still what Next.js's config loader reads, as the resolved config, before it looks for next.config", () => {
    const config = readFileSync(path.join(next, "config.js"), "utf8");
    const read = config.indexOf(`JSON.parse(process.env.${STANDALONE_CONFIG_VARIABLE})`);
    expect(read, "next/dist/server/config.js parses the variable").toBeGreaterThan(0);
    expect(read, "…before it searches for a next.config file").toBeLessThan(config.indexOf("CONFIG_FILES"));
  });

  it("is made from the build's required-server-files.json `config`", () => {
    expect(standaloneConfig(JSON.stringify({ version: 1, config: { distDir: ".next", poweredByHeader: false } }))).toBe(
      '{"distDir":".next","poweredByHeader":false}',
    );
  });
});
