// The authorization matrices are text tables: a row per action or route, then
// where it is tried (own or foreign organization, "-" for neither), then the
// expected outcome for each role and for no session
// (tests/integration/authorization-matrix.test.ts: server actions;
// tests/e2e/authorization-matrix.e2e.ts: pages and routes).

export interface MatrixCell<Who extends string> {
  /** The first column: the action or the route. */
  target: string;
  where: string;
  who: Who;
  expected: string;
}

/** Every cell of `text`; its columns must be exactly `roles` and then "signed-out". */
export function parseRoleMatrix<R extends string>(text: string, roles: readonly R[]): MatrixCell<R | "signed-out">[] {
  const [header, ...rows] = text
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/));
  const columns = [...roles, "signed-out" as const];
  if (header!.slice(2).join(" ") !== columns.join(" ")) {
    throw new Error(`The matrix's columns are ${header!.slice(2).join(" ")}, not ${columns.join(" ")}.`);
  }
  return rows.flatMap(([target, where, ...outcomes]) => outcomes.map((expected, i) => ({ target: target!, where: where!, who: columns[i]!, expected })));
}
