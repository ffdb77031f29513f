import { readFileSync, readdirSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import { parseDongMonth, parseDongsCsv } from "@/lib/dataset/v2";
const bufs = readdirSync("data/seoul/dong").map((f) => brotliDecompressSync(readFileSync("data/seoul/dong/" + f)));
const cpu = (label: string, f: () => unknown) => { const c = process.cpuUsage(); const r = f(); const d = process.cpuUsage(c); console.log(label, Math.round((d.user + d.system) / 1000), "ms cpu"); return r; };
cpu("floor: scan bytes", () => { let s = 0; for (const b of bufs) for (let i = 0; i < b.length; i++) s += b[i]!; return s; });
const dongs = parseDongsCsv(readFileSync("data/seoul/dongs.csv", "utf8"), "x");
const idx = new Map(dongs.map((d, i) => [d.code, i]));
for (let i = 0; i < 3; i++) cpu("parse", () => bufs.map((b) => parseDongMonth(b, "f", "m", idx)));
