import { describe, expect, it } from "vitest";
import {
  API_MAX_LIMIT,
  API_RATE_WINDOW_MS,
  apiScopes,
  bearerToken,
  decodeCursor,
  encodeCursor,
  formatApiKey,
  isProblem,
  normalizeScopes,
  pageOf,
  parseApiKey,
  parseId,
  parsePaging,
  parseSince,
  rateLimitDecision,
} from "./api";
import { decideApiKey, type Rule } from "./policy";

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe("API keys", () => {
  it("formats ats_<prefix>_<secret> in hex from 6 and 32 random bytes, and parses it back", () => {
    const key = formatApiKey(bytes(6, 0xab), bytes(32, 0x01));
    expect(key.prefix).toBe("abababababab");
    expect(key.secret).toBe("01".repeat(32));
    expect(key.token).toBe(`ats_${key.prefix}_${key.secret}`);
    expect(parseApiKey(key.token)).toEqual({ prefix: key.prefix, secret: key.secret });
  });

  it("refuses fewer random bytes than it needs", () => {
    expect(() => formatApiKey(bytes(6, 1), bytes(16, 1))).toThrow();
    expect(() => formatApiKey(bytes(4, 1), bytes(32, 1))).toThrow();
  });

  it("reads nothing from a token that is not shaped like a key", () => {
    for (const token of [
      "",
      "ats_",
      "ats_abababababab",
      `ats_ABABABABABAB_${"01".repeat(32)}`,
      `xyz_abababababab_${"01".repeat(32)}`,
      `ats_abababababab_${"01".repeat(31)}`,
      `ats_abababababab_${"01".repeat(32)} `,
    ])
      expect(parseApiKey(token), token).toBeNull();
  });

  it("takes the token of a Bearer header only", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("keeps known scopes once each, in the list's order", () => {
    expect(normalizeScopes(["pay", "roles", "roles", "nope"])).toEqual(["roles", "pay"]);
  });
});

describe("the API door's rule", () => {
  const rule: Rule = { access: "api-key", scope: "roles" };
  it("lets a key with the scope in, refuses one without it (403) and a missing or revoked one (401)", () => {
    expect(decideApiKey(rule, { scopes: ["roles"], revoked: false })).toBe("allow");
    expect(decideApiKey(rule, { scopes: apiScopes.filter((s) => s !== "roles"), revoked: false })).toBe("forbidden");
    expect(decideApiKey(rule, { scopes: ["roles"], revoked: true })).toBe("unauthorized");
    expect(decideApiKey(rule, null)).toBe("unauthorized");
  });
  it("never lets a key through a page's rule, and needs none for a public one", () => {
    const page: Rule = { access: "permission", need: "read:role" };
    expect(decideApiKey(page, { scopes: [...apiScopes], revoked: false })).toBe("unauthorized");
    expect(decideApiKey({ access: "signed-in" }, { scopes: [...apiScopes], revoked: false })).toBe("unauthorized");
    expect(decideApiKey({ access: "public" }, null)).toBe("allow");
  });
});

describe("the rate limit", () => {
  const now = 1_000_000;
  it("lets calls in while fewer than the limit fell in the last minute", () => {
    expect(rateLimitDecision([now - 1000, now - 2000], 3, now)).toEqual({ ok: true });
    expect(rateLimitDecision([now - API_RATE_WINDOW_MS, now - 70_000, now - 1], 2, now)).toEqual({ ok: true });
  });
  it("refuses the next one, saying when the oldest call leaves the window", () => {
    expect(rateLimitDecision([now - 45_000, now - 10_000, now - 1_000], 3, now)).toEqual({
      ok: false,
      retryAfterSeconds: 15,
    });
    expect(rateLimitDecision([now - 59_999], 1, now)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});

describe("paging", () => {
  it("round-trips a cursor and refuses ones it did not give out", () => {
    expect(decodeCursor(encodeCursor(12345))).toBe(12345);
    for (const c of ["", "12345", "c", "c-1", "cZZ", "c" + "z".repeat(11)]) expect(decodeCursor(c), c).toBeNull();
  });

  it("reads limit and cursor, with limits 1 to 100", () => {
    expect(parsePaging(new URLSearchParams(""))).toEqual({ limit: 50, afterId: 0 });
    expect(parsePaging(new URLSearchParams(`limit=7&cursor=${encodeCursor(9)}`))).toEqual({ limit: 7, afterId: 9 });
    expect(parsePaging(new URLSearchParams(`limit=${API_MAX_LIMIT}`))).toEqual({ limit: API_MAX_LIMIT, afterId: 0 });
    for (const q of ["limit=0", "limit=101", "limit=abc", "limit=-1", "limit=1.5", "cursor=nope"])
      expect(isProblem(parsePaging(new URLSearchParams(q))), q).toBe(true);
  });

  it("serves limit rows and links the next page with the same filters, or none on the last", () => {
    const url = new URL("http://x/api/v1/applications?stage=offer&limit=2");
    const rows = [{ id: 3 }, { id: 5 }, { id: 8 }];
    const page = pageOf(rows, 2, url);
    expect(page.rows).toEqual([{ id: 3 }, { id: 5 }]);
    expect(page.next).toBe(`/api/v1/applications?stage=offer&limit=2&cursor=${encodeCursor(5)}`);
    expect(pageOf(rows.slice(0, 2), 2, url).next).toBeNull();
    expect(pageOf([], 2, url)).toEqual({ rows: [], next: null });
  });

  it("reads ISO times and ids from the query string", () => {
    expect(parseSince("2026-01-31T09:00:00Z", "s")).toEqual(new Date("2026-01-31T09:00:00Z"));
    expect(parseSince("2026-01-31", "s")).toEqual(new Date("2026-01-31T00:00:00Z"));
    expect(parseSince(null, "s")).toBeNull();
    expect(isProblem(parseSince("yesterday", "s"))).toBe(true);
    expect(isProblem(parseSince("2026-13-45", "s"))).toBe(true);
    expect(parseId("12")).toBe(12);
    for (const v of ["0", "-1", "1e3", "abc", "", null, undefined]) expect(parseId(v)).toBeNull();
  });
});
