#!/usr/bin/env bash
# Runs every zwarm test on this machine, installing what they need first:
#   0. the system tools the tests use (tmux for the terminal tests, python3 for the Python-zwarm interop tests,
#      zsh and fish for the shell-completion tests, git, chromium for the dashboard's browser tests): installed with apt-get when run as root on Debian/Ubuntu, else one line saying what is missing,
#   1. the pinned agent CLIs (Codex CLI, Claude Code, Qwen Code, opencode, Gemini CLI) from npm into .tools/agents (git-ignored),
#   2. dotnet restore + build (Release),
#   3. the fast suite (unit + component tests with the fake agent), then
#   4. the real-client suite (Category=RealClient: the real CLIs against scripted model servers on 127.0.0.1),
#      inside a loopback-only network namespace when run as root, so nothing can leave the machine, then
#   4b. the cluster suite (Category=Cluster: zwarm-worker against a PostgreSQL the tests start from Debian's package,
#      three workers in network namespaces of their own on a bridge), inside its own `unshare -n` namespace, then
#   5. the native suite: what users install — the .NET tool package from scripts/pack-tool.sh (the Native AOT binaries
#      zwarm, zwarm-llm and zwarm-mcp, with the execv hand-off between them), installed with `dotnet tool install` — through
#      the end-to-end real-client tests (ZWARM_BIN = the installed tool's command).
# Every suite runs even when an earlier one failed; the end is a summary: each suite's time and result, and the
# name of every failed test. Exit code 0 only when everything passed.
# Options: --fast (skip the real-client and native suites), --real (only those two).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

fast=1; real=1
case "${1:-}" in
  --fast) real=0 ;;
  --real) fast=0 ;;
  "") ;;
  *) echo "usage: ./test.sh [--fast|--real]" >&2; exit 2 ;;
esac

start=$SECONDS

# 0. System tools.
missing=()
for tool in tmux python3 git zsh fish chromium; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
# The cluster tests: PostgreSQL's server binaries (not on PATH) and `ip` for their network namespaces.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v ip >/dev/null || missing+=(iproute2)
command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is needed (https://dot.net)" >&2; exit 1; }
if ! command -v npm >/dev/null; then
  echo "test.sh: node and npm are needed: the build bundles the dashboard's web page, and the real-client suite installs the agent CLIs (node >= 22 for Claude Code)" >&2
  exit 1
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing ${missing[*]} (apt-get) =="
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]}: install with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if [ "$real" = 1 ]; then
  scripts/install-agent-clis.sh
fi
t=$SECONDS
dotnet restore Zwarm.slnx -nologo
dotnet build Zwarm.slnx -c Release --no-restore -nologo -clp:ErrorsOnly
build_time=$((SECONDS - t))

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
run_tests() { # $1 = filter; a test that hangs 15 min is named and its test host stopped, not left to the CI limit
  dotnet test Zwarm.slnx -c Release --no-build --nologo --filter "$1" --results-directory "$results" \
    --logger "console;verbosity=minimal" --blame-hang-timeout 15m --blame-hang-dump-type none
}

summary=()
failed_tests=()
status=0
suite() { # $1 = name, $2... = command; records its time and result, never stops the script
  local name=$1; shift
  local log="$results/$name.log" t=$SECONDS rc=0
  "$@" 2>&1 | tee "$log" || rc=$?
  if [ "$rc" = 0 ]; then
    summary+=("$(printf '  %-12s passed  %4ds' "$name" $((SECONDS - t)))")
  else
    status=1
    summary+=("$(printf '  %-12s FAILED  %4ds' "$name" $((SECONDS - t)))")
    # The console logger names each failed test on a line "  Failed <name> [time]".
    while IFS= read -r line; do
      failed_tests+=("  $name: $line")
    done < <(grep -E '^\s*Failed [A-Za-z_]' "$log" | sed -E 's/^\s*Failed //; s/ \[[^]]*\]$//' | sort -u)
  fi
}

if [ "$fast" = 1 ]; then
  echo "== fast suite =="
  suite fast run_tests "Category!=RealClient&Category!=Cluster"
fi

if [ "$real" = 1 ]; then
  echo "== real-client suite (real Codex CLI and Claude Code against scripted local model servers) =="
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
    echo "(in a loopback-only network namespace)"
    export -f run_tests
    export results
    suite real-client unshare -n bash -c 'ip link set lo up && run_tests "Category=RealClient"'
  else
    echo "(not root: running without a network namespace; the tests only ever talk to 127.0.0.1)"
    suite real-client run_tests "Category=RealClient"
  fi

  echo "== cluster suite (zwarm-worker: PostgreSQL and three workers in network namespaces, created by the tests) =="
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
    export -f run_tests
    export results
    suite cluster unshare -n bash -c 'ip link set lo up && run_tests "Category=Cluster"'
  else
    echo "(not root: the cluster tests skip themselves; they need network namespaces)"
    suite cluster run_tests "Category=Cluster"
  fi

  echo "== native suite (the zwarm .NET tool, Native AOT zwarm + zwarm-llm + zwarm-mcp, through the end-to-end tests) =="
  packages="$(pwd)/artifacts/packages"
  native="$(pwd)/artifacts/native"
  rm -rf "$packages" "$native"
  t=$SECONDS
  if scripts/pack-tool.sh "$packages" >"$results/pack-tool.log" 2>&1 \
     && dotnet tool install zwarm --tool-path "$native" --add-source "$packages" >>"$results/pack-tool.log" 2>&1 \
     && "$native/zwarm" --version | grep -q native; then
    summary+=("$(printf '  %-12s passed  %4ds' pack-tool $((SECONDS - t)))")
    export ZWARM_BIN="$native/zwarm"
    e2e='Category=RealClient&FullyQualifiedName~Zwarm.RealClients.Tests'
    if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
      export -f run_tests
      export results e2e
      suite native unshare -n bash -c 'ip link set lo up && run_tests "$e2e"'
    else
      suite native run_tests "$e2e"
    fi
    unset ZWARM_BIN
  else
    status=1
    summary+=("$(printf '  %-12s FAILED  %4ds' pack-tool $((SECONDS - t)))")
    tail -20 "$results/pack-tool.log"
  fi
fi

echo
echo "== summary =="
printf '  %-12s          %4ds\n' build "$build_time"
printf '%s\n' "${summary[@]}"
if [ "$status" = 0 ]; then
  echo "all tests passed in $((SECONDS - start))s"
else
  if [ "${#failed_tests[@]}" -gt 0 ]; then
    echo "failed tests:"
    printf '%s\n' "${failed_tests[@]}"
  fi
  echo "SOME TESTS FAILED ($((SECONDS - start))s); logs in artifacts/test-results/*.log"
fi
exit "$status"
