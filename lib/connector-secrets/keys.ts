// The keys connector secret values are sealed with, from the configuration.
import "server-only";
import { config, decodeKey } from "@/lib/config";
import { AppError } from "@/lib/errors";

export interface ValueKeys {
  current: Buffer;
  previous?: Buffer;
}

export function valueKeys(): ValueKeys {
  const cfg = config();
  const current = cfg.KEY_ENCRYPTION_KEY ? decodeKey(cfg.KEY_ENCRYPTION_KEY) : undefined;
  // Never stored in the clear: without a key, connector secrets cannot be saved.
  if (!current) throw new AppError("conflict", "Connector secrets need KEY_ENCRYPTION_KEY to be set on the server.");
  const previous = cfg.KEY_ENCRYPTION_KEY_PREVIOUS ? decodeKey(cfg.KEY_ENCRYPTION_KEY_PREVIOUS) : undefined;
  return { current, previous };
}
