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

export type ConstraintVotes = { broken: number; recorded: number };

/** "1 of 2 graders": how many of the graders who recorded a constraint say it was broken. */
export function brokenShare(v: ConstraintVotes): string {
  return `${v.broken} of ${v.recorded} ${v.recorded === 1 ? "grader" : "graders"}`;
}

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
  // How many graders recorded a constraint, and how many say it was broken: one grader's word is not the panel's.
  const votes = (pick: (g: Grade) => boolean | null): ConstraintVotes => {
    const known = grades.map(pick).filter((v): v is boolean => v !== null);
    return { broken: known.filter((v) => !v).length, recorded: known.length };
  };
  return {
    graders: grades.length,
    perDeliverable,
    overall: mean(averages),
    outcomesReached: mean(grades.map((g) => g.outcomesReached).filter((v): v is number => v !== null)),
    costCeilingRespected: flags((g) => g.costCeilingRespected),
    securityRespected: flags((g) => g.securityRespected),
    costCeilingVotes: votes((g) => g.costCeilingRespected),
    securityVotes: votes((g) => g.securityRespected),
    hoursReported: mean(grades.map((g) => g.hoursReported).filter((v): v is number => v !== null)),
  };
}

export type TakeHomeResult = ReturnType<typeof takeHomeResult>;

/**
 * What a combined result records beyond its overall figure, in one order with
 * one wording, for every place that lists it (the take-home and application
 * pages, the comparison and its CSV). `broken` marks a constraint a grader
 * says was not respected, which should stand out.
 */
export type TakeHomeFact = {
  key: string;
  label: string;
  scale: "of4" | "outcomes" | "yesNo" | "hours";
  value: number | boolean | null;
  broken: boolean;
  /** For a constraint: how many graders recorded it and how many say it was broken. */
  votes?: ConstraintVotes;
};

export function takeHomeFacts(result: TakeHomeResult): TakeHomeFact[] {
  const constraint = (key: string, label: string, value: boolean | null, votes: ConstraintVotes): TakeHomeFact => ({
    key,
    label,
    scale: "yesNo",
    value,
    broken: value === false,
    votes,
  });
  return [
    ...result.perDeliverable.map((d): TakeHomeFact => ({
      key: d.key,
      label: d.label,
      scale: "of4",
      value: d.average,
      broken: false,
    })),
    {
      key: "outcomesReached",
      label: "Expected outcomes reached",
      scale: "outcomes",
      value: result.outcomesReached,
      broken: false,
    },
    constraint("costCeilingRespected", "Cost ceiling respected", result.costCeilingRespected, result.costCeilingVotes),
    constraint("securityRespected", "Security constraint respected", result.securityRespected, result.securityVotes),
    { key: "hoursReported", label: "Hours reported", scale: "hours", value: result.hoursReported, broken: false },
  ];
}

/** A constraint the graders say was broken carries how many of them say so: "no (1 of 2 graders)". */
function yesNoText(fact: TakeHomeFact): string {
  if (fact.value) return "yes";
  return fact.votes ? `no (${brokenShare(fact.votes)})` : "no";
}

/** A fact as read on a page: "3 / 4", "8 of 10", "no (1 of 2 graders)", "6 h"; "not recorded" when no grader gave it. */
export function takeHomeFactText(fact: TakeHomeFact): string {
  if (fact.value === null) return "not recorded";
  if (fact.scale === "yesNo") return yesNoText(fact);
  if (fact.scale === "of4") return `${fact.value} / 4`;
  if (fact.scale === "outcomes") return `${fact.value} of ${EXPECTED_OUTCOMES}`;
  return `${fact.value} h`;
}

/** A fact's CSV column name carries its scale, so the cell can stay a bare number a spreadsheet can sort. */
export function takeHomeFactCsv(fact: TakeHomeFact): { label: string; value: string | number } {
  const suffix = fact.scale === "of4" ? " (of 4)" : fact.scale === "outcomes" ? ` (of ${EXPECTED_OUTCOMES})` : "";
  const value = fact.value === null ? "" : typeof fact.value === "boolean" ? yesNoText(fact) : fact.value;
  return { label: `Take-home: ${fact.label.charAt(0).toLowerCase()}${fact.label.slice(1)}${suffix}`, value };
}

/** Where a take-home stands, with how many of its graders have submitted once any grading is under way. */
export function takeHomeProgress(status: TakeHomeStatus, gradesIn: number, graders: number): string {
  if (status === "graded") return `Graded by ${gradesIn} ${gradesIn === 1 ? "grader" : "graders"}`;
  if (status === "grading" || (gradesIn > 0 && status !== "waived"))
    return `${takeHomeStatusLabels[status]}: ${gradesIn} of ${graders} grades in`;
  return takeHomeStatusLabels[status];
}

/**
 * The constraints graders say were broken, as one short line for a table cell, each with how many of the
 * graders who recorded it say so ("Broke the security constraint (1 of 2 graders)"); null when none was.
 */
export function brokenConstraintsText(result: TakeHomeResult): string | null {
  const [cost, security] = [result.costCeilingVotes, result.securityVotes];
  if (cost.broken && security.broken && brokenShare(cost) === brokenShare(security)) {
    return `Broke both constraints (${brokenShare(cost)})`;
  }
  const said = [
    cost.broken ? `the cost ceiling (${brokenShare(cost)})` : null,
    security.broken ? `the security constraint (${brokenShare(security)})` : null,
  ].filter((x): x is string => x !== null);
  return said.length ? `Broke ${said.join(" and ")}` : null;
}

/**
 * Ways someone can have met or handled a candidate, most telling first. Anyone
 * with one of them knows who the candidate is, so they cannot grade them blind.
 */
export const handlingKinds = [
  "manages",
  "interviewed",
  "added-candidate",
  "added-to-pipeline",
  "moved",
  "checks",
] as const;
export type HandlingKind = (typeof handlingKinds)[number];
const handlingText: Record<HandlingKind, string> = {
  manages: "manages a role this candidate applied to",
  interviewed: "interviewed this candidate",
  "added-candidate": "added this candidate",
  "added-to-pipeline": "added this candidate to a pipeline",
  moved: "moved this candidate between stages",
  checks: "handled this candidate's compliance checks",
};

/**
 * Who cannot grade a candidate anonymously, and why (the most telling reason),
 * from what the records say each person did with the candidate.
 */
export function anonymousGradingConflicts(handled: { userId: number; kind: HandlingKind }[]): Map<number, string> {
  const best = new Map<number, HandlingKind>();
  for (const { userId, kind } of handled) {
    const current = best.get(userId);
    if (!current || handlingKinds.indexOf(kind) < handlingKinds.indexOf(current)) best.set(userId, kind);
  }
  return new Map([...best].map(([userId, kind]) => [userId, handlingText[kind]]));
}
