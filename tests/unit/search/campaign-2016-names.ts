/**
 * The searchable names of the ten people of the 2016 #FreeToBeHome campaign, as the campaign brief gives
 * them (display name first). Only names: search needs nothing else.
 */
import type { NameEntry } from "../../../src/search/types.ts";

export const CAMPAIGN_2016_NAMES: NameEntry[] = [
  {
    profileId: "ilgar-mammadov",
    label: "Ilgar Mammadov",
    names: ["Ilgar Mammadov", "İlqar Məmmədov", "Ilgar Mamedov", "Ilgar Mammedov"],
  },
  {
    profileId: "oleg-sentsov",
    label: "Oleg Sentsov",
    // Russian and Ukrainian Cyrillic spellings happen to coincide; both are listed as the records hold them.
    names: ["Oleg Sentsov", "Oleh Sentsov", "Олег Сенцов", "Олег Сенцов"],
  },
  {
    profileId: "khalil-matouk",
    label: "Khalil Matouk",
    names: ["Khalil Matouk", "Khalil Ma'touq", "Khalil Maatouk", "خليل معتوق"],
  },
  {
    profileId: "leopoldo-lopez",
    label: "Leopoldo López",
    names: ["Leopoldo López", "Leopoldo López Mendoza"],
  },
  {
    profileId: "narges-mohammadi",
    label: "Narges Mohammadi",
    names: ["Narges Mohammadi", "نرگس محمدی"],
  },
  {
    profileId: "ilham-tohti",
    label: "Ilham Tohti",
    names: ["Ilham Tohti", "ئىلھام توختى", "伊力哈木·土赫提"],
  },
  {
    profileId: "bekele-gerba",
    label: "Bekele Gerba",
    names: ["Bekele Gerba", "Bekele Girba"],
  },
  {
    profileId: "julio-ferrer-tamayo",
    label: "Julio Alfredo Ferrer Tamayo",
    names: ["Julio Alfredo Ferrer Tamayo"],
  },
  {
    profileId: "omar-mohamed-ali",
    label: "Omar Mohamed Ali",
    names: ["Omar Mohamed Ali", "Omar Mohammed Ali"],
  },
  {
    profileId: "fanta-jawara",
    label: "Fanta Jawara",
    names: ["Fanta Jawara", "Fatoumata Jawara", "Fatoumatta Jawara"],
  },
];
