import { memberName, words } from "./names.js";
import type { SpecOperation } from "./operations.js";

/**
 * Names a person would write when the REST table has none: the verb of the operationId (or of
 * the summary), plus as few of its other words as make the name unique in the resource.
 * `actions/set-github-actions-permissions-repository` on `repos.actions.permissions` → `set`;
 * `issues/remove-all-labels` on `repos.issues.labels` beside `delete` → `removeAll`.
 */

/** Verbs an operationId or summary starts its action with (after a tag or scope prefix). */
const VERBS = new Set(
  (
    "abort accept activate add approve archive assign attach authorize block cancel check clear close compare complete " +
    "confirm connect convert copy create deactivate decline delete deny detach disable dismiss download edit enable end " +
    "execute expire export fetch finalize follow generate get grant hide import invite join leave link list lock mark merge " +
    "modify move mute pause pay ping publish purge redeliver redirect reject release remove rename render reopen replace " +
    "reprioritize request rerun reset resolve restore resume retrieve return revert review revoke rotate run search send " +
    "set share show start stop submit suspend sync test transfer trigger unarchive unblock unfollow unlink unlock unmute " +
    "unpublish unsuspend update upload validate verify void"
  ).split(" "),
);

/** Words that say where, not what: the resource path already says it. */
const PLATFORM = new Set("github repository repositories repo repos org orgs organization organizations enterprise enterprises authenticated".split(" "));
const ARTICLES = new Set("a an the my your its their this that".split(" "));
/** Prepositions end the object of the verb: `list comments | for repo`. */
const PREPOSITIONS = new Set("for of to from in on by with at as into within".split(" "));

/** Update-like verbs: on a POST or PATCH they become `modify` (see CONFUSABLE for why not `update`). */
const UPDATE_VERBS = new Set(["update", "edit", "modify", "change"]);

/** Names that mean one HTTP method to a reader; a derived name may be one of them only for that method. */
const METHOD_NAMES: Record<string, string> = { list: "get", get: "get", create: "post", put: "put", update: "put", patch: "patch", delete: "delete" };

/** Bare verbs a reader could mistake for each other in one resource (`remove()` beside `delete(id)`). */
const CONFUSABLE = [
  ["delete", "remove", "destroy", "purge"],
  ["put", "update", "set", "replace", "modify", "patch", "edit"],
  ["get", "fetch", "retrieve", "show", "list"],
  ["create", "add"],
];

/** `PostCustomersCustomer`, `delete-paymentInstruments-paymentInstrumentId-...`, or none: the HTTP method, then only words of the path. */
function restatesCall(op: SpecOperation): boolean {
  const id = op.operation.operationId;
  const fromId = id ? words(id.slice(id.lastIndexOf("/") + 1)) : [];
  const pathWords = new Set(words(op.path));
  return fromId.length === 0 || (fromId[0] === op.httpMethod && fromId.slice(1).every((word) => pathWords.has(word)));
}

/** The words of the operationId after its tag (`actions/...`) or, when it only restates the HTTP call (`PostCustomersCustomer`), of the summary. */
function sourceWords(op: SpecOperation): string[] {
  const id = op.operation.operationId;
  const fromId = id ? words(id.slice(id.lastIndexOf("/") + 1)) : [];
  if (!restatesCall(op)) return fromId;
  const fromSummary = words(op.operation.summary ?? "");
  // Stripe's operations have no summary: the description's first sentence says "Updates an existing file link".
  const sentence = (op.operation.description ?? "").replace(/<[^>]*>/g, " ").split(/[.\n]/)[0] ?? "";
  return [fromSummary, words(sentence)].find((phrase) => phrase.some((word) => asVerb(word) !== undefined)) ?? [];
}

/** Whether the operation reads as an update of what its path addresses (Stripe's "Update a customer", Twilio's `UpdateCall`). */
export function readsAsUpdate(op: SpecOperation): boolean {
  // Stripe says only `PostCustomersCustomer`: a POST to an item there is an update.
  if (restatesCall(op)) return true;
  const verb = sourceVerb(op);
  return verb !== undefined && UPDATE_VERBS.has(verb);
}

/** The first verb of the operationId (or summary): `list` in `list_guild_audit_log_entries`. */
export function sourceVerb(op: SpecOperation): string | undefined {
  for (const word of sourceWords(op)) if (asVerb(word)) return asVerb(word);
  return undefined;
}

function confusable(name: string, others: Set<string>): boolean {
  const group = CONFUSABLE.find((names) => names.includes(name));
  return group !== undefined && group.some((other) => other !== name && others.has(other));
}

function allowedFor(name: string, op: SpecOperation): boolean {
  const method = METHOD_NAMES[name];
  return method === undefined || method === op.httpMethod;
}

/** `updates` → `update`: summaries often say what the operation does in the third person. */
function asVerb(word: string): string | undefined {
  if (VERBS.has(word)) return word;
  const stem = [word.replace(/es$/, ""), word.replace(/s$/, "")].find((candidate) => candidate !== word && VERBS.has(candidate));
  return stem;
}

/**
 * The name for `op` in a resource whose path names are `chain`, or undefined when its words hold
 * no verb or every candidate is taken. A phrase reads verb, modifiers, object, qualifiers
 * (`remove | all custom | labels | from self hosted runner`): the path names the object, so the
 * name is the verb and its modifiers, with the qualifiers when the verb stands alone
 * (`mark | notifications | as read` → `markAsRead`) or the shorter name is taken.
 * `reserved` holds the names the resource's other methods have or want.
 */
export function derivedName(op: SpecOperation, chain: string[], reserved: Set<string>): string | undefined {
  const source = sourceWords(op);
  const at = source.findIndex((word) => asVerb(word) !== undefined);
  if (at < 0) return undefined;
  const inChain = new Set(chain.flatMap((name) => words(name)).flatMap((word) => [word, singular(word), `${singular(word)}s`]));
  const lead = at > 0 && source[at - 1] === "bulk" ? ["bulk"] : [];
  const after = source.slice(at + 1).filter((word, index, all) => !ARTICLES.has(word) && !PLATFORM.has(word) && !(word === "user" && all[index - 1] === "authenticated"));
  const objectAt = after.findIndex((word) => inChain.has(word) || PREPOSITIONS.has(word));
  const modifiers = objectAt < 0 ? after : after.slice(0, objectAt);
  const qualifiers = trimPrepositions((objectAt < 0 ? [] : after.slice(objectAt)).filter((word) => !inChain.has(word))).slice(0, 3);
  const bare = modifiers.length === 0 && qualifiers.length === 0;
  const verb = bare && lead.length === 0 && UPDATE_VERBS.has(asVerb(source[at]!)!) && op.httpMethod !== "put" ? "modify" : asVerb(source[at]!)!;
  const scoped = trimPrepositions(source.slice(at + 1).filter((word) => !ARTICLES.has(word) && (!inChain.has(word) || PLATFORM.has(word)))).slice(0, 4);
  const candidates = [
    [...lead, verb, ...(modifiers.length ? modifiers : qualifiers)],
    [...lead, verb, ...modifiers, ...qualifiers],
    // Last resort before the raw operationId: keep the platform words (`issues/list-comments-for-repo` → `listForRepo`).
    [...lead, verb, ...scoped],
  ];
  for (const parts of candidates) {
    const name = memberName(parts.join(" "));
    if (reserved.has(name) || !allowedFor(name, op)) continue;
    if (parts.length === 1 && confusable(name, reserved)) continue;
    return name;
  }
  return undefined;
}

/** Drops prepositions left dangling or doubled once the words around them are gone (`for for authenticated` → `for authenticated`). */
function trimPrepositions(parts: string[]): string[] {
  return parts.filter((word, index) => !PREPOSITIONS.has(word) || (index + 1 < parts.length && !PREPOSITIONS.has(parts[index + 1]!)));
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  return word.replace(/s$/, "");
}
