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

export function calibrate(cards: CalibrationCard[], outcomes: Map<number, Outcome>): InterviewerCalibration[] {
  // Sums per interviewer and application, and per application, in one pass: the work follows the
  // number of scorecards (a query can return a hundred thousand), and the co-panel's ratings on an
  // application are its total less the interviewer's own.
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
      const theirs = { sum: all.sum - my.sum, n: all.n - my.n };
      if (my.n && theirs.n) {
        shared += 1;
        given.sum += my.sum;
        given.n += my.n;
        others.sum += theirs.sum;
        others.n += theirs.n;
      }
    }
    const averageGiven = ratio(overall);
    const onShared = round2(ratio(given));
    const coPanel = round2(ratio(others));
    const decided = mine.filter((c) => c.recommendation !== "no_decision" && outcomes.get(c.applicationId));
    const agreed = decided.filter(
      (c) =>
        (c.recommendation === "yes" || c.recommendation === "strong_yes") ===
        (outcomes.get(c.applicationId) === "positive"),
    );
    const areas = mine.reduce((n, c) => n + c.ratingCount + c.notAssessed, 0);
    return {
      interviewerId: id,
      scorecards: mine.length,
      averageGiven: round2(averageGiven),
      sharedAverage: onShared,
      coPanelAverage: coPanel,
      leniency: onShared !== null && coPanel !== null ? round2(onShared - coPanel) : null,
      sharedApplications: shared,
      agreement: decided.length ? round2(agreed.length / decided.length) : null,
      judged: decided.length,
      notAssessedShare: areas ? round2(mine.reduce((n, c) => n + c.notAssessed, 0) / areas) : null,
      noDecisionShare: round2(mine.filter((c) => c.recommendation === "no_decision").length / mine.length) ?? 0,
      medianHoursToSubmit: round2(median(mine.map((c) => c.hoursToSubmit))),
    };
  });
}
