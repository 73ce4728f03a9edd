import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe.server";

const secret = "a-test-secret-that-is-long-enough-0123456789";

describe("the unsubscribe token", () => {
  it("names the user it was made for", () => {
    expect(readUnsubscribeToken(unsubscribeToken(42, secret), secret)).toBe(42);
  });

  it("refuses another user's id on a token, another secret, and anything malformed", () => {
    const token = unsubscribeToken(42, secret);
    expect(readUnsubscribeToken(`43${token.slice(2)}`, secret)).toBeNull();
    expect(readUnsubscribeToken(token, `${secret}x`)).toBeNull();
    for (const bad of [null, "", "42", "42.", `${token}=`, `0${token}`, "x.y"])
      expect(readUnsubscribeToken(bad, secret)).toBeNull();
  });
});
