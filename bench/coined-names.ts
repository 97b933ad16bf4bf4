/**
 * Coined names for synthetic campaigns: syllables of each culture put together, with their
 * romanizations, so that a 50,000-profile campaign has tens of thousands of distinct words the way real
 * registers do, not a few hundred common names repeated. Each coiner returns spellings like the pools:
 * [native, main romanization, variant…]. The romanization rules live here, in the benchmark only: search
 * itself never transliterates.
 */
import type { Spellings } from "./name-pools.ts";
import type { Random } from "./random.ts";

export interface Coiner {
  given(random: Random): Spellings;
  /** Absent where family names are a closed set (Chinese surnames): the pools cover them. */
  family?(random: Random): Spellings;
}

/** Latin-script syllables romanized by letter rules written "letter|main|variant". */
function latinCoiner(syllables: string, suffixes: string, rules: string): Coiner {
  const parts = syllables.split(" ");
  const ends = suffixes === "" ? [""] : suffixes.split(" ");
  const rule = new Map(
    rules.split(" ").map((r) => {
      const [from = "", main = "", variant] = r.split("|");
      return [from, [main, variant ?? main] as const];
    }),
  );
  const romanize = (word: string, pick: 0 | 1) => [...word].map((c) => rule.get(c)?.[pick] ?? c).join("");
  const spell = (word: string): Spellings => [word, romanize(word, 0), romanize(word, 1)].map(capitalize);
  const word = (random: Random, count: number) =>
    Array.from({ length: count }, () => random.pick(parts)).join("");
  return {
    given: (random) => spell(word(random, 2)),
    family: (random) => spell(word(random, 1 + random.int(2)) + random.pick(ends)),
  };
}

interface PairedOptions {
  /** Syllables written "native|main|variant". */
  syllables: string;
  givenSyllables: readonly [min: number, max: number];
  /** An article joined to some family names, "native|main|variant" (Arabic ال, al-, el-). */
  familyPrefix?: string;
  familySuffixes?: string;
  coinFamily?: boolean;
}

/** Syllables with their romanizations, for scripts whose spelling is not letter by letter. */
function pairedCoiner(options: PairedOptions): Coiner {
  const parts = options.syllables.split(" ").map((s) => s.split("|"));
  const prefix = options.familyPrefix?.split("|");
  const ends = options.familySuffixes?.split(" ").map((s) => s.split("|")) ?? [];
  const build = (random: Random, chosen: string[][]): Spellings => {
    const main = chosen.map((p) => p[1]).join("");
    const variant = chosen.map((p) => p[2] ?? p[1]).join("");
    return [
      chosen.map((p) => p[0]).join(""),
      capitalize(main),
      capitalize(random.chance(0.5) ? variant : main),
    ];
  };
  const [min, max] = options.givenSyllables;
  const coiner: Coiner = {
    given: (random) => build(random, pick(random, parts, min + random.int(max - min + 1))),
  };
  if (options.coinFamily === false) return coiner;
  coiner.family = (random) => {
    const chosen = pick(random, parts, 1 + random.int(2));
    if (ends.length > 0 && random.chance(0.5)) chosen.push(random.pick(ends));
    const word = build(random, chosen);
    if (prefix === undefined || !random.chance(0.4)) return word;
    return [`${prefix[0]}${word[0]}`, `${prefix[1]}${word[1]}`, `${prefix[2]}${word[2]}`];
  };
  return coiner;
}

function pick(random: Random, items: readonly string[][], count: number): string[][] {
  return Array.from({ length: count }, () => random.pick(items));
}

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase("en") + word.slice(1);
}

const CYRILLIC_RULES =
  "а|a б|b в|v г|g|h д|d е|e|ye ё|e|yo ж|zh з|z и|i й|y|i к|k л|l м|m н|n о|o п|p р|r с|s т|t у|u ф|f " +
  "х|kh|h ц|ts|c ч|ch ш|sh щ|shch ы|y ь|| э|e ю|yu|iu я|ya|ia і|i ў|w|u";

export const COINERS: Readonly<Record<string, Coiner>> = {
  az: latinCoiner(
    "məm məd ağ ay xan lar rə şid qur ban nur lan fər had sə bü tü ral ça vuş vü sal cə lil gül nar el şən ül kər",
    "ov ova li zadə bəyli",
    "ə|a|e q|g|q x|kh|x ş|sh|s ç|ch|c ğ|gh|g ı|i ö|o ü|u c|j|dzh",
  ),
  tr: latinCoiner(
    "öz yıl dız çağ kır ser dar tür kay han gök er doğ su şen ay bül ent ça lış",
    "oğlu er can soy türk",
    "ş|s|sh ç|c|ch ğ|g ı|i ö|o ü|u",
  ),
  "pl-by": latinCoiner(
    "łu kasz mał go ża ście woj ciech brzę czysz kie wicz sta now dą bro ró życ",
    "ski ska wicz czyk ak",
    "ł|l ż|z ź|z ś|s ć|c ń|n ą|a ę|e ó|o",
  ),
  vi: latinCoiner(
    "anh bảo châu dũng giang hạnh khánh linh mai ngân phúc quỳnh sơn tâm uyên vũ xuân yến",
    "",
    "ả|a ạ|a ă|a â|a ắ|a ấ|a ầ|a đ|d ũ|u ư|u ứ|u ơ|o ỳ|y ế|e ê|e ễ|e ớ|o ộ|o ọ|o ú|u",
  ),
  es: latinCoiner(
    "fer nán gon zál ro drí al var mén dí bá ñez ló pe cas ti llo mu ri ja ra vi ce",
    "ez es a o",
    "á|a é|e í|i ó|o ú|u ñ|n|ny",
  ),
  "west-africa": latinCoiner("ja war bal kɔ ta ŋan ba ma di sɛ ku lu so ri fa to", "eh ay", "ɔ|o ɛ|e ŋ|ng"),
  "ru-by-ua": latinCoiner(
    "бел кар мур чев ник ол сер гей жу ков щер бак лес ной рыж ев ян юр",
    "ов ова ин ина ский ская енко ук",
    CYRILLIC_RULES,
  ),
  ar: pairedCoiner({
    syllables:
      "كر|kar|ker يم|im|eem سل|sal|sel ما|ma|maa حم|ham|hum زه|zah|zeh ري|ri|ree فا|fa رو|ru|rou ق|q|k " +
      "ش|sh|ch عا|a|aa د|d ل|l طا|ta|taa هر|har|her نو|nu|nou جا|ja|ga بد|bad|bed ن|n",
    givenSyllables: [2, 3],
    familyPrefix: "ال|al-|el-",
    familySuffixes: "ي|i|y اوي|awi|awy",
  }),
  fa: pairedCoiner({
    syllables:
      "پر|par|per وین|vin|win گل|gol|gul شا|sha|shah ده|deh|de چه|cheh|che ری|ri|ree ژا|zha|ja کا|ka|kaa " +
      "می|mi|mee نو|no|nu رو|ru|roo زا|za|zaa یا|ya|yaa به|beh|bah",
    givenSyllables: [2, 3],
    familySuffixes: "ی|i|y نژاد|nejad|nezhad زاده|zadeh|zade",
  }),
  zh: pairedCoiner({
    syllables:
      "建|jian 国|guo 华|hua 平|ping 军|jun 文|wen 立|li 新|xin 春|chun 海|hai 英|ying 玉|yu 兰|lan 红|hong " +
      "德|de 志|zhi 永|yong 强|qiang 丽|li 秀|xiu 凤|feng 东|dong 峰|feng 宏|hong 家|jia 俊|jun",
    givenSyllables: [1, 2],
    coinFamily: false,
  }),
  et: pairedCoiner({
    syllables:
      "በ|be ቀ|qe|ke ለ|le ገ|ge ር|r ባ|ba መ|me ሐ|ha ድ|d ነ|ne ጋ|ga ሺ|shi ታ|ta ዬ|ye ሁ|hu ሴ|se ማ|ma ሪ|ri ያ|ya",
    givenSyllables: [2, 3],
  }),
};
