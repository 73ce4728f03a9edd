// Subject access: everything the app holds about one candidate, as one JSON
// document (the person, every application with its stage history, checks,
// interviews and the scorecards about them with their evidence, take-homes and
// grades, decisions, offers, consent, holds, and the audit entries about them). For HR,
// who may see all of it; the export itself is logged.
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { candidateConsents, consentState } from "~/domain/consent";
import { isoDay } from "~/domain/dates";
import { getDb, schema as s } from "~/utils/db.server";
import { recordAudit } from "./audit.server";

export const SUBJECT_ACCESS_FORMAT = "ai-talent-scorecards/subject-access/1";

const byIds = <T>(ids: number[], rows: () => T[]): T[] => (ids.length ? rows() : []);

function applicationsOf(candidateId: number) {
  const db = getDb();
  const applications = db
    .select({
      id: s.applications.id,
      roleId: s.applications.roleId,
      roleTitle: s.roles.title,
      stage: s.applications.stage,
      rejectionReason: s.applications.rejectionReason,
      exitNote: s.applications.exitNote,
      stageChangedAt: s.applications.stageChangedAt,
      submittedByAgencyId: s.applications.submittedByAgencyId,
      createdAt: s.applications.createdAt,
    })
    .from(s.applications)
    .innerJoin(s.roles, eq(s.roles.id, s.applications.roleId))
    .where(eq(s.applications.candidateId, candidateId))
    .orderBy(asc(s.applications.id))
    .all();
  const ids = applications.map((a) => a.id);
  const history = byIds(ids, () =>
    db.select().from(s.stageHistory).where(inArray(s.stageHistory.applicationId, ids)).all(),
  );
  const interviews = byIds(ids, () =>
    db.select().from(s.interviews).where(inArray(s.interviews.applicationId, ids)).all(),
  );
  const interviewIds = interviews.map((i) => i.id);
  const scorecards = byIds(interviewIds, () =>
    db
      .select({
        id: s.scorecards.id,
        interviewId: s.scorecards.interviewId,
        interviewer: s.users.name,
        status: s.scorecards.status,
        recommendation: s.scorecards.recommendation,
        keyTakeaways: s.scorecards.keyTakeaways,
        weakSignals: s.scorecards.weakSignals,
        submittedAt: s.scorecards.submittedAt,
      })
      .from(s.scorecards)
      .innerJoin(s.users, eq(s.users.id, s.scorecards.interviewerId))
      .where(inArray(s.scorecards.interviewId, interviewIds))
      .all(),
  );
  const cardIds = scorecards.map((c) => c.id);
  const ratings = byIds(cardIds, () =>
    db.select().from(s.scorecardRatings).where(inArray(s.scorecardRatings.scorecardId, cardIds)).all(),
  );
  const amendments = byIds(cardIds, () =>
    db.select().from(s.scorecardAmendments).where(inArray(s.scorecardAmendments.scorecardId, cardIds)).all(),
  );
  const takeHomes = byIds(ids, () =>
    db.select().from(s.takeHomes).where(inArray(s.takeHomes.applicationId, ids)).all(),
  );
  const takeHomeIds = takeHomes.map((t) => t.id);
  const grades = byIds(takeHomeIds, () =>
    db.select().from(s.takeHomeGrades).where(inArray(s.takeHomeGrades.takeHomeId, takeHomeIds)).all(),
  );
  const decisions = byIds(ids, () =>
    db.select().from(s.decisions).where(inArray(s.decisions.applicationId, ids)).all(),
  );
  const offers = byIds(ids, () => db.select().from(s.offers).where(inArray(s.offers.applicationId, ids)).all());
  return applications.map((a) => ({
    ...a,
    stageHistory: history.filter((h) => h.applicationId === a.id),
    interviews: interviews
      .filter((i) => i.applicationId === a.id)
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
        scorecards: scorecards
          .filter((c) => c.interviewId === i.id)
          .map((c) => ({
            ...c,
            ratings: ratings
              .filter((r) => r.scorecardId === c.id)
              .map(({ areaKey, rating, evidence }) => ({ areaKey, rating, evidence })),
            amendments: amendments.filter((m) => m.scorecardId === c.id),
          })),
      })),
    takeHomes: takeHomes
      .filter((t) => t.applicationId === a.id)
      .map((t) => ({ ...t, grades: grades.filter((g) => g.takeHomeId === t.id) })),
    decisions: decisions.filter((d) => d.applicationId === a.id),
    offers: offers.filter((o) => o.applicationId === a.id),
  }));
}

/** The whole record, or null when there is no such candidate. */
export function getSubjectAccessExport(candidateId: number, now: Date) {
  const db = getDb();
  const person = db.select().from(s.candidates).where(eq(s.candidates.id, candidateId)).get();
  if (!person) return null;
  const { emailHash: _hash, createdById: _by, ...personal } = person;
  const applications = applicationsOf(candidateId);
  const applicationIds = applications.map((a) => a.id);
  const checks = db
    .select()
    .from(s.complianceChecks)
    .where(
      or(
        eq(s.complianceChecks.candidateId, candidateId),
        applicationIds.length ? inArray(s.complianceChecks.applicationId, applicationIds) : undefined,
      ),
    )
    .all();
  const checkIds = checks.map((c) => c.id);
  const checkHistory = byIds(checkIds, () =>
    db.select().from(s.complianceHistory).where(inArray(s.complianceHistory.checkId, checkIds)).all(),
  );
  const submissions = db
    .select({
      roleId: s.agencySubmissions.roleId,
      agency: s.agencies.name,
      submittedAt: s.agencySubmissions.submittedAt,
      counts: s.agencySubmissions.counts,
      duplicateOf: s.agencySubmissions.duplicateOf,
    })
    .from(s.agencySubmissions)
    .innerJoin(s.agencies, eq(s.agencies.id, s.agencySubmissions.agencyId))
    .where(eq(s.agencySubmissions.candidateId, candidateId))
    .all();
  const holds = db.select().from(s.candidateHolds).where(eq(s.candidateHolds.candidateId, candidateId)).all();
  const audit = db
    .select()
    .from(s.auditEvents)
    .where(
      or(
        and(eq(s.auditEvents.subjectType, "candidate"), eq(s.auditEvents.subjectId, candidateId)),
        applicationIds.length ? inArray(s.auditEvents.applicationId, applicationIds) : undefined,
      ),
    )
    .orderBy(asc(s.auditEvents.at))
    .all();
  return {
    format: SUBJECT_ACCESS_FORMAT,
    exportedAt: now.toISOString(),
    person: personal,
    // What they agreed to, and where each consent stands on the day of the export.
    consent: Object.fromEntries(
      Object.entries(candidateConsents(person)).map(([purpose, c]) => [
        purpose,
        { ...c, state: consentState(c, isoDay(now)) },
      ]),
    ),
    applications,
    agencySubmissions: submissions,
    complianceChecks: checks.map((c) => ({ ...c, history: checkHistory.filter((h) => h.checkId === c.id) })),
    legalHolds: holds,
    auditEntries: audit.map(({ clientIp: _ip, userAgent: _ua, ...entry }) => entry),
  };
}

export type SubjectAccessExport = NonNullable<ReturnType<typeof getSubjectAccessExport>>;

/** The export, logged as made by `actorId` (null: an operator at the command line). */
export function exportCandidateData(candidateId: number, actorId: number | null, now: Date) {
  const data = getSubjectAccessExport(candidateId, now);
  if (!data) return null;
  recordAudit({
    actorId,
    action: "candidate.export",
    subject: { type: "candidate", id: candidateId },
    detail: { format: "json" },
  });
  return data;
}
