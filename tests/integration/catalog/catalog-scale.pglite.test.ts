/** The catalog at scale (catalog-scale.ts) on PGlite. */
import { databaseTargets } from "../../support/test-database.ts";
import { catalogAtScale } from "./catalog-scale.ts";

catalogAtScale(databaseTargets.find((target) => target.name === "PGlite")!);
