import { getEngine } from "@/lib/server/engine";

try {
  const engine = getEngine();
  console.log(`dataset: ${engine.meta.kind} "${engine.meta.title}", ${engine.months.length} months (${engine.months[0]}…${engine.months.at(-1)})`);
} catch (e) {
  console.error(`\nCannot start: ${(e as Error).message}\n`);
  process.exit(1);
}
