import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoleCard } from "~/components/role-card";
import { PageHeader } from "~/components/ui";
import { holds } from "~/domain/policy";
import { userKinds, type UserKind } from "~/domain/reference";
import { summarizeRole } from "~/domain/role-summary";
import { listRoles } from "~/models/role.server";
import { listUsers } from "~/models/user.server";
import { maskFor } from "~/models/masking.server";
import { interviewerQueue } from "~/models/scorecard.server";
import { gradingQueue } from "~/models/take-home.server";
import { scorecardState } from "~/domain/scorecard";
import { interviewKindLabels } from "~/schemas/interview";
import { authorizeUser } from "~/utils/authorize.server";

export const meta: MetaFunction = () => [{ title: "Home · AI Talent Scorecards" }];

const kindNouns: Record<UserKind, [string, string]> = {
  admin: ["admin", "admins"],
  recruiter: ["recruiter", "recruiters"],
  hiring_manager: ["hiring manager", "hiring managers"],
  interviewer: ["interviewer", "interviewers"],
};

const homes: Record<UserKind, { title: string; subtitle: string; mine: boolean }> = {
  admin: { title: "Administration", subtitle: "People and access, and every role in flight.", mine: false },
  recruiter: { title: "Hiring overview", subtitle: "Every active role, its brief and how it should be staffed.", mine: false },
  hiring_manager: { title: "Your roles", subtitle: "Roles you manage or interview for, and what each still needs.", mine: true },
  interviewer: { title: "Your interview loops", subtitle: "The roles you interview for and what each system must do.", mine: true },
};

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/_index", "loader");
  const home = homes[user.kind];
  const today = new Date();
  const roles = listRoles(user, { status: "active", mine: home.mine }).map((r) => ({
    id: r.id,
    title: r.title,
    team: r.team,
    location: r.location,
    headcount: r.headcount,
    status: r.status,
    targetStart: r.targetStart,
    hiringManagers: r.hiringManagers,
    myTeamRole: r.myTeamRole,
    ...summarizeRole(r, today),
  }));
  const activeUsers = holds(user.kind, "read:user") ? listUsers().filter((u) => u.active) : null;
  const people = activeUsers ? userKinds.map((kind) => ({ kind, count: activeUsers.filter((u) => u.kind === kind).length })) : null;
  const now = new Date();
  const mask = maskFor(user.id);
  const queue = interviewerQueue(user.id).map((q) => ({
    interviewId: q.interviewId,
    kind: q.kind,
    startsAt: q.startsAt,
    roleTitle: q.roleTitle,
    who: mask.alias.get(q.applicationId) ?? q.candidateName ?? q.agencyName ?? "",
    masked: mask.applicationIds.has(q.applicationId),
    state: scorecardState({ status: q.status, interviewEndsAt: q.endsAt, now }),
  }));
  const grading = gradingQueue(user.id).filter((g) => g.status !== "waived" && g.gradeStatus !== "submitted");
  return {
    queue: {
      overdue: queue.filter((q) => q.state === "overdue"),
      due: queue.filter((q) => q.state === "due"),
      upcoming: queue.filter((q) => q.state === "upcoming"),
    },
    grading: grading.map((g) => ({ id: g.id, title: g.title, who: g.anonymous && !g.revealedAt ? g.alias : "named", roleTitle: g.roleTitle, dueOn: g.dueOn, status: g.status })),
    kind: user.kind,
    firstName: user.name.split(" ")[0],
    canCreateRole: holds(user.kind, "create:role"),
    roles,
    stats: {
      open: roles.filter((r) => r.status === "open").length,
      openings: roles.filter((r) => r.status === "open").reduce((n, r) => n + r.headcount, 0),
      briefsIncomplete: roles.filter((r) => !r.readiness.ready).length,
    },
    people,
  };
}

export default function Home() {
  const { kind, firstName, canCreateRole, roles, stats, people, queue, grading } = useLoaderData<typeof loader>();
  const hasQueue = queue.overdue.length + queue.due.length + queue.upcoming.length + grading.length > 0;
  const home = homes[kind];
  return (
    <>
      <PageHeader
        title={home.title}
        subtitle={`Welcome back, ${firstName}. ${home.subtitle}`}
        actions={
          <>
            {people ? <Link to="/admin/users" className="btn">Manage users</Link> : null}
            {canCreateRole ? <Link to="/roles/new" className="btn btn-primary">New role</Link> : null}
          </>
        }
      />
      {hasQueue ? (
        <section aria-labelledby="my-work" className="card">
          <h2 id="my-work">Your interviews and grading</h2>
          <div className="grid grid-cards">
            {(
              [
                ["Overdue scorecards", queue.overdue, "More than 24 hours after the interview ended"],
                ["Scorecards due", queue.due, "Fill these while the interview is fresh"],
                ["Upcoming interviews", queue.upcoming, "Read the kit before you go in"],
              ] as const
            ).map(([title, items, hint]) => (
              <div key={title} className={title.startsWith("Overdue") && items.length ? "queue queue-overdue" : "queue"}>
                <h3>
                  {title} <span className="count">{items.length}</span>
                </h3>
                <p className="hint">{hint}</p>
                <ul className="plain">
                  {items.map((q) => (
                    <li key={q.interviewId} className="row-between">
                      <span>
                        {q.masked ? q.who : <Link to={title === "Upcoming interviews" ? `/interviews/${q.interviewId}` : `/interviews/${q.interviewId}/scorecard`}>{q.who}</Link>}
                        <div className="small muted">
                          {interviewKindLabels[q.kind]} · {q.roleTitle} · {new Date(q.startsAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
                        </div>
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {grading.length ? (
              <div className="queue">
                <h3>
                  Take-homes to grade <span className="count">{grading.length}</span>
                </h3>
                <ul className="plain">
                  {grading.map((g) => (
                    <li key={g.id} className="row-between">
                      <span>
                        <Link to={`/take-homes/${g.id}/grade`}>{g.who === "named" ? g.title : `${g.who}: ${g.title}`}</Link>
                        <div className="small muted">{g.roleTitle} · due {g.dueOn}</div>
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}
      <section aria-label="At a glance" className="grid grid-cards">
        <div className="card">
          <div className="stat">{stats.open}</div>
          <div className="stat-label">open roles{home.mine ? " on your teams" : ""}</div>
        </div>
        <div className="card">
          <div className="stat">{stats.openings}</div>
          <div className="stat-label">hires still to make in open roles</div>
        </div>
        <div className="card">
          <div className="stat">{stats.briefsIncomplete}</div>
          <div className="stat-label">active roles whose brief is incomplete</div>
        </div>
        {people ? (
          <div className="card">
            <div className="stat">{people.reduce((n, p) => n + p.count, 0)}</div>
            <div className="stat-label">
              active users: {people.map((p) => `${p.count} ${p.count === 1 ? kindNouns[p.kind][0] : kindNouns[p.kind][1]}`).join(", ")}
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
              <RoleCard key={role.id} role={role} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
