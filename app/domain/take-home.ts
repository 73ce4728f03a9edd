// Take-homes: the six graded deliverables, lateness, the anonymous-grading
// reveal, and the combined result of several graders.

export const deliverables = [
  { key: "diagnosis", label: "Diagnosis of the failure" },
  { key: "evalPlan", label: "Eval plan with pass/fail thresholds" },
  { key: "architecture", label: "Revised architecture or workflow" },
  { key: "monitoring", label: "Production monitoring plan" },
  { key: "costControl", label: "Cost-control plan" },
  { key: "notBuilding", label: "What they would not build yet" },
] as const;
export type DeliverableKey = (typeof deliverables)[number]["key"];
export const EXPECTED_OUTCOMES = 10;

export const takeHomeStatuses = ["assigned", "submitted", "grading", "graded", "waived"] as const;
export type TakeHomeStatus = (typeof takeHomeStatuses)[number];
export const takeHomeStatusLabels: Record<TakeHomeStatus, string> = {
  assigned: "Assigned",
  submitted: "Submitted",
  grading: "Grading",
  graded: "Graded",
  waived: "Waived",
};

/** Late when submitted after the end (UTC) of the due day, or of the extension if one was granted. */
export function isLate(input: { dueOn: string; extendedTo: string | null; submittedAt: Date | null }): boolean {
  if (!input.submittedAt) return false;
  const deadline = Date.parse(`${input.extendedTo ?? input.dueOn}T23:59:59.999Z`);
  return input.submittedAt.getTime() > deadline;
}

/**
 * A grader sees identity only once every assigned grader has submitted (then
 * it is revealed and the reveal recorded). Non-anonymous take-homes show it.
 */
export function identityHidden(input: { anonymous: boolean; revealedAt: Date | null }): boolean {
  return input.anonymous && input.revealedAt === null;
}

export function allGradersSubmitted(graderIds: number[], submittedGraderIds: number[]): boolean {
  return graderIds.length > 0 && graderIds.every((id) => submittedGraderIds.includes(id));
}

export type Grade = Record<DeliverableKey, number | null> & {
  outcomesReached: number | null;
  costCeilingRespected: boolean | null;
  securityRespected: boolean | null;
  hoursReported: number | null;
};

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null);

/** The combined result of submitted grades: per deliverable, overall, outcomes and constraint checks. */
export function takeHomeResult(grades: Grade[]) {
  const perDeliverable = deliverables.map((d) => ({
    key: d.key,
    label: d.label,
    average: mean(grades.map((g) => g[d.key]).filter((v): v is number => v !== null)),
  }));
  const averages = perDeliverable.map((d) => d.average).filter((v): v is number => v !== null);
  const flags = (pick: (g: Grade) => boolean | null) => {
    const known = grades.map(pick).filter((v): v is boolean => v !== null);
    return known.length === 0 ? null : known.every(Boolean);
  };
  return {
    graders: grades.length,
    perDeliverable,
    overall: mean(averages),
    outcomesReached: mean(grades.map((g) => g.outcomesReached).filter((v): v is number => v !== null)),
    costCeilingRespected: flags((g) => g.costCeilingRespected),
    securityRespected: flags((g) => g.securityRespected),
    hoursReported: mean(grades.map((g) => g.hoursReported).filter((v): v is number => v !== null)),
  };
}
