import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoleCard } from "~/components/role-card";
import { formatCount, PageHeader } from "~/components/ui";
import { holds, holdsAny } from "~/domain/policy";
import { getNeedsDecisionPage } from "~/models/decision.server";
import { userKinds, type UserKind } from "~/domain/reference";
import { summarizeRole } from "~/domain/role-summary";
import { listRoles } from "~/models/role.server";
import { countUsersByKind } from "~/models/user.server";
import { listRoleHeadlines, countScorecardSeats } from "~/models/rollup.server";
import { getHomeRoleFigures } from "~/models/home.server";
import { countStaleApplications, listStaleApplications } from "~/models/application.server";
import { getComplianceSummaries } from "~/models/compliance.server";
import { scopesFor } from "~/domain/policy";
import { checkTypeLabels } from "~/domain/compliance";
import { roleAge, stageLabels, type Stage } from "~/domain/pipeline";
import { DAY_MS, isoDay } from "~/domain/dates";

/** An application sitting this long in one stage needs a nudge. */
const STALE_STAGE_DAYS = 14;
/** Role cards on the home page; the roles page lists every one. */
const HOME_ROLE_CARDS = 12;
/** Interviews listed per queue on the home page. */
const QUEUE_SHOWN = 8;
import { getMask, getShownName } from "~/models/masking.server";
import { type QueueState } from "~/domain/scorecard";
import { getInterviewerQueue, toQueueItemView } from "~/models/queue.server";
import { getGradingQueue } from "~/models/take-home.server";
import { interviewKindLabels } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";
import { listOffersAwaiting } from "~/models/offer.server";
import { Moment } from "~/components/moment";

export const meta: MetaFunction = () => [{ title: "Home · AI Talent Scorecards" }];

const kindNouns: Record<UserKind, [string, string]> = {
  admin: ["admin", "admins"],
  recruiter: ["recruiter", "recruiters"],
  hiring_manager: ["hiring manager", "hiring managers"],
  interviewer: ["interviewer", "interviewers"],
};

const homes: Record<UserKind, { title: string; subtitle: string; mine: boolean }> = {
  admin: { title: "Administration", subtitle: "People and access, and every role in flight.", mine: false },
  recruiter: {
    title: "Hiring overview",
    subtitle: "Every active role, its brief and how it should be staffed.",
    mine: false,
  },
  hiring_manager: {
    title: "Your roles",
    subtitle: "Roles you manage or interview for, and what each still needs.",
    mine: true,
  },
  interviewer: {
    title: "Your interview loops",
    subtitle: "The roles you interview for and what each system must do.",
    mine: true,
  },
};

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/_index", "loader");
  const home = homes[user.kind];
  const today = new Date();
  // Cards for the first few roles (open first, most recently changed); the figures count them all, in SQL.
  const shownRoles = listRoles(user, { status: "active", mine: home.mine }, { limit: HOME_ROLE_CARDS, offset: 0 }).map(
    (r) => ({
      id: r.id,
      title: r.title,
      team: r.team,
      location: r.location,
      headcount: r.headcount,
      status: r.status,
      targetStart: r.targetStart,
      hiringManagers: r.hiringManagers,
      myTeamRole: r.myTeamRole,
      age: roleAge(r, today),
      ...summarizeRole(r, today),
    }),
  );
  const activeUsers = holds(user.kind, "read:user") ? countUsersByKind() : null;
  const people = activeUsers ? userKinds.map((kind) => ({ kind, count: activeUsers[kind].active })) : null;
  const now = new Date();
  const mask = getMask(user.id);
  const owed = getInterviewerQueue(user.id, now, QUEUE_SHOWN);
  const queueList = (state: QueueState) => ({
    total: owed[state].total,
    items: owed[state].items.map((q) => toQueueItemView(q, mask)),
  });
  const grading = getGradingQueue(user.id).filter((g) => g.status !== "waived" && g.gradeStatus !== "submitted");
  const figures = getHomeRoleFigures(user, home.mine);
  const headlines = listRoleHeadlines(shownRoles.map((r) => r.id));
  const seats = countScorecardSeats(
    shownRoles.map((r) => r.id),
    now,
  );
  const pipelineByRole = Object.fromEntries(
    shownRoles.map((r) => {
      const rows = headlines.filter((h) => h.roleId === r.id);
      const n = (stages: string[]) => rows.filter((h) => stages.includes(h.stage)).reduce((x, h) => x + h.n, 0);
      return [
        r.id,
        {
          active: n(["sourced", "screening", "interviewing", "take_home", "final", "offer"]),
          late: n(["final", "offer"]),
          hired: n(["hired"]),
          age: r.age,
          scorecardsDue: seats.get(r.id)?.due ?? 0,
          scorecardsSubmitted: seats.get(r.id)?.submitted ?? 0,
        },
      ];
    }),
  );
  const seesAllCompliance = scopesFor(user.kind, "read:compliance").includes("any");
  const hr = seesAllCompliance
    ? {
        compliance: getComplianceSummaries(user, isoDay(now), 6),
        // Someone the viewer grades anonymously appears under the take-home's alias, without a link.
        staleCount: countStaleApplications(STALE_STAGE_DAYS, now),
        stale: listStaleApplications(STALE_STAGE_DAYS, now).map((a) => {
          const masked = mask.applicationIds.has(a.id);
          return {
            id: masked ? null : a.id,
            name: getShownName(mask, a.id, a.name),
            stage: a.stage,
            roleTitle: a.roleTitle,
            days: Math.floor((now.getTime() - a.since.getTime()) / DAY_MS),
          };
        }),
      }
    : null;
  return {
    pipelineByRole,
    hr,
    needsDecision: needsDecisionHome(user, now),
    // The first few of each list (oldest overdue, soonest upcoming), with the full count.
    queue: { overdue: queueList("overdue"), due: queueList("due"), upcoming: queueList("upcoming") },
    grading: grading.map((g) => ({
      id: g.id,
      title: g.title,
      who: g.anonymous && !g.revealedAt ? g.alias : "named",
      roleTitle: g.roleTitle,
      dueOn: g.dueOn,
      status: g.status,
    })),
    kind: user.kind,
    firstName: user.name.split(" ")[0],
    canCreateRole: holds(user.kind, "create:role"),
    roles: shownRoles,
    roleCount: figures.active,
    // Headcount not yet filled by a hire, over open roles.
    stats: { open: figures.open, openings: figures.openings, briefsIncomplete: figures.briefsIncomplete },
    people,
    // Offers waiting for this user's decision (those who may see pay only).
    approvalsWaiting: holdsAny(user.kind, "read:offer") ? listOffersAwaiting(user).length : null,
  };
}

/** Applications shown in the home page's "Needs decision"; /decisions lists them all. */
const DECISIONS_SHOWN = 5;

function needsDecisionHome(user: { id: number; kind: UserKind }, now: Date) {
  if (!holdsAny(user.kind, "read:decision")) return null;
  const { total, items } = getNeedsDecisionPage(user, now, 1, DECISIONS_SHOWN);
  return {
    total,
    items: items.map((a) => ({ id: a.id, name: a.name, roleTitle: a.roleTitle, stage: a.stage, readyAt: a.readyAt })),
  };
}

const takeHomeName = (g: { who: string; title: string }) => (g.who === "named" ? g.title : `${g.who}: ${g.title}`);

export default function Home() {
  const {
    kind,
    firstName,
    canCreateRole,
    roles,
    roleCount,
    stats,
    people,
    queue,
    grading,
    pipelineByRole,
    hr,
    needsDecision,
    approvalsWaiting,
  } = useLoaderData<typeof loader>();
  const hasQueue = queue.overdue.total + queue.due.total + queue.upcoming.total + grading.length > 0;
  const home = homes[kind];
  return (
    <>
      <PageHeader
        title={home.title}
        subtitle={`Welcome back, ${firstName}. ${home.subtitle}`}
        actions={
          <>
            {people ? (
              <Link to="/admin/users" className="btn">
                Manage users
              </Link>
            ) : null}
            {canCreateRole ? (
              <Link to="/roles/new" className="btn btn-primary">
                New role
              </Link>
            ) : null}
          </>
        }
      />
      {approvalsWaiting ? (
        <p className="alert alert-warn">
          <Link to="/approvals">Approvals waiting ({approvalsWaiting})</Link>: offers whose terms wait for your
          decision.
        </p>
      ) : null}
      {hasQueue ? <MyWork queue={queue} grading={grading} /> : null}
      {needsDecision ? <NeedsDecisionCard data={needsDecision} /> : null}
      {hr ? <HrCards hr={hr} /> : null}
      <RoleFigures
        kind={kind}
        canCreateRole={canCreateRole}
        roles={roles}
        roleCount={roleCount}
        stats={stats}
        people={people}
        pipelineByRole={pipelineByRole}
      />
    </>
  );
}

type HomeData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The viewer's own interviews and take-homes: overdue, due and upcoming, each with the first few and a count. */
function MyWork({ queue, grading }: Pick<HomeData, "queue" | "grading">) {
  // A take-home counts as work once the candidate has handed it in.
  const gradable = grading.filter((g) => g.status !== "assigned");
  const notSubmitted = grading.filter((g) => g.status === "assigned");
  return (
    <section aria-labelledby="my-work" className="card">
      <div className="row-between no-border section-head">
        <h2 id="my-work">Your interviews and grading</h2>
        <Link to="/interviews">All your interviews</Link>
      </div>
      <div className="grid grid-cards">
        {(
          [
            ["Overdue scorecards", "overdue", queue.overdue, "More than 24 hours after the interview ended"],
            ["Scorecards due", "due", queue.due, "Fill these while the interview is fresh"],
            ["Upcoming interviews", "upcoming", queue.upcoming, "Read the kit before you go in"],
          ] as const
        ).map(([title, state, { items, total }, hint]) => (
          <div key={title} className={title.startsWith("Overdue") && total ? "queue queue-overdue" : "queue"}>
            <h3>
              {title} <span className="count">{total}</span>
            </h3>
            <p className="hint">{hint}</p>
            <ul className="plain">
              {items.map((q) => (
                <li key={q.interviewId} className="row-between">
                  <span>
                    {q.masked ? (
                      <>
                        {q.who} <span className="small muted">(opens once their take-home is graded)</span>
                      </>
                    ) : (
                      <Link
                        to={
                          title === "Upcoming interviews"
                            ? `/interviews/${q.interviewId}`
                            : `/interviews/${q.interviewId}/scorecard`
                        }
                      >
                        {q.who}
                      </Link>
                    )}
                    <div className="small muted">
                      {interviewKindLabels[q.kind]} · {q.roleTitle} · <Moment at={q.startsAt} />
                    </div>
                  </span>
                </li>
              ))}
            </ul>
            {total > items.length ? (
              <p className="small">
                <Link to={`/interviews?state=${state}`}>See all {total}</Link>
              </p>
            ) : null}
          </div>
        ))}
        {grading.length ? (
          <div className="queue">
            <h3>
              Take-homes to grade <span className="count">{gradable.length}</span>
            </h3>
            {gradable.length ? (
              <ul className="plain">
                {gradable.map((g) => (
                  <li key={g.id} className="row-between">
                    <span>
                      <Link to={`/take-homes/${g.id}/grade`}>{takeHomeName(g)}</Link>
                      <div className="small muted">
                        {g.roleTitle} · due {g.dueOn}
                      </div>
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {notSubmitted.length ? (
              <p className="small muted">
                Not submitted yet, so nothing to grade:{" "}
                {notSubmitted.map((g) => `${takeHomeName(g)} (${g.roleTitle}, due ${g.dueOn})`).join("; ")}.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** HR's two cards: finalists' paperwork not cleared per role, and applications stuck in a stage. */
function HrCards({ hr }: { hr: NonNullable<HomeData["hr"]> }) {
  return (
    <div className="grid grid-2">
      <section className="card" aria-labelledby="paperwork">
        <h2 id="paperwork">Paperwork before offers</h2>
        {hr.compliance.length === 0 ? (
          <p className="muted">Every finalist&rsquo;s required checks are verified or waived.</p>
        ) : (
          <ul className="plain">
            {hr.compliance.map((s) => (
              <li key={s.roleId} className="row-between">
                <Link to={`/compliance?role=${s.roleId}&stage=finalists`}>{s.roleTitle}</Link>
                <span className="small">
                  Not cleared, of {s.finalists} {s.finalists === 1 ? "finalist" : "finalists"}:{" "}
                  {s.gaps.map((g) => `${checkTypeLabels[g.type]} ${g.missing}`).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="stale">
        <h2 id="stale">In one stage for over {STALE_STAGE_DAYS} days</h2>
        {hr.stale.length === 0 ? (
          <p className="muted">Nothing is stuck.</p>
        ) : (
          <ul className="plain">
            {hr.stale.map((a, i) => (
              <li key={a.id ?? `masked-${i}`} className="row-between">
                <span>
                  {a.id === null ? a.name : <Link to={`/applications/${a.id}`}>{a.name}</Link>}{" "}
                  <span className="muted small">{a.roleTitle}</span>
                </span>
                <span className="small">
                  {stageLabels[a.stage]} for {a.days} days
                </span>
              </li>
            ))}
          </ul>
        )}
        {hr.staleCount > hr.stale.length ? (
          <p className="small muted">
            The {hr.stale.length} longest waits of {formatCount(hr.staleCount)}; each role&rsquo;s pipeline shows the
            rest, longest waits first.
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** The figures over every role in view, and the cards of the first few. */
function RoleFigures({
  kind,
  canCreateRole,
  roles,
  roleCount,
  stats,
  people,
  pipelineByRole,
}: Pick<HomeData, "kind" | "canCreateRole" | "roles" | "roleCount" | "stats" | "people" | "pipelineByRole">) {
  const userTotal = people ? people.reduce((n, p) => n + p.count, 0) : 0;
  const home = homes[kind];
  return (
    <>
      <section aria-label="At a glance" className="grid grid-cards">
        <div className="card">
          <div className="stat">{formatCount(stats.open)}</div>
          <div className="stat-label">
            {stats.open === 1 ? "open role" : "open roles"}
            {home.mine ? " on your teams" : ""}
          </div>
        </div>
        <div className="card">
          <div className="stat">{formatCount(stats.openings)}</div>
          <div className="stat-label">{stats.openings === 1 ? "hire" : "hires"} still to make in open roles</div>
        </div>
        <div className="card">
          <div className="stat">{formatCount(stats.briefsIncomplete)}</div>
          <div className="stat-label">
            {stats.briefsIncomplete === 1 ? "active role whose brief is" : "active roles whose brief is"} incomplete
          </div>
        </div>
        {people ? (
          <div className="card">
            <div className="stat">{formatCount(userTotal)}</div>
            <div className="stat-label">
              {userTotal === 1 ? "active user" : "active users"}:{" "}
              {people
                .map((p) => `${p.count} ${p.count === 1 ? kindNouns[p.kind][0] : kindNouns[p.kind][1]}`)
                .join(", ")}
            </div>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="active-roles">
        <h2 id="active-roles">{home.mine ? "Active roles you are on" : "Active roles"}</h2>
        {roles.length === 0 ? (
          <div className="card empty">
            {home.mine ? "You are not on the hiring team of any active role yet." : "No active roles yet."}
            {canCreateRole ? (
              <p>
                <Link to="/roles/new">Create the first role</Link>
              </p>
            ) : null}
          </div>
        ) : (
          <div className="grid grid-cards">
            {roles.map((role) => (
              <RoleCard key={role.id} role={role} pipeline={pipelineByRole[role.id]} />
            ))}
          </div>
        )}
        {roleCount > roles.length ? (
          <p>
            <Link to="/roles">All {roleCount} active roles</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

function NeedsDecisionCard({
  data,
}: {
  data: {
    total: number;
    items: { id: number; name: string; roleTitle: string; stage: Stage; readyAt: string | Date }[];
  };
}) {
  return (
    <section className="card" aria-labelledby="needs-decision">
      <div className="row-between no-border section-head">
        <h2 id="needs-decision">
          Needs decision <span className="count">{formatCount(data.total)}</span>
        </h2>
        {data.total ? (
          <Link to="/decisions">
            {data.total > data.items.length ? `See all ${formatCount(data.total)}` : "Open the list"}
          </Link>
        ) : null}
      </div>
      {data.items.length === 0 ? (
        <p className="muted">Nothing is waiting for a decision: every application with its scorecards in has one.</p>
      ) : (
        <ul className="plain">
          {data.items.map((a) => (
            <li key={a.id} className="row-between">
              <span>
                <Link to={`/applications/${a.id}#decision`}>{a.name}</Link>{" "}
                <span className="muted small">{a.roleTitle}</span>
              </span>
              <span className="small">
                {stageLabels[a.stage]} · evidence in <Moment at={a.readyAt} dateOnly />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
