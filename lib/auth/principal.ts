// Whoever acts on an organization's data: a signed-in member, or an
// Administration API client. Domain functions take a Principal, so the
// console's server actions and the API call the same functions; a Member is
// one as it is.
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who made a change; a signed-in Member is one. An Administration API client
 * has no user: its client ID is recorded, and `email` holds its label.
 * `name` is kept with the event (the Activity sentences), also after the
 * member leaves; without one the email stands in.
 */
export interface Actor {
  userId: string | null;
  email: string;
  name?: string | null;
  clientId?: string | null;
}

export interface Principal extends Actor {
  organizationId: string;
  /**
   * The role whose rules apply. An Administration API client acts as an
   * admin (within its permissions): it can never grant or take away the
   * owner role.
   */
  role: Role;
}
