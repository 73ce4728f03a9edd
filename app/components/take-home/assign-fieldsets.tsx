import { Field, GroupError, labelled, SelectField, type useValidatedForm } from "~/components/form";
import { currencies } from "~/domain/reference";

type ValidatedForm = ReturnType<typeof useValidatedForm>;

/** Title, instructions, materials, time box and due date; starts from the role's usual exercise. */
export function ExerciseFieldset(props: { form: ValidatedForm; instructions: string; due: string }) {
  const { register, errorFor, typed } = props.form;
  return (
    <fieldset>
      <legend>The exercise</legend>
      <div className="fields">
        <Field label="Title" error={errorFor("title")} wide>
          {(aria) => (
            <input
              type="text"
              defaultValue={typed("title", "Fix a failing RAG workflow")}
              {...aria}
              {...register("title")}
            />
          )}
        </Field>
        <Field label="Instructions" error={errorFor("instructions")} wide>
          {(aria) => (
            <textarea
              rows={9}
              defaultValue={typed("instructions", props.instructions)}
              {...aria}
              {...register("instructions")}
            />
          )}
        </Field>
        <Field label="Materials link" error={errorFor("materialsUrl")}>
          {(aria) => (
            <input
              type="text"
              inputMode="url"
              defaultValue={typed("materialsUrl", "")}
              {...aria}
              {...register("materialsUrl")}
            />
          )}
        </Field>
        <Field label="Time box (hours)" error={errorFor("timeBoxHours")}>
          {(aria) => (
            <input
              type="number"
              min={1}
              max={40}
              defaultValue={typed("timeBoxHours", "4")}
              {...aria}
              {...register("timeBoxHours")}
            />
          )}
        </Field>
        <Field label="Due date" error={errorFor("dueOn")}>
          {(aria) => <input type="date" defaultValue={typed("dueOn", props.due)} {...aria} {...register("dueOn")} />}
        </Field>
      </div>
    </fieldset>
  );
}

/** Whether the take-home is paid, and how much. */
export function PayFieldset({ form }: { form: ValidatedForm }) {
  const { register, group, errorFor, typed, ticked } = form;
  return (
    <fieldset>
      <legend>Pay</legend>
      <div className="fields">
        <label className="checks">
          <input type="checkbox" value="on" defaultChecked={ticked("paid", "on", true)} {...group("paid")} /> Paid
          take-home
        </label>
        <Field label="Amount" error={errorFor("amount")}>
          {(aria) => (
            <input
              type="text"
              inputMode="numeric"
              defaultValue={typed("amount", "400")}
              {...aria}
              {...register("amount")}
            />
          )}
        </Field>
        <SelectField
          label="Currency"
          name="currency"
          options={labelled(currencies)}
          defaultValue={typed("currency", "USD")}
          register={register}
          error={errorFor("currency")}
        />
      </div>
    </fieldset>
  );
}

/** Anonymous or named grading, and the graders; those who know the candidate are marked as unable to grade blind. */
export function GradingFieldset(props: {
  form: ValidatedForm;
  team: { userId: number; name: string; cannotGradeBlind: string | null }[];
}) {
  const { form, team } = props;
  return (
    <fieldset>
      <legend>Grading</legend>
      <label className="checks">
        <input
          type="checkbox"
          value="on"
          defaultChecked={form.ticked("anonymous", "on", true)}
          {...form.group("anonymous")}
        />{" "}
        Anonymous grading: graders see an alias, never the name, email, agency, links or pay, until every grader has
        submitted
      </label>
      <p className="small muted" id="blind-graders">
        Anonymous graders must not have met or handled the candidate: whoever manages a role they applied to,
        interviewed them, added them, moved them between stages or handled their checks knows who they are.
      </p>
      <div className="checks grader-picks" role="group" aria-label="Graders" aria-describedby="blind-graders">
        {team.map((t) => (
          <label key={t.userId}>
            <input
              type="checkbox"
              value={String(t.userId)}
              defaultChecked={form.ticked("graderIds", String(t.userId), false)}
              {...form.group("graderIds")}
            />{" "}
            {t.name}
            {t.cannotGradeBlind ? (
              <span className="small flag"> Cannot grade anonymously: {t.cannotGradeBlind}</span>
            ) : null}
          </label>
        ))}
      </div>
      <GroupError error={form.errorFor("graderIds")} />
    </fieldset>
  );
}
