// Tables that fit every width. From `md` up: an ordinary table in a card,
// scrolling sideways inside the card if it must (the card is the containing
// block, so even visually hidden headers stay inside it). Below `md`: each
// row becomes a card and each cell shows its column name (`label`) above
// its value, so nothing is wider than the phone. The rows' and cells' own
// classes are in app/globals.css (`.data-table`): written once there, not
// on every cell of every row.
import { cn } from "@/components/ui/cn";

export function Table({
  children,
  className,
  tableClassName,
  ...props
}: React.ComponentProps<"table"> & { tableClassName?: string }) {
  return (
    <div className={cn("relative overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200 max-md:overflow-visible max-md:bg-transparent max-md:ring-0", className)}>
      <table {...props} className={cn("data-table w-full text-left text-sm max-md:block", tableClassName)}>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase max-md:sr-only">
      <tr>{children}</tr>
    </thead>
  );
}

export function Th({ children, className, ...props }: React.ComponentProps<"th">) {
  return (
    <th scope="col" {...props} className={cn("px-4 py-3 whitespace-nowrap", className)}>
      {children}
    </th>
  );
}

export function TBody({ children }: { children: React.ReactNode }) {
  return <tbody className="divide-y divide-slate-100 max-md:block max-md:space-y-3 max-md:divide-y-0">{children}</tbody>;
}

export function Tr(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}

/**
 * A cell. `label` is the column name shown above the value on phones;
 * `wide` lets the cell take the card's full width there.
 */
export function Td({
  children,
  className,
  label,
  wide = false,
  ...props
}: React.ComponentProps<"td"> & { label?: string; wide?: boolean }) {
  return (
    <td
      {...props}
      data-label={label}
      className={cn(wide && "max-md:col-span-2", className) || undefined}
    >
      {children}
    </td>
  );
}
