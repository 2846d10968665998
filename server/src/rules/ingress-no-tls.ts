import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'ingress-no-tls',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'An Ingress without spec.tls serves plain HTTP: traffic and credentials cross the network unencrypted.',
      aka: ['Polaris tlsSettingsMissing'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (object.kind !== 'Ingress' || !/^(?:networking\.k8s\.io|extensions)\//.test(object.apiVersion)) return;
    const { yaml } = object;
    const spec = yaml.getMap(object.map, 'spec');
    const tls = yaml.lookup(spec, 'tls');
    if (tls && yaml.items(yaml.getSeq(spec, 'tls')).length > 0) return;
    report({
      range: tls ? yaml.pairRange(tls.pair) : yaml.pairRange(object.kindPair),
      message: `Ingress "${object.name ?? '?'}" has no TLS configuration and serves plain HTTP; add spec.tls with a certificate Secret for its hosts.`,
    });
  },
});
