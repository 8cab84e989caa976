#!/usr/bin/env bash
# Runs every zwarm test on this machine, installing what they need first:
#   1. the pinned agent CLIs (Codex CLI, Claude Code) from npm into .tools/agents (git-ignored),
#   2. dotnet restore + build (Release),
#   3. the fast suite (unit + component tests with the fake agent), then
#   4. the real-client suite (Category=RealClient: the real CLIs against scripted model servers on 127.0.0.1),
#      inside a loopback-only network namespace when run as root, so nothing can leave the machine.
# Options: --fast (skip the real-client suite), --real (only the real-client suite).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

fast=1; real=1
case "${1:-}" in
  --fast) real=0 ;;
  --real) fast=0 ;;
  "") ;;
  *) echo "usage: ./test.sh [--fast|--real]" >&2; exit 2 ;;
esac

start=$(date +%s)
if [ "$real" = 1 ]; then
  scripts/install-agent-clis.sh
fi
dotnet restore Zwarm.slnx -nologo
dotnet build Zwarm.slnx -c Release --no-restore -nologo -clp:ErrorsOnly

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
run_tests() { # $1 = filter
  dotnet test Zwarm.slnx -c Release --no-build --nologo --filter "$1" --results-directory "$results" \
    --logger "console;verbosity=minimal"
}

if [ "$fast" = 1 ]; then
  echo "== fast suite =="
  run_tests "Category!=RealClient"
fi

if [ "$real" = 1 ]; then
  echo "== real-client suite (real Codex CLI and Claude Code against scripted local model servers) =="
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
    echo "(in a loopback-only network namespace)"
    export -f run_tests
    export results
    unshare -n bash -c 'ip link set lo up && run_tests "Category=RealClient"'
  else
    echo "(not root: running without a network namespace; the tests only ever talk to 127.0.0.1)"
    run_tests "Category=RealClient"
  fi
fi
echo "all tests passed in $(( $(date +%s) - start ))s"
