/**
 * A server's port taken or refused is the operator's to fix in the setting that names it: said as a
 * settings problem instead of a stack trace. Shared by the operations endpoints and the staff panel.
 */
import { ConfigError } from "./errors.ts";

export function listenFailure(err: NodeJS.ErrnoException, setting: string, port: number): Error {
  if (err.code === "EADDRINUSE") {
    return new ConfigError([`${setting} ${port} is already in use by another program: choose a free port`]);
  }
  if (err.code === "EACCES") {
    return new ConfigError([
      `${setting} ${port} needs privileges this process lacks: choose a port above 1023`,
    ]);
  }
  return err;
}
