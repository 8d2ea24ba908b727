// At most N open connections per source address on the console's server. A
// slow or idle client holds a socket each; without a cap one address could
// hold thousands and starve everyone else. Counted on the socket's address,
// so it applies only when clients connect directly (TRUST_PROXY_HOPS=0: behind
// a proxy every connection comes from the proxy, which has its own limits).
// Loopback is exempt: the machine's own health checks and tools.
import type { Server } from "node:http";
import type { Socket } from "node:net";

export const MAX_CONNECTIONS_PER_ADDRESS = 64;

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function capConnectionsPerAddress(server: Server, max = MAX_CONNECTIONS_PER_ADDRESS, exemptLoopback = true): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    if (exemptLoopback && LOOPBACK.test(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
