import type { ReactNode } from "react";
import { Create, Edit, type EditProps, SimpleForm, type SimpleFormProps } from "react-admin";

// Saves are pessimistic: no undo window that could lose a write when the tab closes. After
// a save the panel opens the record's page.

interface SimpleCreateProps {
  children: ReactNode;
  defaultValues?: SimpleFormProps["defaultValues"];
}

/** A create page: one simple form, saved pessimistically, then the new record's page. */
export const SimpleCreate = ({ children, defaultValues }: SimpleCreateProps) => (
  <Create mutationMode="pessimistic" redirect="show">
    <SimpleForm defaultValues={defaultValues}>{children}</SimpleForm>
  </Create>
);

interface SimpleEditProps {
  children: ReactNode;
  /** Reshapes the record for the form (e.g. related records to their ids). */
  queryOptions?: EditProps["queryOptions"];
}

/** An edit page: one simple form, saved pessimistically, then the record's page. */
export const SimpleEdit = ({ children, queryOptions }: SimpleEditProps) => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={queryOptions}>
    <SimpleForm>{children}</SimpleForm>
  </Edit>
);
