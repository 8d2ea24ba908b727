// The row actions a member's role allows, for the API tab and a client's own
// page alike: absent for members who may only look.
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/roles";
import { rotateApiClientSecret } from "@/app/actions/rotate-api-client-secret";
import { revokeApiClient } from "@/app/actions/revoke-api-client";
import { endApiClientGracePeriod } from "@/app/actions/end-api-client-grace-period";
import { updateApiClient } from "@/app/actions/update-api-client";
import { deleteApiClient } from "@/app/actions/delete-api-client";
import type { ClientRowActions } from "@/components/api-clients/api-clients-table";

export function clientActionsFor(role: Role): ClientRowActions | undefined {
  if (!can(role, "client:manage")) return undefined;
  return {
    rotateAction: rotateApiClientSecret,
    revokeAction: revokeApiClient,
    endGraceAction: endApiClientGracePeriod,
    updateAction: can(role, "client:edit") ? updateApiClient : undefined,
    deleteAction: can(role, "client:delete") ? deleteApiClient : undefined,
  };
}
