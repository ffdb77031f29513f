import { ENDPOINTS } from "@/lib/api/endpoints";
import { notFound } from "@/lib/api/response";

/** Any other /api path: a JSON 404 that lists what exists, instead of the HTML not-found page. */
function unknownPath(request: Request) {
  const { pathname } = new URL(request.url);
  return notFound({ message: `no API endpoint at ${pathname.slice(0, 80)}; endpoints: ${ENDPOINTS.join("; ")}` });
}

export const GET = unknownPath;
export const HEAD = unknownPath;
export const POST = unknownPath;
