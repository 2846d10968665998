import picomatch from 'picomatch';
import { baseName, copyParts } from '../analysis/copy-sources';
import { defineRule } from '../engine/rule';
import { trimEndChars } from '../analysis/text-scan';

/** File names that hold credentials (matched against the source's last segment). */
const SECRET_NAMES = ['.env', '.env.*', 'id_rsa*', 'id_dsa*', 'id_ecdsa*', 'id_ed25519*', '*.pem', '*.key', '*.p12', '*.pfx', '.npmrc', '.pypirc', '.netrc', '.git-credentials', 'kubeconfig', '.ssh', '.aws'];
/** Credential files known by their place in a home directory (matched against the path's end). */
const SECRET_PATHS = ['**/.aws/credentials', '**/.docker/config.json', '**/.kube/config'];

const TEMPLATE = /\.(?:example|sample|template|dist|defaults?|tpl)$/i;
const PRIVATE_SEGMENTS = new Set(['key', 'private', 'priv', 'privkey', 'secret']);
const PUBLIC_SEGMENTS = new Set(['pub', 'public', 'gpg', 'pgp', 'asc', 'keyring', 'pubkey']);
const CERT_SEGMENTS = new Set(['cert', 'certs', 'certificate', 'crt', 'ca', 'cacert', 'cacerts', 'chain', 'fullchain', 'bundle', 'root', 'intermediate', 'trust', 'truststore']);

/**
 * Public halves and templates are not secrets: `id_rsa.pub`, `.env.example`, apt signing keys
 * (`repo.gpg.key`, `public.key`), certificates (`ca.pem`, `fullchain.pem`). A name that says it
 * is a key stays a secret (`ca-key.pem`, `ca.key`, `server.key`).
 */
function isPublicMaterial(base: string): boolean {
  if (/\.pub$/i.test(base) || TEMPLATE.test(base)) return true;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const segments = (dot > 0 ? base.slice(0, dot) : base).toLowerCase().split(/[._-]+/);
  if (segments.some((s) => PUBLIC_SEGMENTS.has(s))) return true;
  if (segments.some((s) => PRIVATE_SEGMENTS.has(s))) return false;
  return ext === 'pem' && segments.some((s) => CERT_SEGMENTS.has(s));
}

const isSecretName = picomatch(SECRET_NAMES, { dot: true, nocase: true });
const isSecretPath = picomatch(SECRET_PATHS, { dot: true, nocase: true });

export default defineRule({
  meta: {
    id: 'secret-file-copied',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Credential files (`.env`, SSH keys, `.npmrc`, cloud and registry credentials) copied into an image stay in its layers for anyone who pulls it.',
      aka: ['DS-0031'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const instruction of doc.instructions) {
      const parts = copyParts(doc, instruction);
      if (!parts) continue;
      for (const source of parts.sources) {
        if (source.unresolved) continue;
        const path = trimEndChars(source.value.replace(/\\/g, '/'), '/');
        const base = baseName(path);
        if (!base || base === '.' || isPublicMaterial(base)) continue;
        if (!isSecretName(base) && !isSecretPath(path.startsWith('/') ? path : `/${path}`)) continue;
        report({
          range: source.range,
          message: `${parts.keyword} puts "${source.value}" into an image layer, where anyone who can pull the image can read it (deleting it later does not help). Mount it only where it is needed with RUN --mount=type=secret, and list it in .dockerignore.`,
        });
      }
    }
  },
});
