import { getHealth } from "@/lib/api/queries";
import { getEngine } from "@/lib/server/engine";

/** Liveness and dataset version; never cached, so monitors see the server itself. */
export function GET() {
  return Response.json(getHealth(getEngine()), { headers: { "Cache-Control": "no-store" } });
}
