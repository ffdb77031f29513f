/**
 * The API's one error shape, {error, message, parameter?, allowed?}, as status, headers and body text.
 * Route handlers wrap it in a Response (lib/api/response.ts); the edge writes it to a Node response
 * for what it answers before Next.js (lib/server/edge.ts). Errors are never cached.
 */
export interface ApiError {
  error: "bad_request" | "not_found" | "method_not_allowed" | "unavailable";
  message: string;
  parameter?: string;
  allowed?: readonly (string | number)[];
}

export const JSON_TYPE = "application/json; charset=utf-8";

export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function apiError(status: number, error: ApiError): ErrorAnswer {
  return { status, headers: { "content-type": JSON_TYPE, "cache-control": "no-store" }, body: JSON.stringify(error) };
}
