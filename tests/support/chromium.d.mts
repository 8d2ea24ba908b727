export function chromiumExecutable(): string | undefined;
export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] };
