import { describe, expect, it } from "vitest";
import {
  areasFilledAgainst,
  canReadScorecard,
  defaultAreas,
  isSignalOf,
  nothingToRate,
  mustPassNote,
  ratingsByInterviewer,
  scorecardSaveRefusal,
  scorecardState,
  scorecardSubmissionProblems,
  summarize,
  mustPassFlags,
  templateChange,
  templateStamp,
  thinEvidenceNote,
  weakSignalOnUnassessedArea,
  type ScoreInput,
  type TemplateArea,
} from "./scorecard";

const areas: TemplateArea[] = [
  { key: "prod", name: "Production systems", strong: "", weak: "", signals: [], weight: 3, knockout: true },
  { key: "evals", name: "Evals", strong: "", weak: "", signals: [], weight: 2, knockout: false },
  { key: "cost", name: "Cost management", strong: "", weak: "", signals: [], weight: 1, knockout: false },
  { key: "comms", name: "Business communication", strong: "", weak: "", signals: [], weight: 0, knockout: false },
];
const card = (
  id: number,
  ratings: ScoreInput["ratings"],
  recommendation: ScoreInput["recommendation"] = "yes",
  templateVersion = 1,
): ScoreInput => ({
  id,
  interviewerName: `I${id}`,
  templateVersion,
  ratings,
  recommendation,
});

describe("summarize", () => {
  it("leaves not-assessed out of averages instead of counting it low, and shows the arithmetic", () => {
    const s = summarize(areas, [
      card(1, { prod: 4, evals: null, cost: 2, comms: 3 }),
      card(2, { prod: 2, evals: 3, cost: null, comms: 1 }),
    ]);
    const prod = s.areas.find((a) => a.key === "prod")!;
    expect(prod).toMatchObject({
      average: 3,
      min: 2,
      max: 4,
      spread: 2,
      notAssessed: 0,
      disagreement: true,
      knockoutFlag: false,
    });
    // One rating has no spread: nobody to disagree with.
    expect(s.areas.find((a) => a.key === "evals")).toMatchObject({
      average: 3,
      notAssessed: 1,
      spread: null,
      disagreement: false,
    });
    // (3*3 + 2*3 + 1*2) / (3+2+1) = 17/6
    expect(s.weightedTotal).toBe(2.83);
    expect(s.arithmetic.counted.map((c) => [c.name, c.weight, c.average, c.product])).toEqual([
      ["Production systems", 3, 3, 9],
      ["Evals", 2, 3, 6],
      ["Cost management", 1, 2, 2],
    ]);
    expect(s.arithmetic).toMatchObject({ weightSum: 6, productSum: 17 });
    expect(s.arithmetic.leftOut).toEqual([{ name: "Business communication", reason: "weight 0" }]);
  });

  it("lists areas nobody assessed as left out, and has no total when nothing was rated", () => {
    const s = summarize(areas, [card(1, { prod: null, evals: null, cost: null, comms: null }, "no_decision")]);
    expect(s.weightedTotal).toBeNull();
    expect(s.arithmetic.leftOut.map((l) => l.reason)).toEqual([
      "not assessed by anyone",
      "not assessed by anyone",
      "not assessed by anyone",
      "weight 0",
    ]);
    expect(s.tally.no_decision).toBe(1);
  });

  it("flags a knock-out area averaging below 2.5 without rejecting", () => {
    const s = summarize(areas, [
      card(1, { prod: 2, evals: 4, cost: 4 }, "yes"),
      card(2, { prod: 2, evals: 4, cost: 4 }, "strong_yes"),
    ]);
    expect(s.knockouts).toEqual(["Production systems"]);
    expect(s.weightedTotal).toBeCloseTo((3 * 2 + 2 * 4 + 1 * 4) / 6, 2);
    expect(s.tally).toMatchObject({ yes: 1, strong_yes: 1, no: 0 });
  });

  it("reports the template versions the scorecards were filled against", () => {
    expect(summarize(areas, [card(1, {}, "yes", 2), card(2, {}, "no", 1), card(3, {}, "no", 2)]).versions).toEqual([
      1, 2,
    ]);
  });

  it("ships seven default areas with production, evals and security as knock-outs", () => {
    expect(defaultAreas.map((a) => a.key)).toEqual([
      "production_systems",
      "data_readiness",
      "evals",
      "llm_rag",
      "security",
      "cost_management",
      "business_communication",
    ]);
    expect(defaultAreas.filter((a) => a.knockout).map((a) => a.key)).toEqual([
      "production_systems",
      "evals",
      "security",
    ]);
  });
});

describe("blind feedback", () => {
  const other = { interviewerId: 9, status: "submitted" as const };
  it("hides the panel's scorecards from an interviewer until they submit their own", () => {
    expect(
      canReadScorecard({ viewer: { id: 1, seesAll: false }, scorecard: other, viewerHasSubmitted: false, blind: true }),
    ).toBe(false);
    expect(
      canReadScorecard({ viewer: { id: 1, seesAll: false }, scorecard: other, viewerHasSubmitted: true, blind: true }),
    ).toBe(true);
  });
  it("shows all submitted scorecards to hiring managers and HR, and everything when blindness is off", () => {
    expect(
      canReadScorecard({ viewer: { id: 1, seesAll: true }, scorecard: other, viewerHasSubmitted: false, blind: true }),
    ).toBe(true);
    expect(
      canReadScorecard({
        viewer: { id: 1, seesAll: false },
        scorecard: other,
        viewerHasSubmitted: false,
        blind: false,
      }),
    ).toBe(true);
  });
  it("keeps drafts private to their author", () => {
    const draft = { interviewerId: 9, status: "draft" as const };
    expect(
      canReadScorecard({ viewer: { id: 1, seesAll: true }, scorecard: draft, viewerHasSubmitted: true, blind: false }),
    ).toBe(false);
    expect(
      canReadScorecard({ viewer: { id: 9, seesAll: false }, scorecard: draft, viewerHasSubmitted: false, blind: true }),
    ).toBe(true);
  });
});

describe("template versioning and due dates", () => {
  it("edits an unused template in place and versions a used one", () => {
    expect(templateChange({ used: false })).toBe("edit-in-place");
    expect(templateChange({ used: true })).toBe("new-version");
  });
  it("calls a scorecard overdue more than 24 hours after the interview ended", () => {
    const end = new Date("2026-11-20T10:00:00Z");
    expect(scorecardState({ status: null, interviewEndsAt: end, now: new Date("2026-11-20T09:00:00Z") })).toBe(
      "upcoming",
    );
    expect(scorecardState({ status: "draft", interviewEndsAt: end, now: new Date("2026-11-21T09:59:00Z") })).toBe(
      "due",
    );
    expect(scorecardState({ status: "draft", interviewEndsAt: end, now: new Date("2026-11-21T10:01:00Z") })).toBe(
      "overdue",
    );
    expect(scorecardState({ status: "submitted", interviewEndsAt: end, now: new Date("2026-12-01T00:00:00Z") })).toBe(
      "submitted",
    );
  });
});

describe("areasFilledAgainst", () => {
  const area = (key: string, weight: number): TemplateArea => ({ ...defaultAreas[0], key, name: key, weight });
  it("takes the newest version's areas and weights, then areas only older versions had", () => {
    const v1 = { version: 1, areas: [area("a", 1), area("b", 2), area("c", 1)] };
    const v2 = { version: 2, areas: [area("a", 3), area("b", 2)] };
    expect(areasFilledAgainst([v1, v2], []).map((a) => [a.key, a.weight])).toEqual([
      ["a", 3],
      ["b", 2],
      ["c", 1],
    ]);
    expect(areasFilledAgainst([v2, v1], []).map((a) => [a.key, a.weight])).toEqual([
      ["a", 3],
      ["b", 2],
      ["c", 1],
    ]);
  });
  it("ignores a newer version no scorecard used, and falls back to the current template with none", () => {
    const current = [area("x", 1)];
    expect(areasFilledAgainst([{ version: 1, areas: [area("a", 1)] }], current).map((a) => a.key)).toEqual(["a"]);
    expect(areasFilledAgainst([], current)).toBe(current);
  });
});

describe("mustPassNote", () => {
  const card = (ratings: Record<string, 1 | 2 | 3 | 4 | null>): ScoreInput => ({
    id: 1,
    interviewerName: "A",
    templateVersion: 1,
    ratings,
    recommendation: "yes",
  });
  const areas = defaultAreas.map((a) => ({ ...a, knockout: a.key === "evals" || a.key === "security" }));
  it("says None only when every must-pass area was assessed", () => {
    expect(mustPassNote(summarize(areas, [card({ evals: 3, security: 4 })]))).toBe("None");
    expect(mustPassNote(summarize(areas, [card({ evals: 3, security: null })]))).toBe(
      "None flagged; not assessed: Security",
    );
    expect(mustPassNote(summarize(areas, []))).toBe("No scorecards yet");
  });
});

describe("templateStamp", () => {
  it("is the same for what the page showed and changes with any edit to the areas or blind feedback", () => {
    const areas = [{ key: "evals", name: "Evals", weight: 3 }];
    expect(templateStamp(areas, true)).toBe(templateStamp([{ key: "evals", name: "Evals", weight: 3 }], true));
    expect(templateStamp(areas, false)).not.toBe(templateStamp(areas, true));
    expect(templateStamp([{ ...areas[0], weight: 2 }], true)).not.toBe(templateStamp(areas, true));
    expect(templateStamp([{ ...areas[0], name: "Evalz" }], true)).not.toBe(templateStamp(areas, true));
  });
});

describe("ratingsByInterviewer", () => {
  it("gives each interviewer's rating as the number averaged, and n/a for not assessed", () => {
    expect(
      ratingsByInterviewer([
        { interviewerName: "Sam Chen", rating: 3 },
        { interviewerName: "Dana Whitfield", rating: 4 },
        { interviewerName: "Jordan Alvarez", rating: null },
      ]),
    ).toEqual(["Sam Chen: 3", "Dana Whitfield: 4", "Jordan Alvarez: n/a"]);
  });
});

describe("thin evidence", () => {
  it("marks a total resting on one scorecard, and not one with none or with two", () => {
    expect(thinEvidenceNote(1)).toBe("only 1 scorecard");
    expect(thinEvidenceNote(0)).toBeNull();
    expect(thinEvidenceNote(2)).toBeNull();
    expect(thinEvidenceNote(6)).toBeNull();
  });
});

describe("must-pass flags", () => {
  const areas = [
    { key: "prod", knockout: true },
    { key: "evals", knockout: true },
    { key: "comms", knockout: false },
  ];
  it("names the must-pass areas under the bar and those nobody assessed, and nothing before any scorecard", () => {
    expect(mustPassFlags(areas, { prod: 2.4, evals: null, comms: 1 }, 2)).toEqual({
      below: ["prod"],
      unassessed: ["evals"],
    });
    // At the bar is not under it; an area that is not must-pass is never flagged, however low.
    expect(mustPassFlags(areas, { prod: 2.5, evals: 3, comms: 1 }, 2)).toEqual({ below: [], unassessed: [] });
    expect(mustPassFlags(areas, {}, 0)).toEqual({ below: [], unassessed: [] });
  });
});

describe("submitting a scorecard", () => {
  const complete = {
    mode: "submit" as const,
    areaKeys: ["prod", "evals"],
    ratings: { prod: "3", evals: "na" },
    weakSignals: [],
    recommendation: "yes",
    amendReason: undefined,
  };

  it("tells a weak signal's area by its key prefix, not by a key that merely starts the same", () => {
    expect(isSignalOf("evals:No thresholds", "evals")).toBe(true);
    expect(isSignalOf("evals_v2:No thresholds", "evals")).toBe(false);
  });

  it("refuses 'not assessed' on an area with a weak signal ticked, and nothing else", () => {
    expect(weakSignalOnUnassessedArea("evals", "na", ["evals:Eyeballs outputs"])).toBe(true);
    expect(weakSignalOnUnassessedArea("evals", "2", ["evals:Eyeballs outputs"])).toBe(false);
    expect(weakSignalOnUnassessedArea("evals", "na", ["prod:Only notebooks or demos"])).toBe(false);
  });

  it("has nothing to rate only when submitting or amending an interview without areas", () => {
    expect(nothingToRate("submit", 0)).toBe(true);
    expect(nothingToRate("amend", 0)).toBe(true);
    expect(nothingToRate("draft", 0)).toBe(false);
    expect(nothingToRate("submit", 1)).toBe(false);
  });

  it("accepts a complete scorecard, 'not assessed' included, and any draft", () => {
    expect(scorecardSubmissionProblems(complete)).toEqual([]);
    expect(
      scorecardSubmissionProblems({ ...complete, mode: "draft", ratings: {}, recommendation: "", areaKeys: [] }),
    ).toEqual([]);
  });

  it("names each problem at its field: unrated area, weak signal on a not-assessed area, no recommendation", () => {
    expect(
      scorecardSubmissionProblems({
        ...complete,
        ratings: { prod: "", evals: "na" },
        weakSignals: ["evals:No thresholds"],
        recommendation: "",
      }),
    ).toEqual([
      { field: "rating_prod", message: "Rate this area, or mark it not assessed" },
      { field: "rating_evals", message: "Weak signals are ticked for this area: rate it, or untick them" },
      { field: "recommendation", message: "Choose a recommendation (or no decision)" },
    ]);
  });

  it("needs a reason to amend, and says so for the whole form when nothing is left to rate", () => {
    expect(scorecardSubmissionProblems({ ...complete, mode: "amend", amendReason: "  " })).toEqual([
      { field: "amendReason", message: "Say why you are amending a submitted scorecard" },
    ]);
    expect(scorecardSubmissionProblems({ ...complete, mode: "amend", amendReason: "typo in evidence" })).toEqual([]);
    expect(scorecardSubmissionProblems({ ...complete, areaKeys: [], ratings: {} })).toEqual([
      {
        field: null,
        message: "This interview has no areas left to rate on its template; ask the hiring manager to reschedule it.",
      },
    ]);
  });
});

describe("saving over a stored scorecard", () => {
  const draft = { version: 3, status: "draft" as const };
  const submitted = { version: 4, status: "submitted" as const };

  it("saves a new scorecard sent without a version, and a draft or submission sent from the stored version", () => {
    expect(scorecardSaveRefusal({ mode: "draft", sentVersion: null, stored: null })).toBeNull();
    expect(scorecardSaveRefusal({ mode: "submit", sentVersion: null, stored: null })).toBeNull();
    expect(scorecardSaveRefusal({ mode: "draft", sentVersion: 3, stored: draft })).toBeNull();
    expect(scorecardSaveRefusal({ mode: "submit", sentVersion: 3, stored: draft })).toBeNull();
  });

  it("refuses a save sent from another version: someone saved in between", () => {
    expect(scorecardSaveRefusal({ mode: "draft", sentVersion: 2, stored: draft })).toBe("conflict");
    expect(scorecardSaveRefusal({ mode: "draft", sentVersion: null, stored: draft })).toBe("conflict");
    expect(scorecardSaveRefusal({ mode: "draft", sentVersion: 1, stored: null })).toBe("conflict");
  });

  it("writes nothing new for a cancelled interview, but lets a scorecard submitted before be amended", () => {
    expect(scorecardSaveRefusal({ mode: "draft", sentVersion: null, stored: null, cancelled: true })).toBe("cancelled");
    expect(scorecardSaveRefusal({ mode: "submit", sentVersion: 3, stored: draft, cancelled: true })).toBe("cancelled");
    expect(scorecardSaveRefusal({ mode: "amend", sentVersion: 4, stored: submitted, cancelled: true })).toBeNull();
  });

  it("keeps a submitted scorecard locked except to an amendment, and amends only a submitted one", () => {
    expect(scorecardSaveRefusal({ mode: "draft", sentVersion: 4, stored: submitted })).toBe("locked");
    expect(scorecardSaveRefusal({ mode: "submit", sentVersion: 4, stored: submitted })).toBe("locked");
    expect(scorecardSaveRefusal({ mode: "amend", sentVersion: 4, stored: submitted })).toBeNull();
    expect(scorecardSaveRefusal({ mode: "amend", sentVersion: 3, stored: draft })).toBe("not-submitted");
    expect(scorecardSaveRefusal({ mode: "amend", sentVersion: null, stored: null })).toBe("not-submitted");
  });
});
