#!/usr/bin/env bash
# Publishes zwarm's two Native AOT binaries into OUTDIR:
#   zwarm      every verb; `orchestrate` and `pilot` replace its process with zwarm-llm (keeps `zwarm ls` and the
#              other session commands free of the LLM clients' start-up cost; see src/Zwarm.Cli/Infrastructure/LlmVerbs.cs)
#   zwarm-llm  the full build, every verb in-process.
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
mkdir -p "$out"
install -m 755 "$work/full/zwarm" "$out/zwarm-llm"
install -m 755 "$work/lite/zwarm" "$out/zwarm"
