// What a role change will do, in words, for the confirmation before it is
// applied: the permissions gained or lost (from the one table in
// lib/auth/roles.ts), with the two changes that are hard to undo named
// first: demoting yourself and granting Owner. Plain data: client-safe.
import { can, isDemotion, ROLE_LABELS, type Permission } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

const ABILITIES: [Permission, string][] = [
  ["member:manage", "manage members"],
  ["cluster:create", "create clusters"],
  ["cluster:delete", "delete clusters"],
  ["client:manage", "create, rotate and revoke API clients"],
];

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export interface RoleChange {
  name: string;
  from: Role;
  to: Role;
  /** The member is changing their own role. */
  self: boolean;
}

export function roleChangeConsequence({ name, from, to, self }: RoleChange): { title: string; consequence: string; danger: boolean } {
  const who = self ? "You" : name;
  const title = self ? `Change your own role to ${ROLE_LABELS[to]}?` : `Make ${name} ${article(ROLE_LABELS[to])} ${ROLE_LABELS[to]}?`;
  const lost = ABILITIES.filter(([p]) => can(from, p) && !can(to, p)).map(([, t]) => t);
  const gained = ABILITIES.filter(([p]) => !can(from, p) && can(to, p)).map(([, t]) => t);
  const parts: string[] = [];
  if (to === "OWNER") {
    parts.push(
      `${who} will have full control of the organization, including changing the roles of other owners${self ? "" : " (yours too)"} and removing them.`,
    );
  } else if (from === "OWNER") {
    parts.push(`${who} will no longer be an owner${self ? ": only another owner can make you one again" : ""}.`);
  }
  if (lost.length) {
    parts.push(`${who} will no longer be able to ${list(lost)}${self && from !== "OWNER" ? "; you cannot undo this yourself" : ""}.`);
  }
  if (gained.length && to !== "OWNER") parts.push(`${who} will be able to ${list(gained)}.`);
  // What a demotion withdraws (lib/members/change-member-role.ts): only managers issue links.
  if (isDemotion(from, to) && can(from, "member:manage")) {
    parts.push(`Open invitations and password-reset links ${self ? "you" : name} made stop working.`);
  }
  if (!parts.length) parts.push(`${who} will keep the same permissions; only the role's name changes.`);
  return { title, consequence: parts.join(" "), danger: to === "OWNER" || (self && (lost.length > 0 || from === "OWNER")) };
}

function article(label: string) {
  return /^[AEIOU]/.test(label) ? "an" : "a";
}
