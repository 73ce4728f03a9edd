// Interviewer calibration: how each interviewer rates against the rest of the
// panel on the same applications, and how their calls matched outcomes.

export type CalibrationCard = {
  interviewerId: number;
  applicationId: number;
  /** Sum and number of the ratings given (1-4); not-assessed areas are counted separately. */
  ratingSum: number;
  ratingCount: number;
  notAssessed: number;
  recommendation: "strong_no" | "no" | "yes" | "strong_yes" | "no_decision";
  /** Hours from the interview's end to submission. */
  hoursToSubmit: number;
};

export type Outcome = "positive" | "negative" | null;

/** Hired or offered counts as a positive outcome, rejected as negative; anything else has no outcome yet. */
export function outcomeOf(stage: string): Outcome {
  if (stage === "hired" || stage === "offer") return "positive";
  if (stage === "rejected") return "negative";
  return null;
}

export type InterviewerCalibration = {
  interviewerId: number;
  scorecards: number;
  /** Every rating the interviewer gave. */
  averageGiven: number | null;
  /** Their ratings, and the co-panel's, on the applications both rated. */
  sharedAverage: number | null;
  coPanelAverage: number | null;
  /** sharedAverage - coPanelAverage, as shown (rounded first): above 0 is lenient, below 0 severe. */
  leniency: number | null;
  /** How many applications that comparison rests on. */
  sharedApplications: number;
  /** Share of decided recommendations that matched the final outcome, and how many were judged. */
  agreement: number | null;
  judged: number;
  notAssessedShare: number | null;
  noDecisionShare: number;
  medianHoursToSubmit: number | null;
};

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

type Tally = { sum: number; n: number };
const ratio = (t: Tally) => (t.n ? t.sum / t.n : null);
/** The map's value for `key`, made and stored first if missing. */
const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => map.get(key) ?? map.set(key, make()).get(key)!;
const tally = (): Tally => ({ sum: 0, n: 0 });

/** Leniency beyond this (on the 1-4 scale) is called lenient or severe... */
export const LENIENCY_FLAG = 0.5;
/** ...once it rests on at least this many shared applications; fewer is too few to judge. */
export const LENIENCY_MIN_SHARED = 3;

/** What a leniency figure says about the interviewer, if anything yet. */
export function leniencyCall(
  c: Pick<InterviewerCalibration, "leniency" | "sharedApplications">,
): "lenient" | "severe" | "in line" | "too few" | null {
  if (c.leniency === null) return null;
  if (c.sharedApplications < LENIENCY_MIN_SHARED) return "too few";
  return c.leniency > LENIENCY_FLAG ? "lenient" : c.leniency < -LENIENCY_FLAG ? "severe" : "in line";
}

/**
 * What calibration needs to know about one interviewer, as sums: their scorecards and ratings; the applications
 * someone else on the panel also rated (shared), with their ratings there and the co-panel's; their calls on
 * applications with an outcome; areas not assessed; and the middle one or two of their hours to submit. Summed
 * in SQL per interviewer and application (app/models/calibration.server.ts), or from cards by `sumCards`.
 */
export type InterviewerSums = {
  interviewerId: number;
  scorecards: number;
  ratingSum: number;
  ratingCount: number;
  sharedApplications: number;
  sharedSum: number;
  sharedCount: number;
  coPanelSum: number;
  coPanelCount: number;
  decided: number;
  agreed: number;
  areas: number;
  notAssessed: number;
  noDecision: number;
  /** The middle hours to submit, in order: one for an odd number of scorecards, two for an even one. */
  middleHours: number[];
};

/** Whether a decided recommendation matched the outcome: a yes for a hire or offer, a no for a rejection. */
export function agreesWithOutcome(recommendation: CalibrationCard["recommendation"], outcome: Outcome): boolean {
  return (recommendation === "yes" || recommendation === "strong_yes") === (outcome === "positive");
}

/** An interviewer's figures from their sums: every figure rounded to two places as shown. */
export function calibrationFigures(s: InterviewerSums): InterviewerCalibration {
  const onShared = round2(ratio({ sum: s.sharedSum, n: s.sharedCount }));
  const coPanel = round2(ratio({ sum: s.coPanelSum, n: s.coPanelCount }));
  const [low, high] = s.middleHours;
  return {
    interviewerId: s.interviewerId,
    scorecards: s.scorecards,
    averageGiven: round2(ratio({ sum: s.ratingSum, n: s.ratingCount })),
    sharedAverage: onShared,
    coPanelAverage: coPanel,
    leniency: onShared !== null && coPanel !== null ? round2(onShared - coPanel) : null,
    sharedApplications: s.sharedApplications,
    agreement: s.decided ? round2(s.agreed / s.decided) : null,
    judged: s.decided,
    notAssessedShare: s.areas ? round2(s.notAssessed / s.areas) : null,
    noDecisionShare: round2(s.noDecision / s.scorecards) ?? 0,
    medianHoursToSubmit: round2(low === undefined ? null : high === undefined ? low : (low + high) / 2),
  };
}

/** The middle one or two of some numbers, in ascending order (what a median is taken from). */
export function middleOf(xs: number[]): number[] {
  if (xs.length === 0) return [];
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? [s[mid]] : [s[mid - 1], s[mid]];
}

/**
 * The sums per interviewer from scorecards in memory, in one pass: per interviewer and application, and per
 * application (the co-panel's ratings on an application are its total less the interviewer's own).
 */
export function sumCards(cards: CalibrationCard[], outcomes: Map<number, Outcome>): InterviewerSums[] {
  const byInterviewer = new Map<number, { cards: CalibrationCard[]; perApplication: Map<number, Tally> }>();
  const perApplication = new Map<number, Tally>();
  for (const c of cards) {
    const mine = entry(byInterviewer, c.interviewerId, () => ({
      cards: [] as CalibrationCard[],
      perApplication: new Map<number, Tally>(),
    }));
    mine.cards.push(c);
    for (const t of [
      entry(mine.perApplication, c.applicationId, tally),
      entry(perApplication, c.applicationId, tally),
    ]) {
      t.sum += c.ratingSum;
      t.n += c.ratingCount;
    }
  }
  return [...byInterviewer].map(([id, { cards: mine, perApplication: myApps }]) => {
    const [given, others, overall] = [tally(), tally(), tally()];
    let shared = 0;
    for (const [appId, my] of myApps) {
      overall.sum += my.sum;
      overall.n += my.n;
      const all = perApplication.get(appId)!;
      if (my.n && all.n - my.n) {
        shared += 1;
        given.sum += my.sum;
        given.n += my.n;
        others.sum += all.sum - my.sum;
        others.n += all.n - my.n;
      }
    }
    const decided = mine.filter((c) => c.recommendation !== "no_decision" && outcomes.get(c.applicationId));
    return {
      interviewerId: id,
      scorecards: mine.length,
      ratingSum: overall.sum,
      ratingCount: overall.n,
      sharedApplications: shared,
      sharedSum: given.sum,
      sharedCount: given.n,
      coPanelSum: others.sum,
      coPanelCount: others.n,
      decided: decided.length,
      agreed: decided.filter((c) => agreesWithOutcome(c.recommendation, outcomes.get(c.applicationId)!)).length,
      areas: mine.reduce((n, c) => n + c.ratingCount + c.notAssessed, 0),
      notAssessed: mine.reduce((n, c) => n + c.notAssessed, 0),
      noDecision: mine.filter((c) => c.recommendation === "no_decision").length,
      middleHours: middleOf(mine.map((c) => c.hoursToSubmit)),
    };
  });
}

/** Calibration from scorecards in memory: the plain reading of what the SQL sums (used by tests and small sets). */
export function calibrate(cards: CalibrationCard[], outcomes: Map<number, Outcome>): InterviewerCalibration[] {
  return sumCards(cards, outcomes).map(calibrationFigures);
}

/** Interviewers on one page of calibration, most scorecards first. */
export const CALIBRATION_PAGE_SIZE = 50;

/** Roles on one page of calibration's per-role panel agreement list. */
export const CALIBRATION_ROLES_PAGE_SIZE = 25;
