import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Result } from 'sarif';
import { ruleDocsWebUrl } from '../engine/docs';
import type { Rule } from '../engine/rule';
import type { Severity } from '../engine/types';
import type { FileReport } from './report';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0 for GitHub code scanning: one run, the catalog as rules, 1-based regions, fixes. */
export function formatSarif(files: FileReport[], rules: Rule[], version: string): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'shipshape', toolDriverVersion: version, url: ruleDocsWebUrl('').replace(/\/$/, '') });
  for (const rule of rules) {
    const builder = new SarifRuleBuilder().initSimple({
      ruleId: rule.meta.id,
      shortDescriptionText: rule.meta.docs.summary,
      helpUri: ruleDocsWebUrl(rule.meta.id),
    });
    builder.rule.help = {
      text: `${rule.meta.docs.summary} Also known as: ${rule.meta.docs.aka.join(', ') || 'none'}. See ${ruleDocsWebUrl(rule.meta.id)}`,
    };
    builder.rule.defaultConfiguration = { level: LEVEL[rule.meta.severity] };
    builder.rule.properties = { tags: ['security', ...rule.meta.kinds], profile: rule.meta.profile };
    run.addRule(builder);
  }
  for (const file of files) {
    const uri = file.path.split('\\').join('/').replace(/^\.\//, '');
    for (const finding of file.findings) {
      const result = new SarifResultBuilder().initSimple({
        ruleId: finding.ruleId,
        level: LEVEL[finding.severity],
        messageText: finding.message,
        fileUri: uri,
        startLine: finding.range.start.line + 1,
        startColumn: finding.range.start.character + 1,
        endLine: finding.range.end.line + 1,
        endColumn: finding.range.end.character + 1,
      });
      if (finding.fixes.length > 0) {
        result.result.fixes = finding.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation: { uri },
              replacements: fix.edits.map((edit) => ({
                deletedRegion: {
                  startLine: edit.range.start.line + 1,
                  startColumn: edit.range.start.character + 1,
                  endLine: edit.range.end.line + 1,
                  endColumn: edit.range.end.character + 1,
                },
                insertedContent: { text: edit.newText },
              })),
            },
          ],
        }));
      }
      run.addResult(result);
    }
  }
  const builder = new SarifBuilder({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0' });
  builder.addRun(run);
  return builder.buildSarifJsonString({ indent: true });
}
