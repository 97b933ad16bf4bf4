/** The one rule for a web link a record holds (a source, a photo, an action): absolute, http or https. */
import { z } from "zod";

export const webUrl = z
  .string()
  .url({ error: "expected an absolute URL" })
  .refine((u) => /^https?:\/\//i.test(u), { error: "expected an http or https URL" });
