#!/usr/bin/env bash
# Installs the pinned agent CLIs (OpenAI Codex CLI, Claude Code, Qwen Code, opencode, Gemini CLI)
# into the git-ignored folder .tools/agents/
# at the repository root, so tests and `zwarm demo` can run the real programs. Idempotent: packages whose
# installed version already matches the pin are left alone. Needs only node (>= 20) and npm.
set -euo pipefail

CODEX_VERSION="0.169.0"
CLAUDE_VERSION="2.1.330"
QWEN_VERSION="0.24.4"
OPENCODE_VERSION="1.18.33"
GEMINI_VERSION="0.61.0"
# package:version:executable, one per agent (the same pins as each adapter's AgentPackage).
AGENTS=(
  "@openai/codex:$CODEX_VERSION:codex"
  "@anthropic-ai/claude-code:$CLAUDE_VERSION:claude"
  "@qwen-code/qwen-code:$QWEN_VERSION:qwen"
  "opencode-ai:$OPENCODE_VERSION:opencode"
  "@google/gemini-cli:$GEMINI_VERSION:gemini"
)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${ZWARM_AGENTS_DIR:-$repo_root/.tools/agents}"
bin="$prefix/node_modules/.bin"

command -v npm >/dev/null || { echo "error: npm not found (install node >= 20 with npm)" >&2; exit 1; }
mkdir -p "$prefix"
# A package.json of our own keeps npm from walking up and installing into some parent project.
[ -f "$prefix/package.json" ] || printf '{\n  "name": "zwarm-agent-clis",\n  "private": true\n}\n' > "$prefix/package.json"

installed_version() { # $1 = package name; prints the version from its package.json, or nothing
  local pj="$prefix/node_modules/$1/package.json"
  [ -f "$pj" ] && node -p "require(process.argv[1]).version" "$pj" 2>/dev/null || true
}

# Whether the binary actually runs and reports the pinned version (catches a half-finished install).
binary_ok() { # $1 = binary, $2 = expected version
  [ -x "$bin/$1" ] && "$bin/$1" --version </dev/null 2>/dev/null | grep -qF "$2"
}

wanted=()
for spec in "${AGENTS[@]}"; do
  IFS=: read -r pkg version exe <<<"$spec"
  current="$(installed_version "$pkg")"
  if [ "$current" = "$version" ] && binary_ok "$exe" "$version"; then
    echo "ok: $pkg@$version already installed ($bin/$exe)"
  else
    echo "install: $pkg@$version (found: ${current:-none})"
    wanted+=("$pkg@$version")
  fi
done

if [ "${#wanted[@]}" -gt 0 ]; then
  # --foreground-scripts keeps the postinstall output (claude-code links its native binary there) visible.
  (cd "$prefix" && npm install --no-audit --no-fund --save-exact --foreground-scripts "${wanted[@]}")
fi

# claude-code links its native binary in a postinstall script; if npm skipped it (e.g. --ignore-scripts in the
# user's npmrc, or a future allowScripts policy), run it explicitly.
if ! binary_ok claude "$CLAUDE_VERSION"; then
  echo "claude does not run yet; running its install script explicitly"
  (cd "$prefix/node_modules/@anthropic-ai/claude-code" && npm run --if-present postinstall)
fi

status=0
for spec in "${AGENTS[@]}"; do
  IFS=: read -r _ version exe <<<"$spec"
  if binary_ok "$exe" "$version"; then
    echo "ready: $bin/$exe -> $("$bin/$exe" --version </dev/null 2>/dev/null | head -n1)"
  else
    echo "error: $bin/$exe does not report version $version" >&2
    status=1
  fi
done
exit $status
