import { ok } from "@/lib/api/handler";
import { getMeta } from "@/lib/api/queries";
import { getEngines } from "@/lib/server/engine";

export function GET(request: Request) {
  return ok(request, getMeta(getEngines()));
}
