import { DatasetError } from "@/lib/dataset/parse";
import { getEngines } from "@/lib/server/engine";

try {
  const { data, default: engine } = getEngines();
  const { meta } = data;
  console.log(
    `dataset: ${meta.kind} "${meta.title}", ${meta.months.length} months (${meta.months[0]}…${meta.months.at(-1)}), default window ${engine.months[0]}…${engine.months.at(-1)}`,
  );
} catch (e) {
  // One line per problem, each naming its file (and line): "Cannot start: <file>[:line]: <reason>".
  const problems = e instanceof DatasetError ? e.problems : [(e as Error).message];
  console.error(`\n${problems.map((p) => `Cannot start: ${p}`).join("\n")}\n`);
  process.exit(1);
}
