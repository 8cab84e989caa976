#!/usr/bin/env bash
# Publishes zwarm Native AOT (the `zwarm` binary and, beside it, `zwarm-llm`, which runs orchestrate, pilot, demo,
# dashboard and `mcp --http`, and `zwarm-mcp`, the MCP server over stdio) into $PREFIX/share/zwarm and links zwarm into
# $PREFIX/bin (PREFIX defaults to ~/.local). `zwarm mcp install` registers $PREFIX/share/zwarm/zwarm-mcp.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${PREFIX:-$HOME/.local}"
"$root/scripts/publish-aot.sh" "$prefix/share/zwarm"
mkdir -p "$prefix/bin"
ln -sf "$prefix/share/zwarm/zwarm" "$prefix/bin/zwarm"
echo "installed $prefix/bin/zwarm ($("$prefix/bin/zwarm" --version))"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "note: add $prefix/bin to your PATH" ;; esac
