/** The API's endpoints, listed in 404 answers and the README. */
export const ENDPOINTS = [
  "GET /api/meta",
  "GET /api/health",
  "GET /api/segments/priority?district&sex&age",
  "GET /api/segments/trend?district&sex&age",
  "GET /api/services/{service}/targets?limit",
  "GET /api/population?age&sex",
  "GET /api/correlation?age&sex",
  "GET /api/map/average-age?sex",
] as const;
