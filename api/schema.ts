// Imports every module and builds the schema. Nothing imports this file but yoga.ts and
// the SDL printer, so adding a module means adding one line here.
import { builder } from "./builder.js";
import { describeLimits, LIMITS } from "./lib/limits.js";
import "./shared.js";
import "./modules/auth/auth.schema.js";
import "./modules/api-clients/api-clients.schema.js";
import "./modules/geography/geography.schema.js";
import "./modules/organisations/organisations.schema.js";
import "./modules/centres/centres.schema.js";
import "./modules/centres/centre-details.schema.js";
import "./modules/services/services.schema.js";
import "./modules/life-situations/life-situations.schema.js";
import "./modules/people/people.schema.js";
import "./modules/projects/projects.schema.js";
import "./modules/events/events.schema.js";
import "./modules/quality/quality.schema.js";
import "./modules/feedback/feedback.schema.js";
import "./modules/feedback/citizen.schema.js";
import "./modules/systemic-errors/systemic-errors.schema.js";
import "./modules/reports/report-forms.schema.js";
import "./modules/reports/reports.schema.js";
import "./modules/spreadsheets/spreadsheets.schema.js";
import "./modules/imports/imports.schema.js";
import "./modules/files/files.schema.js";
import "./modules/kpis/kpis.schema.js";
import "./modules/population/population.schema.js";
import "./modules/history/history.schema.js";
import "./modules/partners/partners.schema.js";
import "./modules/directory/directory.schema.js";
import "./modules/analytics/activity.schema.js";
import "./modules/analytics/catalogue.schema.js";
import "./modules/analytics/quality.schema.js";
import "./modules/analytics/operations.schema.js";
import "./modules/notifications/notifications.schema.js";

// Each String and ID argument's maximum length, and each expensive field's weight, written into
// the schema itself: the checks read them from there, and clients see them in the SDL.
// Not sorted here: sorting rebuilds every type (a tenth of a Lambda cold start), and only the
// printed SDL needs an order (api/print-schema.ts sorts it).
export const schema = describeLimits(builder.toSchema({ sortSchema: false }), LIMITS.cost);
