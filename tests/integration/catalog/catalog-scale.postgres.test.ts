/** The catalog at scale (catalog-scale.ts) on Postgres. */
import { databaseTargets } from "../../support/test-database.ts";
import { catalogAtScale } from "./catalog-scale.ts";

catalogAtScale(databaseTargets.find((target) => target.name === "Postgres")!);
