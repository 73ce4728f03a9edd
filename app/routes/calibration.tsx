import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { PageHeader } from "~/components/ui";
import { CALIBRATION_PAGE_SIZE, CALIBRATION_ROLES_PAGE_SIZE, leniencyCall } from "~/domain/calibration";
import { scopesFor } from "~/domain/policy";
import { findCalibrationRole, getCalibration, listCalibrationRoles, withAgreement } from "~/models/calibration.server";
import { authorizeUser } from "~/utils/authorize.server";
import { FilterForm } from "~/components/filter-form";
import { AgreementFigure } from "~/components/agreement";
import { agreementExplanation } from "~/domain/agreement";

export const meta: MetaFunction = () => [{ title: "Interviewer calibration · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/calibration", "loader");
  const params = new URL(args.request.url).searchParams;
  const seesAll = scopesFor(user.kind, "read:calibration").includes("any");
  const picked = Number(params.get("role")) || null;
  const role = picked ? findCalibrationRole(user, picked) : null;
  const search = (params.get("q") ?? "").trim().slice(0, 100);
  const { rows, total, page, pageCount, overall } = getCalibration(
    user,
    role?.id ?? null,
    Number(params.get("page")) || 1,
  );
  // A role picked shows its panel alone; otherwise a page of the roles in view (those whose title matches the
  // search), each with its panel line, "no overlap yet" included.
  const roleList = role
    ? { roles: withAgreement([role]), total: 1, page: 1, pageCount: 1 }
    : listCalibrationRoles(user, search, Number(params.get("rolePage")) || 1);
  return {
    roleId: role?.id ?? null,
    role,
    search,
    seesAll,
    rows,
    total,
    page,
    pageCount,
    roleAgreement: roleList.roles,
    rolesTotal: roleList.total,
    rolePage: roleList.page,
    rolePageCount: roleList.pageCount,
    overallAgreement: overall,
  };
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The query a pager keeps: the role, the role search and both lists' pages (each pager moves its own). */
function pageParams(data: Data): Record<string, string> {
  const params: Record<string, string> = {};
  if (data.roleId) params.role = String(data.roleId);
  if (data.search) params.q = data.search;
  if (data.page > 1) params.page = String(data.page);
  if (data.rolePage > 1) params.rolePage = String(data.rolePage);
  return params;
}

export default function Calibration() {
  const data = useLoaderData<typeof loader>();
  const { role, seesAll, rows, total, page, pageCount } = data;
  const first = (page - 1) * CALIBRATION_PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Interviewer calibration"
        subtitle={`${seesAll ? "Every interviewer" : "Interviewers on roles you manage"}: how they rate against the rest of the panel on the same candidates, and how their calls matched outcomes.`}
      />
      {role ? (
        <p className="calibration-scope">
          Interviewers on <strong>{role.title}</strong> only.{" "}
          <Link to="/calibration">All {seesAll ? "" : "my "}roles</Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <div className="card empty">No submitted scorecards yet.</div>
      ) : (
        <section aria-labelledby="interviewers">
          <h2 id="interviewers">Interviewers</h2>
          <p className="muted small" aria-live="polite">
            {plural(total, "interviewer", "interviewers")}
            {pageCount > 1 ? `, most scorecards first; showing ${first}-${first + rows.length - 1}` : ""}
          </p>
          <InterviewerTable rows={rows} />
          <Pager page={page} pageCount={pageCount} params={pageParams(data)} label="Interviewer pages" />
        </section>
      )}
      <RolePanels data={data} />
    </>
  );
}

function InterviewerTable({ rows }: { rows: Data["rows"] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted small">
          Ratings on the 1-4 scale. Leniency compares like with like: the interviewer&rsquo;s average on the candidates
          someone else on the panel also rated, minus the co-panel&rsquo;s average on those same candidates. Above +0.5
          is lenient, below -0.5 severe, once it rests on at least three shared candidates. Agreement with outcome
          counts yes/no calls on candidates who were hired or offered (yes) or rejected (no). Panel agreement:{" "}
          {agreementExplanation} An interviewer&rsquo;s figure counts only the pairs they are in, set against the chance
          level of every rating on the roles in view (all of them, not only this page); the pairable ratings are theirs
          and the others&rsquo; on the candidate areas they shared.
        </caption>
        <thead>
          <tr>
            <th scope="col">Interviewer</th>
            <th scope="col">Scorecards</th>
            <th scope="col">Average given</th>
            <th scope="col">Theirs on shared candidates</th>
            <th scope="col">Co-panel on the same</th>
            <th scope="col">Leniency</th>
            <th scope="col">Panel agreement (alpha)</th>
            <th scope="col">Agreement with outcome</th>
            <th scope="col">Not assessed</th>
            <th scope="col">No decision</th>
            <th scope="col">Median hours to submit</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.interviewerId}>
              <th scope="row">{r.name}</th>
              <td>{r.scorecards}</td>
              <td>{r.averageGiven ?? "—"}</td>
              <td>{r.sharedAverage ?? "—"}</td>
              <td>{r.coPanelAverage ?? "—"}</td>
              <td>
                <LeniencyFigure row={r} />
              </td>
              <td>
                <AgreementFigure agreement={r.panelAgreement} compact />
              </td>
              <td>
                {pct(r.agreement)} <span className="muted small">of {r.judged}</span>
              </td>
              <td>{pct(r.notAssessedShare)}</td>
              <td>{pct(r.noDecisionShare)}</td>
              <td>{r.medianHoursToSubmit ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Leniency as the table shows it: signed, flagged when lenient or severe, muted when too few to judge. */
function LeniencyFigure({ row }: { row: { leniency: number | null; sharedApplications: number } }) {
  if (row.leniency === null) return <>—</>;
  const call = leniencyCall(row);
  const figure = `${row.leniency > 0 ? "+" : ""}${row.leniency}`;
  if (call === "too few")
    return (
      <span className="muted">
        {figure} <span className="small">({row.sharedApplications} shared, too few to judge)</span>
      </span>
    );
  return (
    <strong className={call === "lenient" || call === "severe" ? "flag" : undefined}>
      {figure} {call === "in line" ? "" : call}
    </strong>
  );
}

/**
 * Each role's panel agreement, a page at a time in the roles list's order, with a search on the title; each role
 * leads to its rollup and to calibration on that role alone. The last row pools every role in view.
 */
function RolePanels({ data }: { data: Data }) {
  const { role, search, seesAll, roleAgreement: panels, rolesTotal, rolePage, rolePageCount, overallAgreement } = data;
  return (
    <section aria-labelledby="role-panels" className="role-panels">
      <h2 id="role-panels">Panel agreement per role</h2>
      <FilterForm
        values={{ q: search }}
        className="filters"
        announce={plural(rolesTotal, "role", "roles")}
        aria-label="Find a role"
      >
        <label>
          Role title
          <input type="search" name="q" defaultValue={search} maxLength={100} placeholder="Find a role" />
        </label>
        <button type="submit" className="btn">
          Find
        </button>
      </FilterForm>
      {role ? null : (
        <p className="muted small">
          {search ? `${plural(rolesTotal, "role", "roles")} matching “${search}”` : plural(rolesTotal, "role", "roles")}
          {rolePageCount > 1
            ? `; showing ${(rolePage - 1) * CALIBRATION_ROLES_PAGE_SIZE + 1}-${(rolePage - 1) * CALIBRATION_ROLES_PAGE_SIZE + panels.length}`
            : ""}
          {search ? (
            <>
              {" "}
              <Link to="/calibration">Clear</Link>
            </>
          ) : null}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="muted small">
            {agreementExplanation} The last row pools {seesAll ? "every role" : "every role you manage"}, whichever are
            listed: the level an interviewer&rsquo;s figure above is set against.
          </caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Panel agreement (alpha)</th>
              <th scope="col">Areas rated by 2 or more</th>
              <th scope="col">Calibration</th>
            </tr>
          </thead>
          <tbody>
            {panels.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/roles/${p.id}/rollup`}>{p.title}</Link>
                </th>
                <td>
                  <AgreementFigure agreement={p.agreement} compact />
                </td>
                <td>{p.agreement.units}</td>
                <td>
                  {role ? (
                    <span className="muted small">shown above</span>
                  ) : (
                    <Link to={`/calibration?role=${p.id}`} aria-label={`Interviewers on ${p.title}`}>
                      Interviewers
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          {!role && rolesTotal > 1 ? (
            <tfoot>
              <tr>
                <th scope="row">{seesAll ? "Every role" : "All your roles"}</th>
                <td>
                  <AgreementFigure agreement={overallAgreement} compact />
                </td>
                <td>{overallAgreement.units}</td>
                <td />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {role ? null : (
        <Pager page={rolePage} pageCount={rolePageCount} params={pageParams(data)} name="rolePage" label="Role pages" />
      )}
    </section>
  );
}
