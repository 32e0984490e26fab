// Imports every module and builds the schema. Nothing imports this file but yoga.ts and
// the SDL printer, so adding a module means adding one line here.
import { builder } from "./builder.js";
import "./modules/auth/auth.schema.js";
import "./modules/geography/geography.schema.js";
import "./modules/organisations/organisations.schema.js";
import "./modules/centres/centres.schema.js";

export const schema = builder.toSchema({ sortSchema: true });
