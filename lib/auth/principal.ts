// Whoever acts on an organization's data: a signed-in member, or an
// Administration API client. Domain functions take a Principal, so the
// console's server actions and the API call the same functions; a Member is
// one as it is.
import type { Actor } from "@/lib/audit/record-event";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Principal extends Actor {
  organizationId: string;
  /**
   * The role whose rules apply. An Administration API client acts as an
   * admin (within its permissions): it can never grant or take away the
   * owner role.
   */
  role: Role;
}
