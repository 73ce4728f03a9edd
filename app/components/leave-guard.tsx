// Long forms (a scorecard, a take-home grade) are filled during or right after an
// interview; leaving the page by a link or by closing the tab would drop what was
// typed. Once something is changed, leaving asks first: a link inside the app
// shows a prompt on the page, and the browser asks for a reload, a typed address
// or a closed tab. Saving (the form posts to its own page) is never held up.
import { useActionData, useBlocker, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

export function useLeaveGuard() {
  const [dirty, setDirty] = useState(false);
  const location = useLocation();
  // A refusal (400, 409) comes back as action data with what was typed still unsaved on the page.
  const refused = useRef(false);
  refused.current = useActionData() !== undefined;
  // A save redirects back to this page under a new location, with no action data: what was typed is stored.
  // Only a new location decides; the refusal flag is read as it stands then.
  useEffect(() => {
    if (!refused.current) setDirty(false);
  }, [location.key]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && nextLocation.pathname !== currentLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  // markClean: what was typed is saved (a draft saved in the background), so leaving loses nothing.
  return { markDirty: () => setDirty(true), markClean: () => setDirty(false), blocker };
}

/** The on-page question when a link would leave unsaved changes behind; focus goes to staying. */
export function LeavePrompt({
  blocker,
  what,
  onLeave,
}: {
  blocker: ReturnType<typeof useBlocker>;
  what: string;
  /** Called when the user chooses to lose the changes (drops the device copy an autosave keeps). */
  onLeave?: () => void;
}) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === "blocked") stay.current?.focus();
  }, [blocker.state]);
  if (blocker.state !== "blocked") return null;
  return (
    <div className="alert alert-warn leave-prompt" role="alertdialog" aria-labelledby="leave-prompt-text">
      <p id="leave-prompt-text">
        <strong>Leave without saving?</strong> Your changes to this {what} are not saved yet. Save a draft first to keep
        them.
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary" ref={stay} onClick={() => blocker.reset()}>
          Stay and keep editing
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            onLeave?.();
            blocker.proceed?.();
          }}
        >
          Leave and lose the changes
        </button>
      </div>
    </div>
  );
}
