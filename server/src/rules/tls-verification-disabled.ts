import type { Arg, Env, Property } from 'dockerfile-ast';
import { envEntries } from '../analysis/compose-env';
import { invocation } from '../analysis/shell/commands';
import { shellSites, type ShellSite } from '../analysis/shell/dockerfile-shell';
import { CURL_VALUED_SHORT } from '../analysis/shell/downloads';
import { removeShortLetterEdit, removeWordsEdit, shortCluster } from '../analysis/shell/edits';
import { packageCommand } from '../analysis/shell/packages';
import type { ShellWord } from '../analysis/shell/parser';
import { tlsEnvDisables, tlsEnvMessage } from '../analysis/tls-env';
import { containerLabel } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule, type ReportInput } from '../engine/rule';
import type { TextEdit } from '../engine/types';
import { containerEnv } from '../analysis/kubernetes-env';

interface Hit {
  words: ShellWord[];
  what: string;
  edit?: TextEdit;
}

const FALSY = /^(false|0|no|off)$/i;

/** Flags and settings in one command that turn certificate checks off. */
function commandHits(site: ShellSite, argv: ShellWord[], name: string): Hit[] {
  const hits: Hit[] = [];
  const args = argv.slice(1);
  const values = args.map((w) => w.value);
  switch (name) {
    case 'curl':
      for (const w of args) {
        if (w.value === '--') break;
        if (w.value === '--insecure') hits.push({ words: [w], what: 'curl --insecure', edit: removeWordsEdit(site, [w]) });
        else if (shortCluster(w.value, CURL_VALUED_SHORT)?.letters.includes('k')) hits.push({ words: [w], what: 'curl -k', edit: removeShortLetterEdit(site, w, 'k') });
      }
      break;
    case 'wget':
      for (const w of args) if (w.value === '--no-check-certificate') hits.push({ words: [w], what: 'wget --no-check-certificate', edit: removeWordsEdit(site, [w]) });
      break;
    case 'git':
      args.forEach((w, i) => {
        const setting = w.value === '-c' ? args[i + 1] : undefined;
        if (setting && /^http\.([^=]*\.)?sslverify=(.*)$/i.test(setting.value) && FALSY.test(setting.value.slice(setting.value.indexOf('=') + 1))) {
          hits.push({ words: [w, setting], what: 'git -c http.sslVerify=false', edit: removeWordsEdit(site, [w, setting]) });
        }
      });
      if (values[0] === 'config') {
        const at = values.findIndex((v) => /^http\.(.*\.)?sslverify$/i.test(v));
        if (at > 0 && FALSY.test(values[at + 1] ?? '')) hits.push({ words: [args[at], args[at + 1]], what: 'git config http.sslVerify false' });
      }
      break;
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      // `npm config set strict-ssl false`, `npm set strict-ssl=false`, `yarn config set enableStrictSsl false`
      const at = values.findIndex((v) => /^(strict-ssl|enableStrictSsl)(=|$)/i.test(v));
      const sub = values.indexOf('set');
      if (at > 0 && sub >= 0 && sub < at) {
        const eq = values[at].indexOf('=');
        const value = eq >= 0 ? values[at].slice(eq + 1) : values[at + 1];
        if (FALSY.test(value ?? '')) hits.push({ words: eq >= 0 ? [args[at]] : [args[at], args[at + 1]], what: `${name} strict-ssl false` });
      }
      for (const w of args) if (/^--strict-ssl=(false|0)$/i.test(w.value)) hits.push({ words: [w], what: `${name} ${w.value}`, edit: removeWordsEdit(site, [w]) });
      break;
    }
  }
  const pkg = packageCommand({ name, argv, wrappers: [] });
  if (pkg?.manager === 'pip') {
    for (const o of pkg.options) {
      if (o.name === '--trusted-host') {
        const words = o.value ? [o.word, o.value] : [o.word];
        hits.push({ words, what: 'pip --trusted-host', edit: removeWordsEdit(site, words) });
      }
    }
    if (pkg.subName === 'config') {
      const at = values.findIndex((v) => /^(global|user|install|site)\.trusted-host$/.test(v));
      if (at >= 0) hits.push({ words: [args[at]], what: 'pip config trusted-host' });
    }
  }
  return hits;
}

export default defineRule({
  meta: {
    id: 'tls-verification-disabled',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Turning off TLS certificate verification (curl -k, wget --no-check-certificate, NODE_TLS_REJECT_UNAUTHORIZED=0, …) lets a man in the middle serve the build or the app anything.',
      aka: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const site of shellSites(doc)) {
      if (site.keyword !== 'RUN' || !site.analysis) continue;
      for (const cmd of site.analysis.commands) {
        for (const a of cmd.assigns) {
          const what = tlsEnvDisables(a.name, a.value ? (a.value.dynamic ? undefined : a.value.value) : '');
          if (what) report({ range: site.range(a.start, a.start + a.name.length), message: tlsEnvMessage(a.name, what) });
        }
        const inv = invocation(cmd);
        if (!inv) continue;
        for (const hit of commandHits(site, inv.argv, inv.name)) {
          const input: ReportInput = {
            range: site.range(hit.words[0].start, hit.words[hit.words.length - 1].end),
            message: `${hit.what} turns off TLS certificate verification, so a man in the middle can serve anything. Remove it and install the CA certificate the connection needs (update-ca-certificates) instead.`,
          };
          if (hit.edit) input.fixes = [{ title: `Remove ${hit.words.map((w) => w.value).join(' ')} (changes behaviour: certificates are checked again)`, edits: [hit.edit], safe: false }];
          report(input);
        }
      }
    }
    for (const instruction of doc.instructions) {
      const keyword = doc.keyword(instruction);
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      const properties: Property[] = keyword === 'ARG' ? [(instruction as Arg).getProperty()].filter((p): p is Property => !!p) : (instruction as Env).getProperties();
      for (const p of properties) {
        const value = p.getValue();
        if (keyword === 'ARG' && value === null) continue; // no default: unset unless the build passes it
        const what = tlsEnvDisables(p.getName(), value ?? '');
        if (what) report({ range: p.getNameRange(), message: tlsEnvMessage(p.getName(), what) });
      }
    }
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      for (const entry of envEntries(yaml, service.get('environment')?.value)) {
        const what = tlsEnvDisables(entry.name, entry.value);
        if (what) report({ range: entry.nameRange, message: `${tlsEnvMessage(entry.name, what)} (service "${service.name}")` });
      }
    }
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      for (const { name, nameNode, value } of containerEnv(container)) {
        if (!name || !value) continue;
        const what = tlsEnvDisables(name, scalarString(value.value) ?? '');
        if (what) report({ range: yaml.range(nameNode), message: `${tlsEnvMessage(name, what)} (${containerLabel(container)})` });
      }
    }
  },
});
