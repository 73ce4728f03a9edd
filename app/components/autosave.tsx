// Drafts are never lost. While a long form (a scorecard, a take-home grade) is
// filled, every change is kept on this device at once and saved to the server
// as a draft a moment after typing pauses. The device copy brings the text back
// after a reload, a crashed tab or an expired session; the server copy is the
// draft everyone's pages read. Each save names the version it was made from, so
// it never overwrites a newer save from another tab (409, and the device copy
// stays). Submitting stays a deliberate click.
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { useLeaveGuard } from "./leave-guard";

type Entries = [string, string][];
type Stored = { baseVersion: number | null; at: number; entries: Entries };

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "restored"; at: number }
  | { kind: "signed-out" }
  | { kind: "conflict"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "offline" };

const SAVE_DELAY_MS = 1200;
const RETRY_MS = 10_000;

function formEntries(form: HTMLFormElement): Entries {
  const entries: Entries = [];
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && name !== "version" && name !== "intent" && !name.startsWith("$"))
      entries.push([name, value]);
  }
  return entries;
}

function readStored(key: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function writeStored(key: string, stored: Stored | null) {
  try {
    if (stored) window.localStorage.setItem(key, JSON.stringify(stored));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the server draft still saves.
  }
}

/** Puts saved entries back into the form's fields: text as typed, boxes and radios ticked as they were. */
function applyEntries(form: HTMLFormElement, entries: Entries) {
  for (const element of Array.from(form.elements)) {
    const field = element as HTMLInputElement;
    if (!field.name || field.name === "version" || field.type === "hidden" || field.type === "submit") continue;
    const sent = entries.filter(([name]) => name === field.name).map(([, value]) => value);
    if (field.type === "radio" || field.type === "checkbox") field.checked = sent.includes(field.value);
    else field.value = sent[0] ?? "";
  }
}

const sameEntries = (a: Entries, b: Entries) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The server side of autosave: the record version to build on, the status line, and a save a moment after
 * typing pauses that never overwrites a newer save (a conflict stops it).
 */
function useDraftSaver(options: {
  formRef: RefObject<HTMLFormElement>;
  url: string;
  storageKey: string;
  version: number | null;
  onSaved?: () => void;
}) {
  const { formRef, url, storageKey, onSaved } = options;
  const [version, setVersion] = useState(options.version);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const versionRef = useRef(options.version);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const inFlight = useRef<Promise<void> | null>(null);
  const lastInputAt = useRef(0);
  const stopped = useRef(false);

  const keepOnDevice = useCallback(() => {
    const form = formRef.current;
    if (form) writeStored(storageKey, { baseVersion: versionRef.current, at: Date.now(), entries: formEntries(form) });
  }, [formRef, storageKey]);

  // The latest save, for timers set by earlier renders.
  const saveRef = useRef<() => Promise<void>>();
  const schedule = useCallback((delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current?.(), delay);
  }, []);

  // A deliberate save reloads the page's data: the version it brings is the one to build on.
  useEffect(() => {
    versionRef.current = options.version;
    setVersion(options.version);
  }, [options.version]);

  const save = useCallback(async () => {
    const form = formRef.current;
    if (!form || stopped.current) return;
    if (inFlight.current) return schedule(SAVE_DELAY_MS);
    let done = () => {};
    inFlight.current = new Promise<void>((resolve) => (done = resolve));
    const startedAt = Date.now();
    setStatus({ kind: "saving" });
    try {
      const answer = await postDraft(url, form, versionRef.current);
      if (answer === "signed-out") {
        setStatus({ kind: "signed-out" });
        return;
      }
      if (answer.ok) {
        versionRef.current = answer.version;
        setVersion(answer.version);
        if (lastInputAt.current <= startedAt) {
          writeStored(storageKey, null);
          setStatus({ kind: "saved", at: answer.savedAt });
          onSaved?.();
        } else {
          keepOnDevice();
        }
      } else if (answer.reason === "invalid") {
        setStatus({ kind: "invalid", message: answer.message });
      } else {
        stopped.current = true;
        setStatus({ kind: "conflict", message: answer.message });
      }
    } catch {
      setStatus({ kind: "offline" });
      schedule(RETRY_MS);
    } finally {
      inFlight.current = null;
      done();
    }
  }, [formRef, url, storageKey, keepOnDevice, onSaved, schedule]);
  saveRef.current = save;
  useEffect(() => () => clearTimeout(timer.current), []);
  return { version, status, setStatus, versionRef, timer, inFlight, lastInputAt, stopped, keepOnDevice, schedule };
}

type DraftAnswer = { ok: true; version: number; savedAt: string } | { ok: false; reason: string; message: string };

/** Sends the form as a draft made from `version`. Throws when the server could not be reached or did not answer. */
async function postDraft(
  url: string,
  form: HTMLFormElement,
  version: number | null,
): Promise<DraftAnswer | "signed-out"> {
  const body = new FormData(form);
  body.delete("intent");
  body.set("version", version === null ? "" : String(version));
  const response = await fetch(url, { method: "POST", body, redirect: "manual", credentials: "same-origin" });
  if (response.type === "opaqueredirect" || response.status === 401) return "signed-out";
  const answer = (await response.json().catch(() => null)) as DraftAnswer | null;
  if (!answer) throw new Error(`status ${response.status}`);
  return answer;
}

export function useAutosave(options: {
  formRef: RefObject<HTMLFormElement>;
  /** The draft endpoint (a resource route answering JSON). */
  url: string;
  /** Per record and user, so two people on one device never see each other's text. */
  storageKey: string;
  /** The record version the page was rendered with; null before the first save. */
  version: number | null;
  enabled: boolean;
  /** Called once everything typed is saved on the server (the leave prompt can stand down). */
  onSaved?: () => void;
}) {
  const { formRef, storageKey, enabled } = options;
  const saver = useDraftSaver(options);
  const { status, setStatus, versionRef, timer, inFlight, lastInputAt, stopped, keepOnDevice, schedule } = saver;
  const [olderCopy, setOlderCopy] = useState<Stored | null>(null);

  const onInput = useCallback(() => {
    if (!enabled || stopped.current) return;
    lastInputAt.current = Date.now();
    keepOnDevice();
    setStatus((s) => (s.kind === "signed-out" ? s : { kind: "pending" }));
    schedule(SAVE_DELAY_MS);
  }, [enabled, keepOnDevice, schedule, lastInputAt, setStatus, stopped]);

  // On arrival: text kept on this device and not saved yet comes back. If the
  // server's draft has moved on since (another tab), the user chooses.
  useEffect(() => {
    const form = formRef.current;
    const stored = enabled ? readStored(storageKey) : null;
    if (!form || !stored) return;
    if (sameEntries(stored.entries, formEntries(form))) return writeStored(storageKey, null);
    if (stored.baseVersion === versionRef.current) {
      applyEntries(form, stored.entries);
      setStatus({ kind: "restored", at: stored.at });
      lastInputAt.current = Date.now();
      schedule(0);
    } else {
      setOlderCopy(stored);
    }
  }, [enabled, formRef, storageKey, schedule, lastInputAt, setStatus, versionRef]);

  const restoreOlderCopy = () => {
    const form = formRef.current;
    if (!form || !olderCopy) return;
    applyEntries(form, olderCopy.entries);
    setOlderCopy(null);
    setStatus({ kind: "restored", at: olderCopy.at });
    lastInputAt.current = Date.now();
    keepOnDevice();
    schedule(0);
  };
  const discardOlderCopy = () => {
    writeStored(storageKey, null);
    setOlderCopy(null);
  };
  /**
   * For the form's onSubmit. A deliberate save or submit sent while a background
   * save is on its way would carry the version before it and be refused as a
   * conflict, so it waits for that save and is sent again with the new version.
   * Otherwise the device copy is dropped: the page that comes back shows what
   * the server holds. Returns true when the submit may go ahead now.
   */
  const beforeSubmit = (event: FormEvent<HTMLFormElement>): boolean => {
    clearTimeout(timer.current);
    const pending = inFlight.current;
    if (!pending) {
      writeStored(storageKey, null);
      return true;
    }
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // A turn after the save settles, so the page has rendered the new version into the form.
    void pending.then(() => setTimeout(() => formRef.current?.requestSubmit(submitter as HTMLElement | null), 0));
    return false;
  };

  /**
   * While the page asks whether to leave, nothing is saved behind the question
   * (the answer may be "lose the changes"); staying saves again.
   */
  const hold = useCallback(
    (held: boolean) => {
      if (held) clearTimeout(timer.current);
      else if (!stopped.current && lastInputAt.current > 0) schedule(SAVE_DELAY_MS);
    },
    [schedule, lastInputAt, stopped, timer],
  );

  /** The user chose to lose what they typed: no save is sent and the device forgets it. */
  const discard = () => {
    clearTimeout(timer.current);
    stopped.current = true;
    writeStored(storageKey, null);
  };

  return {
    version: saver.version,
    status,
    onInput,
    olderCopy,
    restoreOlderCopy,
    discardOlderCopy,
    beforeSubmit,
    discard,
    hold,
  };
}

/**
 * The wiring a long form needs around its autosave: the leave guard (asking
 * before a link drops unsaved text, standing down once a draft is saved, and
 * holding saves while it asks), the record version the form sends (after a
 * background save, the one it answered; on a refused form, the one it was sent
 * with), and the form's onSubmit and onInput.
 */
export function useAutosavedForm(options: {
  formRef: RefObject<HTMLFormElement>;
  draft: { url: string; storageKey: string } | null;
  version: number | null;
  enabled: boolean;
  typed: (name: string, fallback: string) => string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const guard = useLeaveGuard();
  const autosave = useAutosave({
    formRef: options.formRef,
    url: options.draft?.url ?? "",
    storageKey: options.draft?.storageKey ?? "",
    version: options.version,
    enabled: options.enabled && Boolean(options.draft),
    onSaved: guard.markClean,
  });
  const { hold } = autosave;
  useEffect(() => hold(guard.blocker.state === "blocked"), [guard.blocker.state, hold]);
  const version =
    autosave.version !== options.version
      ? String(autosave.version)
      : options.typed("version", String(options.version ?? ""));
  const formProps = {
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      if (autosave.beforeSubmit(event)) options.onSubmit(event);
    },
    onInput: () => {
      guard.markDirty();
      autosave.onInput();
    },
  };
  return { guard, autosave, version, formProps };
}

function clock(at: string | number): string {
  return new Date(at).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
}

/** What the autosave is doing, said in words: visible beside the buttons, and read out when it matters. */
export function AutosaveStatusLine({ status, signInHref }: { status: AutosaveStatus; signInHref: string }) {
  // Only settled states go in the live region: "Saving…" on every pause would talk over the user.
  let settled: ReactNode = null;
  let transient: string | null = null;
  switch (status.kind) {
    case "pending":
    case "saving":
      transient = "Saving draft…";
      break;
    case "saved":
      settled = `Draft saved at ${clock(status.at)}. Only you can see it.`;
      break;
    case "restored":
      settled = `Brought back what you typed on this device at ${clock(status.at)}; saving it as your draft.`;
      break;
    case "signed-out":
      settled = (
        <>
          You were signed out, so this draft is not saved yet. What you typed is kept on this device:{" "}
          <a href={signInHref}>sign in again</a> and it comes back here.
        </>
      );
      break;
    case "conflict":
      settled = `${status.message} What you typed is kept on this device; reload to compare.`;
      break;
    case "invalid":
      settled = `Draft not saved: ${status.message}`;
      break;
    case "offline":
      settled = "Could not reach the server. What you typed is kept on this device and saved once it answers.";
      break;
  }
  const problem = ["signed-out", "conflict", "invalid", "offline"].includes(status.kind);
  return (
    <div className={`autosave-status small${problem ? " autosave-problem" : ""}`}>
      {/* A polite live region rather than role="status": the page's own confirmation (Notice) is its status. */}
      <p aria-live="polite" className="autosave-settled">
        {settled}
      </p>
      {transient ? (
        <p className="muted" aria-hidden="true">
          {transient}
        </p>
      ) : null}
    </div>
  );
}

/** The choice offered when this device holds text older than the server's draft. */
export function OlderCopyNotice(props: { at: number; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div className="alert alert-warn" role="region" aria-label="Unsaved text on this device">
      <p>
        This device holds text you typed at {clock(props.at)} that was never saved, and the draft has been saved
        elsewhere since.
      </p>
      <div className="actions">
        <button type="button" className="btn" onClick={props.onRestore}>
          Put my unsaved text back
        </button>
        <button type="button" className="btn" onClick={props.onDiscard}>
          Keep the saved draft
        </button>
      </div>
    </div>
  );
}
