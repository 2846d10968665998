import type { DockerfileModel, Stage } from '../documents/dockerfile';
import { defineRule } from '../engine/rule';

/** Kernel and device file systems: files written there talk to the host kernel, not the image. */
const SYSTEM_DIRS = ['/proc', '/sys', '/boot', '/dev'];

export default defineRule({
  meta: {
    id: 'workdir-system-dir',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: '`WORKDIR` should not point into `/proc`, `/sys`, `/boot` or `/dev`.',
      aka: ['DS-0030'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const stage of doc.focusStages) {
      let cwd = inheritedWorkdir(doc, stage);
      for (const instruction of stage.instructions) {
        if (doc.keyword(instruction) !== 'WORKDIR') continue;
        const args = instruction.getArgumentsRange();
        const written = instruction.getArgumentsContent()?.trim();
        if (!args || !written) continue;
        cwd = resolve(cwd, doc.expand(unquote(written), instruction));
        const dir = cwd && SYSTEM_DIRS.find((d) => cwd === d || cwd!.startsWith(d + '/'));
        if (!dir) continue;
        report({
          range: args,
          message: `WORKDIR ${cwd} ${cwd === dir ? 'is' : 'is inside'} ${dir}, a system directory (kernel, device or boot files) that the runtime mounts over at start; what the build puts there is hidden and what the app writes there reaches the system. Use an application directory such as /app.`,
        });
      }
    }
  },
});

/**
 * The working directory a stage starts in, from the WORKDIRs of the stages it builds on; `/` on
 * `scratch`, unknown (undefined) on an image, whose own WORKDIR we cannot see.
 */
function inheritedWorkdir(doc: DockerfileModel, stage: Stage): string | undefined {
  const chain = doc.lineage(stage).reverse();
  let cwd: string | undefined = chain[0].isScratch ? '/' : undefined;
  for (const s of chain.slice(0, -1)) {
    for (const i of s.instructions) {
      if (doc.keyword(i) !== 'WORKDIR') continue;
      cwd = resolve(cwd, doc.expand(unquote(i.getArgumentsContent()?.trim() ?? ''), i));
    }
  }
  return cwd;
}

/** `cwd` joined with `path`, `.` and `..` resolved; undefined once a variable or Windows path makes it unknown. */
function resolve(cwd: string | undefined, path: string): string | undefined {
  if (!path || path.includes('$') || /^[A-Za-z]:|\\/.test(path)) return undefined;
  const base = path.startsWith('/') ? '' : cwd;
  if (base === undefined) return undefined;
  const out: string[] = [];
  for (const segment of `${base}/${path}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return '/' + out.join('/');
}

function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value[value.length - 1] === first) return value.slice(1, -1);
  return value;
}
