import { ok } from "@/lib/api/handler";
import { getMeta } from "@/lib/api/queries";
import { getEngine } from "@/lib/server/engine";

export function GET(request: Request) {
  return ok(request, getMeta(getEngine()));
}
