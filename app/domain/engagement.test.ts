import { describe, expect, it } from "vitest";
import { adviseEngagement, daysUntil, type RoutingAnswers } from "./engagement";

const today = new Date("2026-11-21T15:00:00Z");
const none: RoutingAnswers = {
  qCustomModels: null,
  qHostedApis: null,
  qDataBlocker: null,
  qLongTermOwnership: null,
  qBoundedFeature: null,
  qInfraAdvantage: null,
};
const advise = (answers: Partial<RoutingAnswers>, launchDate: string | null = null) =>
  adviseEngagement({ answers: { ...none, ...answers }, launchDate, today });

describe("adviseEngagement", () => {
  it("asks for answers when nothing is known", () => {
    expect(advise({})).toEqual({ status: "unanswered" });
  });

  it("points a launch under 60 days to a contractor, with the reason", () => {
    const a = advise({ qHostedApis: true, qBoundedFeature: true, qLongTermOwnership: false }, "2027-01-05");
    expect(a.status).toBe("advised");
    if (a.status !== "advised") return;
    expect(a.suggested).toBe("contractor");
    expect(a.alsoConsider).toContain("agency");
    expect(a.reasons.some((r) => r.includes("Launch is 45 days away"))).toBe(true);
    expect(a.scores.full_time_ai_engineer).toBeLessThan(0);
  });

  it("puts a data engineer first when data is the blocker, then the next best", () => {
    const a = advise({ qDataBlocker: true, qHostedApis: true, qLongTermOwnership: true });
    if (a.status !== "advised") throw new Error("expected advice");
    expect(a.suggested).toBe("data_engineer");
    expect(a.then).toBe("full_time_ai_engineer");
    expect(a.reasons[0]).toMatch(/data engineer first/);
  });

  it("suggests a full-time engineer for long-term ownership of infrastructure that is the product", () => {
    const a = advise({ qLongTermOwnership: true, qInfraAdvantage: true, qHostedApis: false, qBoundedFeature: false }, "2027-08-01");
    if (a.status !== "advised") throw new Error("expected advice");
    expect(a.suggested).toBe("full_time_ai_engineer");
    expect(a.scores.agency).toBeLessThan(0);
  });

  it("suggests an ML engineer for custom models and warns against one for plain LLM apps", () => {
    const custom = advise({ qCustomModels: true, qHostedApis: false });
    if (custom.status !== "advised") throw new Error("expected advice");
    expect(custom.suggested).toBe("ml_engineer");

    const llm = advise({ qCustomModels: false, qHostedApis: true });
    if (llm.status !== "advised") throw new Error("expected advice");
    expect(llm.suggested).toBe("ai_developer");
    expect(llm.notes).toContain("An ML engineer is the wrong hire for a plain LLM application.");
    expect(llm.notes.some((n) => n.includes("4 of 6 routing questions are unanswered"))).toBe(true);
  });

  it("prefers a full-time engineer over an AI developer when long-term ownership is needed", () => {
    const a = advise({ qHostedApis: true, qLongTermOwnership: true, qCustomModels: false });
    if (a.status !== "advised") throw new Error("expected advice");
    expect(a.suggested).toBe("full_time_ai_engineer");
    expect(a.alsoConsider).toContain("ai_developer");
    expect(a.notes.some((n) => n.includes("wrong hire for long-term MLOps"))).toBe(true);
  });

  it("recommends a pilot when a permanent owner is needed but launch is close", () => {
    const a = advise({ qLongTermOwnership: true }, "2026-12-15");
    if (a.status !== "advised") throw new Error("expected advice");
    expect(a.notes.some((n) => n.includes("4-6 week scoped pilot"))).toBe(true);
  });

  it("counts days in UTC calendar days", () => {
    expect(daysUntil("2026-11-21", today)).toBe(0);
    expect(daysUntil("2027-01-20", today)).toBe(60);
    expect(daysUntil("2026-11-01", today)).toBe(-20);
  });

  it("does not treat exactly 60 days as a fast launch", () => {
    const a = advise({ qLongTermOwnership: true }, "2027-01-20");
    if (a.status !== "advised") throw new Error("expected advice");
    expect(a.suggested).toBe("full_time_ai_engineer");
    expect(a.reasons.some((r) => r.includes("days away"))).toBe(false);
  });
});
