#!/usr/bin/env bash
# Validates manifest.xml offline against Microsoft's XML manifest schemas with xmllint.
# The schema folder is ${SCHEMAS:-test/manifest-schemas} (Microsoft's .xsd files, copied unchanged:
# see its README), relative to the repository root, so a clone checks itself wherever it lies.
# xmllint runs inside it because the .xsd files import each other by relative file name.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
schemas="${SCHEMAS:-test/manifest-schemas}"
manifest="$root/manifest.xml"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "check-manifest: xmllint not found (Debian/Ubuntu package libxml2-utils)" >&2
  exit 2
fi
if [ ! -f "$schemas/OfficeAppManifestV1_1.xsd" ]; then
  echo "check-manifest: no OfficeAppManifestV1_1.xsd in $schemas (set SCHEMAS to the schema folder)" >&2
  exit 2
fi

cd "$schemas"
xmllint --noout --schema OfficeAppManifestV1_1.xsd "$manifest"
