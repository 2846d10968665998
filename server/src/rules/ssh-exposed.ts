import type { Instruction } from 'dockerfile-ast';
import { isMap } from 'yaml';
import { composePorts } from '../analysis/compose-ports';
import { shellSites } from '../analysis/shell/dockerfile-shell';
import { packageCommand } from '../analysis/shell/packages';
import { runCommands } from '../analysis/shell/run-commands';
import { invocation } from '../analysis/shell/commands';
import type { DockerfileModel } from '../documents/dockerfile';
import { containerLabel } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { Range, TextEdit } from '../engine/types';

const ADVICE = 'Use docker exec / kubectl exec (or a debug container) to get a shell instead of running an SSH server in the container.';

/** `22`, `22/tcp`, or a range holding 22 (`20-30`); undefined/false for UDP and other ports. */
function coversSsh(spec: string | undefined): 'exact' | 'range' | false {
  if (!spec) return false;
  const [ports, protocol] = spec.trim().split('/');
  if (protocol && protocol.toLowerCase() !== 'tcp') return false;
  if (/^0*22$/.test(ports)) return 'exact';
  const range = /^(\d+)-(\d+)$/.exec(ports);
  return range && Number(range[1]) <= 22 && Number(range[2]) >= 22 ? 'range' : false;
}

/** Packages that put an SSH server in the image, per package manager. */
const SSH_SERVER: Record<string, Set<string>> = {
  apt: new Set(['openssh-server']),
  apk: new Set(['openssh', 'openssh-server', 'dropbear']),
  rpm: new Set(['openssh-server']),
  zypper: new Set(['openssh-server', 'openssh']),
};
const INSTALL = new Set(['install', 'add', 'in']);

/** Deletes one EXPOSE port, or the whole instruction when it is the only one. */
function removePortEdit(doc: DockerfileModel, expose: Instruction, range: Range): TextEdit {
  const { lines } = doc;
  const text = lines.text;
  const args = expose.getArguments();
  if (args.length === 1) {
    const start = lines.lineStart(expose.getRange().start.line);
    const endLine = expose.getRange().end.line;
    const end = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : lines.lineEnd(endLine);
    return { range: lines.rangeOf(start, end), newText: '' };
  }
  let start = lines.offsetAt(range.start);
  let end = lines.offsetAt(range.end);
  if (text[end] === ' ' || text[end] === '\t') end++;
  else if (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  return { range: lines.rangeOf(start, end), newText: '' };
}

export default defineRule({
  meta: {
    id: 'ssh-exposed',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'An SSH server in a container (port 22, openssh-server, sshd) is an extra way in, with its own keys and passwords to leak.',
      aka: ['CKV_DOCKER_1', 'DS-0004', 'kube-linter ssh-port'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const instruction of doc.instructions) {
      if (doc.keyword(instruction) !== 'EXPOSE') continue;
      for (const arg of instruction.getArguments()) {
        const covers = coversSsh(doc.expand(arg.getValue(), instruction));
        if (!covers) continue;
        const range = arg.getRange();
        const fixes =
          covers === 'exact' && !arg.getValue().includes('$')
            ? [{ title: `Remove port ${arg.getValue()} from EXPOSE (changes behaviour: docker run -P no longer publishes it)`, edits: [removePortEdit(doc, instruction, range)], safe: false }]
            : [];
        report({ range, message: `EXPOSE ${arg.getValue()} advertises SSH. ${ADVICE}`, fixes });
      }
    }
    for (const { site, inv } of runCommands(doc)) {
      const pkg = packageCommand(inv);
      if (!pkg || !INSTALL.has(pkg.subName)) continue;
      for (const w of pkg.operands) {
        const name = w.value.split(/[=~<>]/)[0];
        if (w.dynamic || !SSH_SERVER[pkg.manager]?.has(name)) continue;
        report({ range: site.range(w.start, w.end), message: `${inv.name} ${pkg.subName} ${name} installs an SSH server in the image. ${ADVICE}` });
      }
    }
    for (const site of shellSites(doc)) {
      if ((site.keyword !== 'CMD' && site.keyword !== 'ENTRYPOINT') || !site.analysis) continue;
      for (const cmd of site.analysis.commands) {
        const inv = invocation(cmd);
        if (!inv) continue;
        const values = inv.argv.map((w) => w.value);
        const service = (inv.name === 'service' || inv.name === 'rc-service') && /^sshd?$/.test(values[1] ?? '') && values[2] === 'start';
        if (inv.name !== 'sshd' && !service) continue;
        report({ range: site.range(inv.argv[0].start, inv.argv[0].end), message: `${site.keyword} starts an SSH server (${inv.name === 'sshd' ? 'sshd' : values.slice(0, 3).join(' ')}). ${ADVICE}` });
      }
    }
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      for (const port of composePorts(yaml, service.get('ports')?.value)) {
        const spec = (p: string | undefined) => (p && port.protocol ? `${p}/${port.protocol}` : p);
        const container = coversSsh(spec(port.target));
        const host = coversSsh(spec(port.published));
        if (!container && !host) continue;
        report({
          range: yaml.range(port.node),
          message: container
            ? `Service "${service.name}" publishes container port 22 (SSH). ${ADVICE}`
            : `Service "${service.name}" publishes on host port 22, the host's SSH port. ${ADVICE}`,
        });
      }
    }
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      for (const port of yaml.items(yaml.getSeq(container.map, 'ports'))) {
        if (!isMap(port)) continue;
        const found = yaml.lookup(port, 'containerPort');
        const protocol = scalarString(yaml.get(port, 'protocol'));
        if (!found || coversSsh(`${scalarString(found.value) ?? ''}${protocol ? `/${protocol}` : ''}`) !== 'exact') continue;
        report({ range: yaml.pairRange(found.pair), message: `The ${containerLabel(container)} declares containerPort 22 (SSH). ${ADVICE}` });
      }
    }
  },
});
