import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { AdviceLine } from "~/components/role-card";
import { formatDate, PageHeader, ReadinessBadge, StatusBadge } from "~/components/ui";
import { holds, scopesFor } from "~/domain/policy";
import { roleStatuses, roleStatusLabels, type RoleStatus } from "~/domain/reference";
import { summarizeRole } from "~/domain/role-summary";
import { listRoles, type RoleListFilter } from "~/models/role.server";
import { authorizeUser } from "~/utils/authorize.server";

export const meta: MetaFunction = () => [{ title: "Roles · AI Talent Scorecards" }];

function readFilter(url: URL): RoleListFilter {
  const status = url.searchParams.get("status") ?? "active";
  const valid = status === "active" || status === "all" || (roleStatuses as readonly string[]).includes(status);
  return { status: (valid ? status : "active") as RoleListFilter["status"], mine: url.searchParams.get("mine") === "1" };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/roles._index", "loader");
  const filter = readFilter(new URL(args.request.url));
  const seesAll = scopesFor(user.kind, "read:role").includes("any");
  const today = new Date();
  const roles = listRoles(user, filter).map((r) => {
    const { readiness, advice } = summarizeRole(r, today);
    return {
      id: r.id,
      title: r.title,
      team: r.team,
      location: r.location,
      headcount: r.headcount,
      status: r.status,
      targetStart: r.targetStart,
      hiringManagers: r.hiringManagers,
      myTeamRole: r.myTeamRole,
      readiness: { ready: readiness.ready, filled: readiness.filled, total: readiness.total },
      advice,
    };
  });
  return { roles, filter, seesAll, canCreate: holds(user.kind, "create:role") };
}

export default function Roles() {
  const { roles, filter, seesAll, canCreate } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  return (
    <>
      <PageHeader
        title="Roles"
        subtitle={seesAll ? "Every role in the company." : "Roles whose hiring team you are on."}
        actions={canCreate ? <Link to="/roles/new" className="btn btn-primary">New role</Link> : null}
      />
      <Form method="get" className="filters" onChange={(e) => submit(e.currentTarget, { replace: true })}>
        <label>
          Status
          <select name="status" defaultValue={filter.status}>
            <option value="active">Active (draft, open, on hold)</option>
            <option value="all">All statuses</option>
            {roleStatuses.map((s: RoleStatus) => (
              <option key={s} value={s}>
                {roleStatusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        {seesAll ? (
          <label className="check">
            <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} /> Only roles I am on
          </label>
        ) : null}
        <noscript>
          <button type="submit" className="btn">Apply</button>
        </noscript>
      </Form>
      {roles.length === 0 ? (
        <div className="card empty">No roles match these filters.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted small">
              {roles.length} {roles.length === 1 ? "role" : "roles"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Hires</th>
                <th scope="col">Target start</th>
                <th scope="col">Brief</th>
                <th scope="col">Suggested engagement</th>
                <th scope="col">Hiring managers</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/roles/${r.id}`}>{r.title}</Link>
                    <div className="muted small">
                      {r.team} · {r.location}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>{r.headcount}</td>
                  <td>{formatDate(r.targetStart)}</td>
                  <td>
                    <ReadinessBadge readiness={r.readiness} />
                  </td>
                  <td className="small">
                    <AdviceLine advice={r.advice} />
                  </td>
                  <td className="small">{r.hiringManagers.join(", ") || "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
