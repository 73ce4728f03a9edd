// Interviewer calibration: how each interviewer rates against the rest of the
// panel on the same applications, and how their calls matched outcomes.

export type CalibrationCard = {
  interviewerId: number;
  applicationId: number;
  /** Ratings given (1-4); not-assessed areas are counted separately. */
  ratings: number[];
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
  averageGiven: number | null;
  coPanelAverage: number | null;
  /** averageGiven - coPanelAverage on the applications both rated: above 0 is lenient, below 0 severe. */
  leniency: number | null;
  /** Share of decided recommendations that matched the final outcome, and how many were judged. */
  agreement: number | null;
  judged: number;
  notAssessedShare: number | null;
  noDecisionShare: number;
  medianHoursToSubmit: number | null;
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function calibrate(cards: CalibrationCard[], outcomes: Map<number, Outcome>): InterviewerCalibration[] {
  const interviewers = [...new Set(cards.map((c) => c.interviewerId))];
  return interviewers.map((id) => {
    const mine = cards.filter((c) => c.interviewerId === id);
    const given: number[] = [];
    const others: number[] = [];
    for (const appId of new Set(mine.map((c) => c.applicationId))) {
      const myRatings = mine.filter((c) => c.applicationId === appId).flatMap((c) => c.ratings);
      const theirRatings = cards.filter((c) => c.applicationId === appId && c.interviewerId !== id).flatMap((c) => c.ratings);
      if (myRatings.length && theirRatings.length) {
        given.push(...myRatings);
        others.push(...theirRatings);
      }
    }
    const averageGiven = mean(mine.flatMap((c) => c.ratings));
    const onShared = mean(given);
    const coPanel = mean(others);
    const decided = mine.filter((c) => c.recommendation !== "no_decision" && outcomes.get(c.applicationId));
    const agreed = decided.filter((c) => (c.recommendation === "yes" || c.recommendation === "strong_yes") === (outcomes.get(c.applicationId) === "positive"));
    const areas = mine.reduce((n, c) => n + c.ratings.length + c.notAssessed, 0);
    return {
      interviewerId: id,
      scorecards: mine.length,
      averageGiven: round2(averageGiven),
      coPanelAverage: round2(coPanel),
      leniency: onShared !== null && coPanel !== null ? round2(onShared - coPanel) : null,
      agreement: decided.length ? round2(agreed.length / decided.length) : null,
      judged: decided.length,
      notAssessedShare: areas ? round2(mine.reduce((n, c) => n + c.notAssessed, 0) / areas) : null,
      noDecisionShare: round2(mine.filter((c) => c.recommendation === "no_decision").length / mine.length) ?? 0,
      medianHoursToSubmit: round2(median(mine.map((c) => c.hoursToSubmit))),
    };
  });
}
