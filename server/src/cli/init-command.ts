/** The commented rules file `shipshape init` writes. */
export const RULES_FILE_TEMPLATE = `# Shipshape rules file: the team's policy for Dockerfiles, Compose files and Kubernetes manifests.
# The editor extension, the CLI and CI all read this file. Reference: docs/rules-file.md

# Start from a profile: recommended (the default) or strict (adds hardening rules).
extends: recommended

# Per-rule severity (off | info | warning | error), or [severity, { options }].
rules:
  # image-latest-tag: error
  # port-all-interfaces: off

# Registries images may come from (turns on image-untrusted-registry). Wildcards: "*.gcr.io".
# trustedRegistries: [registry.example.com]

# Team pins: the image-latest-tag / image-untagged quick-fixes write these tags.
# images:
#   node: "22.11-bookworm-slim"

# Base images known to run as a non-root user (user-missing trusts them).
# nonRootBaseImages: ["gcr.io/distroless/*:nonroot"]

# Paths (globs, relative to this file) that are never linted.
# ignorePaths: ["third_party/**"]

# Set to false to refuse "# shipshape ignore=..." comments in files.
allowInlineIgnores: true

# Later entries win.
# overrides:
#   - files: ["deploy/dev/**"]
#     rules: { port-all-interfaces: off }
`;
