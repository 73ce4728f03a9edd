import { Link } from "@remix-run/react";
import { StageBadge } from "~/components/checks";
import { AgencyGlance } from "~/components/agency-glance";
import { DecisionCell } from "~/components/decision-record";
import { formatCount, formatDate, formatMoney } from "~/components/ui";
import { EvidenceDisclosure, GraderNotesDisclosure, TakeawaysDisclosure } from "./disclosures";
import type { Compared, ComparedArea, ComparisonData } from "./types";

/** The candidates side by side, one column each: a row per area, then the totals, flags, take-home, paperwork and cost. */
export function CompareTable({ d }: { d: ComparisonData }) {
  const c = d.candidates;
  const row = (label: string, cell: (x: Compared) => JSX.Element) => (
    <tr>
      <th scope="row">{label}</th>
      {c.map(cell)}
    </tr>
  );
  return (
    <div className="table-wrap">
      <table className="compare">
        <caption className="muted small">
          Candidates side by side, one column each. Ratings run from 1 (strong no) to 4 (strong yes); each area shows
          its average, the range, and each interviewer&rsquo;s rating.
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            {c.map((x) => (
              <th key={x.id} scope="col">
                <Link to={`/applications/${x.id}`}>{x.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.areas.map((a) => (
            <AreaRow key={a.key} area={a} candidates={c} />
          ))}
          <tr className="total-row">
            <th scope="row">Weighted total</th>
            {c.map((x) => (
              <TotalCell key={x.id} x={x} />
            ))}
          </tr>
          {row("Decision", (x) => (
            <td key={x.id} className="small">
              <DecisionCell decision={x.decision} />
            </td>
          ))}
          {row("Must-pass flags", (x) => (
            <MustPassCell key={x.id} x={x} />
          ))}
          {row("Recommendations", (x) => (
            <td key={x.id} className={x.scoresHidden ? "muted small" : "small"}>
              {x.shown.hidden ?? x.shown.recommendations}
            </td>
          ))}
          {row("Takeaways", (x) => (
            <td key={x.id} className="small">
              {x.words ? (
                <TakeawaysDisclosure cards={x.shown.takeaways} name={x.name} />
              ) : (
                <span className="muted">{x.shown.hidden ?? "—"}</span>
              )}
            </td>
          ))}
          {row("Take-home", (x) => (
            <TakeHomeCell key={x.id} x={x} />
          ))}
          {d.seesCompliance
            ? row("Compliance", (x) => (
                <td key={x.id} className="small">
                  {x.shown.missingChecks === null ? (
                    "—"
                  ) : x.shown.missingChecks ? (
                    <span className="flag">Not cleared: {x.shown.missingChecks}</span>
                  ) : (
                    "Complete"
                  )}
                </td>
              ))
            : null}
          {row("Stage", (x) => (
            <td key={x.id}>
              <StageBadge stage={x.stage} />
            </td>
          ))}
          {row("Engagement model", (x) => (
            <td key={x.id}>{x.shown.engagement}</td>
          ))}
          <AgencyRow candidates={c} />
          {row("Available from", (x) => (
            <td key={x.id}>{formatDate(x.availableFrom)}</td>
          ))}
          {d.seesCost
            ? row("Estimated first-year cost", (x) => (
                <CostCell key={x.id} x={x} currency={d.role.currency} fullYearHours={d.fullYearHours} />
              ))
            : null}
        </tbody>
      </table>
    </div>
  );
}

/** Which agency placed each person or bids, with its vetting at a glance; "Direct" for the others. */
function AgencyRow({ candidates }: { candidates: Compared[] }) {
  if (!candidates.some((x) => x.agency)) return null;
  return (
    <tr>
      <th scope="row">Agency</th>
      {candidates.map((x) => (
        <td key={x.id}>
          {x.agency ? <AgencyGlance agency={x.agency} /> : <span className="muted small">Direct</span>}
        </td>
      ))}
    </tr>
  );
}

function AreaRow({ area: a, candidates }: { area: ComparedArea; candidates: Compared[] }) {
  return (
    <tr>
      <th scope="row">
        {a.name}{" "}
        <span className="muted small">
          ×{a.weight}
          {a.knockout ? " · must pass" : ""}
          {a.earlier ? " · earlier template" : ""}
        </span>
      </th>
      {candidates.map((x) => (
        <AreaCell key={x.id} x={x} area={a} />
      ))}
    </tr>
  );
}

function AreaCell({ x, area: a }: { x: Compared; area: ComparedArea }) {
  const cell = x.shown.cells[a.key];
  if (cell.kind === "note") return <td className="muted small">{cell.text}</td>;
  const weighed = cell.weightedAs !== null ? <div className="small muted">{cell.weightedAs}</div> : null;
  if (cell.average === null) return <td className="gap">not assessed{weighed}</td>;
  return (
    <td className={cell.knockoutFlag ? "row-bad" : cell.disagreement ? "flag-cell" : undefined}>
      <strong>{cell.average}</strong>{" "}
      <span className="muted small">
        ({cell.min}-{cell.max}
        {cell.disagreement ? ", disagree" : ""})
      </span>
      <div className="small">{cell.ratings}</div>
      {cell.notAssessed ? <div className="small muted">{cell.notAssessed} not assessed</div> : null}
      {weighed}
      <EvidenceDisclosure entries={x.words?.evidence[a.key] ?? []} context={`${a.name}, ${x.name}`} />
    </td>
  );
}

function TotalCell({ x }: { x: Compared }) {
  if (x.shown.hidden !== null) return <td className="muted small">{x.shown.hidden}</td>;
  return (
    <td>
      <strong>{x.summary.weightedTotal ?? "—"}</strong>
      {x.shown.thinEvidence ? <span className="flag small"> {x.shown.thinEvidence}</span> : null}
      {x.summary.weightedTotal !== null ? <div className="mono small">{x.shown.arithmetic}</div> : null}
      {x.summary.arithmetic.leftOut.length ? <div className="small muted">Left out: {x.shown.leftOut}</div> : null}
    </td>
  );
}

function MustPassCell({ x }: { x: Compared }) {
  return (
    <td>
      {x.shown.hidden !== null ? (
        <span className="muted small">{x.shown.hidden}</span>
      ) : x.summary.knockouts.length ? (
        <span className="flag">{x.shown.knockouts}</span>
      ) : (
        x.shown.mustPassNote
      )}
    </td>
  );
}

function TakeHomeCell({ x }: { x: Compared }) {
  return (
    <td className="small">
      {x.takeHome ? (
        <>
          {x.takeHome.result.overall !== null ? <strong>{x.takeHome.result.overall} / 4</strong> : null}
          <div className={x.takeHome.result.overall !== null ? "muted" : undefined}>{x.shown.takeHomeProgress}</div>
          {x.takeHome.result.graders > 0 ? (
            <ul className="plain">
              {x.shown.takeHomeFacts.map((f) => (
                <li key={f.key} className={f.broken ? "flag" : undefined}>
                  {f.label}: {f.text}
                </li>
              ))}
            </ul>
          ) : null}
          <GraderNotesDisclosure notes={x.words?.graderNotes ?? []} name={x.name} />
        </>
      ) : x.shown.hidden !== null ? (
        <span className="muted">{x.shown.hidden}</span>
      ) : (
        "—"
      )}
    </td>
  );
}

function CostCell({ x, currency, fullYearHours }: { x: Compared; currency: string; fullYearHours: number }) {
  return (
    <td className="small">
      {x.cost?.total != null ? (
        <strong>{formatMoney(x.cost.total, currency)}</strong>
      ) : (
        <span className="muted">{x.cost?.missing}</span>
      )}
      {x.shown.costCovers ? <div className="muted">Covers {x.shown.costCovers}</div> : null}
      {x.cost?.pricedAs ? <div className="priced-as">{sentenceCase(x.cost.pricedAs)}</div> : null}
      {x.cost?.covers === "hours" && x.cost.fullYear !== null && x.cost.fullYear !== x.cost.total ? (
        <div>
          A full year ({formatCount(fullYearHours)} h) at this rate:{" "}
          <strong>{formatMoney(x.cost.fullYear, currency)}</strong>
        </div>
      ) : null}
      {x.cost?.lines.map((l) => (
        <div key={l.label}>
          {l.label}: {formatMoney(l.amount, currency)} <span className="muted">({l.basis})</span>
        </div>
      ))}
    </td>
  );
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
