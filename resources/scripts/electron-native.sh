#!/usr/bin/env bash
# Builds better-sqlite3 for Electron's ABI into resources/native/electron/, next to (not instead
# of) the Node build in node_modules that tests, benchmarks and `npm run web` use. The desktop
# main process passes this file to better-sqlite3 as `nativeBinding`.
# Needs: the Electron binary's headers (downloaded by node-gyp from electronjs.org), python3, make, g++.
set -euo pipefail
cd "$(dirname "$0")/../.."
ELECTRON_VERSION=$(node -p "require('electron/package.json').version")
SQLITE_VERSION=$(node -p "require('better-sqlite3/package.json').version")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm init -y >/dev/null && npm install --no-save --ignore-scripts "better-sqlite3@$SQLITE_VERSION" >/dev/null \
  && cd node_modules/better-sqlite3 \
  && npx --yes node-gyp rebuild --release --runtime=electron --target="$ELECTRON_VERSION" --dist-url=https://electronjs.org/headers )
mkdir -p resources/native/electron
cp "$work/node_modules/better-sqlite3/build/Release/better_sqlite3.node" resources/native/electron/
echo "built resources/native/electron/better_sqlite3.node for Electron $ELECTRON_VERSION"
