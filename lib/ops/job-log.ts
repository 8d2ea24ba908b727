/** The job runtime's log: the start-up's logger (scripts/start-up/steps.ts) or a test's. */
export type JobLog = ((message: string) => void) & { warn(message: string): void; error(message: string): void };
