// Hiring decisions: the evidence a decision rests on, recording one (and the
// move it makes) in one transaction, the history, and the "Needs decision" list.
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import {
  againstTotal,
  checkDecision,
  decisionAtStage,
  decisionOutcomeLabels,
  seesRationale,
  stageAfter,
  type DecisionOutcome,
  type DecisionProblem,
} from "~/domain/decision";
import { mustPassFlags } from "~/domain/scorecard";
import { scopesFor } from "~/domain/policy";
import type { CheckType } from "~/domain/compliance";
import type { TeamRole, UserKind } from "~/domain/reference";
import { isOpenStage, type Stage } from "~/domain/pipeline";
import type { DecisionFormData } from "~/components/decision-form";
import { interviewKindLabels } from "~/schemas/interview";
import { cachedDerived } from "~/utils/cache.server";
import { getDb, schema } from "~/utils/db.server";
import { enqueueDecisionRecorded } from "./approval-mail.server";
import { recordAudit } from "./audit.server";
import { queueWebhookEvent } from "./webhook.server";
import { moveApplicationWithin } from "./application.server";
import { summarizeSubmitted, listVisibleScorecards } from "./feedback.server";
import { getMask } from "./masking.server";
import { isRoleBlind } from "./role.server";
import { listScorecardsForApplication } from "./scorecard.server";
import { getCurrentTemplate } from "./template.server";

const { decisions, applications, roleTeam, users } = schema;

/**
 * What a decision may cite: the areas the scorecards were filled against
 * (with averages), and the submitted scorecards.
 */
export function getDecisionEvidence(applicationId: number, roleId: number) {
  const submitted = listScorecardsForApplication(applicationId).filter((c) => c.status === "submitted");
  const summary = summarizeSubmitted(submitted, getCurrentTemplate(roleId).areas);
  const averages = Object.fromEntries(summary.areas.map((a) => [a.key, a.average]));
  const below = mustPassFlags(summary.areas, averages, summary.scorecards).below;
  return {
    areas: summary.areas.map((a) => ({
      key: a.key,
      name: a.name,
      average: a.average,
      knockout: a.knockout,
      weight: a.weight,
    })),
    scorecards: submitted.map((c) => ({
      id: c.id,
      interviewerName: c.interviewerName,
      interviewKind: c.interviewKind,
      recommendation: c.recommendation,
    })),
    weightedTotal: summary.weightedTotal,
    mustPassBelow: summary.areas.filter((a) => below.includes(a.key)).map((a) => a.name),
  };
}
export type DecisionEvidence = ReturnType<typeof getDecisionEvidence>;

/** Every decision on an application, newest first, with who decided. */
export function listDecisions(applicationId: number) {
  return getDb()
    .select({
      id: decisions.id,
      stage: decisions.stage,
      outcome: decisions.outcome,
      rejectionReason: decisions.rejectionReason,
      rationale: decisions.rationale,
      citedAreas: decisions.citedAreas,
      citedScorecards: decisions.citedScorecards,
      weightedTotal: decisions.weightedTotal,
      againstTotal: decisions.againstTotal,
      againstNote: decisions.againstNote,
      decidedAt: decisions.decidedAt,
      decidedBy: users.name,
      supersedesId: decisions.supersedesId,
      changeReason: decisions.changeReason,
    })
    .from(decisions)
    .leftJoin(users, eq(users.id, decisions.decidedById))
    .where(eq(decisions.applicationId, applicationId))
    .orderBy(desc(decisions.decidedAt), desc(decisions.id))
    .all();
}

export type RecordDecisionResult =
  | { ok: true; decisionId: number; movedTo: Stage | null }
  | { ok: false; reason: "not-found" | "conflict" }
  | { ok: false; reason: "invalid"; problems: DecisionProblem[] }
  | { ok: false; reason: "gate"; message: string; missing: CheckType[] };

export type DecisionInput = {
  applicationId: number;
  /** The application's version and the decision at its stage (null: none) as the form showed them. */
  version: number;
  currentDecisionId: number | null;
  outcome: DecisionOutcome;
  rejectionReason: string | null;
  rationale: string;
  citedAreas: string[];
  citedScorecards: number[];
  changeReason: string | null;
  actorId: number;
  now?: Date;
};

/**
 * Record a decision, and the move it makes (advance: the next stage; reject:
 * Rejected), in one transaction. A move the offer gate refuses refuses the
 * whole decision: nothing is written and the gate's message comes back.
 */
export function recordDecision(input: DecisionInput): RecordDecisionResult {
  const now = input.now ?? new Date();
  return getDb().transaction((tx): RecordDecisionResult => {
    const app = tx.select().from(applications).where(eq(applications.id, input.applicationId)).get();
    if (!app) return { ok: false, reason: "not-found" };
    const existing = decisionAtStage(
      tx.select().from(decisions).where(eq(decisions.applicationId, app.id)).all(),
      app.stage,
    );
    if (app.version !== input.version || (existing?.id ?? null) !== input.currentDecisionId)
      return { ok: false, reason: "conflict" };
    const evidence = getDecisionEvidence(app.id, app.roleId);
    const problems = checkDecision({
      stage: app.stage,
      outcome: input.outcome,
      citedAreas: input.citedAreas,
      citedScorecards: input.citedScorecards,
      areaKeys: evidence.areas.map((a) => a.key),
      scorecardIds: evidence.scorecards.map((c) => c.id),
      changing: existing !== null,
      changeReason: input.changeReason,
    });
    if (problems.length) return { ok: false, reason: "invalid", problems };
    const to = stageAfter(input.outcome, app.stage);
    if (to) {
      const note = `Decision: ${decisionOutcomeLabels[input.outcome].toLowerCase()}`;
      const moved = moveApplicationWithin(
        tx,
        app,
        { toStage: to, rejectionReason: input.rejectionReason, note, actorId: input.actorId },
        now,
      );
      if (!moved.ok && moved.reason === "gate") return moved;
      if (!moved.ok)
        return {
          ok: false,
          reason: "invalid",
          problems: [
            {
              field: moved.problem.field === "rejectionReason" ? "rejectionReason" : "outcome",
              message: moved.problem.message,
            },
          ],
        };
    }
    const against = againstTotal({
      outcome: input.outcome,
      weightedTotal: evidence.weightedTotal,
      mustPassBelow: evidence.mustPassBelow,
    });
    const { id } = tx
      .insert(decisions)
      .values({
        applicationId: app.id,
        stage: app.stage,
        outcome: input.outcome,
        rejectionReason: input.outcome === "reject" ? input.rejectionReason : null,
        rationale: input.rationale,
        citedAreas: input.citedAreas,
        citedScorecards: input.citedScorecards,
        weightedTotal: evidence.weightedTotal,
        againstTotal: against.against,
        againstNote: against.against ? against.reasons.join("; ") : null,
        decidedById: input.actorId,
        decidedAt: now,
        supersedesId: existing?.id ?? null,
        changeReason: existing ? input.changeReason : null,
      })
      .returning({ id: decisions.id })
      .get();
    recordAudit({
      actorId: input.actorId,
      action: "decision.record",
      subject: { type: "decision", id },
      roleId: app.roleId,
      applicationId: app.id,
      fields: existing ? ["outcome", "rationale", "changeReason"] : ["outcome", "rationale"],
      detail: { outcome: input.outcome, from: app.stage },
    });
    const decided = { decision_id: id, application_id: app.id, role_id: app.roleId, stage: app.stage };
    queueWebhookEvent("decision.recorded", { ...decided, outcome: input.outcome }, now);
    enqueueDecisionRecorded({
      decisionId: id,
      applicationId: app.id,
      stage: app.stage,
      outcome: input.outcome,
      actorId: input.actorId,
    });
    return { ok: true, decisionId: id, movedTo: to };
  });
}

type Viewer = { id: number; kind: UserKind };

/**
 * The decisions an application page shows this viewer: outcome, who and when
 * for everyone who may read the application; rationale, cited evidence, the
 * total and the change reasons only for those seesRationale allows.
 */
export function listDecisionsForViewer(input: {
  applicationId: number;
  roleId: number;
  viewer: Viewer;
  teamRole: TeamRole | null;
}) {
  const blind = isRoleBlind(input.roleId);
  const feedback = listVisibleScorecards({
    applicationId: input.applicationId,
    roleId: input.roleId,
    blind,
    viewer: input.viewer,
    teamRole: input.teamRole,
  });
  const seesAll =
    scopesFor(input.viewer.kind, "read:application").includes("any") || input.teamRole === "hiring_manager";
  const reads = seesRationale({
    seesAll,
    blind,
    seatsOwed: feedback.seatsOwed,
    viewerHasSubmitted: feedback.viewerHasSubmitted,
  });
  const evidence = reads ? getDecisionEvidence(input.applicationId, input.roleId) : null;
  const areaName = (key: string) => evidence?.areas.find((a) => a.key === key)?.name ?? key;
  const cardName = (id: number) => {
    const c = evidence?.scorecards.find((x) => x.id === id);
    return c ? `${c.interviewerName} (${interviewKindLabels[c.interviewKind]})` : `Scorecard ${id}`;
  };
  const rows = listDecisions(input.applicationId).map((d) => ({
    id: d.id,
    stage: d.stage as Stage,
    outcome: d.outcome,
    rejectionReason: d.rejectionReason,
    decidedAt: d.decidedAt,
    decidedBy: d.decidedBy,
    supersedes: d.supersedesId !== null,
    reasoning: reads
      ? {
          rationale: d.rationale,
          citedAreas: d.citedAreas.map(areaName),
          citedScorecards: d.citedScorecards.map(cardName),
          weightedTotal: d.weightedTotal,
          againstTotal: d.againstTotal,
          againstNote: d.againstNote,
          changeReason: d.changeReason,
        }
      : null,
  }));
  return { decisions: rows, seesRationale: reads };
}

/** The application page's decision section: what this viewer may read, and the form for those who may decide. */
export function getDecisionSection(input: {
  applicationId: number;
  roleId: number;
  viewer: Viewer;
  teamRole: TeamRole | null;
  canDecide: boolean;
}) {
  return { ...listDecisionsForViewer(input), form: input.canDecide ? getDecisionForm(input.applicationId) : null };
}

/** What the decision form needs, or null when the application is closed (hired, rejected, withdrawn). */
export function getDecisionForm(applicationId: number): DecisionFormData | null {
  const app = getDb().select().from(applications).where(eq(applications.id, applicationId)).get();
  if (!app || !isOpenStage(app.stage)) return null;
  const all = listDecisions(applicationId).map((d) => ({ ...d, stage: d.stage }));
  const current = decisionAtStage(all, app.stage);
  return {
    applicationId,
    stage: app.stage,
    version: app.version,
    current: current
      ? { id: current.id, outcome: current.outcome, decidedAt: current.decidedAt, decidedBy: current.decidedBy }
      : null,
    evidence: getDecisionEvidence(applicationId, app.roleId),
  };
}

/** The newest decision of each application on a role, for the rollup, the comparison and their CSV. */
export function listLatestDecisionsOnRole(
  roleId: number,
): Map<number, { outcome: DecisionOutcome; decidedAt: Date; againstTotal: boolean }> {
  const rows = getDb()
    .select({
      applicationId: decisions.applicationId,
      outcome: decisions.outcome,
      decidedAt: decisions.decidedAt,
      againstTotal: decisions.againstTotal,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .where(eq(applications.roleId, roleId))
    .orderBy(asc(decisions.decidedAt), asc(decisions.id))
    .all();
  // Oldest first, so each application keeps its newest.
  return new Map(
    rows.map((r) => [r.applicationId, { outcome: r.outcome, decidedAt: r.decidedAt, againstTotal: r.againstTotal }]),
  );
}

/** The roles whose decisions wait on this viewer: every role for those who read any, else the roles they manage. */
function decisionRoleIds(viewer: Viewer): number[] | null {
  if (scopesFor(viewer.kind, "read:decision").includes("any")) return null;
  return getDb()
    .select({ id: roleTeam.roleId })
    .from(roleTeam)
    .where(and(eq(roleTeam.userId, viewer.id), eq(roleTeam.teamRole, "hiring_manager")))
    .all()
    .map((r) => r.id);
}

/**
 * The applications waiting for a decision on the viewer's roles (the rule of needsDecision in app/domain/decision.ts):
 * open, not yet decided at their stage, every panel seat's scorecard submitted (at least one seat), every
 * take-home graded or waived. `readyAt` is when the last piece of evidence came in. Read from decision_ready, which
 * triggers keep to that rule per application (db/calibration-summaries.ts), through its index in that order: only
 * the page shown and the count are read, whatever the number of applications.
 */
function needsDecisionWhere(roleIds: number[] | null, masked: number[]) {
  return sql.join(
    [
      roleIds === null ? sql`1` : sql`q.role_id in ${roleIds.length ? roleIds : [0]}`,
      masked.length ? sql`q.application_id not in ${masked}` : sql`1`,
    ],
    sql` and `,
  );
}

/**
 * How many applications `where` keeps of those ready for a decision. Over every role, the kept count of the queue
 * (row_counts, db/home-counts.ts) less those the viewer grades anonymously (`masked`), rather than every entry of
 * its index.
 */
function countNeedsDecision(roleIds: number[] | null, masked: number[], where: SQL): number {
  const db = getDb();
  if (roleIds !== null)
    return db.get<{ n: number }>(sql`select count(*) as n from decision_ready q where ${where}`)?.n ?? 0;
  return (
    db.get<{ n: number }>(sql`select
      coalesce((select n from row_counts where name = 'decision_ready' and key = 0), 0)
      - (select count(*) from decision_ready q where q.application_id in ${masked.length ? masked : [0]}) as n`)?.n ?? 0
  );
}

type NeedsDecisionRow = {
  id: number;
  stage: Stage;
  roleId: number;
  roleTitle: string;
  name: string;
  scorecards: number;
  takeHome: number;
  readyAt: number;
};

function toNeedsDecisionItem(r: NeedsDecisionRow) {
  return { ...r, takeHome: r.takeHome === 1, readyAt: new Date(r.readyAt) };
}

/**
 * Every application waiting for a decision on the viewer's roles, the one whose evidence has waited longest first.
 * Someone the viewer grades anonymously never appears by name (a fully graded take-home is revealed, so this is
 * belt and braces).
 */
export function getNeedsDecisionQueue(viewer: Viewer, _now: Date) {
  return getNeedsDecisionPage(viewer, _now, 1, Number.MAX_SAFE_INTEGER).items;
}

/** One page of the queue (a page past the end shows the last one), and how many wait in all. */
export function getNeedsDecisionPage(viewer: Viewer, now: Date, page: number, perPage: number) {
  // Kept until a write feeding any role (the evidence, decisions, stages, who grades blind), per viewer and page.
  return cachedDerived(`needs-decision:${viewer.id}:${page}:${perPage}`, { maxAgeMs: 60_000, allRoles: true }, () =>
    readNeedsDecisionPage(viewer, now, page, perPage),
  );
}

function readNeedsDecisionPage(viewer: Viewer, _now: Date, page: number, perPage: number) {
  const roleIds = decisionRoleIds(viewer);
  if (roleIds !== null && roleIds.length === 0) return { total: 0, page: 1, pageCount: 1, items: [] };
  const masked = [...getMask(viewer.id).applicationIds];
  const where = needsDecisionWhere(roleIds, masked);
  const db = getDb();
  const total = countNeedsDecision(roleIds, masked, where);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  // Past the end: the last page.
  const current = Math.min(pageCount, Math.max(1, Math.floor(page) || 1));
  const rows = db.all<NeedsDecisionRow>(sql`
    select a.id as id, a.stage as stage, r.id as roleId, r.title as roleTitle, coalesce(c.name, ag.name) as name,
      q.scorecards as scorecards, q.take_home as takeHome, q.ready_at as readyAt
    from decision_ready q
    join applications a on a.id = q.application_id
    join roles r on r.id = a.role_id
    left join candidates c on c.id = a.candidate_id
    left join agencies ag on ag.id = a.agency_id
    where ${where}
    order by q.ready_at, q.application_id limit ${perPage} offset ${(current - 1) * perPage}`);
  return { total, page: current, pageCount, items: rows.map(toNeedsDecisionItem) };
}
