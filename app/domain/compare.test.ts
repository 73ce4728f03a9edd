import { describe, expect, it } from "vitest";
import { compareCell } from "./compare";
import { defaultAreas, summarize } from "./scorecard";

describe("compareCell", () => {
  const areas = defaultAreas
    .filter((a) => a.key !== "security")
    .map((a) => (a.key === "evals" ? { ...a, weight: 2 } : a));
  const summary = summarize(areas, [
    { id: 1, interviewerName: "Sam Chen", templateVersion: 1, ratings: { evals: 3 }, recommendation: "yes" },
  ]);
  const row = (key: string) => ({ key, weight: defaultAreas.find((a) => a.key === key)!.weight });

  it("says why there is nothing to show: hidden, no scorecards, or an area their template did not have", () => {
    expect(compareCell({ scoresHidden: "pending", summary }, row("evals"))).toEqual({
      kind: "note",
      text: "after your scorecard",
    });
    expect(compareCell({ scoresHidden: null, summary: summarize(areas, []) }, row("evals"))).toEqual({
      kind: "note",
      text: "no scorecards yet",
    });
    expect(compareCell({ scoresHidden: null, summary }, row("security"))).toEqual({
      kind: "note",
      text: "not in the template version their scorecards used",
    });
  });

  it("gives the area's summary, with the weight their template version used when it differs from the row's", () => {
    const evals = compareCell({ scoresHidden: null, summary }, row("evals"));
    expect(evals).toMatchObject({ kind: "rated", area: { key: "evals", average: 3 }, weightedAs: 2 });
    expect(compareCell({ scoresHidden: null, summary }, row("production_systems"))).toMatchObject({
      kind: "rated",
      area: { average: null },
      weightedAs: null,
    });
  });
});
