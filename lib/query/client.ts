import { isServer, QueryClient } from "@tanstack/react-query";

/**
 * A new QueryClient per server request (a shared one would leak one user's data into another's
 * render), one for the whole browser session.
 */
export function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, refetchOnWindowFocus: false } } });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
