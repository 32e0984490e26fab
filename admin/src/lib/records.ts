// Shapes of records that several resources read: a resource's own records are typed in its folder.

/** A reference to a named record, e.g. a region `{ id name }`. */
export interface Named {
  id: string;
  name: string;
}

/** An indicator of a report form: the form's page lists them, a report's page fills them in. */
export interface Indicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  category: string | null;
  hasRuralSplit: boolean;
  position: number;
}

/** A curator assignment: the assignments' pages show it, and a person's page their timeline. */
export interface Assignment {
  id: string;
  version: number;
  role: string;
  targetType: string;
  primary: boolean;
  active: boolean;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  region: Named;
  service: Named | null;
  centre: Named | null;
  lifeSituation: Named | null;
  project: Named | null;
}

/** What an assignment is for: the service, centre, life situation or project, else the region. */
export const targetName = (assignment: Omit<Assignment, "id" | "version">): string =>
  assignment.service?.name ??
  assignment.centre?.name ??
  assignment.lifeSituation?.name ??
  assignment.project?.name ??
  assignment.region.name;
