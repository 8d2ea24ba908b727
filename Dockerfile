# syntax=docker/dockerfile:1
# Cluster Console: one image for console instances (`start`, the default) and
# token-only instances (`tokens`). Build: docker build -t cluster-console .
# The build steps below are also run, in this order, by the test
# tests/integration/deploy/image-build-steps.test.ts on a clean copy of the
# tracked files (no container runtime needed), so they cannot rot unnoticed.

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so a source change reuses this layer.
COPY package.json package-lock.json ./
COPY packages/token-client/package.json packages/token-client/
COPY packages/credentials/package.json packages/credentials/
COPY packages/auth-server/package.json packages/auth-server/
RUN npm ci --no-audit --no-fund
COPY . .
# Next.js build, the compiled server (dist/server) and the token client's tarball.
RUN npm run build
# Only what production runs: no embedded PostgreSQL, no tsx, no test or bench
# tooling. --omit=optional too: the optional peers of production packages that
# are dev dependencies here (prisma, typescript, playwright) would stay otherwise
# (772 MB -> 384 MB; see docs/operations.md).
RUN npm prune --omit=dev --omit=optional --no-audit --no-fund

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
COPY --from=build --chown=root:root /app/package.json /app/next.config.js ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/packages/token-client/package.json ./packages/token-client/package.json
COPY --from=build --chown=root:root /app/.next ./.next
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/public ./public
COPY --from=build --chown=root:root /app/prisma/migrations ./prisma/migrations
COPY --from=build --chown=root:root /app/scripts/container-start.sh ./scripts/container-start.sh
# Next.js writes its cache at run time: the one writable place is /tmp, so the
# root filesystem can be mounted read-only.
RUN rm -rf .next/cache && ln -s /tmp/next-cache .next/cache
# The unprivileged user of the Node.js images; the files above stay root's.
USER node
EXPOSE 3000
# SIGTERM starts the drain: requests in flight finish (up to 10 s), then exit 0.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/app/scripts/container-start.sh"]
CMD ["start"]
