#!/usr/bin/env bash
# Installs what PartnerNet needs on a fresh Debian machine: the Graphviz C libraries
# (libgraphviz-dev). Swift itself must already be on the PATH.
set -euo pipefail
if ! pkg-config --exists libgvc 2>/dev/null; then
  echo "Installing libgraphviz-dev…" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libgraphviz-dev pkg-config >/dev/null
  # A missing plugin registry makes every layout fail; rebuild it (GRAPHVIZ notes).
  if [ -x /usr/sbin/libgvc6-config-update ]; then $SUDO /usr/sbin/libgvc6-config-update -c || true; fi
fi
command -v swift >/dev/null || { echo "error: swift is not on the PATH (Swift 6.0 or later is needed)" >&2; exit 1; }
