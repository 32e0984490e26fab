import type { AdminResource } from "../lib/resource";
import apiClients from "./apiClients";
import centres from "./centres";
import curatorAssignments from "./curatorAssignments";
import events from "./events";
import feedback from "./feedback";
import feedbackCategories from "./feedbackCategories";
import fileAccesses from "./fileAccesses";
import kpis from "./kpis";
import lifeSituations from "./lifeSituations";
import municipalities from "./municipalities";
import organisations from "./organisations";
import people from "./people";
import population from "./population";
import projects from "./projects";
import qualityMeasurements from "./qualityMeasurements";
import qualityStandards from "./qualityStandards";
import regions from "./regions";
import registryImports from "./registryImports";
import reportForms from "./reportForms";
import reports from "./reports";
import services from "./services";
import systemicErrors from "./systemicErrors";
import users from "./users";

/** Every resource of the panel, in menu order. */
export const resources: readonly AdminResource[] = [
  centres,
  reports,
  feedback,
  systemicErrors,
  events,
  registryImports,
  services,
  lifeSituations,
  qualityStandards,
  qualityMeasurements,
  kpis,
  population,
  people,
  curatorAssignments,
  organisations,
  regions,
  municipalities,
  reportForms,
  feedbackCategories,
  projects,
  users,
  apiClients,
  fileAccesses,
];
