#!/usr/bin/env bash
# Creates (or updates) the content ConfigMaps the Deployment mounts, from a content checkout (default: this repository):
#   ketamine-cds-hooks       cds-hooks/*.json (service definitions; examples/ and demo/ are not deployed)
#   ketamine-cds-cql         cql/*.cql
#   ketamine-cds-vocabulary  cql/vocabulary/ValueSet-*.json
# Usage: deploy/kubernetes/content-configmaps.sh [content-dir] [namespace]   (--dry-run: print the YAML only)
# A ConfigMap holds at most 1 MiB; server-side apply, because client-side apply keeps a copy in an annotation
# limited to 256 KiB. After a content change: run this, then `kubectl rollout restart deployment/ketamine-cds`
# (content is read once at start-up; a replica that does not start with it stays unready, the others keep serving).
set -euo pipefail
dry_run=false
if [ "${1:-}" = "--dry-run" ]; then dry_run=true; shift; fi
content="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
namespace="${2:-ketamine-cds}"

configmap() {  # name, files...
  local name="$1"; shift
  local args=()
  for file in "$@"; do args+=("--from-file=$file"); done
  local yaml
  yaml=$(kubectl create configmap "$name" --namespace "$namespace" --dry-run=client -o yaml "${args[@]}")
  if $dry_run; then
    printf '%s\n---\n' "$yaml"
  else
    printf '%s\n' "$yaml" | kubectl apply --server-side --force-conflicts -f -
  fi
}

configmap ketamine-cds-hooks "$content"/cds-hooks/*.json
configmap ketamine-cds-cql "$content"/cql/*.cql
configmap ketamine-cds-vocabulary "$content"/cql/vocabulary/ValueSet-*.json
