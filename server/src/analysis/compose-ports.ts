import { isMap, isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { asSeq, scalarString, type YamlDoc } from '../documents/yaml';
import { isInterpolated, splitOutsideInterpolation } from './compose-values';

/**
 * One entry of a Compose service's `ports:`. Short syntax `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`
 * (IPv6 host IPs in brackets, ranges such as `8000-8010:8000-8010`), or long syntax
 * `{target, published, host_ip, protocol}`. Split the way Docker splits it: the last part is the
 * container port, the one before it the host port, everything before that the host IP.
 */
export interface ComposePort {
  form: 'short' | 'long';
  /** The host IP as written (brackets removed); undefined when none is written. */
  hostIp?: string;
  /** The host IP holds a variable: the interface cannot be told. */
  hostIpInterpolated: boolean;
  /** Host port (or range); undefined or empty when Docker picks a random one. */
  published?: string;
  target?: string;
  protocol?: string;
  node: Node;
  /** Short syntax: the scalar and the written text of the host IP (with brackets). */
  scalar?: Scalar;
  hostIpText?: string;
  /** Long syntax: the mapping and its `host_ip` pair. */
  map?: YAMLMap;
  hostIpPair?: Pair;
}

export function composePorts(yaml: YamlDoc, ports: unknown): ComposePort[] {
  const seq = asSeq(ports);
  if (!seq) return [];
  const out: ComposePort[] = [];
  for (const item of yaml.items(seq)) {
    if (isScalar(item)) {
      const text = scalarString(item);
      const port = text === undefined ? undefined : shortPort(text, item);
      if (port) out.push(port);
    } else if (isMap(item)) {
      const hostIp = yaml.lookup(item, 'host_ip');
      const ip = scalarString(hostIp?.value);
      out.push({
        form: 'long',
        hostIp: ip,
        hostIpInterpolated: ip !== undefined && isInterpolated(ip),
        published: scalarString(yaml.get(item, 'published')),
        target: scalarString(yaml.get(item, 'target')),
        protocol: scalarString(yaml.get(item, 'protocol')),
        node: item,
        map: item,
        hostIpPair: hostIp?.pair,
      });
    }
  }
  return out;
}

function shortPort(text: string, scalar: Scalar): ComposePort | undefined {
  const trimmed = text.trim();
  // A whole entry from a variable (`${PORTS}`) may be anything.
  if (/^\$\{[^}]*\}$/.test(trimmed) || /^\$[A-Za-z_]\w*$/.test(trimmed)) return undefined;
  let body = trimmed;
  let protocol: string | undefined;
  const slashParts = splitOutsideInterpolation(body, '/');
  if (slashParts.length > 1) {
    protocol = slashParts[slashParts.length - 1].text;
    body = body.slice(0, slashParts[slashParts.length - 1].at - 1);
  }
  const parts = splitOutsideInterpolation(body, ':').map((p) => p.text);
  const n = parts.length;
  const port: ComposePort = { form: 'short', hostIpInterpolated: false, target: parts[n - 1], protocol, node: scalar, scalar };
  if (n === 2) port.published = parts[0];
  if (n >= 3) {
    const ipText = parts.slice(0, n - 2).join(':');
    port.hostIpText = ipText;
    port.hostIp = ipText.replace(/^\[(.*)\]$/, '$1');
    port.hostIpInterpolated = isInterpolated(ipText);
    port.published = parts[n - 2];
  }
  return port;
}

const ALL_INTERFACES = new Set(['', '0.0.0.0', '::']);

/** Published on every interface of the host: no host IP, `0.0.0.0` or `::`. */
export function publishedOnAllInterfaces(port: ComposePort): boolean {
  if (port.hostIpInterpolated) return false;
  return port.hostIp === undefined || ALL_INTERFACES.has(port.hostIp.trim());
}

/** Short-syntax text bound to `ip`: `8080:80` → `127.0.0.1:8080:80`, `80` → `127.0.0.1::80`. */
export function bindShortSyntax(text: string, port: ComposePort, ip: string): string {
  const trimmed = text.trim();
  if (port.hostIpText !== undefined) return `${ip}:${trimmed.slice(port.hostIpText.length + 1)}`;
  return port.published === undefined ? `${ip}::${trimmed}` : `${ip}:${trimmed}`;
}
