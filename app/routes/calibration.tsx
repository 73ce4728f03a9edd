import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { leniencyCall } from "~/domain/calibration";
import { scopesFor } from "~/domain/policy";
import { getCalibration } from "~/models/calibration.server";
import { listRoleOptions } from "~/models/role.server";
import { authorizeUser } from "~/utils/authorize.server";
import { FilterForm } from "~/components/filter-form";
import { AgreementFigure } from "~/components/agreement";
import { agreementExplanation, krippendorffAlpha, type Agreement } from "~/domain/agreement";

export const meta: MetaFunction = () => [{ title: "Interviewer calibration · AI Talent Scorecards" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await authorizeUser(args, "routes/calibration", "loader");
  const roleId = Number(new URL(args.request.url).searchParams.get("role")) || null;
  const seesAll = scopesFor(user.kind, "read:calibration").includes("any");
  const roles = listRoleOptions(user, { managedOnly: !seesAll });
  const shown = roleId && roles.some((r) => r.id === roleId) ? roleId : null;
  const { rows, panels, overall } = getCalibration(user, shown);
  // Every role in view has a panel line, "no overlap yet" included; a filtered page shows its role's alone.
  const none = krippendorffAlpha([]);
  const roleAgreement = roles
    .filter((r) => shown === null || r.id === shown)
    .map((r) => ({ ...r, agreement: panels[r.id] ?? none }));
  return { roleId, roles, seesAll, rows, roleAgreement, overallAgreement: overall };
}

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

export default function Calibration() {
  const { roleId, roles, seesAll, rows, roleAgreement, overallAgreement } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Interviewer calibration"
        subtitle={`${seesAll ? "Every interviewer" : "Interviewers on roles you manage"}: how they rate against the rest of the panel on the same candidates, and how their calls matched outcomes.`}
      />
      <FilterForm
        values={{ role: roleId ? String(roleId) : "" }}
        className="filters"
        autoSubmit
        announce={`${rows.length} ${rows.length === 1 ? "interviewer" : "interviewers"}`}
      >
        <label>
          Role
          <select name="role" defaultValue={roleId ? String(roleId) : ""}>
            <option value="">All {seesAll ? "" : "my "}roles</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
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
      {rows.length === 0 ? (
        <div className="card empty">No submitted scorecards yet.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted small">
              Ratings on the 1-4 scale. Leniency compares like with like: the interviewer&rsquo;s average on the
              candidates someone else on the panel also rated, minus the co-panel&rsquo;s average on those same
              candidates. Above +0.5 is lenient, below -0.5 severe, once it rests on at least three shared candidates.
              Agreement with outcome counts yes/no calls on candidates who were hired or offered (yes) or rejected (no).
              Panel agreement: {agreementExplanation} An interviewer&rsquo;s figure counts only the pairs they are in,
              set against the chance level of every rating on this page; the pairable ratings are theirs and the
              others&rsquo; on the candidate areas they shared.
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
      )}
      {roleAgreement.length ? <RolePanels panels={roleAgreement} overall={overallAgreement} /> : null}
    </>
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

function RolePanels({
  panels,
  overall,
}: {
  panels: { id: number; title: string; agreement: Agreement }[];
  overall: Agreement;
}) {
  return (
    <section aria-labelledby="role-panels" className="role-panels">
      <h2 id="role-panels">Panel agreement per role</h2>
      <div className="table-wrap">
        <table>
          <caption className="muted small">
            {agreementExplanation} The last row pools every role shown: the level an interviewer&rsquo;s figure above is
            set against.
          </caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Panel agreement (alpha)</th>
              <th scope="col">Areas rated by 2 or more</th>
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
              </tr>
            ))}
          </tbody>
          {panels.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row">All of these roles</th>
                <td>
                  <AgreementFigure agreement={overall} compact />
                </td>
                <td>{overall.units}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
