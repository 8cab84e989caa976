#!/usr/bin/env bash
# Publishes zwarm as a Native AOT executable and links it into ~/.local/bin (override with PREFIX=/some/dir).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${PREFIX:-$HOME/.local}"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish "$root/src/Zwarm.Cli/Zwarm.Cli.csproj" -c Release -r "$rid" -o "$prefix/share/zwarm" -nologo -clp:ErrorsOnly
mkdir -p "$prefix/bin"
ln -sf "$prefix/share/zwarm/zwarm" "$prefix/bin/zwarm"
echo "installed $prefix/bin/zwarm ($("$prefix/bin/zwarm" --version))"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "note: add $prefix/bin to your PATH" ;; esac
