import { describe, expect, it } from "vitest";
import {
  adviseEngagement,
  daysUntil,
  engagementFits,
  engagementMismatch,
  soughtText,
  freelancerFits,
  type Advice,
  type RoutingAnswers,
} from "./engagement";
import { engagementModels, type EngagementModel } from "./reference";

const today = new Date("2026-11-21T15:00:00Z");
const none: RoutingAnswers = {
  qCustomModels: null,
  qHostedApis: null,
  qDataBlocker: null,
  qLongTermOwnership: null,
  qBoundedFeature: null,
  qInfraAdvantage: null,
  qExpectedWeeks: null,
  qInternalOwner: null,
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
    // The note warns against an AI developer alone, so the advice does not then list one as worth considering.
    expect(a.alsoConsider).not.toContain("ai_developer");
    expect(a.warnedAgainst).toContain("ai_developer");
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

/** One answer set per row: what it describes, the answers, and the suggestion (and next step) it must reach. */
const table: {
  name: string;
  answers: Partial<RoutingAnswers>;
  launch?: string;
  considered?: EngagementModel[];
  suggested: EngagementModel;
  then?: EngagementModel | null;
}[] = [
  {
    name: "a six-week spike on hosted APIs, reviewed by an internal owner",
    answers: {
      qHostedApis: true,
      qCustomModels: false,
      qDataBlocker: false,
      qLongTermOwnership: false,
      qBoundedFeature: true,
      qExpectedWeeks: 6,
      qInternalOwner: true,
    },
    suggested: "freelancer",
  },
  {
    name: "a three-week labelling task due in 20 days, with an owner inside",
    answers: { qBoundedFeature: true, qExpectedWeeks: 3, qInternalOwner: true },
    launch: "2026-12-11",
    suggested: "freelancer",
  },
  {
    name: "a bounded feature due in 45 days with nobody inside to own it",
    answers: { qHostedApis: true, qBoundedFeature: true, qLongTermOwnership: false, qInternalOwner: false },
    launch: "2027-01-05",
    suggested: "agency",
  },
  {
    name: "a bounded feature due in 45 days that runs 20 weeks",
    answers: { qHostedApis: true, qBoundedFeature: true, qLongTermOwnership: false, qExpectedWeeks: 20 },
    launch: "2027-01-05",
    suggested: "contractor",
  },
  {
    name: "LLM features on hosted APIs, nothing to own long term",
    answers: { qHostedApis: true, qCustomModels: false, qLongTermOwnership: false, qBoundedFeature: false },
    suggested: "ai_developer",
  },
  {
    name: "custom models served in production",
    answers: { qCustomModels: true, qHostedApis: false, qLongTermOwnership: false },
    suggested: "ml_engineer",
  },
  {
    name: "long-term ownership of infrastructure that is the product",
    answers: { qLongTermOwnership: true, qInfraAdvantage: true, qHostedApis: false, qExpectedWeeks: 104 },
    suggested: "full_time_ai_engineer",
  },
  {
    name: "data as the blocker, then long-term ownership of an LLM app",
    answers: { qDataBlocker: true, qHostedApis: true, qLongTermOwnership: true },
    suggested: "data_engineer",
    then: "full_time_ai_engineer",
  },
  {
    name: "data as the blocker for a short, owned piece of one-off data work",
    answers: { qDataBlocker: true, qBoundedFeature: true, qExpectedWeeks: 5, qInternalOwner: true },
    suggested: "data_engineer",
    then: "freelancer",
  },
  {
    name: "long-term ownership of an LLM app due in 30 days",
    answers: { qHostedApis: true, qLongTermOwnership: true, qBoundedFeature: true },
    launch: "2026-12-21",
    suggested: "contractor",
  },
  {
    name: "eight weeks of work that someone must own long term",
    answers: { qHostedApis: true, qLongTermOwnership: true, qExpectedWeeks: 8, qInternalOwner: true },
    suggested: "full_time_ai_engineer",
  },
  {
    name: "four weeks of work with nobody inside to review it",
    answers: { qBoundedFeature: true, qExpectedWeeks: 4, qInternalOwner: false, qLongTermOwnership: false },
    suggested: "agency",
  },
  {
    name: "a role that considers only contractors, where data blocks long-term work",
    answers: { qDataBlocker: true, qHostedApis: true, qLongTermOwnership: true },
    considered: ["contractor"],
    suggested: "data_engineer",
    then: "full_time_ai_engineer",
  },
];

/** Every model the advice names: the suggestion, the next step and those worth considering. */
const named = (a: Extract<Advice, { status: "advised" }>) => [
  a.suggested,
  ...(a.then ? [a.then] : []),
  ...a.alsoConsider,
];

describe("adviseEngagement over a table of answer sets", () => {
  const results = table.map((row) => {
    const a = adviseEngagement({
      answers: { ...none, ...row.answers },
      launchDate: row.launch ?? null,
      today,
      considered: row.considered,
    });
    if (a.status !== "advised") throw new Error(`no advice for ${row.name}`);
    return { row, a };
  });

  it.each(results.map((r) => [r.row.name, r] as const))("%s: reaches its suggestion", (_name, { row, a }) => {
    expect(a.suggested).toBe(row.suggested);
    if (row.then !== undefined) expect(a.then).toBe(row.then);
  });

  it("reaches every engagement model with at least one answer set", () => {
    const reached = new Set(results.map((r) => r.a.suggested));
    expect([...reached].sort()).toEqual([...engagementModels].sort());
  });

  it.each(results.map((r) => [r.row.name, r] as const))(
    "%s: never suggests or lists a model its own notes warn against",
    (_name, { a }) => {
      for (const m of named(a)) expect(a.warnedAgainst, m).not.toContain(m);
      expect(a.alsoConsider).not.toContain(a.suggested);
      if (a.then) expect(a.alsoConsider).not.toContain(a.then);
    },
  );

  it.each(results.map((r) => [r.row.name, r] as const))(
    "%s: keeps a full-time engineer in view whenever someone must own the work long term",
    (_name, { row, a }) => {
      if (row.answers.qLongTermOwnership === true) expect(named(a)).toContain("full_time_ai_engineer");
    },
  );

  it.each(results.map((r) => [r.row.name, r] as const))(
    "%s: names a freelancer only where the freelancer rule holds",
    (_name, { row, a }) => {
      const fits = freelancerFits({ ...none, ...row.answers });
      expect(named(a).includes("freelancer")).toBe(fits);
    },
  );

  it("says when the suggestion and the next step lie outside the models the role considers", () => {
    const { a } = results.find((r) => r.row.considered)!;
    expect(a.outsideConsidered).toEqual(expect.arrayContaining(["data_engineer", "full_time_ai_engineer"]));
    expect(a.notes[0]).toBe(
      "Neither data engineer nor full-time AI engineer is among the models this role considers (senior contractor): add them there, or weigh the answers again.",
    );
    const one = advise({ qBoundedFeature: true, qExpectedWeeks: 6, qInternalOwner: true, qLongTermOwnership: false });
    const inside = adviseEngagement({
      answers: { ...none, qBoundedFeature: true, qExpectedWeeks: 6, qInternalOwner: true },
      launchDate: null,
      today,
      considered: ["freelancer", "contractor"],
    });
    const outside = adviseEngagement({
      answers: { ...none, qBoundedFeature: true, qExpectedWeeks: 6, qInternalOwner: true },
      launchDate: null,
      today,
      considered: ["contractor"],
    });
    if (one.status !== "advised" || inside.status !== "advised" || outside.status !== "advised") throw new Error();
    expect(one.outsideConsidered).toEqual([]);
    expect(inside.outsideConsidered).toEqual([]);
    expect(outside.notes[0]).toBe(
      "Freelancer is not among the models this role considers (senior contractor): add it there, or weigh the answers again.",
    );
  });

  it("explains why a freelancer is left out when nobody inside owns the code", () => {
    const a = advise({ qBoundedFeature: true, qExpectedWeeks: 4, qInternalOwner: false });
    if (a.status !== "advised") throw new Error("expected advice");
    expect(a.notes.some((n) => n.includes("a freelancer would work unreviewed"))).toBe(true);
    expect(a.warnedAgainst).toContain("freelancer");
  });

  it("asks for the duration and the internal owner while they are open", () => {
    const a = advise({ qHostedApis: true });
    if (a.status !== "advised") throw new Error("expected advice");
    expect(a.notes).toContain(
      "Not answered yet: how long the work runs and whether someone inside owns the architecture. These decide whether a freelancer fits short, owned work.",
    );
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
