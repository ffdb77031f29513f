/** The API's endpoints, listed in 404 answers and the README. from/to: the analysis window (YYYY-MM). */
export const ENDPOINTS = [
  "GET /api/meta",
  "GET /api/health",
  "GET /api/segments/priority?district&sex&age&basis&from&to",
  "GET /api/segments/trend?district&sex&age&basis&from&to",
  "GET /api/segments/profile?district&sex&age&from&to",
  "GET /api/services/{service}/targets?limit&from&to",
  "GET /api/population?age&sex&from&to",
  "GET /api/correlation?age&sex&from&to",
  "GET /api/map/average-age?sex&from&to",
  "GET /api/seasonality?basis&from&to",
  "GET /api/services/{service}/districts?sex&age&from&to",
  "GET /api/services/{service}/audience?sex&age&district&sort&limit&offset&from&to",
  "GET /api/segments/compare?segments&basis&from&to",
  "GET /api/plan?service&budget&cpm&cap&months&segments&from&to",
  "GET /api/plan/xlsx?service&budget&cpm&cap&months&segments&from&to",
] as const;
