import type { ServiceId } from "@/lib/domain";
import { allowedList, echo, readParam } from "@/lib/params";
import { servicePath } from "@/lib/params/api";
import { notFound } from "./response";

/** The {service} of /api/services/{service}/…, read with the service codec; an unknown one is a JSON 404. */
export function serviceFromPath(raw: string): { ok: true; value: ServiceId } | { ok: false; error: Response } {
  const r = readParam(servicePath.service, [raw]);
  if (r.kind === "valid") return { ok: true, value: r.value };
  const { allowed } = servicePath.service.codec;
  return {
    ok: false,
    error: notFound({
      message: `unknown service "${echo(raw)}"; services: ${allowed.text}`,
      parameter: "service",
      allowed: allowedList(allowed),
    }),
  };
}
