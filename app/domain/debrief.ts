// The debrief: what the panel wrote about an application, grouped the way a
// hiring manager reads it before deciding. Pure: the models hand in the
// scorecards the viewer may read (the blind rule is applied before this).
import { ratingText, type AreaSummary, type Rating, type Recommendation } from "./scorecard";

/** One submitted scorecard's words, with the interviewer named as the summary names them. */
export type PanelCard = {
  scorecardId: number;
  /** "Sam Chen", or "Sam Chen (Screen)" when one person wrote two scorecards for the application. */
  interviewer: string;
  /** The interview it was written for, as a label ("Screen"). */
  interview: string;
  submittedAt: string | null;
  recommendation: Recommendation;
  keyTakeaways: string | null;
  /** "area_key:signal", as the scorecard stores them. */
  weakSignals: string[];
  ratings: { areaKey: string; rating: number | null; evidence: string | null }[];
  amendments: { reason: string; amendedAt: string; by: string | null; before: Record<string, unknown> }[];
};

export type EvidenceEntry = {
  scorecardId: number;
  interviewer: string;
  rating: Rating | null;
  evidence: string | null;
  weakSignals: string[];
  /** Whether the area was on this scorecard at all (an interview's focus can leave areas out). */
  rated: boolean;
};

/** The weak signals a scorecard ticked for one area, without the area prefix. */
export function weakSignalsFor(signals: readonly string[], areaKey: string): string[] {
  const prefix = `${areaKey}:`;
  return signals.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
}

/** Each scorecard's rating, evidence and weak signals for one area, in the order the cards come. */
export function evidenceForArea(areaKey: string, cards: readonly PanelCard[]): EvidenceEntry[] {
  return cards.map((c) => {
    const row = c.ratings.find((r) => r.areaKey === areaKey);
    const rating = row && row.rating !== null && row.rating >= 1 && row.rating <= 4 ? (row.rating as Rating) : null;
    return {
      scorecardId: c.scorecardId,
      interviewer: c.interviewer,
      rating,
      evidence: row?.evidence ?? null,
      weakSignals: weakSignalsFor(c.weakSignals, areaKey),
      rated: row !== undefined,
    };
  });
}

/** Per area (in the summary's order): its figures and every scorecard's words on it. */
export function evidenceByArea(areas: readonly AreaSummary[], cards: readonly PanelCard[]) {
  return areas.map((a) => ({
    key: a.key,
    name: a.name,
    weight: a.weight,
    knockout: a.knockout,
    average: a.average,
    spread: a.spread,
    disagreement: a.disagreement,
    knockoutFlag: a.knockoutFlag,
    entries: evidenceForArea(a.key, cards).filter((e) => e.rated),
  }));
}

export type Disagreement = {
  key: string;
  name: string;
  spread: number;
  high: { rating: number; who: string[] };
  low: { rating: number; who: string[] };
};

/**
 * What to talk about first: areas where the panel disagrees (spread of two or
 * more: who rated highest and lowest) and areas nobody assessed (must-pass ones first).
 */
export function debriefFlags(areas: readonly AreaSummary[]) {
  const disagreements: Disagreement[] = areas
    .filter((a) => a.disagreement && a.min !== null && a.max !== null)
    .map((a) => ({
      key: a.key,
      name: a.name,
      spread: a.spread ?? 0,
      high: { rating: a.max!, who: a.ratings.filter((r) => r.rating === a.max).map((r) => r.interviewerName) },
      low: { rating: a.min!, who: a.ratings.filter((r) => r.rating === a.min).map((r) => r.interviewerName) },
    }))
    .sort((x, y) => y.spread - x.spread);
  const gaps = areas
    .filter((a) => a.average === null)
    .map((a) => ({ key: a.key, name: a.name, knockout: a.knockout }))
    .sort((x, y) => Number(y.knockout) - Number(x.knockout));
  return { disagreements, gaps };
}

/** "Evals: 4 · Strong yes (Sam Chen) against 2 · No (Jordan Lee)". */
export function disagreementText(d: Disagreement): string {
  return `${d.name}: ${ratingText(d.high.rating)} (${d.high.who.join(", ")}) against ${ratingText(
    d.low.rating,
  )} (${d.low.who.join(", ")})`;
}

export type AmendmentView = {
  reason: string;
  amendedAt: string;
  by: string | null;
  /** Areas whose rating or evidence the amendment changed: what it said before, and what it says now. */
  changes: { areaKey: string; before: number | null; after: number | null; evidenceBefore: string | null }[];
  takeawaysBefore: string | null;
  recommendationBefore: Recommendation | null;
};

type SnapshotRating = { areaKey: string; rating: number | null; evidence: string | null };

function snapshotRatings(before: Record<string, unknown>): SnapshotRating[] {
  const raw = Array.isArray(before.ratings) ? before.ratings : [];
  return raw
    .filter(
      (r): r is Record<string, unknown> =>
        typeof r === "object" && r !== null && typeof (r as { areaKey?: unknown }).areaKey === "string",
    )
    .map((r) => ({
      areaKey: r.areaKey as string,
      rating: typeof r.rating === "number" ? r.rating : null,
      evidence: typeof r.evidence === "string" ? r.evidence : null,
    }));
}

/**
 * Each amendment against the state that followed it (the next amendment's
 * snapshot, or the scorecard as it stands): what changed and the original.
 */
export function amendmentHistory(
  card: Pick<PanelCard, "ratings" | "keyTakeaways" | "recommendation" | "amendments">,
): AmendmentView[] {
  return card.amendments.map((a, i) => {
    const next = card.amendments[i + 1];
    const after = next ? snapshotRatings(next.before) : card.ratings;
    const afterTakeaways = next ? ((next.before.keyTakeaways as string | null | undefined) ?? null) : card.keyTakeaways;
    const afterRecommendation = next
      ? ((next.before.recommendation as Recommendation | undefined) ?? null)
      : card.recommendation;
    const before = snapshotRatings(a.before);
    const keys = [...new Set([...before.map((r) => r.areaKey), ...after.map((r) => r.areaKey)])];
    const changes = keys.flatMap((areaKey) => {
      const b = before.find((r) => r.areaKey === areaKey);
      const n = after.find((r) => r.areaKey === areaKey);
      if ((b?.rating ?? null) === (n?.rating ?? null) && (b?.evidence ?? null) === (n?.evidence ?? null)) return [];
      return [{ areaKey, before: b?.rating ?? null, after: n?.rating ?? null, evidenceBefore: b?.evidence ?? null }];
    });
    const takeawaysBefore = (a.before.keyTakeaways as string | null | undefined) ?? null;
    const recommendationBefore = (a.before.recommendation as Recommendation | undefined) ?? null;
    return {
      reason: a.reason,
      amendedAt: a.amendedAt,
      by: a.by,
      changes,
      takeawaysBefore: takeawaysBefore !== afterTakeaways ? takeawaysBefore : null,
      recommendationBefore: recommendationBefore !== afterRecommendation ? recommendationBefore : null,
    };
  });
}

/**
 * One area's evidence for a spreadsheet cell: a line per interviewer,
 * "Sam Chen (3 · Yes): what they saw. Weak signals: …".
 */
export function evidenceCellText(entries: readonly EvidenceEntry[]): string {
  return entries
    .map((e) => {
      const weak = e.weakSignals.length ? ` Weak signals: ${e.weakSignals.join("; ")}.` : "";
      const text = e.evidence ?? "no evidence written";
      return `${e.interviewer} (${ratingText(e.rating)}): ${/[.!?]$/.test(text) ? text : `${text}.`}${weak}`;
    })
    .join("\n");
}

/**
 * Take-home grades follow the blind rule too: a grader whose own grade is not
 * in yet reads none of the other graders' notes on that take-home (those who
 * see every scorecard see these as well).
 */
export function canReadGrades(input: {
  viewerId: number;
  seesAll: boolean;
  graderIds: readonly number[];
  submittedGraderIds: readonly number[];
}): boolean {
  if (input.seesAll || !input.graderIds.includes(input.viewerId)) return true;
  return input.submittedGraderIds.includes(input.viewerId);
}
