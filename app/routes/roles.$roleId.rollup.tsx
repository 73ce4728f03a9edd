import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AreaBars, FunnelChart } from "~/components/charts";
import { Pager } from "~/components/pager";
import { StageBadge } from "~/components/checks";
import { formatCount, formatMoney, PageHeader } from "~/components/ui";
import { isCheckProblem, missingCheckText } from "~/domain/compliance";
import { coversText } from "~/domain/cost";
import { OPEN_STAGES, roleAgeText, stageLabels, stages } from "~/domain/pipeline";
import { applicationEngagementLabels, type ApplicationEngagement } from "~/domain/reference";
import {
  hiddenScoresLabels,
  KNOCKOUT_BELOW,
  recommendationLabels,
  recommendations,
  thinEvidenceNote,
} from "~/domain/scorecard";
import { parseRollupQuery, rollupPage } from "~/models/rollup-view.server";
import { authorizeUser } from "~/utils/authorize.server";
import { FilterForm } from "~/components/filter-form";
import { useComparePicks } from "~/components/compare-picks";
import { MAX_COMPARE, MIN_COMPARE } from "~/domain/compare";
import { takeHomeStatusLabels } from "~/domain/take-home";
import { AgreementFigure } from "~/components/agreement";
import { agreementExplanation } from "~/domain/agreement";
import { DecisionCell } from "~/components/decision-record";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Rollup: ${data?.role.title ?? "role"} · AI Talent Scorecards` },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user, teamRole } = await authorizeUser(args, "routes/roles.$roleId.rollup", "loader");
  const page = rollupPage(Number(args.params.roleId), user, teamRole, parseRollupQuery(new URL(args.request.url)));
  if (!page) throw new Response("Role not found", { status: 404 });
  return page;
}

export default function Rollup() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const picks = useComparePicks(d.role.id);
  const offPage = picks.picked.filter((p) => !d.rows.some((r) => r.id === p.id));
  const sortLink = (s: string) => {
    const p = new URLSearchParams(params);
    p.set("sort", s);
    // A new order starts from its first page.
    p.delete("page");
    // Names and stages read first-to-last; figures best-first. Clicking the current column flips it.
    const first = s === "name" || s === "stage" ? "asc" : "desc";
    p.set("dir", d.filter.sort === s ? (d.filter.dir === "asc" ? "desc" : "asc") : first);
    return `?${p}`;
  };
  const sortMark = (s: string) =>
    d.filter.sort === s ? (
      <span aria-hidden="true" className="sort-mark">
        {d.filter.dir === "asc" ? " ▲" : " ▼"}
      </span>
    ) : null;
  const ariaSort = (s: string) =>
    d.filter.sort === s ? (d.filter.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <div className="print-wide">
      <PageHeader
        title={`${d.role.title}: rollup`}
        subtitle={
          <>
            <span className={d.age.phase === "open" && d.age.norm === "past" ? "flag" : undefined}>
              {roleAgeText(d.age)}
            </span>{" "}
            · {d.scorecardsSubmitted} of {d.scorecardsDue} scorecards due are submitted
          </>
        }
        actions={
          <Link to={`/roles/${d.role.id}`} className="btn">
            Role
          </Link>
        }
      />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="funnel">
          <h2 id="funnel">Funnel</h2>
          <FunnelChart
            data={d.funnel.map((f) => ({ stage: stageLabels[f.stage], reached: f.reached, current: f.current }))}
          />
          <div className="table-wrap">
            <table className="small">
              <caption className="muted small">
                Pass-through: the share of those who reached the stage before who reached this one. Median days: time in
                the stage, for stays that ended and for those still waiting (counted to today).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Now</th>
                  <th scope="col">Reached</th>
                  <th scope="col">Pass-through</th>
                  <th scope="col">Median days</th>
                </tr>
              </thead>
              <tbody>
                {d.funnel.map((f) => (
                  <tr key={f.stage}>
                    <th scope="row">{stageLabels[f.stage]}</th>
                    <td>{f.current}</td>
                    <td>{f.reached}</td>
                    <td>{f.passThrough === null ? "—" : `${Math.round(f.passThrough * 100)}%`}</td>
                    <td>{f.medianDays ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card" aria-labelledby="areas">
          <h2 id="areas">Average per area</h2>
          {Object.values(d.roleAverages).some((v) => v !== null) ? (
            <AreaBars
              width={440}
              areas={d.areas}
              series={[{ name: "Role average", values: d.roleAverages }]}
              label="Average rating per scorecard area across scored candidates"
            />
          ) : (
            <p className="muted">
              No scores you can see yet: with blind feedback, the panel&rsquo;s ratings show once you have submitted
              your own scorecards.
            </p>
          )}
          <p className="agreement-line">
            Panel agreement (&alpha;): <AgreementFigure agreement={d.agreement} />
            <span className="muted small">
              {" "}
              on {d.agreement.units} candidate {d.agreement.units === 1 ? "area" : "areas"} rated by two or more
            </span>
          </p>
          <p className="muted small">{agreementExplanation}</p>
          {d.assumptions ? (
            <details>
              <summary>Cost assumptions for this role</summary>
              <dl className="facts small">
                <dt>Benefits, payroll, equipment</dt>
                <dd>{d.assumptions.overheadPct}% of salary</dd>
                <dt>Recruiting</dt>
                <dd>{formatMoney(d.assumptions.recruitingCost, d.role.currency)}</dd>
                <dt>Interview and onboarding</dt>
                <dd>
                  {d.assumptions.teamHours} h × {formatMoney(d.assumptions.teamHourlyCost, d.role.currency)}
                </dd>
                <dt>Tooling</dt>
                <dd>{formatMoney(d.assumptions.toolingCost, d.role.currency)}</dd>
                <dt>Ramp-up</dt>
                <dd>{d.assumptions.rampMonths} months at half output</dd>
                <dt>Wrong-role risk</dt>
                <dd>{d.assumptions.wrongRoleRiskPct}% of salary</dd>
                <dt>Contract hours</dt>
                <dd>
                  {d.assumptions.expectedHours} h; overrun {d.assumptions.contractorOverrunPct}% contractors,{" "}
                  {d.assumptions.freelancerOverrunPct}% freelancers
                </dd>
              </dl>
              <Link to={`/roles/${d.role.id}/costs`}>Edit assumptions and agency quotes</Link>
            </details>
          ) : null}
        </section>
      </div>
      <FilterForm
        values={{ stage: d.filter.stage, engagement: d.filter.engagement }}
        className="filters"
        autoSubmit
        announce={`${formatCount(d.rowCount)} ${d.rowCount === 1 ? "candidate or agency bid" : "candidates and agency bids"}`}
      >
        <label>
          Stage
          <select name="stage" defaultValue={d.filter.stage}>
            <option value="">All stages</option>
            <option value={OPEN_STAGES}>All open stages</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Engagement
          <select name="engagement" defaultValue={d.filter.engagement}>
            <option value="">All</option>
            {Object.entries(applicationEngagementLabels).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="sort" value={d.filter.sort} />
        <input type="hidden" name="dir" value={d.filter.dir} />
        <noscript>
          <button type="submit" className="btn">
            Apply
          </button>
        </noscript>
      </FilterForm>
      <Form method="get" action={`/roles/${d.role.id}/compare`}>
        {params.toString() ? <input type="hidden" name="back" value={params.toString()} /> : null}
        <div className="table-wrap">
          <table className="rollup">
            <caption className="muted small">
              {d.rowCount} {d.rowCount === 1 ? "candidate or agency bid" : "candidates and agency bids"}
              {d.pageCount > 1
                ? `, ${(d.page - 1) * d.perPage + 1}-${(d.page - 1) * d.perPage + d.rows.length} shown`
                : ""}
              . Tick {MIN_COMPARE} to {MAX_COMPARE} to compare side by side; ticks stay while you page, sort and filter.{" "}
              <span aria-hidden="true">*</span> Interviewers differ by 2 or more on that area. A must-pass area
              averaging under {KNOCKOUT_BELOW} is shaded red and flags the candidate for discussion (it never rejects on
              its own); one nobody assessed is hatched.
              {d.seesCost
                ? " First-year cost: a hire for a full year, a contractor or freelancer for the role's contract hours, an agency its quote."
                : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="compare-pick">
                  <span className="visually-hidden">Compare</span>
                </th>
                <th scope="col" aria-sort={ariaSort("name")}>
                  <Link to={sortLink("name")}>Who</Link>
                  {sortMark("name")}
                </th>
                {/* The decision shares the stage's column: a column of its own would push the table past 1280 px. */}
                <th scope="col" aria-sort={ariaSort("stage")}>
                  <Link to={sortLink("stage")}>Stage</Link>
                  {sortMark("stage")}
                  <div className="small muted">and decision</div>
                </th>
                <th scope="col" aria-sort={ariaSort("total")}>
                  <Link to={sortLink("total")}>Weighted total</Link>
                  {sortMark("total")}
                </th>
                {d.areas.map((a) => {
                  // Short headers keep the table narrow; the full name is read out and shown on hover.
                  const [first, ...rest] = a.name.split(" ");
                  return (
                    <th key={a.key} scope="col" title={a.knockout ? `${a.name} (must pass)` : a.name}>
                      {first}
                      {rest.length ? <span className="visually-hidden"> {rest.join(" ")}</span> : null}
                      {a.knockout ? <span className="must-pass-mark">must pass</span> : null}
                    </th>
                  );
                })}
                <th scope="col" aria-sort={ariaSort("spread")}>
                  <Link to={sortLink("spread")}>Spread</Link>
                  {sortMark("spread")}
                </th>
                <th scope="col" aria-sort={ariaSort("scorecards")}>
                  <Link to={sortLink("scorecards")}>Cards</Link>
                  {sortMark("scorecards")}
                </th>
                <th scope="col">Recommen&shy;dations</th>
                <th scope="col">Take-home</th>
                {d.seesCompliance ? <th scope="col">Compliance</th> : null}
                {d.seesCost ? (
                  <th scope="col" aria-sort={ariaSort("cost")}>
                    <Link to={sortLink("cost")}>First-year cost</Link>
                    {sortMark("cost")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.id}>
                  <td className="compare-pick">
                    {r.masked ? null : (
                      <input
                        type="checkbox"
                        name="ids"
                        value={r.id}
                        aria-label={`Compare ${r.name}`}
                        checked={picks.isPicked(r.id)}
                        disabled={!picks.isPicked(r.id) && picks.picked.length >= MAX_COMPARE}
                        onChange={(e) => picks.toggle({ id: r.id, name: r.name }, e.currentTarget.checked)}
                      />
                    )}
                  </td>
                  <th scope="row">
                    {r.masked ? r.name : <Link to={`/applications/${r.id}`}>{r.name}</Link>}
                    <div className="muted small">
                      {applicationEngagementLabels[r.engagement as ApplicationEngagement] ?? r.engagement}
                    </div>
                  </th>
                  <td>
                    <StageBadge stage={r.stage} />
                    {r.decision ? (
                      <div className="small">
                        <DecisionCell decision={r.decision} />
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <strong>
                      {r.scoresHidden ? (
                        <span className="muted small">{hiddenScoresLabels[r.scoresHidden]}</span>
                      ) : (
                        (r.weightedTotal ?? "—")
                      )}
                    </strong>
                    {!r.scoresHidden && r.weightedTotal !== null && thinEvidenceNote(r.scorecards) ? (
                      <div className="flag small">{thinEvidenceNote(r.scorecards)}</div>
                    ) : null}
                    {r.mustPassBelow ? <div className="bad small">must-pass flag</div> : null}
                  </td>
                  {d.areas.map((a) => {
                    const cell = r.areas[a.key];
                    return (
                      <td
                        key={a.key}
                        className={
                          cell?.below ? "below-cell" : cell?.unassessed ? "gap" : cell?.split ? "flag-cell" : undefined
                        }
                      >
                        {cell?.average ?? "—"}
                        {cell?.split ? (
                          <span className="split-mark">
                            <span aria-hidden="true">*</span>
                            <span className="visually-hidden"> (interviewers differ by 2 or more)</span>
                          </span>
                        ) : null}
                        {cell?.below ? (
                          <span className="visually-hidden"> (below the must-pass bar)</span>
                        ) : cell?.unassessed ? (
                          <span className="visually-hidden"> (must pass, not assessed)</span>
                        ) : null}
                      </td>
                    );
                  })}
                  <td>
                    {r.maxSpread === null ? (
                      "—"
                    ) : r.maxSpread >= 2 ? (
                      <strong className="flag">{r.maxSpread}</strong>
                    ) : (
                      r.maxSpread
                    )}
                  </td>
                  <td>{r.scorecards}</td>
                  <td className="small by-line">
                    {recommendations
                      .filter((k) => r.tally[k])
                      .map((k) => `${r.tally[k]} ${recommendationLabels[k].toLowerCase()}`)
                      .join("\n") || "—"}
                  </td>
                  <td className="small">
                    {r.scoresHidden ? (
                      <span className="muted">hidden</span>
                    ) : r.takeHome ? (
                      r.takeHome.overall !== null ? (
                        `${r.takeHome.overall} / 4`
                      ) : (
                        takeHomeStatusLabels[r.takeHome.status]
                      )
                    ) : (
                      "—"
                    )}
                    {r.takeHome?.broken ? <div className="flag">{r.takeHome.broken}</div> : null}
                  </td>
                  {d.seesCompliance ? (
                    <td className="small">
                      {r.missingChecks === null ? (
                        "—"
                      ) : r.missingChecks.length === 0 ? (
                        "Complete"
                      ) : (
                        <details className="flag">
                          {/* Red when a check failed or lapsed, not just paperwork under way; the list says which. */}
                          <summary className={r.missingChecks.some(isCheckProblem) ? "bad-inline" : undefined}>
                            {r.missingChecks.length} not cleared
                            {r.missingChecks.some(isCheckProblem) ? (
                              <span className="visually-hidden">, some failed or expired</span>
                            ) : null}
                          </summary>
                          {r.missingChecks.map(missingCheckText).join(", ")}
                        </details>
                      )}
                    </td>
                  ) : null}
                  {d.seesCost ? (
                    <td className="small">
                      {/* A masked row's cost would point at the person behind the alias: it says so, as its take-home cell does. */}
                      {r.cost?.total != null ? (
                        formatMoney(r.cost.total, d.role.currency)
                      ) : (
                        <span className="muted">{r.cost ? r.cost.missing : r.masked ? "hidden" : null}</span>
                      )}
                      {r.cost?.covers && d.assumptions ? (
                        <div className="muted">{coversText(r.cost.covers, d.assumptions.expectedHours, "short")}</div>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {/* Ticks made on other pages of the rollup go with the form too. */}
        {offPage.map((p) => (
          <input key={p.id} type="hidden" name="ids" value={p.id} />
        ))}
        {/* Stays in view at the window's foot while the table scrolls, so ticks made earlier are never out of sight. */}
        <div className="actions compare-bar">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={picks.picked.length > 0 && picks.picked.length < MIN_COMPARE}
          >
            Compare selected
          </button>
          {/* On the page from the start, so the first tick is announced too. */}
          <span className="small" role="status">
            {picks.picked.length ? (
              <>
                {picks.picked.length} picked: {picks.picked.map((p) => p.name).join(", ")}
                {offPage.length ? ` (${offPage.length} not on this page)` : ""}
                {picks.picked.length < MIN_COMPARE
                  ? `. Tick at least ${MIN_COMPARE - picks.picked.length} more.`
                  : picks.picked.length >= MAX_COMPARE
                    ? ". That is the most a comparison takes."
                    : ""}
              </>
            ) : null}
          </span>
          {picks.picked.length ? (
            <button type="button" className="btn" onClick={picks.clear}>
              Clear ticks
            </button>
          ) : null}
        </div>
      </Form>
      <Pager
        page={d.page}
        pageCount={d.pageCount}
        params={Object.fromEntries([...params.entries()].filter(([k]) => k !== "page"))}
      />
    </div>
  );
}
