import type { EvidenceEntry } from "~/domain/debrief";
import { ratingText } from "~/domain/scorecard";

/** One interviewer's rating of an area with what they saw and the weak signals they ticked. */
export function EvidenceItem({ entry }: { entry: EvidenceEntry }) {
  return (
    <li>
      <div>
        <strong>{entry.interviewer}</strong>{" "}
        <span className={`rating-chip r${entry.rating ?? "na"}`}>{ratingText(entry.rating)}</span>
      </div>
      {entry.evidence ? (
        <p className="prewrap evidence-text">{entry.evidence}</p>
      ) : (
        <p className="muted small">No evidence written.</p>
      )}
      {entry.weakSignals.length ? <p className="small flag">Weak signals: {entry.weakSignals.join("; ")}</p> : null}
    </li>
  );
}
