/**
 * What Discord refuses, answered the way Discord answers: 400 with code 50035 "Invalid Form Body" and an
 * `errors` tree keyed by the path of each bad field. Limits from the message, component and application
 * command docs.
 */
type Json = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

export class FormErrors {
  private readonly tree: Json = {};
  private count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      node[String(key)] ??= {};
      node = node[String(key)] as Json;
    }
    node._errors ??= [];
    (node._errors as Array<{ code: string; message: string }>).push({ code, message });
    this.count += 1;
  }

  get empty(): boolean {
    return this.count === 0;
  }

  body() {
    return { code: 50035, message: "Invalid Form Body", errors: this.tree };
  }
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function maxLength(errors: FormErrors, path: Path, value: unknown, max: number, min = 0): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "string") {
    errors.add(path, "STRING_TYPE_CONVERT", "Could not interpret as string.");
    return;
  }
  if (value.length > max) errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  if (value.trim().length < min) errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
}

function wellFormedUrl(errors: FormErrors, path: Path, value: unknown, schemes = ["http:", "https:"]): void {
  if (value === undefined) return;
  try {
    if (typeof value === "string" && schemes.includes(new URL(value).protocol)) return;
  } catch {}
  errors.add(path, "URL_TYPE_INVALID_URL", "Not a well formed URL.");
}

/** Content, embeds, components, nonce and allowed_mentions of a message body. */
export function validateMessage(body: Json, errors: FormErrors): void {
  maxLength(errors, ["content"], body.content, 2000);
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) errors.add(["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  let total = 0;
  embeds.forEach((embed, i) => {
    total += validateEmbed(isObject(embed) ? embed : {}, ["embeds", i], errors);
  });
  if (total > 6000)
    errors.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  validateComponents(body.components, errors);
  const nonce = body.nonce;
  if (typeof nonce === "string") maxLength(errors, ["nonce"], nonce, 25);
  else if (nonce !== undefined && !Number.isInteger(nonce))
    errors.add(["nonce"], "NONCE_TYPE_INVALID", "Invalid nonce");
  const mentions = body.allowed_mentions;
  if (isObject(mentions) && Array.isArray(mentions.parse)) {
    for (const [i, kind] of mentions.parse.entries()) {
      if (!["users", "roles", "everyone"].includes(String(kind))) {
        errors.add(
          ["allowed_mentions", "parse", i],
          "BASE_TYPE_CHOICES",
          "Value must be one of users, roles, everyone.",
        );
      }
    }
  }
}

/** Returns the embed's size as Discord counts it toward the 6,000 total. */
function validateEmbed(embed: Json, at: Path, errors: FormErrors): number {
  maxLength(errors, [...at, "title"], embed.title, 256);
  maxLength(errors, [...at, "description"], embed.description, 4096);
  const footer = isObject(embed.footer) ? embed.footer : undefined;
  const author = isObject(embed.author) ? embed.author : undefined;
  if (footer) maxLength(errors, [...at, "footer", "text"], footer.text, 2048, 1);
  if (author) maxLength(errors, [...at, "author", "name"], author.name, 256, 1);
  wellFormedUrl(errors, [...at, "url"], embed.url);
  for (const key of ["image", "thumbnail"] as const) {
    const media = embed[key];
    if (isObject(media))
      wellFormedUrl(errors, [...at, key, "url"], media.url, ["http:", "https:", "attachment:"]);
  }
  const fields = Array.isArray(embed.fields) ? embed.fields : [];
  if (fields.length > 25)
    errors.add([...at, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  let size = 0;
  fields.forEach((raw, i) => {
    const field = isObject(raw) ? raw : {};
    maxLength(errors, [...at, "fields", i, "name"], field.name ?? "", 256, 1);
    maxLength(errors, [...at, "fields", i, "value"], field.value ?? "", 1024, 1);
    size += (str(field.name) ?? "").trim().length + (str(field.value) ?? "").trim().length;
  });
  const parts = [embed.title, embed.description, footer?.text, author?.name];
  return size + parts.reduce<number>((sum, part) => sum + (str(part) ?? "").trim().length, 0);
}

/** Legacy (non-V2) components: ≤ 5 action rows of ≤ 5 buttons, unique custom ids, valid links. */
function validateComponents(components: unknown, errors: FormErrors): void {
  if (components === undefined) return;
  const rows = Array.isArray(components) ? components : [];
  if (rows.length > 5) errors.add(["components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
  const ids = new Set<string>();
  rows.forEach((raw, r) => {
    const row = isObject(raw) ? raw : {};
    const children = Array.isArray(row.components) ? row.components : [];
    if (row.type !== 1)
      errors.add(["components", r, "type"], "COMPONENT_TYPE_INVALID", "Must be an action row.");
    if (children.length < 1 || children.length > 5) {
      errors.add(
        ["components", r, "components"],
        "BASE_TYPE_BAD_LENGTH",
        "Must be between 1 and 5 in length.",
      );
    }
    children.forEach((rawButton, b) => {
      const button = isObject(rawButton) ? rawButton : {};
      const at = ["components", r, "components", b];
      if (button.type !== 2)
        return errors.add([...at, "type"], "COMPONENT_TYPE_INVALID", "Only buttons here.");
      maxLength(errors, [...at, "label"], button.label, 80);
      if (button.style === 5) {
        if (button.custom_id !== undefined)
          errors.add(
            [...at, "custom_id"],
            "COMPONENT_LINK_CUSTOM_ID",
            "Link buttons cannot have a custom_id.",
          );
        wellFormedUrl(errors, [...at, "url"], button.url ?? "", ["http:", "https:", "discord:"]);
        maxLength(errors, [...at, "url"], button.url, 512);
        return;
      }
      const id = str(button.custom_id);
      maxLength(errors, [...at, "custom_id"], id ?? "", 100, 1);
      if (id && ids.has(id))
        errors.add(
          [...at, "custom_id"],
          "COMPONENT_CUSTOM_ID_DUPLICATED",
          "Component custom id cannot be duplicated",
        );
      if (id) ids.add(id);
    });
  });
}

/** APPLICATION_COMMAND_AUTOCOMPLETE_RESULT: ≤ 25 choices, name 1–100, string value ≤ 100. */
export function validateAutocomplete(data: Json, errors: FormErrors): void {
  const choices = Array.isArray(data.choices) ? data.choices : [];
  if (choices.length > 25)
    errors.add(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  choices.forEach((raw, i) => {
    const choice = isObject(raw) ? raw : {};
    maxLength(errors, ["data", "choices", i, "name"], choice.name ?? "", 100, 1);
    if (typeof choice.value === "string")
      maxLength(errors, ["data", "choices", i, "value"], choice.value, 100);
    else if (typeof choice.value !== "number")
      errors.add(["data", "choices", i, "value"], "BASE_TYPE_REQUIRED", "This field is required");
  });
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Discord's locales (developers/reference.mdx "Locales"); a localization under any other key is refused. */
const LOCALES = new Set(
  "id da de en-GB en-US es-ES es-419 fr hr it lt hu nl no pl pt-BR ro fi sv-SE vi tr cs el bg ru uk hi th zh-CN ja zh-TW ko".split(
    " ",
  ),
);

/** `name_localizations` / `description_localizations`: known locales only, each value within the field's rules. */
function localizations(item: Json, field: "name" | "description", at: Path, errors: FormErrors): void {
  const map = item[`${field}_localizations`];
  if (map === undefined || map === null) return;
  if (!isObject(map)) {
    errors.add(
      [...at, `${field}_localizations`],
      "DICT_TYPE_CONVERT",
      "Only dictionaries may be used in a DictType",
    );
    return;
  }
  for (const [locale, value] of Object.entries(map)) {
    const here = [...at, `${field}_localizations`, locale];
    if (!LOCALES.has(locale)) errors.add(here, "LOCALE_INVALID", `"${locale}" is not a valid locale`);
    if (field === "description") maxLength(errors, here, value ?? "", 100, 1);
    else if (typeof value !== "string" || !COMMAND_NAME.test(value) || value !== value.toLowerCase())
      errors.add(here, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
}

/** Bulk overwrite of CHAT_INPUT commands: names, descriptions, option rules, permissions, contexts. */
export function validateCommands(body: unknown, errors: FormErrors): void {
  const commands = Array.isArray(body) ? body : [];
  if (commands.length > 100) errors.add([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
  const names = new Set<string>();
  commands.forEach((raw, i) => {
    const command = isObject(raw) ? raw : {};
    named(command, [i], errors);
    if (names.has(String(command.name)))
      errors.add([i, "name"], "APPLICATION_COMMAND_NAME_ALREADY_EXISTS", "Name already exists");
    names.add(String(command.name));
    const perms = command.default_member_permissions;
    if (perms !== undefined && perms !== null && !/^\d+$/.test(String(perms))) {
      errors.add([i, "default_member_permissions"], "NUMBER_TYPE_COERCE", "Value is not a bitfield.");
    }
    for (const [j, context] of (Array.isArray(command.contexts) ? command.contexts : []).entries()) {
      if (![0, 1, 2].includes(Number(context)))
        errors.add([i, "contexts", j], "ENUM_TYPE_COERCE", "Not a context.");
    }
    // 0 the server's install, 1 a member's own: nothing else, and never none.
    const types = command.integration_types;
    if (types !== undefined && (!Array.isArray(types) || types.length === 0))
      errors.add([i, "integration_types"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 2 in length.");
    for (const [j, type] of (Array.isArray(types) ? types : []).entries()) {
      if (![0, 1].includes(Number(type)))
        errors.add([i, "integration_types", j], "ENUM_TYPE_COERCE", "Not an integration type.");
    }
    options(command.options, [i, "options"], errors, 0);
  });
}

function named(item: Json, at: Path, errors: FormErrors): void {
  const name = str(item.name) ?? "";
  if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
    errors.add([...at, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  maxLength(errors, [...at, "description"], item.description ?? "", 100, 1);
  localizations(item, "name", at, errors);
  localizations(item, "description", at, errors);
}

function options(raw: unknown, at: Path, errors: FormErrors, depth: number): void {
  const list = Array.isArray(raw) ? raw : [];
  if (list.length > 25) errors.add(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  let optionalSeen = false;
  list.forEach((rawOption, k) => {
    const option = isObject(rawOption) ? rawOption : {};
    const here = [...at, k];
    named(option, here, errors);
    const type = Number(option.type);
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2))
        errors.add([...here, "type"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Too deep.");
      return options(option.options, [...here, "options"], errors, depth + 1);
    }
    if (option.required) {
      if (optionalSeen)
        errors.add(
          here,
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        );
    } else optionalSeen = true;
    if (option.autocomplete && ![3, 4, 10].includes(type))
      errors.add(
        [...here, "autocomplete"],
        "AUTOCOMPLETE_INVALID_TYPE",
        "Autocomplete is only for string, integer and number options",
      );
    if (option.autocomplete && Array.isArray(option.choices) && option.choices.length > 0) {
      errors.add(
        [...here, "autocomplete"],
        "AUTOCOMPLETE_AND_CHOICES",
        "Autocomplete and choices are mutually exclusive",
      );
    }
  });
}
