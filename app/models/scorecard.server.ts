// Scorecards: one panelist's scorecard for an interview (draft, submit, amend), and an application's scorecards.
import { and, asc, eq, inArray } from "drizzle-orm";
import {
  scorecardSaveRefusal,
  type Rating,
  type Recommendation,
  type ScorecardMode,
  type ScorecardSaveRefusal,
  type ScorecardSnapshot,
} from "~/domain/scorecard";
import { getDb, schema, withSummariesDeferred } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { getInterview } from "./interview.server";
import { getCurrentTemplate, ensureTemplateId, getTemplate } from "./template.server";

const { scorecardTemplates, scorecards, scorecardRatings, scorecardAmendments, interviews, users } = schema;

export type ScorecardValues = {
  /** rating 0 in a draft: not rated yet (kept only to hold evidence notes); null: not assessed. */
  ratings: Record<string, { rating: Rating | 0 | null; evidence: string | null }>;
  weakSignals: string[];
  keyTakeaways: string | null;
  recommendation: Recommendation;
  recommendationChosen: boolean;
};

export function getScorecard(interviewId: number, interviewerId: number) {
  const db = getDb();
  const card = db
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.interviewId, interviewId), eq(scorecards.interviewerId, interviewerId)))
    .get();
  if (!card) return null;
  const ratings = db.select().from(scorecardRatings).where(eq(scorecardRatings.scorecardId, card.id)).all();
  const amendments = db
    .select({
      id: scorecardAmendments.id,
      reason: scorecardAmendments.reason,
      before: scorecardAmendments.before,
      amendedAt: scorecardAmendments.amendedAt,
      by: users.name,
    })
    .from(scorecardAmendments)
    .leftJoin(users, eq(users.id, scorecardAmendments.amendedById))
    .where(eq(scorecardAmendments.scorecardId, card.id))
    .orderBy(asc(scorecardAmendments.amendedAt))
    .all();
  return { card, ratings, amendments };
}

/**
 * What a panelist's scorecard is filled against: the interview, their own
 * scorecard if any, the template version (the scorecard's own, else the one the
 * interview was scheduled against, else the role's current one) and the
 * interview's focus areas on it. Null when the interview does not exist.
 */
export function getScorecardContext(interviewId: number, userId: number) {
  const found = getInterview(interviewId);
  if (!found) return null;
  const own = getScorecard(interviewId, userId);
  const templateId = own?.card.templateId ?? found.interview.templateId;
  const template = (templateId ? getTemplate(templateId) : null) ?? getCurrentTemplate(found.role.id);
  const areas = template.areas.filter((a) => found.interview.focusAreas.includes(a.key));
  return { found, own, template, areas };
}

/** `version` is the scorecard's record version after the save, for the next save from the same page. */
export type SaveScorecardResult =
  { ok: true; id: number; version: number } | { ok: false; reason: ScorecardSaveRefusal };

function snapshot(cardId: number): ScorecardSnapshot {
  const db = getDb();
  const card = db.select().from(scorecards).where(eq(scorecards.id, cardId)).get()!;
  const ratings = db
    .select({ areaKey: scorecardRatings.areaKey, rating: scorecardRatings.rating, evidence: scorecardRatings.evidence })
    .from(scorecardRatings)
    .where(eq(scorecardRatings.scorecardId, cardId))
    .all();
  return {
    recommendation: card.recommendation,
    keyTakeaways: card.keyTakeaways,
    weakSignals: card.weakSignals,
    submittedAt: card.submittedAt?.toISOString() ?? null,
    ratings,
  };
}

/**
 * Save a draft, submit, or amend, in one transaction. Drafts and submissions
 * need the version the author loaded; a submitted scorecard changes only by
 * amendment, which keeps the previous state and the reason.
 */
function isInterviewCancelled(interviewId: number): boolean {
  const row = getDb()
    .select({ at: interviews.cancelledAt })
    .from(interviews)
    .where(eq(interviews.id, interviewId))
    .get();
  return row?.at != null;
}

export function saveScorecard(input: {
  interviewId: number;
  interviewerId: number;
  roleId: number;
  /** The interview's template; a new scorecard is filled against it. */
  templateId: number | null;
  mode: ScorecardMode;
  version: number | null;
  values: ScorecardValues;
  amendReason?: string;
  now?: Date;
}): SaveScorecardResult {
  const now = input.now ?? new Date();
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(scorecards)
      .where(and(eq(scorecards.interviewId, input.interviewId), eq(scorecards.interviewerId, input.interviewerId)))
      .get();
    const { mode, version: sentVersion } = input;
    const cancelled = isInterviewCancelled(input.interviewId);
    const refusal = scorecardSaveRefusal({ mode, sentVersion, stored: existing ?? null, cancelled });
    if (refusal) return { ok: false, reason: refusal } as const;
    // The ratings are rewritten row by row: the summary rows are recomputed once, at the end of these writes.
    return withSummariesDeferred(() => {
      let id: number;
      const fields = {
        recommendation: input.values.recommendation,
        recommendationChosen: input.values.recommendationChosen,
        keyTakeaways: input.values.keyTakeaways,
        weakSignals: input.values.weakSignals,
        updatedAt: now,
      };
      if (existing) {
        if (input.mode === "amend") {
          tx.insert(scorecardAmendments)
            .values({
              scorecardId: existing.id,
              reason: input.amendReason ?? "",
              before: snapshot(existing.id),
              amendedById: input.interviewerId,
              amendedAt: now,
            })
            .run();
        }
        const changed = tx
          .update(scorecards)
          .set({
            ...fields,
            status: input.mode === "draft" ? "draft" : "submitted",
            submittedAt: input.mode === "submit" ? now : existing.submittedAt,
            version: existing.version + 1,
          })
          .where(and(eq(scorecards.id, existing.id), eq(scorecards.version, existing.version)))
          .run().changes;
        if (changed === 0) return { ok: false, reason: "conflict" } as const;
        id = existing.id;
        tx.delete(scorecardRatings).where(eq(scorecardRatings.scorecardId, id)).run();
      } else {
        const templateId = input.templateId ?? ensureTemplateId(input.roleId, input.interviewerId);
        id = tx
          .insert(scorecards)
          .values({
            interviewId: input.interviewId,
            interviewerId: input.interviewerId,
            templateId,
            ...fields,
            status: input.mode === "submit" ? "submitted" : "draft",
            submittedAt: input.mode === "submit" ? now : null,
            createdAt: now,
          })
          .returning({ id: scorecards.id })
          .get().id;
      }
      const rows = Object.entries(input.values.ratings).map(([areaKey, r]) => ({
        scorecardId: id,
        areaKey,
        rating: r.rating,
        evidence: r.evidence,
      }));
      if (rows.length) tx.insert(scorecardRatings).values(rows).run();
      // Submits and amendments are recorded (which areas were rated, never the ratings or words); drafts are not.
      if (input.mode !== "draft") {
        const applicationId = tx
          .select({ id: interviews.applicationId })
          .from(interviews)
          .where(eq(interviews.id, input.interviewId))
          .get()?.id;
        recordAudit({
          actorId: input.interviewerId,
          action: input.mode === "amend" ? "scorecard.amend" : "scorecard.submit",
          subject: { type: "scorecard", id },
          roleId: input.roleId,
          applicationId,
          fields: ["recommendation", ...Object.keys(input.values.ratings).filter((k) => /^[A-Za-z]\w*$/.test(k))],
        });
      }
      return { ok: true, id, version: existing ? existing.version + 1 : 1 } as const;
    });
  });
}

/** Every scorecard for an application, with its ratings and template version; the caller applies the blind rule. */
export function listScorecardsForApplication(applicationId: number) {
  const db = getDb();
  const cards = db
    .select({
      id: scorecards.id,
      interviewId: scorecards.interviewId,
      interviewKind: interviews.kind,
      interviewerId: scorecards.interviewerId,
      interviewerName: users.name,
      status: scorecards.status,
      recommendation: scorecards.recommendation,
      keyTakeaways: scorecards.keyTakeaways,
      weakSignals: scorecards.weakSignals,
      submittedAt: scorecards.submittedAt,
      templateId: scorecards.templateId,
      templateVersion: scorecardTemplates.version,
      templateAreas: scorecardTemplates.areas,
    })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(users, eq(users.id, scorecards.interviewerId))
    .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, scorecards.templateId))
    .where(eq(interviews.applicationId, applicationId))
    .orderBy(asc(interviews.startsAt), asc(users.name))
    .all();
  const ids = cards.map((c) => c.id);
  const ratings = ids.length
    ? db.select().from(scorecardRatings).where(inArray(scorecardRatings.scorecardId, ids)).all()
    : [];
  const amended = ids.length
    ? db
        .select({ scorecardId: scorecardAmendments.scorecardId })
        .from(scorecardAmendments)
        .where(inArray(scorecardAmendments.scorecardId, ids))
        .all()
        .map((a) => a.scorecardId)
    : [];
  return cards.map((c) => ({
    ...c,
    ratings: ratings.filter((r) => r.scorecardId === c.id),
    amendments: amended.filter((a) => a === c.id).length,
  }));
}

/** Who on an interview's panel has a scorecard, in which state, against which template. */
export function listScorecardStatuses(interviewId: number) {
  return getDb()
    .select({ interviewerId: scorecards.interviewerId, status: scorecards.status, templateId: scorecards.templateId })
    .from(scorecards)
    .where(eq(scorecards.interviewId, interviewId))
    .all();
}
