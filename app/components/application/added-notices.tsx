import { Notice } from "~/components/ui";

/** What happened when the application was just added (`?added=`): added, already there, or a duplicate submission. */
export function AddedNotices({ added }: { added: string | null }) {
  return (
    <>
      {added === "added" || added === "bid" ? <Notice>Added to the pipeline.</Notice> : null}
      {added === "already" ? (
        <div className="alert alert-warn" role="status">
          Already in this role&rsquo;s pipeline: nothing was added twice.
        </div>
      ) : null}
      {added?.startsWith("duplicate-") ? (
        <div className="alert alert-warn" role="status">
          Duplicate submission recorded:{" "}
          {added === "duplicate-direct"
            ? "this person reached the role directly before the agency submitted them."
            : added === "duplicate-same-agency"
              ? "the same agency had already submitted this person."
              : "another agency submitted this person first; that submission is the one that counts."}
        </div>
      ) : null}
    </>
  );
}
