// Forms: react-hook-form drives the browser side (errors on submit, then live, focus on the
// first bad field, no submit while invalid); its resolver runs the form's zod
// schema over the same FormData the server will parse. Server errors (status
// 400) are shown in the same places, and the fields start from what was sent
// (`submitted`, from `invalid` in forms.server.ts), so a browser without
// JavaScript loses nothing typed either.
import { useSubmit } from "@remix-run/react";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldErrors as RhfErrors, type FieldValues, type UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { formDataToValues, tickedOr, typedOr, zodFieldErrors, type FieldErrors, type Submitted } from "~/utils/forms";

export function useValidatedForm(
  schema: z.ZodTypeAny,
  options: {
    arrayFields?: readonly string[];
    serverErrors?: FieldErrors | null;
    /** What was sent when the server refused the form: fields start from it instead of their saved values. */
    submitted?: Submitted | null;
    /** How a valid form is sent; defaults to a navigation (useSubmit). Pass a fetcher's submit to stay on the page. */
    submit?: (target: HTMLFormElement | HTMLButtonElement) => void;
  } = {},
) {
  const formRef = useRef<HTMLFormElement>(null);
  // The button that submitted, so its name/value (e.g. intent) is validated too, as the browser would send it.
  const submitterRef = useRef<HTMLElement | null>(null);
  const submit = useSubmit();
  const arrayFields = options.arrayFields ?? [];
  // How many fields a refused submit left to fix, for the one summary announced above the form.
  const [refusedCount, setRefusedCount] = useState<number | null>(null);
  const form = useForm<FieldValues>({
    shouldFocusError: false,
    // Validate on the first submit, then as the user fixes fields. Errors that
    // appear on blur shift the layout under the pointer mid-click.
    mode: "onSubmit",
    reValidateMode: "onChange",
    resolver: async () => {
      const el = formRef.current;
      if (!el) return { values: {}, errors: {} };
      const result = schema.safeParse(formDataToValues(new FormData(el, submitterRef.current), arrayFields));
      if (result.success) return { values: result.data as FieldValues, errors: {} };
      const errors: RhfErrors = {};
      for (const [name, messages] of Object.entries(zodFieldErrors(result.error))) {
        errors[name] = { type: "validate", message: messages[0] };
      }
      return { values: {}, errors };
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    submitterRef.current = submitter;
    void form.handleSubmit(
      () => {
        setRefusedCount(null);
        const target = submitter ?? formRef.current;
        if (!target) return;
        if (options.submit) options.submit(target);
        else submit(target, { method: "post" });
      },
      (errors) => {
        const names = Object.keys(errors);
        setRefusedCount(names.length);
        // Focus the first invalid control in page order, checkbox groups included.
        const first = Array.from(formRef.current?.elements ?? []).find(
          (el): el is HTMLInputElement =>
            "name" in el &&
            names.includes((el as HTMLInputElement).name) &&
            !(el as HTMLInputElement).disabled &&
            (el as HTMLInputElement).type !== "hidden",
        );
        first?.focus();
      },
    )(event);
  };

  const errorFor = (name: string): string | undefined => {
    const own = form.formState.errors[name]?.message;
    if (typeof own === "string") return own;
    return options.serverErrors?.[name]?.[0];
  };

  /**
   * One sentence for the form's alert after a refused submit: the messages
   * themselves sit by their fields, tied to them for screen readers, so they
   * are not each announced at once. Counted at the submit (this browser's or
   * the server's), so fixing fields does not make it speak again, and only
   * after a submit: on blur it would shift the page under the pointer.
   */
  const problems = refusedCount ?? Object.keys(options.serverErrors ?? {}).length;
  const summary =
    problems > 0
      ? `${problems === 1 ? "One field needs" : `${problems} fields need`} attention; each says why beside it.`
      : null;

  /**
   * Checkboxes and radios stay plain uncontrolled inputs (react-hook-form's
   * group bookkeeping would rewrite their checked state); the resolver reads
   * them from FormData, and after a submit attempt a change re-validates.
   */
  const group = (name: string) => ({
    name,
    onChange: () => {
      if (form.formState.submitCount > 0) void form.trigger(name);
    },
  });

  const formId = useId();
  /** The id of a group's message, for GroupError. */
  const errorIdFor = (name: string) => `${formId}-${name}-error`;
  /** For a radio group's container: whether it is invalid, and which message says why, for screen readers. */
  const groupAria = (name: string) => {
    const error = errorFor(name);
    return { "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorIdFor(name) : undefined };
  };

  /** A field's starting value: what was just sent, if the server refused it, else `fallback`. */
  const typed = (name: string, fallback: string) => typedOr(options.submitted, name, fallback);
  /** Whether a checkbox or radio starts ticked: as sent, if the server refused the form, else `fallback`. */
  const ticked = (name: string, value: string, fallback: boolean) => tickedOr(options.submitted, name, value, fallback);

  return {
    formRef,
    register: form.register,
    group,
    onSubmit,
    errorFor,
    errorIdFor,
    groupAria,
    summary,
    form,
    typed,
    ticked,
  };
}

/** What useValidatedForm gives a form: for sub-components that render some of its fields. */
export type ValidatedForm = ReturnType<typeof useValidatedForm>;

type Aria = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

export function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  children: (aria: Aria) => ReactNode;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${props.wide ? " field-wide" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.children({ id, "aria-invalid": Boolean(props.error), "aria-describedby": describedBy })}
      {props.error ? (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** An error under a group of controls (checkboxes, radios) that has its own legend. */
export function GroupError({ error, id }: { error?: string; id?: string }) {
  return error ? (
    <p className="field-error" id={id}>
      {error}
    </p>
  ) : null;
}

/** The form's alert: what the server said about the whole form, and the count of fields to fix (`summary` from useValidatedForm). */
export function FormError({ error, summary }: { error?: string | null; summary?: string | null }) {
  return error || summary ? (
    <div className="form-error" role="alert">
      {error}
      {error && summary ? " " : null}
      {summary}
    </div>
  ) : null;
}

/** Options for a select from a reference list and its labels. */
export function labelled<T extends string>(values: readonly T[], labels?: Record<T, string>): [string, string][] {
  return values.map((v) => [v, labels ? labels[v] : v]);
}

/** A labelled select registered with the form; `blank` adds a first empty choice. */
export function SelectField(props: {
  label: string;
  name: string;
  options: [string, string][];
  defaultValue: string;
  register: UseFormRegister<FieldValues>;
  error?: string;
  hint?: string;
  blank?: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(aria) => (
        <select defaultValue={props.defaultValue} {...aria} {...props.register(props.name)}>
          {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
