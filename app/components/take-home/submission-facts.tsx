import { formatDate } from "~/components/ui";
import type { GradeData } from "./types";

/** What a grader may see of the exercise and the submission: links, due date, time box; never who sent it. */
export function SubmissionFacts({ takeHome: t }: { takeHome: GradeData["takeHome"] }) {
  return (
    <section className="card" aria-labelledby="exercise">
      <h2 id="exercise">The submission</h2>
      <dl className="facts small">
        <dt>Submission</dt>
        <dd>
          {t.submissionUrl ? (
            <a href={t.submissionUrl} rel="noopener noreferrer nofollow" target="_blank">
              Open the submission
            </a>
          ) : t.submitted ? (
            "Recorded without a link"
          ) : (
            "Not yet"
          )}
          {t.submitted ? (t.late ? " (late)" : " (on time)") : ""}
        </dd>
        <dt>Due</dt>
        <dd>{formatDate(t.extendedTo ?? t.dueOn)}</dd>
        <dt>Time box</dt>
        <dd>{t.timeBoxHours} hours</dd>
        {t.materialsUrl ? (
          <>
            <dt>Materials</dt>
            <dd>
              <a href={t.materialsUrl} rel="noopener noreferrer nofollow" target="_blank">
                Materials
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="prewrap small">{t.instructions}</p>
    </section>
  );
}
