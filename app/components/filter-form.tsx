import { Form, useLocation, type FormProps } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * A GET form of list filters. Its fields are uncontrolled (defaultValue), and
 * Remix keeps the page mounted when only the query changes, so after a link,
 * Back, the pager or another form the fields would still show what was last
 * typed or picked. `values` are the filters the page was loaded with; after
 * every navigation each named field is set back to them, except the field the
 * user is in (typing continues while an earlier change loads). Nothing
 * remounts, so focus stays where it was.
 */
export function FilterForm({ values, ...props }: Omit<FormProps, "method"> & { values: Record<string, string | boolean> }) {
  const ref = useRef<HTMLFormElement>(null);
  const { key } = useLocation();
  const loaded = JSON.stringify(values);
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    for (const [name, value] of Object.entries(JSON.parse(loaded) as Record<string, string | boolean>)) {
      const field = form.elements.namedItem(name);
      if (field === document.activeElement) continue;
      if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === true;
      else if (field instanceof HTMLInputElement) field.value = String(value);
      // A value the picker does not offer (a role no longer listed) leaves the picker as the server rendered it.
      else if (field instanceof HTMLSelectElement && [...field.options].some((o) => o.value === String(value))) field.value = String(value);
    }
  }, [key, loaded]);
  return <Form ref={ref} method="get" {...props} />;
}
