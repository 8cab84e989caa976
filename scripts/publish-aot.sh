#!/usr/bin/env bash
# Publishes zwarm's three Native AOT binaries into OUTDIR (docs/binaries.md):
#   zwarm      the session verbs; orchestrate, pilot, demo, dashboard, `mcp --http` and `mcp install` replace its
#              process with zwarm-llm, `mcp` over stdio with zwarm-mcp (keeps `zwarm ls` and the other session
#              commands free of the LLM clients' and the MCP SDK's start-up cost; see src/Zwarm.Cli/Infrastructure/HandOff.cs)
#   zwarm-llm  the full build, every verb in-process.
#   zwarm-mcp  the MCP server over stdio only (src/Zwarm.Mcp.Cli): what `zwarm mcp install` registers.
# Usage: scripts/publish-aot.sh OUTDIR
set -euo pipefail
out="${1:?usage: scripts/publish-aot.sh OUTDIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
project="$root/src/Zwarm.Cli/Zwarm.Cli.csproj"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet publish "$project" -c Release -r "$rid" -o "$work/full" -nologo -clp:ErrorsOnly
dotnet publish "$project" -c Release -r "$rid" -o "$work/lite" -nologo -clp:ErrorsOnly -p:ZwarmLlmVerbs=external
dotnet publish "$root/src/Zwarm.Mcp.Cli/Zwarm.Mcp.Cli.csproj" -c Release -r "$rid" -o "$work/mcp" -nologo -clp:ErrorsOnly
mkdir -p "$out"
install -m 755 "$work/full/zwarm" "$out/zwarm-llm"
install -m 755 "$work/mcp/zwarm-mcp" "$out/zwarm-mcp"
install -m 755 "$work/lite/zwarm" "$out/zwarm"
