import { QueryClient } from "@tanstack/react-query";

/** The plan page's query client: made once per mounted page, never shared across server requests. */
export function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false } } });
}
