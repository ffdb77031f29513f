/**
 * The machine's floor: a bare node:http server answering each path with a fixed JSON body (the same
 * bytes the Next.js server sent for it). Run as a child: `node bench/bare-server.mjs BODIES.json`,
 * prints its port on stdout.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const bodies = new Map(
  Object.entries(JSON.parse(readFileSync(process.argv[2], "utf8"))).map(([k, v]) => [k, Buffer.from(v)]),
);
const server = createServer((req, res) => {
  const body = bodies.get(req.url);
  if (!body) {
    res.writeHead(404, { "Content-Type": "application/json; charset=utf-8" }).end('{"error":"not_found"}');
    return;
  }
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length }).end(body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
