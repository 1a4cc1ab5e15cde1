import { describe, expect, it } from "vitest";
import { parseRoute } from "./router";

describe("client-side routes (the contract's /, /new, /campaigns/:id, /check)", () => {
  it("maps each path to its screen", () => {
    expect(parseRoute("/")).toEqual({ name: "list" });
    expect(parseRoute("/new")).toEqual({ name: "new" });
    expect(parseRoute("/check")).toEqual({ name: "check" });
    expect(parseRoute("/campaigns/c-0123456789abcdef")).toEqual({ name: "campaign", id: "c-0123456789abcdef" });
  });

  it("refuses ids outside the API's grammar", () => {
    expect(parseRoute("/campaigns/c-0123").name).toBe("notFound");
    expect(parseRoute("/campaigns/../api").name).toBe("notFound");
    expect(parseRoute("/campaigns/c-0123456789abcdef/extra").name).toBe("notFound");
  });
});
