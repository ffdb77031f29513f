import { ok, parseQuery } from "@/lib/api/handler";
import { getDongs } from "@/lib/api/dong-queries";
import { dongQueries } from "@/lib/params/dong-api";
import { getDongData } from "@/lib/server/dongs";

export function GET(request: Request) {
  const data = getDongData();
  const shape = dongQueries(data.index).list;
  const { query, error } = parseQuery(request, shape);
  if (error) return error;
  return ok(request, getDongs(data, query.district), shape, query);
}
