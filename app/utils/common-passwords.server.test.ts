import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password.server";
import { isCommonPassword } from "./common-passwords.server";

describe("the shipped common-password list", () => {
  it("knows well-known passwords and not a random phrase", () => {
    expect(isCommonPassword("123456")).toBe(true);
    expect(isCommonPassword("Password")).toBe(true);
    expect(isCommonPassword("interview-loop-2026")).toBe(false);
  });

  it("is what the server's password check uses", () => {
    expect(checkNewPassword("baseball1234").ok).toBe(false);
    expect(checkNewPassword("superman!!!!").ok).toBe(false);
    expect(checkNewPassword("violet-harbour-ledger").ok).toBe(true);
  });
});
