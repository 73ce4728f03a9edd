import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

const common = new Set(["password", "qwertyuiop", "iloveyou", "correcthorsebatterystaple"]);
const isCommon = (p: string) => common.has(p);

describe("checkPassword", () => {
  it("rejects passwords under 12 characters", () => {
    expect(checkPassword("short-pass1", { isCommon })).toEqual({ ok: false, message: "Use at least 12 characters." });
    expect(checkPassword("twelve-chars", { isCommon }).ok).toBe(true);
  });

  it("rejects common passwords, also with digits or symbols around them", () => {
    expect(checkPassword("qwertyuiop12", { isCommon }).ok).toBe(false);
    expect(checkPassword("!!password2024", { isCommon }).ok).toBe(false);
    expect(checkPassword("CorrectHorseBatteryStaple", { isCommon }).ok).toBe(false);
  });

  it("rejects repeated characters and passwords built from the email", () => {
    expect(checkPassword("aaaaaaaaaaaaaaab", { isCommon }).ok).toBe(false);
    expect(checkPassword("dana.whitfield-2026", { isCommon, email: "dana.whitfield@acme.test" }).ok).toBe(false);
  });

  it("accepts a long uncommon phrase", () => {
    expect(checkPassword("interview-loop-2026", { isCommon, email: "morgan@northwind.test" })).toEqual({ ok: true });
  });
});
