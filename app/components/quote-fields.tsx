import { Field, type ValidatedForm } from "~/components/form";
import { currencies } from "~/domain/reference";

export type QuoteValues = {
  amount: number | null;
  currency: string | null;
  teamSize: number | null;
  weeks: number | null;
};

/**
 * An agency bid's quote: the price, its currency, the team it covers and how many weeks. Shown only to those who
 * may see pay; the same fields on the bid form and on the bid's page.
 */
export function QuoteFields(props: { form: ValidatedForm; roleCurrency: string; saved?: QuoteValues | null }) {
  const { register, errorFor, typed } = props.form;
  const saved = props.saved;
  const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
  return (
    <div className="fields quote-fields">
      <Field label="Quoted price (whole scope)" error={errorFor("quoteAmount")}>
        {(aria) => (
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={typed("quoteAmount", text(saved?.amount))}
            {...aria}
            {...register("quoteAmount")}
          />
        )}
      </Field>
      <Field label="Currency" error={errorFor("quoteCurrency")}>
        {(aria) => (
          <select
            defaultValue={typed("quoteCurrency", saved?.currency ?? props.roleCurrency)}
            {...aria}
            {...register("quoteCurrency")}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
                {c === props.roleCurrency ? " (the role's)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Team size (people)" error={errorFor("quoteTeamSize")}>
        {(aria) => (
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={typed("quoteTeamSize", text(saved?.teamSize))}
            {...aria}
            {...register("quoteTeamSize")}
          />
        )}
      </Field>
      <Field label="Duration (weeks)" error={errorFor("quoteWeeks")}>
        {(aria) => (
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={typed("quoteWeeks", text(saved?.weeks))}
            {...aria}
            {...register("quoteWeeks")}
          />
        )}
      </Field>
    </div>
  );
}
