import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CheckBadge, StageBadge } from "~/components/checks";
import { Pager } from "~/components/pager";
import { formatDate, PageHeader } from "~/components/ui";
import {
  boardFilterFromParams,
  boardFilterParams,
  checkStatuses,
  checkStatusLabels,
  checkTypeLabels,
  checkTypes,
  EXPIRING_SOON_DAYS,
  requestAgeText,
  STALE_REQUEST_DAYS,
  type CheckStatus,
  type CheckType,
} from "~/domain/compliance";
import { isoDay } from "~/domain/dates";
import { scopesFor } from "~/domain/policy";
import { getComplianceBoard, listBoardRoles, listRequiredCheckTypes } from "~/models/compliance.server";
import { authorizeUser } from "~/utils/authorize.server";
import { FilterForm } from "~/components/filter-form";

export const meta: MetaFunction = () => [{ title: "Compliance · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/compliance._index", "loader");
  const url = new URL(args.request.url);
  const filter = boardFilterFromParams(url.searchParams);
  const today = isoDay(new Date());
  const seesAll = scopesFor(user.kind, "read:compliance").includes("any");
  const roleQuery = (url.searchParams.get("roleq") ?? "").slice(0, 200);
  const roles = listBoardRoles(user, filter.roleId, roleQuery);
  // The summary lists the roles with the most missing first; the rest only when asked for (a company has hundreds).
  const allRoles = url.searchParams.get("roles") === "all";
  const page = Number(url.searchParams.get("page"));
  const board = getComplianceBoard(user, filter, today, page, allRoles ? undefined : SUMMARY_SHOWN);
  return {
    filter,
    today,
    seesAll,
    roles,
    roleQuery,
    ...board,
    allRoles,
    // The checks a role in view requires: the summary's columns and the filter's choices.
    checkOptions: listRequiredCheckTypes(user, filter),
  };
}

/** Roles listed in the summary unless every one is asked for. */
const SUMMARY_SHOWN = 10;

type Summary = {
  roleId: number;
  roleTitle: string;
  finalists: number;
  required: CheckType[];
  gaps: { type: CheckType; missing: number }[];
};

function RoleSummaryTable({
  summaries,
  columns,
  caption,
}: {
  summaries: Summary[];
  columns: CheckType[];
  caption: string;
}) {
  return (
    <div className="table-wrap">
      <table className="small role-summary">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Finalists</th>
            {columns.map((type) => (
              <th key={type} scope="col">
                {checkTypeLabels[type]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.roleId}>
              <th scope="row">
                <Link to={`/compliance?role=${s.roleId}&stage=finalists`}>{s.roleTitle}</Link>
              </th>
              <td>{s.finalists}</td>
              {columns.map((type) => {
                const missing = s.gaps.find((g) => g.type === type)?.missing ?? 0;
                return (
                  <td key={type}>
                    {!s.required.includes(type) ? (
                      <span className="muted" title="Not required for this role">
                        —
                      </span>
                    ) : s.finalists === 0 ? (
                      <span className="muted">no finalists</span>
                    ) : missing > 0 ? (
                      <strong className="flag">{missing} not cleared</strong>
                    ) : (
                      "all clear"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ComplianceBoard() {
  const {
    filter,
    today,
    seesAll,
    roles,
    roleQuery,
    summaries,
    summaryCount,
    allRoles,
    checkOptions: summaryColumns,
    totalOpenApplications,
    groupCount,
    page,
    pageCount,
    firstShown,
    groups,
  } = useLoaderData<typeof loader>();
  const filterParams = boardFilterParams(filter);
  return (
    <>
      <PageHeader
        title="Compliance"
        subtitle={`${seesAll ? "Every open application" : "Open applications on roles you manage"}: who is missing which required check. No offer goes out until these are verified or waived.`}
      />
      <section aria-labelledby="summary" className="card">
        <h2 id="summary">By role</h2>
        {summaries.length === 0 ? (
          <p className="muted">{filter.finalists ? "No finalists on these roles." : "No open applications."}</p>
        ) : (
          <>
            <p className="hint">
              Per role, how many finalists (final and offer stages) have each required check not yet cleared, most
              first. A check is cleared once verified or waived; requested or received is not enough. “—”: the role does
              not require it.
            </p>
            <RoleSummaryTable
              summaries={summaries}
              columns={summaryColumns}
              caption={
                summaryCount > summaries.length
                  ? `The ${summaries.length} roles with the most checks not cleared, of ${summaryCount}`
                  : `${summaryCount} ${summaryCount === 1 ? "role" : "roles"} with ${filter.finalists ? "finalists" : "open applications"}`
              }
            />
            {summaryCount > SUMMARY_SHOWN ? (
              <p className="small">
                {allRoles ? (
                  <Link to={`/compliance?${new URLSearchParams(filterParams)}#summary`}>
                    Show only the {SUMMARY_SHOWN} roles with the most missing
                  </Link>
                ) : (
                  <Link to={`/compliance?${new URLSearchParams([...filterParams, ["roles", "all"]])}#summary`}>
                    Show all {summaryCount} roles
                  </Link>
                )}
              </p>
            ) : null}
          </>
        )}
      </section>
      <h2 id="board">Open applications</h2>
      <BoardFilters
        filter={filter}
        roles={roles}
        roleQuery={roleQuery}
        checkOptions={summaryColumns}
        groupCount={groupCount}
      />
      {groupCount > 0 ? (
        <p className="board-export">
          {/* A download, not a page: the browser saves it and stays here. */}
          <a href={`/compliance.csv?${new URLSearchParams(filterParams)}`} download className="btn btn-small">
            Download CSV ({groupCount} {groupCount === 1 ? "application" : "applications"}, every page)
          </a>
        </p>
      ) : null}
      <BoardTable
        filter={filter}
        today={today}
        totalOpenApplications={totalOpenApplications}
        groupCount={groupCount}
        pageCount={pageCount}
        firstShown={firstShown}
        groups={groups}
      />
      <Pager page={page} pageCount={pageCount} params={filterParams} />
    </>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The board's filters: role (those with open work), stage, checks (those some role on the board requires; any of
 * those ticked, none for all), status. Ticked checks go as repeated `check` parameters, with or without JavaScript.
 */
function BoardFilters({
  filter,
  roles,
  roleQuery,
  checkOptions,
  groupCount,
}: {
  filter: Data["filter"];
  roles: Data["roles"];
  roleQuery: string;
  checkOptions: CheckType[];
  groupCount: number;
}) {
  // The picker offers the first roles with open applications; a company with more finds the others by title.
  const offered = roles.roles.filter((r) => r.id !== filter.roleId).length;
  const finding = roleQuery !== "" || roles.matching > offered;
  return (
    <FilterForm
      values={{
        role: filter.roleId ? String(filter.roleId) : "",
        roleq: roleQuery,
        stage: filter.finalists ? "finalists" : "",
        check: filter.types,
        status: filter.status,
      }}
      className="filters"
      autoSubmit
      announce={`${groupCount} matching ${groupCount === 1 ? "application" : "applications"}`}
    >
      {finding ? (
        <div className="filter-field">
          <label htmlFor="roleq">Find a role</label>
          <input
            id="roleq"
            type="search"
            name="roleq"
            defaultValue={roleQuery}
            placeholder="Part of a title or team"
            aria-describedby="roleq-hint"
          />
          <span id="roleq-hint" className="hint small">
            {roles.matching === 0
              ? "No role with open applications matches."
              : `${roles.matching} ${roles.matching === 1 ? "role matches" : "roles match"}${offered < roles.matching ? `; the picker lists the first ${offered}` : ""}. Press Enter to search.`}
          </span>
        </div>
      ) : null}
      <label>
        Role
        <select name="role" defaultValue={filter.roleId ? String(filter.roleId) : ""}>
          <option value="">All roles</option>
          {roles.roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stage
        <select name="stage" defaultValue={filter.finalists ? "finalists" : ""}>
          <option value="">All open stages</option>
          <option value="finalists">Finalists (final and offer)</option>
        </select>
      </label>
      <fieldset className="filter-checks">
        <legend>Checks</legend>
        {/* Only checks some role on the board requires: the board lists required checks. None ticked: all. */}
        {checkTypes
          .filter((t) => filter.types.includes(t) || checkOptions.includes(t))
          .map((t) => (
            <label key={t} className="check">
              <input type="checkbox" name="check" value={t} defaultChecked={filter.types.includes(t)} />
              {checkTypeLabels[t]}
            </label>
          ))}
      </fieldset>
      <label>
        Status
        <select name="status" defaultValue={filter.status}>
          <option value="missing">Not cleared (not verified or waived)</option>
          <option value="all">Any status</option>
          {checkStatuses.map((s) => (
            <option key={s} value={s}>
              {checkStatusLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit" className="btn">
          Apply
        </button>
      </noscript>
    </FilterForm>
  );
}

/** One row per application on this page, flagged first, with the checks the filter keeps. */
function BoardTable({
  filter,
  today,
  totalOpenApplications,
  groupCount,
  pageCount,
  firstShown,
  groups,
}: Pick<Data, "filter" | "today" | "totalOpenApplications" | "groupCount" | "pageCount" | "firstShown" | "groups">) {
  return groupCount === 0 ? (
    <div className="card empty">
      Nothing matches:{" "}
      {filter.status === "missing" ? "every required check is verified or waived." : "try other filters."}
    </div>
  ) : (
    <div className="table-wrap">
      <table className="board narrow-fold">
        <caption className="muted small">
          {groupCount} of {totalOpenApplications} {filter.finalists ? "finalists' applications" : "open applications"}
          {pageCount > 1 ? `, ${firstShown}-${firstShown + groups.length - 1} shown` : ""}. Flagged first: requests open
          over {STALE_REQUEST_DAYS} days, failed or expired checks, and checks expiring within {EXPIRING_SOON_DAYS}{" "}
          days.
        </caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col" className="wide-only">
              Role
            </th>
            <th scope="col" className="wide-only">
              Stage
            </th>
            <th scope="col">{filter.status === "missing" ? "Not cleared" : "Checks"}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.applicationId} className={g.flagged ? "row-flag" : undefined}>
              <td>
                {g.masked ? (
                  <>
                    {g.subject} <span className="muted small">(you grade their take-home anonymously)</span>
                  </>
                ) : (
                  <Link to={`/applications/${g.applicationId}#checks`}>{g.subject}</Link>
                )}
                {g.subjectKind === "agency" ? <span className="muted small"> (agency)</span> : null}
                {/* On a narrow screen the role and stage columns give way, so what is not cleared stays in view. */}
                <span className="narrow-only small">
                  {g.roleTitle} <StageBadge stage={g.stage} />
                </span>
              </td>
              <td className="small wide-only">{g.roleTitle}</td>
              <td className="wide-only">
                <StageBadge stage={g.stage} />
              </td>
              <td>
                <ul className="chips">
                  {g.items.map((r) => (
                    <li key={r.type}>
                      <span className="chip-name">{checkTypeLabels[r.type]}</span>{" "}
                      <CheckBadge status={r.status as CheckStatus} />
                      {/* The badge already says "Requested"; its age stands out once the request is stale. */}
                      {r.status === "requested" && r.requestedAt ? (
                        r.stale ? (
                          <strong className="flag"> {requestAgeText(r.requestedAt, today)}</strong>
                        ) : (
                          <span className="muted small"> {requestAgeText(r.requestedAt, today)}</span>
                        )
                      ) : null}
                      {r.expiringSoon && r.expiresAt ? (
                        <strong className="flag"> expires {formatDate(r.expiresAt)}</strong>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
