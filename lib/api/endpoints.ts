/** The API's endpoints, listed in 404 answers and the README. */
export const ENDPOINTS = [
  "GET /api/meta",
  "GET /api/health",
  "GET /api/segments/priority?district&sex&age&basis",
  "GET /api/segments/trend?district&sex&age&basis",
  "GET /api/services/{service}/targets?limit",
  "GET /api/population?age&sex",
  "GET /api/correlation?age&sex",
  "GET /api/map/average-age?sex",
  "GET /api/seasonality?basis",
  "GET /api/services/{service}/districts?sex&age",
  "GET /api/services/{service}/audience?sex&age&district&sort&limit&offset",
  "GET /api/segments/compare?segments&basis",
  "GET /api/plan?service&budget&cpm&cap&reachable&shape&months&segments",
  "GET /api/plan/curve?service&budget&cpm&cap&reachable&shape&months&segments",
  "GET /api/plan/xlsx?service&budget&cpm&cap&reachable&shape&months&segments",
] as const;
