/**
 * A reference field's label where a record shows it (`region.name`) and where a form or a filter
 * picks it (`regionId`): one label, two message keys.
 */
export function reference<const Field extends string>(field: Field, label: string, shown = "name") {
  return { [field]: { [shown]: label }, [`${field}Id`]: label } as Record<Field | `${Field}Id`, unknown>;
}
