import { describe, expect, it } from "vitest";
import {
  amendmentHistory,
  canReadGrades,
  debriefFlags,
  disagreementText,
  evidenceByArea,
  evidenceCellText,
  weakSignalsFor,
  type PanelCard,
} from "./debrief";
import { defaultAreas, summarize } from "./scorecard";

const card = (over: Partial<PanelCard> & Pick<PanelCard, "scorecardId" | "interviewer">): PanelCard => ({
  interview: "Screen",
  submittedAt: null,
  recommendation: "yes",
  keyTakeaways: null,
  weakSignals: [],
  ratings: [],
  amendments: [],
  ...over,
});

const sam = card({
  scorecardId: 1,
  interviewer: "Sam Chen",
  weakSignals: ["evals:Eyeballs outputs", "security:Ignores sensitive data", "evals:No thresholds"],
  ratings: [
    { areaKey: "evals", rating: 1, evidence: "Would look at outputs by hand" },
    { areaKey: "security", rating: null, evidence: null },
  ],
});
const jordan = card({
  scorecardId: 2,
  interviewer: "Jordan Lee",
  ratings: [{ areaKey: "evals", rating: 4, evidence: "Golden set with thresholds." }],
});

describe("weakSignalsFor", () => {
  it("keeps one area's signals without the area prefix", () => {
    expect(weakSignalsFor(sam.weakSignals, "evals")).toEqual(["Eyeballs outputs", "No thresholds"]);
    expect(weakSignalsFor(sam.weakSignals, "cost_management")).toEqual([]);
    // A key that is a prefix of another key's name does not borrow its signals.
    expect(weakSignalsFor(["evals_extra:x"], "evals")).toEqual([]);
  });
});

describe("evidenceByArea", () => {
  const areas = defaultAreas.filter((a) => ["evals", "security", "cost_management"].includes(a.key));
  const summary = summarize(areas, [
    {
      id: 1,
      interviewerName: "Sam Chen",
      templateVersion: 1,
      ratings: { evals: 1, security: null },
      recommendation: "no",
    },
    { id: 2, interviewerName: "Jordan Lee", templateVersion: 1, ratings: { evals: 4 }, recommendation: "yes" },
  ]);
  const grouped = evidenceByArea(summary.areas, [sam, jordan]);

  it("puts each rating, its evidence and weak signals under the area, leaving out scorecards without it", () => {
    const evals = grouped.find((a) => a.key === "evals")!;
    expect(evals.entries).toEqual([
      {
        scorecardId: 1,
        interviewer: "Sam Chen",
        rating: 1,
        evidence: "Would look at outputs by hand",
        weakSignals: ["Eyeballs outputs", "No thresholds"],
        rated: true,
      },
      {
        scorecardId: 2,
        interviewer: "Jordan Lee",
        rating: 4,
        evidence: "Golden set with thresholds.",
        weakSignals: [],
        rated: true,
      },
    ]);
    expect(evals).toMatchObject({ average: 2.5, spread: 3, disagreement: true });
    // Marked not assessed by Sam; not on Jordan's scorecard at all.
    expect(grouped.find((a) => a.key === "security")!.entries).toEqual([
      {
        scorecardId: 1,
        interviewer: "Sam Chen",
        rating: null,
        evidence: null,
        weakSignals: ["Ignores sensitive data"],
        rated: true,
      },
    ]);
    expect(grouped.find((a) => a.key === "cost_management")!.entries).toEqual([]);
  });

  it("lists disagreement (who is high, who is low) and gaps, must-pass gaps first", () => {
    const flags = debriefFlags(summary.areas);
    expect(flags.disagreements).toEqual([
      {
        key: "evals",
        name: "Evals",
        spread: 3,
        high: { rating: 4, who: ["Jordan Lee"] },
        low: { rating: 1, who: ["Sam Chen"] },
      },
    ]);
    expect(disagreementText(flags.disagreements[0])).toBe(
      "Evals: 4 · Strong yes (Jordan Lee) against 1 · Strong no (Sam Chen)",
    );
    expect(flags.gaps).toEqual([
      { key: "security", name: "Security", knockout: true },
      { key: "cost_management", name: "Cost management", knockout: false },
    ]);
  });

  it("does not call one rating, or a spread of one, a disagreement", () => {
    const one = summarize(areas, [
      {
        id: 1,
        interviewerName: "A",
        templateVersion: 1,
        ratings: { evals: 1, security: 2, cost_management: 3 },
        recommendation: "no",
      },
    ]);
    expect(debriefFlags(one.areas)).toEqual({ disagreements: [], gaps: [] });
    const close = summarize(areas, [
      {
        id: 1,
        interviewerName: "A",
        templateVersion: 1,
        ratings: { evals: 2, security: 3, cost_management: 3 },
        recommendation: "no",
      },
      {
        id: 2,
        interviewerName: "B",
        templateVersion: 1,
        ratings: { evals: 3, security: 3, cost_management: 3 },
        recommendation: "no",
      },
    ]);
    expect(debriefFlags(close.areas).disagreements).toEqual([]);
  });
});

describe("amendmentHistory", () => {
  const snapshot = (evalsRating: number, evidence: string, keyTakeaways: string, recommendation = "no") => ({
    recommendation,
    keyTakeaways,
    weakSignals: [],
    submittedAt: null,
    ratings: [
      { areaKey: "evals", rating: evalsRating, evidence },
      { areaKey: "security", rating: 3, evidence: "Asked about retention" },
    ],
  });
  it("shows each amendment's reason against what followed it, with the original ratings and words", () => {
    const amended = card({
      scorecardId: 3,
      interviewer: "Sam Chen",
      recommendation: "yes",
      keyTakeaways: "Now: strong",
      ratings: [
        { areaKey: "evals", rating: 4, evidence: "Second look: thresholds" },
        { areaKey: "security", rating: 3, evidence: "Asked about retention" },
      ],
      amendments: [
        {
          reason: "Misread my notes",
          amendedAt: "2026-01-01T00:00:00.000Z",
          by: "Sam Chen",
          before: snapshot(2, "First look", "Weak", "no"),
        },
        {
          reason: "Reference call",
          amendedAt: "2026-01-02T00:00:00.000Z",
          by: "Sam Chen",
          before: snapshot(3, "First look", "Now: strong", "yes"),
        },
      ],
    });
    const [first, second] = amendmentHistory(amended);
    expect(first).toMatchObject({
      reason: "Misread my notes",
      changes: [{ areaKey: "evals", before: 2, after: 3, evidenceBefore: "First look" }],
      takeawaysBefore: "Weak",
      recommendationBefore: "no",
    });
    expect(second).toMatchObject({
      reason: "Reference call",
      changes: [{ areaKey: "evals", before: 3, after: 4, evidenceBefore: "First look" }],
      takeawaysBefore: null,
      recommendationBefore: null,
    });
  });

  it("reads a malformed snapshot as empty rather than failing", () => {
    const odd = card({
      scorecardId: 4,
      interviewer: "X",
      ratings: [{ areaKey: "evals", rating: 3, evidence: null }],
      amendments: [{ reason: "r", amendedAt: "", by: null, before: { ratings: "nope" } }],
    });
    expect(amendmentHistory(odd)[0].changes).toEqual([
      { areaKey: "evals", before: null, after: 3, evidenceBefore: null },
    ]);
  });
});

describe("evidenceCellText", () => {
  it("writes a line per interviewer with the rating, the evidence and the weak signals", () => {
    const text = evidenceCellText([
      {
        scorecardId: 1,
        interviewer: "Sam Chen",
        rating: 1,
        evidence: "By hand",
        weakSignals: ["Eyeballs outputs"],
        rated: true,
      },
      { scorecardId: 2, interviewer: "Jordan Lee", rating: 4, evidence: "Golden set.", weakSignals: [], rated: true },
      { scorecardId: 3, interviewer: "Ana", rating: null, evidence: null, weakSignals: [], rated: true },
    ]);
    expect(text).toBe(
      [
        "Sam Chen (1 · Strong no): By hand. Weak signals: Eyeballs outputs.",
        "Jordan Lee (4 · Strong yes): Golden set.",
        "Ana (not assessed): no evidence written.",
      ].join("\n"),
    );
  });
});

describe("canReadGrades", () => {
  it("keeps other graders' notes from a grader whose own grade is not in, like blind feedback", () => {
    const base = { graderIds: [1, 2], submittedGraderIds: [2] };
    expect(canReadGrades({ viewerId: 1, seesAll: false, ...base })).toBe(false);
    expect(canReadGrades({ viewerId: 2, seesAll: false, ...base })).toBe(true);
    expect(canReadGrades({ viewerId: 3, seesAll: false, ...base })).toBe(true);
    expect(canReadGrades({ viewerId: 1, seesAll: true, ...base })).toBe(true);
  });
});
