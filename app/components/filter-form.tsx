import { Form, type FormProps } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * A GET form of list filters. Its fields are uncontrolled (defaultValue), and
 * Remix keeps the page mounted when only the query changes, so after a link,
 * Back or another form the fields would still show what was last typed or
 * picked. `values` are the filters the page was loaded with; whenever they
 * change, each named field is set to them (without remounting, so focus stays
 * where the user left it).
 */
export function FilterForm({ values, ...props }: Omit<FormProps, "method"> & { values: Record<string, string | boolean> }) {
  const ref = useRef<HTMLFormElement>(null);
  const loaded = JSON.stringify(values);
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    for (const [name, value] of Object.entries(JSON.parse(loaded) as Record<string, string | boolean>)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === true;
      else if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.value !== String(value)) field.value = String(value);
    }
  }, [loaded]);
  return <Form ref={ref} method="get" {...props} />;
}
