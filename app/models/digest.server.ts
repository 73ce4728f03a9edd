// The daily digest: per user, at their digest hour in their own zone (or never,
// with no hour), one message listing what waits for them: scorecards due and
// overdue, take-homes to grade, decisions and offer approvals waiting on them,
// and for recruiters the stale compliance requests. Each list comes from the
// query its page uses (queue, grading queue, needs-decision, approvals, the HR
// board's rows); nothing waiting, no message. The key names the user and their
// local day, so a day's digest goes out once however many servers or runs try.
import { and, eq, isNotNull } from "drizzle-orm";
import { readerZone } from "~/domain/dates";
import { STALE_REQUEST_DAYS } from "~/domain/compliance";
import { dailyDigest, localHourAndDay, type DigestSection } from "~/domain/notification-mail";
import { stageLabels } from "~/domain/pipeline";
import { holdsAny, scopesFor } from "~/domain/policy";
import type { UserKind } from "~/domain/reference";
import { interviewKindLabels } from "~/schemas/interview";
import { getDb, schema } from "~/utils/db.server";
import { getEnv, mailLinkOrigin } from "~/utils/env.server";
import { countStaleRequests } from "./compliance.server";
import { getNeedsDecisionQueue } from "./decision.server";
import { enqueueMail } from "./mail.server";
import { getMask, getShownName } from "./masking.server";
import { listOffersAwaiting } from "./offer.server";
import { getInterviewerQueue, toQueueItemView } from "./queue.server";
import { getGradingQueue } from "./take-home.server";

const { users, roleTeam } = schema;

/** Items listed per section; the rest are counted with a link to the page that lists them all. */
export const DIGEST_ITEMS = 5;

type Recipient = {
  id: number;
  name: string;
  email: string;
  kind: UserKind;
  timeZone: string | null;
  digestHour: number | null;
};

function scorecardSections(user: Recipient, now: Date, origin: string): DigestSection[] {
  const queue = getInterviewerQueue(user.id, now, DIGEST_ITEMS);
  const mask = getMask(user.id);
  const section = (state: "overdue" | "due", title: string): DigestSection => ({
    title,
    total: queue[state].total,
    items: queue[state].items.map((q) => {
      const view = toQueueItemView(q, mask);
      return {
        label: `${interviewKindLabels[view.kind]} with ${view.who} (${view.roleTitle})`,
        url: `${origin}/interviews/${view.interviewId}/scorecard`,
      };
    }),
    moreUrl: `${origin}/interviews?state=${state}`,
  });
  return [section("overdue", "Scorecards overdue"), section("due", "Scorecards due")];
}

function gradingSection(user: Recipient, origin: string): DigestSection {
  const toGrade = getGradingQueue(user.id).filter(
    (g) => (g.status === "submitted" || g.status === "grading") && g.gradeStatus !== "submitted",
  );
  return {
    title: "Take-homes to grade",
    total: toGrade.length,
    items: toGrade.slice(0, DIGEST_ITEMS).map((g) => ({
      label: `${g.title}${g.anonymous && !g.revealedAt && g.alias ? ` by ${g.alias}` : ""} (${g.roleTitle})`,
      url: `${origin}/take-homes/${g.id}/grade`,
    })),
    moreUrl: `${origin}/`,
  };
}

/** Roles where the user is a hiring manager: the decisions that are theirs to make when their account decides only there. */
function managedRoleIds(userId: number): Set<number> {
  return new Set(
    getDb()
      .select({ id: roleTeam.roleId })
      .from(roleTeam)
      .where(and(eq(roleTeam.userId, userId), eq(roleTeam.teamRole, "hiring_manager")))
      .all()
      .map((r) => r.id),
  );
}

function decisionSection(user: Recipient, now: Date, origin: string): DigestSection | null {
  const scopes = scopesFor(user.kind, "create:decision");
  if (scopes.length === 0) return null;
  const managed = scopes.includes("any") ? null : managedRoleIds(user.id);
  const waiting = getNeedsDecisionQueue(user, now).filter((d) => managed === null || managed.has(d.roleId));
  return {
    title: "Decisions waiting for you",
    total: waiting.length,
    items: waiting.slice(0, DIGEST_ITEMS).map((d) => ({
      label: `${d.name} at ${stageLabels[d.stage]} (${d.roleTitle})`,
      url: `${origin}/applications/${d.id}/decision`,
    })),
    moreUrl: `${origin}/decisions`,
  };
}

function approvalSection(user: Recipient, origin: string): DigestSection | null {
  if (!holdsAny(user.kind, "read:offer")) return null;
  const mask = getMask(user.id);
  // Only who and which role: the terms (pay) stay on the approvals page.
  const waiting = listOffersAwaiting(user);
  return {
    title: "Offer approvals waiting for you",
    total: waiting.length,
    items: waiting.slice(0, DIGEST_ITEMS).map((o) => ({
      label: `${getShownName(mask, o.applicationId, o.subject)} (${o.roleTitle})`,
      url: `${origin}/approvals`,
    })),
    moreUrl: `${origin}/approvals`,
  };
}

function complianceSection(user: Recipient, today: string, origin: string): DigestSection | null {
  if (user.kind !== "recruiter") return null;
  const stale = countStaleRequests(today);
  return {
    title: "Stale compliance requests",
    total: stale,
    items: [
      {
        label: `${stale} requested more than ${STALE_REQUEST_DAYS} days ago and not back yet`,
        url: `${origin}/compliance?status=requested`,
      },
    ],
  };
}

/** Every section of one user's digest at `now`, empty ones included. */
export function buildDigestSections(user: Recipient, now: Date, utcDay: string): DigestSection[] {
  const origin = mailLinkOrigin(getEnv());
  return [
    ...scorecardSections(user, now, origin),
    gradingSection(user, origin),
    decisionSection(user, now, origin),
    approvalSection(user, origin),
    complianceSection(user, utcDay, origin),
  ].filter((s): s is DigestSection => s !== null);
}

function listDigestRecipients(): Recipient[] {
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      kind: users.kind,
      timeZone: users.timeZone,
      digestHour: users.digestHour,
    })
    .from(users)
    .where(and(eq(users.active, true), isNotNull(users.digestHour)))
    .all();
}

export type DigestRun = { queued: number; nothingWaiting: number; notTheirHour: number; alreadySent: number };

/**
 * Queue the digests due at `now`: each active user with a digest hour whose local hour it is (with `all`,
 * every such user whatever their hour), once per local day. A user with nothing waiting gets none.
 */
export function enqueueDigests(now = new Date(), options: { all?: boolean } = {}): DigestRun {
  const run: DigestRun = { queued: 0, nothingWaiting: 0, notTheirHour: 0, alreadySent: 0 };
  const utcDay = now.toISOString().slice(0, 10);
  for (const user of listDigestRecipients()) {
    const local = localHourAndDay(now, readerZone(user.timeZone));
    if (!options.all && local.hour !== user.digestHour) {
      run.notTheirHour += 1;
      continue;
    }
    const content = dailyDigest({
      recipientName: user.name.split(" ")[0] ?? user.name,
      localDay: local.day,
      sections: buildDigestSections(user, now, utcDay),
    });
    if (!content) {
      run.nothingWaiting += 1;
      continue;
    }
    const added = getDb().transaction(() =>
      enqueueMail({
        idempotencyKey: `digest:${user.id}:${local.day}`,
        kind: "digest",
        recipientId: user.id,
        recipientAddress: user.email,
        ...content,
      }),
    );
    if (added) run.queued += 1;
    else run.alreadySent += 1;
  }
  return run;
}
