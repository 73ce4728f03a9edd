import { Link } from "@remix-run/react";

type Glance = {
  good: number;
  weak: number;
  bad: number;
  unasked: number;
  offersHandover: boolean | null;
  writtenAcceptanceCriteria: boolean | null;
  text: string;
};
export type RowAgency = { id: number; name: string; relation: "placed" | "bid"; vetting: Glance | null };

const yesNo = (v: boolean | null) => (v === null ? "not recorded" : v ? "yes" : "no");

/**
 * Which agency placed the person or bids, linked to it, with its vetting at a glance: answers good, weak and bad,
 * the handover package and written acceptance criteria. The vetting comes only to those who may read agencies.
 */
export function AgencyGlance({ agency, showName = true }: { agency: RowAgency; showName?: boolean }) {
  const g = agency.vetting;
  const name = g ? <Link to={`/agencies/${agency.id}`}>{agency.name}</Link> : agency.name;
  return (
    <div className="agency-glance small">
      {showName ? <div>{agency.relation === "placed" ? <>Placed by {name}</> : <>Bid by {name}</>}</div> : null}
      {g ? (
        <>
          <span className="visually-hidden">{g.text}</span>
          <div aria-hidden="true">
            <span className={g.good ? "assess-good" : "muted"}>{g.good} good</span> ·{" "}
            <span className={g.weak ? "assess-weak" : "muted"}>{g.weak} weak</span> ·{" "}
            <span className={g.bad ? "assess-bad" : "muted"}>{g.bad} bad</span>
            {g.unasked ? <span className="muted"> · {g.unasked} not asked</span> : null}
          </div>
          <div aria-hidden="true" className={g.offersHandover === true ? undefined : "flag-inline"}>
            Handover package: {yesNo(g.offersHandover)}
          </div>
          <div aria-hidden="true" className={g.writtenAcceptanceCriteria === true ? undefined : "flag-inline"}>
            Written acceptance criteria: {yesNo(g.writtenAcceptanceCriteria)}
          </div>
          {!showName ? (
            <Link to={`/agencies/${agency.id}`} className="small">
              Vetting of {agency.name}
            </Link>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
