// Scorecards: the default template, ratings, and the arithmetic of a summary.
// Pure: no database, no dates from the clock.

export const ratingValues = [1, 2, 3, 4] as const;
export type Rating = (typeof ratingValues)[number];
export const ratingLabels: Record<Rating, string> = { 1: "Strong no", 2: "No", 3: "Yes", 4: "Strong yes" };

/** A rating as read next to averages: the number the average is taken over, then its word ("3 · Yes"). */
export function ratingText(rating: number | null | undefined): string {
  return rating ? `${rating} · ${ratingLabels[rating as Rating]}` : "not assessed";
}

/**
 * Each interviewer's rating of one area as the number the average is taken
 * over ("Sam Chen: 3"), so a reader can check the average; "n/a" for not assessed.
 */
export function ratingsByInterviewer(ratings: { interviewerName: string; rating: number | null }[]): string[] {
  return ratings.map((r) => `${r.interviewerName}: ${r.rating ?? "n/a"}`);
}

export const recommendations = ["strong_no", "no", "yes", "strong_yes", "no_decision"] as const;
export type Recommendation = (typeof recommendations)[number];
export const recommendationLabels: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
  no_decision: "No decision",
};

export type TemplateArea = {
  key: string;
  name: string;
  strong: string;
  weak: string;
  /** Weak signals an interviewer can tick. */
  signals: string[];
  weight: number;
  knockout: boolean;
};

/** The seven areas, in our own words. Production systems, evals, security and cost carry the most weight. */
export const defaultAreas: TemplateArea[] = [
  {
    key: "production_systems",
    name: "Production systems",
    strong:
      "Talks through systems they shipped and ran: how they deployed and rolled back, what they watched, latency budgets, incidents they handled.",
    weak: "Evidence stops at notebooks, demos or leaderboard numbers.",
    signals: ["Only notebooks or demos", "No rollback or incident story", "Quotes benchmarks, not production metrics"],
    weight: 3,
    knockout: true,
  },
  {
    key: "data_readiness",
    name: "Data readiness",
    strong:
      "Asks where the data lives, who owns it, what access and lineage look like, how it gets cleaned, and where eval data comes from.",
    weak: "Jumps to picking a model before understanding the data.",
    signals: ["Model choice first", "No questions about access or ownership"],
    weight: 2,
    knockout: false,
  },
  {
    key: "evals",
    name: "Evals",
    strong: "Designs test sets with pass/fail thresholds, regression checks on every change, and a human review loop.",
    weak: "Plans to look at some outputs and judge by eye.",
    signals: ["Eyeballs outputs", "No thresholds", "No regression checks"],
    weight: 3,
    knockout: true,
  },
  {
    key: "llm_rag",
    name: "LLM / RAG systems",
    strong: "Measures retrieval quality, versions prompts, traces requests end to end, and keeps cost under control.",
    weak: "Treats RAG as \u201cadd a vector database\u201d.",
    signals: ["RAG = vector DB", "No prompt versioning", "No tracing"],
    weight: 2,
    knockout: false,
  },
  {
    key: "security",
    name: "Security",
    strong:
      "Raises access control, secrets handling, what vendors may do with data, retention, and audit trails unprompted.",
    weak: "Never asks about sensitive data.",
    signals: ["Ignores sensitive data", "Secrets in code or prompts", "No thought for vendor data use"],
    weight: 3,
    knockout: true,
  },
  {
    key: "cost_management",
    name: "Cost management",
    strong: "Plans caching, batching, routing to cheaper models and usage limits before the bill arrives.",
    weak: "No plan for inference or API cost growing with usage.",
    signals: ["No cost plan", "Always the largest model"],
    weight: 3,
    knockout: false,
  },
  {
    key: "business_communication",
    name: "Business communication",
    strong: "Turns technical risk into timeline, budget and trade-offs a stakeholder can decide on.",
    weak: "Jargon without a decision at the end.",
    signals: ["Jargon, no decisions", "Cannot size risk in time or money"],
    weight: 1,
    knockout: false,
  },
];

export type ScoreInput = {
  /** Who filled it and which template version it was filled against. */
  id: number;
  interviewerName: string;
  templateVersion: number;
  ratings: Record<string, Rating | null>;
  recommendation: Recommendation;
};

export type AreaSummary = {
  key: string;
  name: string;
  weight: number;
  knockout: boolean;
  ratings: { scorecardId: number; interviewerName: string; rating: Rating | null }[];
  /** Mean of the ratings given; not-assessed is left out, never counted as low. */
  average: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
  notAssessed: number;
  disagreement: boolean;
  knockoutFlag: boolean;
};

export type Summary = {
  areas: AreaSummary[];
  weightedTotal: number | null;
  /** The arithmetic: every area that counted, and every one left out and why. */
  arithmetic: {
    counted: { name: string; weight: number; average: number; product: number }[];
    weightSum: number;
    productSum: number;
    leftOut: { name: string; reason: string }[];
  };
  knockouts: string[];
  tally: Record<Recommendation, number>;
  versions: number[];
  scorecards: number;
};

/** Spread at or above this (on the 1-4 scale) is disagreement worth a conversation. */
export const DISAGREEMENT_SPREAD = 2;
/** A knock-out area averaging below this is flagged. It never rejects on its own. */
export const KNOCKOUT_BELOW = 2.5;
/** A must-pass area whose average is under the bar: flagged for discussion, never a rejection on its own. */
export function belowTheBar(area: Pick<TemplateArea, "knockout">, average: number | null | undefined): boolean {
  return area.knockout && average != null && average < KNOCKOUT_BELOW;
}

/** Of an application's must-pass areas, those below the bar and those no scorecard assessed (keys, in template order). */
export function mustPassFlags(
  areas: Pick<TemplateArea, "key" | "knockout">[],
  averages: Record<string, number | null | undefined>,
  scorecards: number,
) {
  if (scorecards === 0) return { below: [], unassessed: [] };
  return {
    below: areas.filter((a) => belowTheBar(a, averages[a.key])).map((a) => a.key),
    unassessed: areas.filter((a) => a.knockout && averages[a.key] == null).map((a) => a.key),
  };
}

/** A total from fewer scorecards than this is one interviewer's view: shown, but marked as thin evidence. */
export const FEW_SCORECARDS = 2;
export function thinEvidenceNote(scorecards: number): string | null {
  return scorecards > 0 && scorecards < FEW_SCORECARDS
    ? `only ${scorecards} scorecard${scorecards === 1 ? "" : "s"}`
    : null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarize(areas: TemplateArea[], scorecards: ScoreInput[]): Summary {
  const areaSummaries: AreaSummary[] = areas.map((area) => {
    const ratings = scorecards.map((s) => ({
      scorecardId: s.id,
      interviewerName: s.interviewerName,
      rating: s.ratings[area.key] ?? null,
    }));
    const given = ratings.map((r) => r.rating).filter((r): r is Rating => r !== null);
    const average = areaAverage(
      given.reduce((a, b) => a + b, 0),
      given.length,
    );
    const min = given.length ? Math.min(...given) : null;
    const max = given.length ? Math.max(...given) : null;
    // One rating cannot disagree with itself: spread needs two.
    const spread = given.length >= 2 && min !== null && max !== null ? max - min : null;
    return {
      key: area.key,
      name: area.name,
      weight: area.weight,
      knockout: area.knockout,
      ratings,
      average,
      min,
      max,
      spread,
      notAssessed: ratings.length - given.length,
      disagreement: spread !== null && spread >= DISAGREEMENT_SPREAD,
      knockoutFlag: belowTheBar(area, average),
    };
  });

  const { total, arithmetic } = weightedTotal(areas, Object.fromEntries(areaSummaries.map((a) => [a.key, a.average])));
  const tally = Object.fromEntries(recommendations.map((r) => [r, 0])) as Record<Recommendation, number>;
  for (const s of scorecards) tally[s.recommendation] += 1;

  return {
    areas: areaSummaries,
    weightedTotal: total,
    arithmetic,
    knockouts: areaSummaries.filter((a) => a.knockoutFlag).map((a) => a.name),
    tally,
    versions: [...new Set(scorecards.map((s) => s.templateVersion))].sort((a, b) => a - b),
    scorecards: scorecards.length,
  };
}

/**
 * The areas and weights an application's scorecards are summed against: those
 * of the newest template version its submitted scorecards were filled with,
 * plus any area only an older version had. A later template edit never
 * rewrites past decisions; with no scorecards yet, the current template.
 * The application page, the rollup and the comparison all use this.
 */
export function areasFilledAgainst(
  versions: { version: number; areas: TemplateArea[] }[],
  current: TemplateArea[],
): TemplateArea[] {
  const areas: TemplateArea[] = [];
  for (const v of [...versions].sort((a, b) => b.version - a.version))
    for (const a of v.areas) if (!areas.some((x) => x.key === a.key)) areas.push(a);
  return areas.length ? areas : current;
}

/** The must-pass line when no area is flagged: "None" only when every must-pass area was actually assessed. */
export function mustPassNote(summary: Pick<Summary, "areas" | "scorecards">): string {
  if (summary.scorecards === 0) return "No scorecards yet";
  const { unassessed: keys } = mustPassFlags(
    summary.areas,
    Object.fromEntries(summary.areas.map((a) => [a.key, a.average])),
    summary.scorecards,
  );
  const unassessed = summary.areas.filter((a) => keys.includes(a.key)).map((a) => a.name);
  return unassessed.length ? `None flagged; not assessed: ${unassessed.join(", ")}` : "None";
}

/** Why a viewer does not see an application's scores on the rollup and comparison. */
export type HiddenScores = "grading" | "pending" | "blind";
export const hiddenScoresLabels: Record<HiddenScores, string> = {
  grading: "hidden until their take-home is graded",
  pending: "after your scorecard",
  blind: "hidden (blind feedback)",
};

/** Round an area's average the one way every summary and rollup does. */
export function areaAverage(sum: number, n: number): number | null {
  return n > 0 ? round2(sum / n) : null;
}

/**
 * The weighted total from per-area averages: Σ(weight × average) / Σ(weights
 * that counted). Used by the per-application summary and the role rollup alike.
 */
export function weightedTotal(
  areas: Pick<TemplateArea, "key" | "name" | "weight">[],
  averages: Record<string, number | null | undefined>,
) {
  const counted = areas
    .filter((a) => averages[a.key] != null && a.weight > 0)
    .map((a) => ({
      name: a.name,
      weight: a.weight,
      average: averages[a.key]!,
      product: round2(a.weight * averages[a.key]!),
    }));
  const leftOut = areas
    .filter((a) => averages[a.key] == null || a.weight <= 0)
    .map((a) => ({ name: a.name, reason: a.weight <= 0 ? "weight 0" : "not assessed by anyone" }));
  const weightSum = counted.reduce((n, c) => n + c.weight, 0);
  const productSum = round2(counted.reduce((n, c) => n + c.weight * c.average, 0));
  return {
    total: weightSum > 0 ? round2(productSum / weightSum) : null,
    arithmetic: { counted, weightSum, productSum, leftOut },
  };
}

/**
 * Blind feedback: who may read a submitted scorecard. Admins, recruiters and
 * the role's hiring managers read all; an interviewer reads their own, and the
 * panel's only after submitting their own for the same application (or when
 * the role turned blindness off). Drafts are private to their author.
 */
export function canReadScorecard(input: {
  viewer: { id: number; seesAll: boolean };
  scorecard: { interviewerId: number; status: "draft" | "submitted" };
  viewerHasSubmitted: boolean;
  blind: boolean;
}): boolean {
  const { viewer, scorecard } = input;
  if (scorecard.interviewerId === viewer.id) return true;
  if (scorecard.status !== "submitted") return false;
  if (viewer.seesAll) return true;
  return !input.blind || input.viewerHasSubmitted;
}

/** A submitted scorecard as it stood before an amendment, kept with the amendment (dates as ISO strings). */
export type ScorecardSnapshot = {
  recommendation: Recommendation;
  keyTakeaways: string | null;
  weakSignals: string[];
  submittedAt: string | null;
  ratings: { areaKey: string; rating: number | null; evidence: string | null }[];
};

/** A template that has been used is never edited in place: the change makes a new version. */
export function templateChange(input: { used: boolean }): "edit-in-place" | "new-version" {
  return input.used ? "new-version" : "edit-in-place";
}

/** A scorecard is overdue when it is not submitted more than 24 hours after its interview ended. */
export const OVERDUE_AFTER_MS = 24 * 3_600_000;
/** The states of a scorecard still owed, most pressing first. */
export type QueueState = "upcoming" | "due" | "overdue";
export const queueStates: readonly QueueState[] = ["overdue", "due", "upcoming"];
export function scorecardState(input: {
  status: "draft" | "submitted" | null;
  interviewEndsAt: Date;
  now: Date;
}): "submitted" | "upcoming" | "due" | "overdue" {
  if (input.status === "submitted") return "submitted";
  const t = input.now.getTime() - input.interviewEndsAt.getTime();
  if (t < 0) return "upcoming";
  return t > OVERDUE_AFTER_MS ? "overdue" : "due";
}

/**
 * A fingerprint of what the template editor showed: the areas and whether
 * feedback is blind. Editing a template no scorecard has used yet keeps its
 * version number, so the version alone cannot tell that someone else saved
 * in between; a save sent from a page whose fingerprint no longer matches is stale.
 */
export function templateStamp(areas: unknown, blindFeedback: boolean): string {
  const text = JSON.stringify([areas, blindFeedback]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

/**
 * How a panelist saves a scorecard: a draft (private, may be partial), a
 * submission (complete, then locked), or an amendment of a submitted one.
 */
export type ScorecardMode = "draft" | "submit" | "amend";

/** A ticked weak signal is stored as "areaKey:signal"; whether `signal` belongs to the area. */
export function isSignalOf(signal: string, areaKey: string): boolean {
  return signal.startsWith(`${areaKey}:`);
}

/**
 * A weak signal spotted is evidence about the area, so the area was assessed:
 * "not assessed" with a weak signal ticked for it is refused.
 */
export function weakSignalOnUnassessedArea(
  areaKey: string,
  rating: string | undefined,
  weakSignals: string[],
): boolean {
  return rating === "na" && weakSignals.some((s) => isSignalOf(s, areaKey));
}

/** A submission needs something to rate: an interview whose focus areas all left the template cannot be submitted. */
export function nothingToRate(mode: ScorecardMode, areaCount: number): boolean {
  return mode !== "draft" && areaCount === 0;
}

/** A problem with a scorecard as sent, for the field it belongs to (`null`: the form as a whole). */
export type ScorecardProblem = { field: string | null; message: string };

/**
 * What keeps a scorecard form from being submitted or amended (a draft may be
 * partial, so it has none): nothing to rate; each area needs a rating or "not
 * assessed", and "not assessed" no weak signal ticked for it; a recommendation
 * (which may be "no decision"); an amendment, its reason. `ratings` holds the
 * form's values: "1" to "4", "na" for not assessed, "" or nothing for unrated.
 */
export function scorecardSubmissionProblems(input: {
  mode: ScorecardMode;
  areaKeys: string[];
  ratings: Record<string, string | undefined>;
  weakSignals: string[];
  recommendation: string | undefined;
  amendReason: string | undefined;
}): ScorecardProblem[] {
  if (input.mode === "draft") return [];
  const problems: ScorecardProblem[] = [];
  if (nothingToRate(input.mode, input.areaKeys.length)) {
    problems.push({
      field: null,
      message: "This interview has no areas left to rate on its template; ask the hiring manager to reschedule it.",
    });
  }
  for (const key of input.areaKeys) {
    const rating = input.ratings[key];
    if (!rating) problems.push({ field: `rating_${key}`, message: "Rate this area, or mark it not assessed" });
    else if (weakSignalOnUnassessedArea(key, rating, input.weakSignals)) {
      problems.push({
        field: `rating_${key}`,
        message: "Weak signals are ticked for this area: rate it, or untick them",
      });
    }
  }
  if (!input.recommendation)
    problems.push({ field: "recommendation", message: "Choose a recommendation (or no decision)" });
  if (input.mode === "amend" && !(input.amendReason ?? "").trim())
    problems.push({ field: "amendReason", message: "Say why you are amending a submitted scorecard" });
  return problems;
}

/** Why a save of a panelist's scorecard is refused, given the one stored (if any). */
export type ScorecardSaveRefusal = "conflict" | "locked" | "not-submitted" | "cancelled";

/**
 * Whether a save may go ahead: it must be sent from the version stored (none
 * for a new scorecard), else someone saved in between; a submitted scorecard
 * is locked and changes only by amendment; only a submitted one is amended.
 */
export function scorecardSaveRefusal(input: {
  mode: ScorecardMode;
  sentVersion: number | null;
  stored: { version: number; status: "draft" | "submitted" } | null;
  /** The interview was cancelled: nothing new is written for it; a scorecard submitted before may still be amended. */
  cancelled?: boolean;
}): ScorecardSaveRefusal | null {
  const { mode, stored } = input;
  if (input.cancelled && mode !== "amend") return "cancelled";
  if ((stored?.version ?? null) !== input.sentVersion) return "conflict";
  if (stored?.status === "submitted" && mode !== "amend") return "locked";
  if (mode === "amend" && stored?.status !== "submitted") return "not-submitted";
  return null;
}
