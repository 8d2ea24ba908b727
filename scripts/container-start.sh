#!/bin/sh
# The image's entry point: `start` (a console instance, the default) or
# `tokens` (a token-only instance). Makes the writable cache Next.js needs
# under /tmp (the only writable place with a read-only root filesystem), then
# replaces itself with node, so signals reach the server directly.
set -eu
mkdir -p /tmp/next-cache
exec node dist/server/serve.js "${1:-start}"
