import { isScalar } from 'yaml';
import { composeFix } from '../analysis/compose-fix';
import { bindShortSyntax, composePorts, publishedOnAllInterfaces, type ComposePort } from '../analysis/compose-ports';
import { insertPair, replaceScalar } from '../analysis/yaml-edit';
import type { ComposeFile } from '../documents/compose';
import { isQuoted, scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { Fix } from '../engine/types';

const LOOPBACK = '127.0.0.1';

export default defineRule({
  meta: {
    id: 'port-all-interfaces',
    kinds: ['compose'],
    profile: 'recommended',
    severity: 'info',
    strictSeverity: 'warning',
    docs: {
      summary: 'A port published without a host IP listens on every interface of the host, and Docker\'s iptables rules bypass host firewalls such as ufw.',
      aka: ['compose-lint CL-0005', 'KICS 451d79dc'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      for (const port of composePorts(yaml, service.get('ports')?.value)) {
        if (!publishedOnAllInterfaces(port)) continue;
        const host = port.published ? `host port ${port.published}` : 'a random host port';
        const on = port.hostIp ? `on ${port.hostIp}` : 'with no host IP';
        report({
          range: yaml.range(port.node),
          message: `Service "${service.name}" publishes container port ${port.target ?? '?'} on ${host} ${on}, i.e. on every interface (Docker bypasses host firewalls); bind it to ${LOOPBACK} unless other hosts must reach it.`,
          fixes: bindFix(compose, port),
        });
      }
    }
  },
});

function bindFix(compose: ComposeFile, port: ComposePort): Fix[] {
  const { yaml } = compose;
  const title = `Publish on ${LOOPBACK} only (changes behaviour: other hosts can no longer reach the port)`;
  if (port.form === 'short' && port.scalar) {
    const text = bindShortSyntax(scalarString(port.scalar) ?? '', port, LOOPBACK);
    const written = isQuoted(port.scalar) && port.scalar.type === 'QUOTE_SINGLE' ? `'${text}'` : JSON.stringify(text);
    return [composeFix(compose, title, [replaceScalar(yaml, port.scalar, written)], false)];
  }
  if (port.map) {
    const existing = port.hostIpPair?.value;
    const edit = existing && isScalar(existing) ? replaceScalar(yaml, existing, LOOPBACK) : insertPair(yaml, port.map, 'host_ip', LOOPBACK);
    return [composeFix(compose, title, [edit], false)];
  }
  return [];
}
