// Permissions as compact badges grouped by resource ("Clusters: get, create").
import { ADMIN_PERMISSION_GROUPS, type AdminPermissionName } from "@cluster-console/credentials";

export function PermissionBadges({ permissions }: { permissions: readonly AdminPermissionName[] }) {
  const groups = ADMIN_PERMISSION_GROUPS.map((g) => ({
    label: g.label,
    granted: g.permissions.filter((p) => permissions.includes(p.permission)).map((p) => p.label.toLowerCase()),
  })).filter((g) => g.granted.length > 0);
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Permissions">
      {groups.map((g) => (
        <li key={g.label} className="rounded-md bg-slate-100 px-1.5 py-0.5 text-[11px] leading-5 text-slate-700">
          <span className="font-medium text-slate-900">{g.label}</span>: {g.granted.join(", ")}
        </li>
      ))}
    </ul>
  );
}
