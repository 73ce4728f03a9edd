import { Form, useLocation, useSubmit, type FormProps } from "@remix-run/react";
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent } from "react";

/** How long a picker changed from the keyboard waits for the next arrow key before the list reloads. */
export const KEYBOARD_PAUSE_MS = 700;

/**
 * A GET form of list filters. Its fields are uncontrolled (defaultValue), and
 * Remix keeps the page mounted when only the query changes, so after a link,
 * Back, the pager or another form the fields would still show what was last
 * typed or picked. `values` are the filters the page was loaded with; after
 * every navigation each named field is set back to them, except the field the
 * user is in (typing continues while an earlier change loads). Nothing
 * remounts, so focus stays where it was.
 *
 * With `autoSubmit`, pickers and checkboxes apply at once (text and search
 * fields wait for Enter or a button). A picker changed with the arrow keys
 * waits for a pause, Enter or leaving it, so stepping through its options
 * reloads the list once rather than at every step.
 *
 * `announce` is what the filters found ("12 candidates"), read out by screen
 * readers when a new choice reloads the list.
 */
export function FilterForm({
  values,
  autoSubmit = false,
  announce,
  ...props
}: Omit<FormProps, "method" | "onChange"> & {
  /** A list for a name several checkboxes share (`check=nda&check=ip_assignment`): the values ticked. */
  values: Record<string, string | boolean | string[]>;
  autoSubmit?: boolean;
  announce?: string;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const { key } = useLocation();
  const loaded = JSON.stringify(values);
  const fromKeyboard = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // A change still waiting belongs to the page that was left (Back, a link): drop it.
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    const form = ref.current;
    if (!form) return;
    for (const [name, value] of Object.entries(JSON.parse(loaded) as Record<string, string | boolean | string[]>)) {
      const field = form.elements.namedItem(name);
      if (field === document.activeElement) continue;
      if (Array.isArray(value)) {
        const boxes = field instanceof RadioNodeList ? [...field] : field ? [field] : [];
        for (const box of boxes)
          if (box instanceof HTMLInputElement && box !== document.activeElement)
            box.checked = value.includes(box.value);
        continue;
      }
      if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === true;
      else if (field instanceof HTMLInputElement) field.value = String(value);
      // A value the picker does not offer (a role no longer listed) leaves the picker as the server rendered it.
      else if (field instanceof HTMLSelectElement && [...field.options].some((o) => o.value === String(value)))
        field.value = String(value);
    }
  }, [key, loaded]);

  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  const apply = () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    if (ref.current) submit(ref.current, { replace: true });
  };
  const applyPending = () => {
    if (pending.current) apply();
  };

  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const field = event.target as EventTarget;
    if (!autoSubmit) return;
    if (field instanceof HTMLInputElement && field.type !== "checkbox" && field.type !== "radio") return;
    if (field instanceof HTMLSelectElement && fromKeyboard.current) {
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(apply, KEYBOARD_PAUSE_MS);
      return;
    }
    apply();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    fromKeyboard.current = event.target instanceof HTMLSelectElement;
    if (event.key === "Enter" && pending.current) {
      event.preventDefault();
      apply();
    }
  };

  return (
    <>
      <Form
        ref={ref}
        method="get"
        {...props}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onPointerDown={() => (fromKeyboard.current = false)}
        onBlur={applyPending}
      />
      {announce !== undefined ? (
        <p className="visually-hidden" role="status">
          {announce}
        </p>
      ) : null}
    </>
  );
}
