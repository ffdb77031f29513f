/**
 * Next.js's configuration as the build resolved it (.next/required-server-files.json), handed to the
 * production server the way Next.js's own standalone server does: `output: "standalone"` writes
 * `process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = <this JSON>` into its server.js. Without it Next.js
 * reads next.config.ts again, which loads the SWC compiler — 26 MB resident — only to transpile it.
 *
 * The variable is private to Next.js: test/next-config.test.ts fails loudly if an upgrade stops reading
 * it (the server would then still work, reading next.config.ts as before, only larger).
 */
export const STANDALONE_CONFIG_VARIABLE = "__NEXT_PRIVATE_STANDALONE_CONFIG";

export function standaloneConfig(requiredServerFilesJson: string): string {
  return JSON.stringify((JSON.parse(requiredServerFilesJson) as { config: unknown }).config);
}
