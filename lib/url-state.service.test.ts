import { describe, expect, it } from "vitest";
import { servicePageShape } from "./page-params";
import { serializeService, serviceParsers, SERVICE_PAGE_DEFAULT } from "./url-state";

describe("service URL state", () => {
  it("has the server's default", () => {
    expect(SERVICE_PAGE_DEFAULT).toBe(servicePageShape.service.optional.fallback);
    expect(serviceParsers.service.parse("netflix")).toBe("netflix");
    expect(serviceParsers.service.parse("foo")).toBeNull();
  });
  it("serializes links, leaving the default out", () => {
    expect(serializeService("/service", { service: "youtube" })).toBe("/service?service=youtube");
    expect(serializeService("/service", { service: "delivery" })).toBe("/service");
  });
});
