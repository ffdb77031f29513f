import { createSerializer, parseAsStringLiteral } from "nuqs/server";
import { SERVICE_IDS, type ServiceId } from "@/lib/domain";

/**
 * The pages' URL state as nuqs parsers, shared by client components (useQueryStates) and link
 * builders. Defaults must equal the server's in lib/page-params.ts (checked in url-state.test.ts);
 * they are repeated here rather than imported so the browser bundle doesn't pull in zod.
 */
const urlOptions = { history: "push", shallow: true } as const;

// ── /service ──────────────────────────────────────────────────────────────────────────────────────
export const SERVICE_PAGE_DEFAULT: ServiceId = "delivery";
export const serviceParsers = {
  service: parseAsStringLiteral(SERVICE_IDS).withDefault(SERVICE_PAGE_DEFAULT).withOptions(urlOptions),
};
export const serializeService = createSerializer(serviceParsers);
