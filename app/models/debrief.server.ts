// The panel's words about an application (evidence, weak signals, takeaways,
// amendments, graders' notes) for the debrief and the comparison. The blind
// rule is applied here, in the loader's data, never in the page.
import { asc, eq, inArray } from "drizzle-orm";
import {
  amendmentHistory,
  canReadGrades,
  debriefFlags,
  evidenceByArea,
  evidenceForArea,
  type PanelCard,
} from "~/domain/debrief";
import type { TeamRole, UserKind } from "~/domain/reference";
import type { Summary } from "~/domain/scorecard";
import { deliverables, takeHomeResult } from "~/domain/take-home";
import { interviewKindLabels } from "~/schemas/interview";
import { getDb, schema } from "~/utils/db.server";
import { summarizeSubmitted, listVisibleScorecards } from "./feedback.server";
import { type listScorecardsForApplication } from "./scorecard.server";
import { getCurrentTemplate } from "./template.server";
import { listTakeHomesForApplication } from "./take-home.server";

type SubmittedCard = ReturnType<typeof listScorecardsForApplication>[number];

function amendmentsOf(ids: number[]) {
  if (ids.length === 0) return [];
  const { scorecardAmendments: a, users } = schema;
  return getDb()
    .select({ scorecardId: a.scorecardId, reason: a.reason, before: a.before, amendedAt: a.amendedAt, by: users.name })
    .from(a)
    .leftJoin(users, eq(users.id, a.amendedById))
    .where(inArray(a.scorecardId, ids))
    .orderBy(asc(a.amendedAt), asc(a.id))
    .all();
}

/** Submitted scorecards' words, each interviewer named as the summary names them (two by one person told apart). */
export function listPanelCards(submitted: SubmittedCard[], summary: Pick<Summary, "areas">): PanelCard[] {
  const names = new Map(
    summary.areas.flatMap((a) => a.ratings.map((r) => [r.scorecardId, r.interviewerName] as const)),
  );
  const amendments = amendmentsOf(submitted.map((c) => c.id));
  return submitted.map((c) => ({
    scorecardId: c.id,
    interviewer: names.get(c.id) ?? c.interviewerName,
    interview: interviewKindLabels[c.interviewKind],
    submittedAt: c.submittedAt?.toISOString() ?? null,
    recommendation: c.recommendation,
    keyTakeaways: c.keyTakeaways,
    weakSignals: c.weakSignals,
    ratings: c.ratings.map((r) => ({ areaKey: r.areaKey, rating: r.rating, evidence: r.evidence })),
    amendments: amendments
      .filter((a) => a.scorecardId === c.id)
      .map((a) => ({ reason: a.reason, amendedAt: a.amendedAt.toISOString(), by: a.by, before: a.before })),
  }));
}

/**
 * Each take-home's submitted grades with the graders' notes, per deliverable.
 * A grader whose own grade is not in yet gets none of the others' (canReadGrades).
 */
export function listGraderNotes(
  applicationId: number,
  viewer: { id: number },
  seesAll: boolean,
  only: "all" | "latest" = "all",
) {
  const all = listTakeHomesForApplication(applicationId);
  return (only === "latest" ? all.slice(-1) : all).map((t) => {
    const submitted = t.grades.filter((g) => g.status === "submitted");
    const readable = canReadGrades({
      viewerId: viewer.id,
      seesAll,
      graderIds: t.graders.map((g) => g.userId),
      submittedGraderIds: submitted.map((g) => g.graderId),
    });
    const shown = readable ? submitted : [];
    return {
      id: t.id,
      title: t.title,
      status: t.status,
      readable,
      graderCount: t.graders.length,
      result: takeHomeResult(shown),
      grades: shown.map((g) => ({
        grader: t.graders.find((x) => x.userId === g.graderId)?.name ?? "A grader",
        deliverables: deliverables.map((d) => ({ key: d.key, label: d.label, score: g[d.key] })),
        outcomesReached: g.outcomesReached,
        costCeilingRespected: g.costCeilingRespected,
        securityRespected: g.securityRespected,
        hoursReported: g.hoursReported,
        notes: g.notes,
      })),
    };
  });
}

type Viewer = { id: number; kind: UserKind };

/**
 * The debrief of an application for a viewer. Closed (nothing of the panel's)
 * to someone the blind rule keeps out: an interviewer who still owes a
 * scorecard for it, or is not on its panel, on a role with blind feedback.
 */
export function getDebrief(input: {
  applicationId: number;
  roleId: number;
  blind: boolean;
  viewer: Viewer;
  teamRole: TeamRole | null;
}) {
  const feedback = listVisibleScorecards(input);
  if (!feedback.seesAll && input.blind && !feedback.viewerHasSubmitted) {
    return { open: false as const, seatsOwed: feedback.seatsOwed, hiddenCount: feedback.hiddenCount };
  }
  const submitted = feedback.readable.filter((c) => c.status === "submitted");
  const summary = summarizeSubmitted(submitted, getCurrentTemplate(input.roleId).areas);
  const cards = listPanelCards(submitted, summary);
  return {
    open: true as const,
    summary,
    flags: debriefFlags(summary.areas),
    areas: evidenceByArea(summary.areas, cards),
    scorecards: cards.map((c) => ({
      scorecardId: c.scorecardId,
      interviewer: c.interviewer,
      interview: c.interview,
      submittedAt: c.submittedAt,
      recommendation: c.recommendation,
      keyTakeaways: c.keyTakeaways,
      amendments: amendmentHistory(c),
    })),
    takeHomes: listGraderNotes(input.applicationId, input.viewer, feedback.seesAll),
  };
}

/**
 * What the comparison shows behind one candidate's ratings: per area each
 * rating's evidence, each scorecard's takeaways and amendment reasons, and the
 * latest take-home's graders' notes. Only for scorecards the viewer may read.
 */
export function getComparisonWords(
  submitted: SubmittedCard[],
  summary: Summary,
  applicationId: number,
  viewer: { id: number },
  seesAll: boolean,
) {
  const cards = listPanelCards(submitted, summary);
  const latest = listGraderNotes(applicationId, viewer, seesAll, "latest")[0];
  return {
    evidence: Object.fromEntries(
      summary.areas.map((a) => [a.key, evidenceForArea(a.key, cards).filter((e) => e.rated)]),
    ),
    cards: cards.map((c) => ({
      interviewer: c.interviewer,
      recommendation: c.recommendation,
      keyTakeaways: c.keyTakeaways,
      amendments: c.amendments.map((a) => a.reason),
    })),
    graderNotes: latest?.readable
      ? latest.grades.filter((g) => g.notes).map((g) => ({ grader: g.grader, notes: g.notes! }))
      : [],
  };
}
