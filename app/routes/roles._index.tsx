import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { AdviceLine, OutsideFlag } from "~/components/role-card";
import { formatDate, PageHeader, ReadinessBadge, StatusBadge } from "~/components/ui";
import { holds, scopesFor } from "~/domain/policy";
import { roleStatuses, roleStatusLabels, type RoleStatus } from "~/domain/reference";
import { summarizeRole } from "~/domain/role-summary";
import { countRoles, listRoles, type RoleListFilter } from "~/models/role.server";
import { authorizeUser } from "~/utils/authorize.server";
import { FilterForm } from "~/components/filter-form";

export const meta: MetaFunction = () => [{ title: "Roles · AI Talent Scorecards" }];

export const ROLES_PER_PAGE = 50;

function readFilter(url: URL): Required<RoleListFilter> {
  const status = url.searchParams.get("status") ?? "active";
  const valid = status === "active" || status === "all" || (roleStatuses as readonly string[]).includes(status);
  return {
    status: (valid ? status : "active") as RoleListFilter["status"],
    mine: url.searchParams.get("mine") === "1",
    query: (url.searchParams.get("q") ?? "").slice(0, 100),
  };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/roles._index", "loader");
  const url = new URL(args.request.url);
  const filter = readFilter(url);
  const seesAll = scopesFor(user.kind, "read:role").includes("any");
  const today = new Date();
  const total = countRoles(user, filter);
  const pageCount = Math.max(1, Math.ceil(total / ROLES_PER_PAGE));
  const page = Math.min(Math.max(1, Math.floor(Number(url.searchParams.get("page"))) || 1), pageCount);
  const roles = listRoles(user, filter, { limit: ROLES_PER_PAGE, offset: (page - 1) * ROLES_PER_PAGE }).map((r) => {
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
  return {
    roles,
    total,
    page,
    pageCount,
    firstShown: (page - 1) * ROLES_PER_PAGE + 1,
    filter,
    seesAll,
    canCreate: holds(user.kind, "create:role"),
  };
}

export default function Roles() {
  const { roles, total, page, pageCount, firstShown, filter, seesAll, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Roles"
        subtitle={seesAll ? "Every role in the company." : "Roles whose hiring team you are on."}
        actions={
          canCreate ? (
            <Link to="/roles/new" className="btn btn-primary">
              New role
            </Link>
          ) : null
        }
      />
      {/* Pickers apply at once; the search applies on Enter or the button. */}
      <RoleFilters filter={filter} total={total} seesAll={seesAll} />
      {roles.length === 0 ? (
        <div className="card empty">
          No roles match these filters. <Link to="/roles">Clear the filters</Link>
        </div>
      ) : (
        <RolesTable roles={roles} total={total} pageCount={pageCount} firstShown={firstShown} />
      )}
      <Pager
        page={page}
        pageCount={pageCount}
        params={{
          status: filter.status,
          ...(filter.mine ? { mine: "1" } : {}),
          ...(filter.query ? { q: filter.query } : {}),
        }}
      />
    </>
  );
}

/** Search by title or team, pick a status, and (for those who see every role) only their own. */
function RoleFilters({ filter, total, seesAll }: Pick<SerializeFrom<typeof loader>, "filter" | "total" | "seesAll">) {
  return (
    <FilterForm
      values={{ q: filter.query, status: filter.status, mine: filter.mine }}
      className="filters"
      autoSubmit
      announce={`${total} ${total === 1 ? "role" : "roles"}`}
    >
      <label>
        Title or team
        <input type="search" name="q" defaultValue={filter.query} placeholder="e.g. copilot" />
      </label>
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
      <button type="submit" className="btn">
        Search
      </button>
    </FilterForm>
  );
}

/** A row per role: status, hires, start, the brief's readiness, the suggested engagement, its managers. */
function RolesTable({
  roles,
  total,
  pageCount,
  firstShown,
}: Pick<SerializeFrom<typeof loader>, "roles" | "total" | "pageCount" | "firstShown">) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted small">
          {total} {total === 1 ? "role" : "roles"}
          {pageCount > 1 ? `, ${firstShown}-${firstShown + roles.length - 1} shown` : ""}
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
                <OutsideFlag advice={r.advice} />
              </td>
              <td className="small">{r.hiringManagers.join(", ") || "None"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
