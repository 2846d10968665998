import { isInterpolated } from './secrets';

/**
 * Environment variables that switch off TLS certificate checks, and the values that do it.
 * `GIT_SSL_NO_VERIFY` disables verification whatever its value (git only tests that it is set).
 */
const TLS_ENV: { name: string; disables: (v: string) => boolean; what: string }[] = [
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', disables: (v) => v.trim() === '0', what: 'Node.js' },
  { name: 'PYTHONHTTPSVERIFY', disables: (v) => v.trim() === '0', what: 'Python' },
  { name: 'NPM_CONFIG_STRICT_SSL', disables: (v) => /^(false|0|no)$/i.test(v.trim()), what: 'npm' },
  { name: 'GIT_SSL_NO_VERIFY', disables: () => true, what: 'git' },
  { name: 'PIP_TRUSTED_HOST', disables: (v) => v.trim() !== '', what: 'pip' },
];

/** The tool whose TLS checks `name=value` turns off, or undefined. Values from variables are not judged. */
export function tlsEnvDisables(name: string, value: string | undefined): string | undefined {
  if (value === undefined || isInterpolated(value)) return undefined;
  const entry = TLS_ENV.find((e) => e.name === name.toUpperCase() && (e.name === 'NPM_CONFIG_STRICT_SSL' || e.name === name));
  return entry && entry.disables(value) ? entry.what : undefined;
}

export function tlsEnvMessage(name: string, what: string): string {
  return `${name} turns off TLS certificate verification for ${what}, so a man in the middle can serve anything. Remove it and install the CA certificate the connection needs instead.`;
}
