// What an event changed, as the Activity page shows it after the sentence
// ("Developer → Admin", "was orders-worker", "old secret valid for 24h") and
// as the exports carry it: the same text, and the values before and after
// where the event has them. One owner, so the page and the files never say
// different things. Only the keys named here are read from an event's
// metadata, and none of them ever holds a secret (lib/audit/record-event.ts).
// Plain data: safe to import from client components.
import { actionText } from "@/lib/audit/actions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { SCOPE_LABELS, type ClientScopeName } from "@cluster-console/credentials";
import { count } from "@/lib/text/counts";

export interface EventDetails {
  /** The page's parenthesis: "Developer → Admin". */
  text: string;
  /** The value before the change, as people read it ("Developer"), when the event records one. */
  before?: string;
  /** The value after it ("Admin"). */
  after?: string;
}

// Stored values are enum names (OPERATIONS_ENGINEER, "ZEEBE,TASKLIST"); people read labels.
const role = (v: unknown) => (typeof v === "string" && v in ROLE_LABELS ? ROLE_LABELS[v as keyof typeof ROLE_LABELS] : String(v));
const scopes = (v: unknown) =>
  String(v)
    .split(",")
    .map((s) => SCOPE_LABELS[s as ClientScopeName] ?? s)
    .join(", ");
const days = (v: unknown) => (typeof v === "number" ? count(v, "day") : v === null || v === undefined ? "no maximum" : `${v} days`);
const seconds = (v: unknown) => (typeof v === "number" ? count(v, "second") : "the default");
const perWindow = (v: unknown) => (typeof v === "number" ? `${v} per window` : "the default");
const isText = (v: unknown): v is string | number => typeof v === "string" || typeof v === "number";

const change = (before: string, after: string): EventDetails => ({ text: `${before} → ${after}`, before, after });

export function eventDetails(action: string, metadata: Record<string, unknown>): EventDetails | null {
  const m = metadata;
  const fromTo = isText(m.from) && isText(m.to);
  if (action === "member.role_changed" && fromTo) return change(role(m.from), role(m.to));
  if ((action === "cluster.renamed" || action === "client.renamed") && isText(m.from)) {
    return { text: `was ${m.from}`, before: String(m.from), ...(isText(m.to) ? { after: String(m.to) } : {}) };
  }
  if (action === "account.renamed" && fromTo) return change(String(m.from), String(m.to));
  if (action === "organization.max_secret_age_changed") return change(days(m.from), days(m.to));
  if (action === "client.token_lifetime_changed") return change(seconds(m.from), seconds(m.to));
  if (action === "client.rate_limit_changed") return change(perWindow(m.from), perWindow(m.to));
  if (action === "organization.leak_policy_changed" && fromTo) {
    const policy = (v: unknown) => (v === "ALERT" ? "alert only" : "revoke");
    return change(policy(m.from), policy(m.to));
  }
  if (action.endsWith(".secret_leaked")) {
    const where = typeof m.url === "string" ? ` at ${m.url}` : "";
    return { text: `${m.revoked === true ? "secret revoked" : "secret kept working"}${where}` };
  }
  if (action === "cluster.addresses_changed") {
    return { text: typeof m.restAddress === "string" ? `REST ${m.restAddress}` : "addresses derived from the region" };
  }
  if (typeof m.role === "string") return { text: `as ${role(m.role)}` };
  if (typeof m.region === "string") return { text: `region ${m.region}` };
  if (action === "client.created" && typeof m.scopes === "string") return { text: `scopes ${scopes(m.scopes)}` };
  if (action === "client.scopes_changed" && fromTo) return change(scopes(m.from), scopes(m.to));
  if (action.endsWith(".grace_period_ended")) return { text: "old secret revoked, no new one issued" };
  if (action.endsWith(".secret_rotated") && typeof m.grace === "string") {
    return { text: m.grace === "now" ? "old secret revoked" : `old secret valid for ${m.grace}` };
  }
  return null;
}

/** What the sentence needs of an event. */
export interface SentenceParts {
  action: string;
  actorName: string;
  targetName: string;
  /** " in Production EU" is added for an event about something inside this cluster. */
  clusterName?: string | null;
}

/** The page's sentence as plain text: "Ada Lovelace rotated the secret of payments-worker in Production EU". */
export function eventSentence(e: SentenceParts): string {
  const sentence = actionText(e.action).sentence.replace(/\{actor\}|\{target\}/g, (p) => (p === "{actor}" ? e.actorName : e.targetName));
  return e.clusterName ? `${sentence} in ${e.clusterName}` : sentence;
}
