import { DatasetError } from "@/lib/dataset/parse";
import { getEngines } from "@/lib/server/engine";

/** One line per problem, each naming its file (and line): "Cannot start: <file>[:line]: <reason>". */
function refuse(e: unknown): never {
  const problems = e instanceof DatasetError ? e.problems : [(e as Error).message];
  console.error(`\n${problems.map((p) => `Cannot start: ${p}`).join("\n")}\n`);
  process.exit(1);
}

try {
  const engines = getEngines();
  const { meta } = engines.default;
  console.log(`dataset: ${meta.kind} "${meta.title}", default window ${engines.default.months[0]}…${engines.default.months.at(-1)}`);
  // The 행정동 months (0.3–0.6 s of CPU for the bundled data) are read a month per turn of the event
  // loop once the server runs (a second after this, when Next.js has finished starting: reading them
  // during its start slowed the first answer by 0.7 s under load), so it answers meanwhile; a request
  // that needs them earlier reads the rest itself. A problem in them still stops the server, within a
  // few seconds of its start.
  setTimeout(
    () =>
      engines.completeInBackground((error) => {
        if (error) refuse(error);
        console.log(`dataset: ${engines.data.meta.months.length} months (${engines.data.dongMonths.size} with 행정동 rows) validated`);
      }),
    1000,
  );
} catch (e) {
  refuse(e);
}
