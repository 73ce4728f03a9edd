// The side-by-side comparison: how many applications it takes, and what each cell says.
import { hiddenScoresLabels, type AreaSummary, type HiddenScores, type Summary } from "./scorecard";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

/**
 * What one cell of the comparison (a candidate, an area) says, for the page
 * and the CSV alike: a note when there is no rating to show, else the area's
 * summary and, if their template version weighed it differently from the
 * row's weight, that weight.
 */
export type CompareCell =
  { kind: "note"; text: string } | { kind: "rated"; area: AreaSummary; weightedAs: number | null };

export function compareCell(
  candidate: { scoresHidden: HiddenScores | null; summary: Pick<Summary, "areas" | "scorecards"> },
  area: { key: string; weight: number },
): CompareCell {
  if (candidate.scoresHidden) return { kind: "note", text: hiddenScoresLabels[candidate.scoresHidden] };
  if (candidate.summary.scorecards === 0) return { kind: "note", text: "no scorecards yet" };
  const s = candidate.summary.areas.find((r) => r.key === area.key);
  if (!s) return { kind: "note", text: "not in the template version their scorecards used" };
  return { kind: "rated", area: s, weightedAs: s.weight !== area.weight ? s.weight : null };
}

export const weightedAsNote = (weight: number) => `weighted ×${weight} in the template version their scorecards used`;
