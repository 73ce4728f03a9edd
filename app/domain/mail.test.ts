import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  MAIL_CLAIM_TIMEOUT_MS,
  MAIL_MAX_ATTEMPTS,
  mailErrorText,
  retryDelayMs,
  staleClaimBefore,
} from "./mail";

const now = new Date("2026-11-20T10:00:00Z");
const minutes = (n: number) => n * 60_000;

describe("retryDelayMs", () => {
  it("waits 2 minutes after the first failure, three times longer after each next one", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([minutes(2), minutes(6), minutes(18), minutes(54), minutes(162)]);
  });

  it("never waits more than 6 hours", () => {
    expect(retryDelayMs(6)).toBe(minutes(360));
    expect(retryDelayMs(30)).toBe(minutes(360));
  });

  it("treats a nonsense attempt number as the first", () => {
    expect(retryDelayMs(0)).toBe(minutes(2));
    expect(retryDelayMs(-3)).toBe(minutes(2));
  });
});

describe("afterFailedAttempt", () => {
  it("queues the message again after the delay for that attempt", () => {
    expect(afterFailedAttempt(1, now)).toEqual({
      status: "queued",
      nextAttemptAt: new Date(now.getTime() + minutes(2)),
    });
    expect(afterFailedAttempt(3, now)).toEqual({
      status: "queued",
      nextAttemptAt: new Date(now.getTime() + minutes(18)),
    });
  });

  it("gives up after the last attempt", () => {
    expect(afterFailedAttempt(MAIL_MAX_ATTEMPTS - 1, now).status).toBe("queued");
    expect(afterFailedAttempt(MAIL_MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
    expect(afterFailedAttempt(MAIL_MAX_ATTEMPTS + 1, now)).toEqual({ status: "failed" });
  });
});

describe("staleClaimBefore", () => {
  it("is the claim timeout before now", () => {
    expect(staleClaimBefore(now).getTime()).toBe(now.getTime() - MAIL_CLAIM_TIMEOUT_MS);
  });
});

describe("mailErrorText", () => {
  it("keeps the SMTP response code and the message on one line", () => {
    const error = Object.assign(new Error("Message rejected\n  try later"), { responseCode: 451 });
    expect(mailErrorText(error)).toBe("451 Message rejected try later");
  });

  it("names a connection error's code", () => {
    expect(mailErrorText(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" }))).toBe(
      "ESOCKET: connect ECONNREFUSED",
    );
  });

  it("cuts a long message", () => {
    expect(mailErrorText(new Error("x".repeat(2000)))).toHaveLength(500);
    expect(mailErrorText("plain")).toBe("plain");
  });
});
