#!/usr/bin/env bash
# Installs and runs this repository's pre-commit hooks with the real pre-commit (Debian: apt-get install
# pre-commit), the way users get them: `pre-commit try-repo` clones the repository (uncommitted changes
# included), installs it with `npm install` + `npm pack`, and runs the hook on files of a scratch git repo.
# Needs the npm registry (the install fetches the root devDependencies). Run before every release; CI runs
# it when ASL_LINT_TEST_PRE_COMMIT=1.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
command -v pre-commit >/dev/null || { echo "test-pre-commit: pre-commit is not installed (apt-get install -y pre-commit)" >&2; exit 2; }

pre-commit validate-manifest "$repo/.pre-commit-hooks.yaml"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
cd "$work"
git init -q project
cd project
git config user.email test@example.com
git config user.name test

cat > bad.asl.json <<'JSON'
{
  "StartAt": "A",
  "States": {
    "A": { "Type": "Pass", "Next": "B" }
  }
}
JSON
cat > good.asl.yaml <<'YAML'
StartAt: A
States:
  A:
    Type: Succeed
YAML
cat > fixable.asl.yaml <<'YAML'
# Nightly report: the Resource lacks .sync
StartAt: Report
States:
  Report:
    Type: Task
    Resource: arn:aws:states:::eks:runJob   # keep this comment
    Parameters:
      ClusterName: batch
      CertificateAuthority: LS0tLS1CRUdJTg==
      Endpoint: https://EXAMPLE.gr7.us-east-1.eks.amazonaws.com
      Job:
        apiVersion: batch/v1
        kind: Job
        metadata: { name: report }
        spec:
          backoffLimit: 1
          template: { spec: { containers: [{ name: report, image: "report:1.4" }], restartPolicy: Never } }
    End: true
YAML
git add .

fail() {
  echo "test-pre-commit: FAILED: $1" >&2
  echo "----- output -----" >&2
  echo "$2" >&2
  exit 1
}

echo "test-pre-commit: asl-lint on a file with an error (installs the hook: npm install + npm pack)"
set +e
output="$(pre-commit try-repo "$repo" asl-lint --files bad.asl.json good.asl.yaml 2>&1)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "expected exit 1, got $code" "$output"
grep -q '^asl-lint\.*Failed$' <<<"$output" || fail 'expected "asl-lint....Failed"' "$output"
grep -q 'bad.asl.json' <<<"$output" || fail 'expected the file name' "$output"
grep -q '4:36  error  State "A": Next "B" names no state in the state machine  asl/transitions' <<<"$output" || fail 'expected the asl/transitions finding' "$output"

echo "test-pre-commit: asl-lint on a clean file"
output="$(pre-commit try-repo "$repo" asl-lint --files good.asl.yaml 2>&1)" || fail "expected exit 0" "$output"
grep -q '^asl-lint\.*Passed$' <<<"$output" || fail 'expected "asl-lint....Passed"' "$output"

echo "test-pre-commit: asl-lint-fix rewrites the file and pre-commit reports the change"
set +e
output="$(pre-commit try-repo "$repo" asl-lint-fix --files fixable.asl.yaml 2>&1)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "expected exit 1 (files were modified), got $code" "$output"
grep -q 'files were modified by this hook' <<<"$output" || fail 'expected "files were modified by this hook"' "$output"
grep -q '    Resource: arn:aws:states:::eks:runJob.sync   # keep this comment' fixable.asl.yaml || fail 'expected the fixed Resource with its comment' "$(cat fixable.asl.yaml)"

echo "test-pre-commit: asl-lint-fix again changes nothing"
git add fixable.asl.yaml
output="$(pre-commit try-repo "$repo" asl-lint-fix --files fixable.asl.yaml 2>&1)" || fail "expected exit 0 on the fixed file" "$output"
grep -q 'Passed$' <<<"$output" || fail 'expected Passed' "$output"

echo "test-pre-commit: 4 passed, 0 failed"
