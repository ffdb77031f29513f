import { writeFileSync } from "node:fs";
import { renderCard } from "@/lib/og/render";
import { ogCard, type OgPage } from "@/lib/views/og";
import { getEngine } from "@/lib/server/engine";
const engine = getEngine();
async function main() {
const jobs: [OgPage, string, string][] = JSON.parse(process.argv[2]!);
for (const [page, q, out] of jobs) {
  const t = performance.now();
  const img = await renderCard(ogCard(page, new URLSearchParams(q), engine));
  writeFileSync(out, img.png);
  console.log(out, img.png.length, Math.round(performance.now() - t), "ms");
}
}
main();
