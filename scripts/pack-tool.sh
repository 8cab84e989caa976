#!/usr/bin/env bash
# Packs zwarm as a .NET tool into OUTDIR: a RID-specific Native AOT package (zwarm.<rid>.<version>.nupkg, holding
# the lean `zwarm` and, beside it, the full `zwarm-llm` that runs orchestrate/pilot/demo/dashboard/`mcp --http`, and
# the MCP-only `zwarm-mcp` that serves `zwarm mcp` over stdio) and the small top-level
# package (zwarm.<version>.nupkg) that `dotnet tool install` resolves to it. Then:
#   dotnet tool install -g zwarm --add-source OUTDIR
# Usage: scripts/pack-tool.sh OUTDIR
set -euo pipefail
out="${1:?usage: scripts/pack-tool.sh OUTDIR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
project="$root/src/Zwarm.Cli/Zwarm.Cli.csproj"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
out="$(cd "$out" && pwd)"
step() { printf '%s\n' "-- $*" >&2; }
step "publishing the full binary (zwarm-llm, Native AOT)"
# Every build here goes to its own artifacts folder: the lean (ZwarmLlmVerbs=external) builds must never land in
# the bin/obj folders the tests and ./zwarm use.
dotnet publish "$project" -c Release -r "$rid" -o "$work/full" -nologo -clp:ErrorsOnly --artifacts-path "$work/build"
mkdir -p "$work/llm" && install -m 755 "$work/full/zwarm" "$work/llm/zwarm-llm"
step "publishing the MCP-only binary (zwarm-mcp, Native AOT)"
dotnet publish "$root/src/Zwarm.Mcp.Cli/Zwarm.Mcp.Cli.csproj" -c Release -r "$rid" -o "$work/mcp" -nologo -clp:ErrorsOnly --artifacts-path "$work/build"
tool=(-c Release -nologo -clp:ErrorsOnly -o "$out" --artifacts-path "$work/build" -p:ZwarmTool=true -p:ZwarmLlmVerbs=external
      -p:ToolPackageRuntimeIdentifiers="$rid")
step "packing the $rid tool package (lean zwarm, Native AOT, with zwarm-llm and zwarm-mcp beside it)"
dotnet pack "$project" "${tool[@]}" -r "$rid" -p:ZwarmLlmBinary="$work/llm/zwarm-llm" -p:ZwarmMcpBinary="$work/mcp/zwarm-mcp"
step "packing the top-level tool package"
dotnet pack "$project" "${tool[@]}"
# The SDK packs the symbol files (.pdb, and Native AOT's 25 MB .dbg) into a tool package whatever the publish
# settings say; an installed tool never reads them, so they are taken out of the archive.
python3 - "$out/zwarm.$rid."*.nupkg <<'PY'
import os, sys, zipfile
for path in sys.argv[1:]:
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if not item.filename.endswith((".pdb", ".dbg")):
                dst.writestr(item, src.read(item.filename))
    os.replace(tmp, path)
PY
ls -1 "$out"/*.nupkg >&2
