#!/usr/bin/env bash
# The GitHub Action's work (action.yml), as a plain script so that it runs the same on a laptop:
# installs logo-check from npm (or a tarball or folder), checks the paths, writes SARIF, and
# records the exit code for the workflow instead of failing at once, so the SARIF is uploaded
# before the job fails.
#
# Inputs, as the runner passes them to the step: INPUT_PACKAGE (npm spec, default logo-check),
# INPUT_PATHS (files, folders, globs; default .), INPUT_ARGS (more options), INPUT_SARIF_FILE.
set -uo pipefail
# Globs are for logo-check to expand (it applies the ignore patterns to what they match).
set -f

package="${INPUT_PACKAGE:-logo-check}"
paths="${INPUT_PATHS:-.}"
args="${INPUT_ARGS:-}"
sarif="${INPUT_SARIF_FILE:-logo-check.sarif}"
prefix="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/logo-check-action"

if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save --omit=dev "$package" >&2; then
  echo "logo-check action: could not install $package" >&2
  code=2
else
  # Word splitting is wanted: several paths and options are typed on one line in the workflow.
  # shellcheck disable=SC2086
  "$prefix/node_modules/.bin/logo-check" $args --report "sarif=$sarif" $paths
  code=$?
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
