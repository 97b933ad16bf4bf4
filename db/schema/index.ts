/**
 * The database schema, one file per area. drizzle-kit reads every file in this folder; the application
 * sees the tables through this index, so a new area is one file here plus one export line.
 */
export * from "./audit.ts";
export * from "./campaigns.ts";
export * from "./deliveries.ts";
export * from "./installations.ts";
export * from "./profile-details.ts";
export * from "./profiles.ts";
export * from "./rotation.ts";
export * from "./spotlights.ts";
export * from "./status-updates.ts";
export * from "./subscriptions.ts";
export * from "./staff.ts";
export * from "./channel-languages.ts";
export * from "./presses.ts";
