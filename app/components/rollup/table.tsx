import { Link, useSearchParams } from "@remix-run/react";
import { StageBadge } from "~/components/checks";
import type { useComparePicks } from "~/components/compare-picks";
import { AgencyGlance } from "~/components/agency-glance";
import { DecisionCell } from "~/components/decision-record";
import { formatMoney } from "~/components/ui";
import type { RollupData, RollupRow } from "./types";

type Picks = ReturnType<typeof useComparePicks>;

/** The rollup's table: a row per candidate or agency bid, sortable by the linked headers, with a tick to compare. */
export function RollupTable({ d, picks }: { d: RollupData; picks: Picks }) {
  return (
    <div className="table-wrap">
      <table className="rollup">
        <RollupCaption d={d} />
        <RollupHead d={d} />
        <tbody>
          {d.rows.map((r) => (
            <RollupTableRow key={r.id} d={d} r={r} picks={picks} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RollupCaption({ d }: { d: RollupData }) {
  return (
    <caption className="muted small">
      {d.rowCount} {d.rowCount === 1 ? "candidate or agency bid" : "candidates and agency bids"}
      {d.pageCount > 1 ? `, ${(d.page - 1) * d.perPage + 1}-${(d.page - 1) * d.perPage + d.rows.length} shown` : ""}.
      Tick {d.compareLimits.min} to {d.compareLimits.max} to compare side by side; ticks stay while you page, sort and
      filter. <span aria-hidden="true">*</span> Interviewers differ by 2 or more on that area. A must-pass area
      averaging under {d.knockoutBelow} is shaded red and flags the candidate for discussion (it never rejects on its
      own); one nobody assessed is hatched.
      {d.seesCost
        ? " First-year cost: a hire for a full year, a contractor or freelancer for the role's contract hours (with the placing agency's markup), an agency its quote."
        : ""}
    </caption>
  );
}

/** Links, marks and aria-sort for the sortable headers: names and stages read first-to-last, figures best-first. */
function useSortHeaders(filter: RollupData["filter"]) {
  const [params] = useSearchParams();
  const link = (s: string) => {
    const p = new URLSearchParams(params);
    p.set("sort", s);
    // A new order starts from its first page.
    p.delete("page");
    // Names and stages read first-to-last; figures best-first. Clicking the current column flips it.
    const first = s === "name" || s === "stage" ? "asc" : "desc";
    p.set("dir", filter.sort === s ? (filter.dir === "asc" ? "desc" : "asc") : first);
    return `?${p}`;
  };
  const mark = (s: string) =>
    filter.sort === s ? (
      <span aria-hidden="true" className="sort-mark">
        {filter.dir === "asc" ? " ▲" : " ▼"}
      </span>
    ) : null;
  const ariaSort = (s: string) => (filter.sort === s ? (filter.dir === "asc" ? "ascending" : "descending") : undefined);
  return { link, mark, ariaSort };
}

function RollupHead({ d }: { d: RollupData }) {
  const sort = useSortHeaders(d.filter);
  const sortable = (key: string, label: string) => (
    <>
      <Link to={sort.link(key)}>{label}</Link>
      {sort.mark(key)}
    </>
  );
  return (
    <thead>
      <tr>
        <th scope="col" className="compare-pick">
          <span className="visually-hidden">Compare</span>
        </th>
        <th scope="col" aria-sort={sort.ariaSort("name")}>
          {sortable("name", "Who")}
        </th>
        {/* The decision shares the stage's column: a column of its own would push the table past 1280 px. */}
        <th scope="col" aria-sort={sort.ariaSort("stage")}>
          {sortable("stage", "Stage")}
          <div className="small muted">and decision</div>
        </th>
        <th scope="col" aria-sort={sort.ariaSort("total")}>
          {sortable("total", "Weighted total")}
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
        <th scope="col" aria-sort={sort.ariaSort("spread")}>
          {sortable("spread", "Spread")}
        </th>
        <th scope="col" aria-sort={sort.ariaSort("scorecards")}>
          {sortable("scorecards", "Cards")}
        </th>
        <th scope="col">Recommen&shy;dations</th>
        <th scope="col">Take-home</th>
        {d.seesCompliance ? <th scope="col">Compliance</th> : null}
        {d.seesCost ? (
          <th scope="col" aria-sort={sort.ariaSort("cost")}>
            {sortable("cost", "First-year cost")}
          </th>
        ) : null}
      </tr>
    </thead>
  );
}

function RollupTableRow({ d, r, picks }: { d: RollupData; r: RollupRow; picks: Picks }) {
  return (
    <tr>
      <td className="compare-pick">
        {r.masked ? null : (
          <input
            type="checkbox"
            name="ids"
            value={r.id}
            aria-label={`Compare ${r.name}`}
            checked={picks.isPicked(r.id)}
            disabled={!picks.isPicked(r.id) && picks.picked.length >= d.compareLimits.max}
            onChange={(e) => picks.toggle({ id: r.id, name: r.name }, e.currentTarget.checked)}
          />
        )}
      </td>
      <th scope="row">
        {r.masked ? r.name : <Link to={`/applications/${r.id}`}>{r.name}</Link>}
        <div className="muted small">{r.engagementLabel}</div>
        {r.agency ? <AgencyGlance agency={r.agency} compact /> : null}
      </th>
      <td>
        <StageBadge stage={r.stage} />
        {r.decision ? (
          <div className="small">
            <DecisionCell decision={r.decision} />
          </div>
        ) : null}
      </td>
      <TotalCell r={r} />
      {d.areas.map((a) => (
        <AreaCell key={a.key} cell={r.areas[a.key]} />
      ))}
      <td>
        {r.maxSpread === null ? "—" : r.maxSpread >= 2 ? <strong className="flag">{r.maxSpread}</strong> : r.maxSpread}
      </td>
      <td>{r.scorecards}</td>
      <td className="small by-line">{r.recommendationsText}</td>
      <td className="small">
        {r.scoresHidden ? <span className="muted">hidden</span> : r.takeHomeText}
        {r.takeHome?.broken ? <div className="flag">{r.takeHome.broken}</div> : null}
      </td>
      {d.seesCompliance ? <ComplianceCell r={r} /> : null}
      {d.seesCost ? <CostCell r={r} currency={d.role.currency} /> : null}
    </tr>
  );
}

function TotalCell({ r }: { r: RollupRow }) {
  return (
    <td>
      <strong>
        {r.scoresHiddenText !== null ? (
          <span className="muted small">{r.scoresHiddenText}</span>
        ) : (
          (r.weightedTotal ?? "—")
        )}
      </strong>
      {r.thinEvidence ? <div className="flag small">{r.thinEvidence}</div> : null}
      {r.mustPassBelow ? <div className="bad small">must-pass flag</div> : null}
    </td>
  );
}

function AreaCell({ cell }: { cell: RollupRow["areas"][string] | undefined }) {
  return (
    <td className={cell?.below ? "below-cell" : cell?.unassessed ? "gap" : cell?.split ? "flag-cell" : undefined}>
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
}

function ComplianceCell({ r }: { r: RollupRow }) {
  return (
    <td className="small">
      {r.missingChecks === null ? (
        "—"
      ) : r.missingChecks.length === 0 ? (
        "Complete"
      ) : (
        <details className="flag">
          {/* Red when a check failed or lapsed, not just paperwork under way; the list says which. */}
          <summary className={r.checksProblem ? "bad-inline" : undefined}>
            {r.missingChecks.length} not cleared
            {r.checksProblem ? <span className="visually-hidden">, some failed or expired</span> : null}
          </summary>
          {r.missingChecksText}
        </details>
      )}
    </td>
  );
}

function CostCell({ r, currency }: { r: RollupRow; currency: string }) {
  return (
    <td className="small">
      {/* A masked row's cost would point at the person behind the alias: it says so, as its take-home cell does. */}
      {r.cost?.total != null ? (
        formatMoney(r.cost.total, currency)
      ) : (
        <span className="muted">{r.cost ? r.cost.missing : r.masked ? "hidden" : null}</span>
      )}
      {r.costCovers ? <div className="muted">{r.costCovers}</div> : null}
      {/* The markup in words; a quote's team and weeks are on the comparison, where there is room. */}
      {r.cost?.pricedAs && r.cost.covers === "hours" ? <div>{r.cost.pricedAs}</div> : null}
    </td>
  );
}
