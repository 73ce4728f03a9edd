import { takeHomeFacts, takeHomeFactText, type TakeHomeResult as Result } from "~/domain/take-home";

/** Overall first, then each deliverable, the outcomes, the constraints and the hours; a broken constraint stands out. */
export function TakeHomeResult({ result }: { result: Result }) {
  if (result.graders === 0) return <p className="muted">No grades submitted yet.</p>;
  return (
    <dl className="facts small">
      <dt>Overall</dt>
      <dd>
        <strong>{result.overall ?? "—"} / 4</strong> from {result.graders} {result.graders === 1 ? "grader" : "graders"}
      </dd>
      {takeHomeFacts(result).map((f) => (
        <div key={f.key} className="contents">
          <dt>{f.label}</dt>
          <dd className={f.broken ? "flag" : undefined}>{takeHomeFactText(f)}</dd>
        </div>
      ))}
    </dl>
  );
}
