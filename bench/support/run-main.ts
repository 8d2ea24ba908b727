// How every benchmark ends: with its own exit code, set explicitly. Embedded
// PostgreSQL's exit hook would otherwise end the process with 0 after a run
// that missed its target.
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
