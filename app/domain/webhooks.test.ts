import { describe, expect, it } from "vitest";
import {
  afterFailedWebhookAttempt,
  WEBHOOK_MAX_ATTEMPTS,
  webhookErrorText,
  webhookPayload,
  webhookRetryDelayMs,
  webhookUrlProblem,
} from "./webhooks";

describe("an endpoint's URL", () => {
  const strict = { allowHttpLocalhost: false };
  const local = { allowHttpLocalhost: true };

  it("must be https", () => {
    expect(webhookUrlProblem("https://hooks.example.com/hiring", strict)).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.com/hiring", strict)).toMatch(/https/);
    expect(webhookUrlProblem("ftp://hooks.example.com/", strict)).toMatch(/https/);
    expect(webhookUrlProblem("hooks.example.com", strict)).toMatch(/full URL/);
  });

  it("may be plain http on this machine only when the server allows it", () => {
    expect(webhookUrlProblem("http://localhost:23530/hook", strict)).toMatch(/https/);
    expect(webhookUrlProblem("http://localhost:23530/hook", local)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:23530/hook", local)).toBeNull();
    expect(webhookUrlProblem("http://[::1]:23530/hook", local)).toBeNull();
    expect(webhookUrlProblem("http://localhost.example.com/hook", local)).toMatch(/https/);
  });

  it("never carries credentials", () => {
    expect(webhookUrlProblem("https://user:pass@hooks.example.com/", strict)).toMatch(/user name or password/);
    expect(webhookUrlProblem("https://token@hooks.example.com/", strict)).toMatch(/user name or password/);
  });
});

describe("retries", () => {
  it("wait a minute, then twice as long each time, at most six hours", () => {
    expect([1, 2, 3, 4, 9, 10, 11].map((n) => webhookRetryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 256, 360, 360]);
  });

  it("go on for about a day, then the delivery has failed", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    let total = 0;
    for (let attempt = 1; attempt < WEBHOOK_MAX_ATTEMPTS; attempt += 1) {
      const next = afterFailedWebhookAttempt(attempt, now);
      expect(next.status).toBe("queued");
      if (next.status === "queued") total += next.nextAttemptAt.getTime() - now.getTime();
    }
    expect(afterFailedWebhookAttempt(WEBHOOK_MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
    expect(total / 3_600_000).toBeGreaterThan(16);
    expect(total / 3_600_000).toBeLessThan(26);
  });
});

describe("the payload and the log's error text", () => {
  it("is the thin event: id, type, UTC time and the data as given", () => {
    const body = webhookPayload({
      id: "evt_abc",
      type: "application.stage_moved",
      createdAt: new Date("2026-12-07T17:00:00.123Z"),
      data: { application_id: 12, role_id: 3, from_stage: "screen", stage: "onsite" },
    });
    expect(JSON.parse(body)).toEqual({
      id: "evt_abc",
      type: "application.stage_moved",
      created_at: "2026-12-07T17:00:00.123Z",
      data: { application_id: 12, role_id: 3, from_stage: "screen", stage: "onsite" },
    });
  });

  it("names a network error's code and a timeout in one short line", () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:9" },
    });
    expect(webhookErrorText(refused)).toBe("ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9");
    expect(webhookErrorText(Object.assign(new Error("aborted"), { name: "TimeoutError" }))).toBe(
      "No answer within 10 s",
    );
    expect(webhookErrorText(new Error("x".repeat(1000))).length).toBe(300);
  });
});
