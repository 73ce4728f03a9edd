import type { takeHomeResult } from "~/domain/take-home";
import { EXPECTED_OUTCOMES } from "~/domain/take-home";

export function TakeHomeResult({ result }: { result: ReturnType<typeof takeHomeResult> }) {
  if (result.graders === 0) return <p className="muted">No grades submitted yet.</p>;
  const yesNo = (v: boolean | null) => (v === null ? "not recorded" : v ? "yes" : "no");
  return (
    <dl className="facts small">
      {result.perDeliverable.map((d) => (
        <div key={d.key} className="contents">
          <dt>{d.label}</dt>
          <dd>{d.average ?? "—"} / 4</dd>
        </div>
      ))}
      <dt>Overall</dt>
      <dd>
        <strong>{result.overall ?? "—"} / 4</strong> from {result.graders} {result.graders === 1 ? "grader" : "graders"}
      </dd>
      <dt>Expected outcomes reached</dt>
      <dd>
        {result.outcomesReached ?? "—"} of {EXPECTED_OUTCOMES}
      </dd>
      <dt>Cost ceiling respected</dt>
      <dd>{yesNo(result.costCeilingRespected)}</dd>
      <dt>Security constraint respected</dt>
      <dd>{yesNo(result.securityRespected)}</dd>
      <dt>Hours reported</dt>
      <dd>{result.hoursReported ?? "—"}</dd>
    </dl>
  );
}
