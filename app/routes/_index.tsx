import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoleCard } from "~/components/role-card";
import { PageHeader } from "~/components/ui";
import { holds } from "~/domain/policy";
import { userKinds, type UserKind } from "~/domain/reference";
import { summarizeRole } from "~/domain/role-summary";
import { listRoles } from "~/models/role.server";
import { listUsers } from "~/models/user.server";
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
  return {
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
  const { kind, firstName, canCreateRole, roles, stats, people } = useLoaderData<typeof loader>();
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
