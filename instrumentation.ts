/**
 * Loads and validates the dataset when the server starts, so a bad DATA_DIR stops the server with a
 * message naming the file and line instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    await import("./instrumentation-node");
  }
}
