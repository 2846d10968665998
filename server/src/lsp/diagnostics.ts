import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Fix, Notice, Severity } from '../engine/types';

export const SOURCE = 'shipshape';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for the code-action handler: its fixes, computed for one document version. */
export interface DiagnosticData {
  version: number;
  fixes: Fix[];
}

export function toDiagnostic(finding: Finding, version: number, docsUrl: (ruleId: string) => string): Diagnostic {
  const data: DiagnosticData = { version, fixes: finding.fixes };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    data,
  };
}

export function noticeToDiagnostic(notice: Notice): Diagnostic {
  return { range: notice.range, severity: SEVERITY[notice.severity], source: SOURCE, message: notice.message };
}

export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data.version !== 'number' || !Array.isArray(data.fixes)) return undefined;
  return data as DiagnosticData;
}
