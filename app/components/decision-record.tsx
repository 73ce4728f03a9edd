// The decisions on an application: the newest, prominently, then the history.
// `reasoning` is null where the viewer may not read it (seesRationale).
import { useSearchParams } from "@remix-run/react";
import { DecisionForm, type DecisionFormData } from "~/components/decision-form";
import { Notice } from "~/components/ui";
import { decisionOutcomeLabels, type DecisionOutcome } from "~/domain/decision";
import { stageLabels, type Stage } from "~/domain/pipeline";
import { rejectionReasonLabels, type RejectionReason } from "~/domain/reference";
import { Moment } from "~/components/moment";

export type DecisionView = {
  id: number;
  stage: Stage;
  outcome: DecisionOutcome;
  rejectionReason: string | null;
  decidedAt: string | Date;
  decidedBy: string | null;
  supersedes: boolean;
  reasoning: {
    rationale: string;
    citedAreas: string[];
    citedScorecards: string[];
    weightedTotal: number | null;
    againstTotal: boolean;
    againstNote: string | null;
    changeReason: string | null;
  } | null;
};

export function OutcomeBadge({ outcome }: { outcome: DecisionOutcome }) {
  return <span className={`badge badge-decision-${outcome}`}>{decisionOutcomeLabels[outcome]}</span>;
}

export function AgainstBadge() {
  return <span className="badge badge-against">Against the weighted total</span>;
}

function Reasoning({ d }: { d: NonNullable<DecisionView["reasoning"]> }) {
  return (
    <>
      {d.changeReason ? (
        <p className="small">
          <strong>Changed because:</strong> {d.changeReason}
        </p>
      ) : null}
      <p className="decision-rationale">{d.rationale}</p>
      <dl className="facts small">
        <dt>Rests on</dt>
        <dd>{d.citedAreas.join(", ")}</dd>
        {d.citedScorecards.length ? (
          <>
            <dt>Scorecards</dt>
            <dd>{d.citedScorecards.join(", ")}</dd>
          </>
        ) : null}
        <dt>Weighted total then</dt>
        <dd>{d.weightedTotal ?? "none"}</dd>
        {d.againstNote ? (
          <>
            <dt>Against it</dt>
            <dd>{d.againstNote}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

function Headline({ d }: { d: DecisionView }) {
  return (
    <>
      <OutcomeBadge outcome={d.outcome} /> {d.reasoning?.againstTotal ? <AgainstBadge /> : null}{" "}
      <span className="small">
        at {stageLabels[d.stage] ?? d.stage}
        {d.rejectionReason
          ? ` · ${rejectionReasonLabels[d.rejectionReason as RejectionReason] ?? d.rejectionReason}`
          : ""}{" "}
        · {d.decidedBy ?? "someone"}, <Moment at={d.decidedAt} />
      </span>
    </>
  );
}

export function DecisionRecord({ decisions, seesRationale }: { decisions: DecisionView[]; seesRationale: boolean }) {
  if (decisions.length === 0) return <p className="muted">No decision recorded yet.</p>;
  const [current, ...earlier] = decisions;
  return (
    <>
      <div className="decision-current">
        <h3 className="visually-hidden">Current decision</h3>
        <p>
          <Headline d={current} />
        </p>
        {current.reasoning ? <Reasoning d={current.reasoning} /> : null}
        {!seesRationale ? (
          <p className="muted small">
            The rationale cites the panel&rsquo;s scorecards, so it opens to you once you may read them (blind
            feedback).
          </p>
        ) : null}
      </div>
      {earlier.length ? (
        <>
          <h3>Earlier decisions</h3>
          <ol className="history">
            {earlier.map((d) => (
              <li key={d.id}>
                <Headline d={d} />
                {d.reasoning ? <Reasoning d={d.reasoning} /> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

/** The application page's section: the record, and the form (folded once a decision is recorded at this stage). */
export function DecisionSection({
  data,
}: {
  data: { decisions: DecisionView[]; seesRationale: boolean; form: DecisionFormData | null };
}) {
  const [params] = useSearchParams();
  const decided = params.get("decided");
  return (
    <section className="card" aria-labelledby="decision-heading" id="decision">
      <h2 id="decision-heading">Decision</h2>
      {decided ? (
        <Notice>Decision recorded: {decisionOutcomeLabels[decided as DecisionOutcome] ?? decided}.</Notice>
      ) : null}
      <DecisionRecord decisions={data.decisions} seesRationale={data.seesRationale} />
      {data.form ? (
        <details className="decision-details" open={data.form.current === null && !decided}>
          <summary>{data.form.current ? "Change decision" : "Record decision"}</summary>
          <DecisionForm data={data.form} />
        </details>
      ) : null}
    </section>
  );
}

/** A decision in a table cell (rollup, comparison): the outcome, its day, and whether it went against the total. */
export function DecisionCell({
  decision,
}: {
  decision: { outcome: DecisionOutcome; decidedAt: string | Date; againstTotal: boolean } | null;
}) {
  if (!decision) return <span className="muted">—</span>;
  return (
    <>
      <OutcomeBadge outcome={decision.outcome} />
      <div className="muted">
        <Moment at={decision.decidedAt} dateOnly />
      </div>
      {decision.againstTotal ? <div className="flag">against the total</div> : null}
    </>
  );
}
