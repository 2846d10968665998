import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Public home of the rule docs (the repository), used where a web link is needed (SARIF). */
export const DOCS_WEB_BASE = 'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules';

export function ruleDocsWebUrl(ruleId: string): string {
  return `${DOCS_WEB_BASE}/${ruleId}.md`;
}

/**
 * The doc page shipped beside the bundle (`dist/../docs/rules`), so the editor opens it offline.
 * `bundleDir` is the folder of the running bundle.
 */
export function ruleDocsFileUrl(bundleDir: string, ruleId: string): string {
  return pathToFileURL(join(bundleDir, '..', 'docs', 'rules', `${ruleId}.md`)).href;
}
