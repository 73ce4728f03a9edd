// The words behind the comparison's figures, each a native disclosure (keyboard and no-JS alike), open in print.
import { EvidenceItem } from "~/components/evidence";
import type { Compared } from "./types";

type Words = NonNullable<Compared["words"]>;

/** The evidence behind one cell's ratings. */
export function EvidenceDisclosure({ entries, context }: { entries: Words["evidence"][string]; context: string }) {
  const written = entries.filter((e) => e.evidence || e.weakSignals.length).length;
  if (entries.length === 0) return null;
  return (
    <details className="evidence">
      <summary>
        Evidence ({written} {written === 1 ? "note" : "notes"})<span className="visually-hidden"> for {context}</span>
      </summary>
      <ul className="plain evidence-list">
        {entries.map((e) => (
          <EvidenceItem key={e.scorecardId} entry={e} />
        ))}
      </ul>
    </details>
  );
}

export function TakeawaysDisclosure({ cards, name }: { cards: Compared["shown"]["takeaways"]; name: string }) {
  if (cards.length === 0) return <span className="muted">—</span>;
  return (
    <details className="evidence">
      <summary>
        Takeaways ({cards.length})<span className="visually-hidden"> on {name}</span>
      </summary>
      <ul className="plain evidence-list">
        {cards.map((k, i) => (
          <li key={i}>
            <strong>{k.interviewer}</strong>{" "}
            <span className={`badge rec-${k.recommendation}`}>{k.recommendationLabel}</span>
            {k.keyTakeaways ? (
              <p className="prewrap evidence-text">{k.keyTakeaways}</p>
            ) : (
              <p className="muted">No takeaways written.</p>
            )}
            {k.amendments.map((r, j) => (
              <p key={j} className="muted">
                Amended: <span className="prewrap">{r}</span>
              </p>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function GraderNotesDisclosure({ notes, name }: { notes: Words["graderNotes"]; name: string }) {
  if (notes.length === 0) return null;
  return (
    <details className="evidence">
      <summary>
        Graders&rsquo; notes ({notes.length})<span className="visually-hidden"> on {name}&rsquo;s take-home</span>
      </summary>
      <ul className="plain evidence-list">
        {notes.map((g, i) => (
          <li key={i}>
            <strong>{g.grader}</strong>
            <p className="prewrap evidence-text">{g.notes}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}
