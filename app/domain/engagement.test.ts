import { describe, expect, it } from "vitest";
import {
  adviseEngagement,
  daysUntil,
  engagementFits,
  engagementMismatch,
  soughtText,
  type RoutingAnswers,
} from "./engagement";

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
    const a = advise(
      { qLongTermOwnership: true, qInfraAdvantage: true, qHostedApis: false, qBoundedFeature: false },
      "2027-08-01",
    );
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

describe("engagementFits", () => {
  const contractOnly = ["contractor", "agency", "freelancer"];
  const permanentOnly = ["full_time_ai_engineer", "ai_developer"];
  it("flags a full-time hire on a role that seeks no permanent hire, and a contractor on one that seeks only permanent hires", () => {
    expect(engagementFits(contractOnly, "full_time")).toBe(false);
    expect(engagementFits(permanentOnly, "full_time")).toBe(true);
    expect(engagementFits(permanentOnly, "contractor")).toBe(false);
    expect(engagementFits(permanentOnly, "agency_placed")).toBe(false);
  });
  it("treats contractors, freelancers and agency-placed contractors as one family, and a team bid as an agency's", () => {
    for (const e of ["contractor", "freelancer", "agency_placed"] as const)
      expect(engagementFits(["freelancer"], e), e).toBe(true);
    expect(engagementFits(["contractor"], "agency_bid")).toBe(false);
    expect(engagementFits(["agency"], "agency_bid")).toBe(true);
    expect(engagementFits(["data_engineer", "contractor"], "full_time")).toBe(true);
  });
  it("takes anything on a role that lists no models", () => {
    for (const e of ["full_time", "contractor", "freelancer", "agency_placed", "agency_bid"] as const)
      expect(engagementFits([], e)).toBe(true);
  });
  it("says what the role seeks and what the application is, and nothing when it fits", () => {
    expect(engagementMismatch(contractOnly, "full_time")).toBe(
      "Not what this role seeks: it seeks senior contractor, agency / delivery pod or freelancer, and this application is a full-time hire.",
    );
    expect(engagementMismatch(["full_time_ai_engineer"], "agency_bid")).toBe(
      "Not what this role seeks: it seeks full-time AI engineer, and this application is an agency bid (team).",
    );
    expect(engagementMismatch(["ml_engineer", "data_engineer"], "freelancer")).toBe(
      "Not what this role seeks: it seeks ML engineer or data engineer, and this application is a freelancer.",
    );
    expect(engagementMismatch(permanentOnly, "full_time")).toBeNull();
  });
  it("names what a role seeks for a sentence, and nothing for a role that lists no models", () => {
    expect(soughtText(contractOnly)).toBe("senior contractor, agency / delivery pod or freelancer");
    expect(soughtText(["full_time_ai_engineer"])).toBe("full-time AI engineer");
    expect(soughtText([])).toBeNull();
  });
});
