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
 * `compact` (the rollup's narrow first column): "via" the agency, and short labels.
 */
export function AgencyGlance({ agency, compact = false }: { agency: RowAgency; compact?: boolean }) {
  const g = agency.vetting;
  const link = (text: string) => (g ? <Link to={`/agencies/${agency.id}`}>{text}</Link> : text);
  const placed = agency.relation === "placed";
  const nameLine = compact ? (
    placed ? (
      <div>via {link(agency.name)}</div>
    ) : null
  ) : (
    <div>
      {placed ? "Placed by" : "Bid by"} {link(agency.name)}
    </div>
  );
  return (
    <div className={`agency-glance small${compact ? " compact" : ""}`}>
      {nameLine}
      {g ? (
        <>
          <span className="visually-hidden">{g.text}</span>
          <div aria-hidden="true">
            {compact && !placed ? <>{link("Vetting")}: </> : null}
            <span className={g.good ? "assess-good" : "muted"}>{g.good} good</span> ·{" "}
            <span className={g.weak ? "assess-weak" : "muted"}>{g.weak} weak</span> ·{" "}
            <span className={g.bad ? "assess-bad" : "muted"}>{g.bad} bad</span>
            {g.unasked ? <span className="muted"> · {g.unasked} not asked</span> : null}
          </div>
          <div aria-hidden="true">
            <span className={g.offersHandover === true ? undefined : "flag-inline"}>
              {compact ? "Handover" : "Handover package"}: {yesNo(g.offersHandover)}
            </span>
            {compact ? " · " : <br />}
            <span className={g.writtenAcceptanceCriteria === true ? undefined : "flag-inline"}>
              {compact ? "Criteria" : "Written acceptance criteria"}: {yesNo(g.writtenAcceptanceCriteria)}
            </span>
          </div>
        </>
      ) : null}
    </div>
  );
}
