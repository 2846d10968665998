import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRulesFile, isRulesFileName } from '../../server/src/config/discovery';
import { ConfigResolver } from '../../server/src/config/resolve';

describe('rules file discovery', () => {
  let root: string;
  const file = (rel: string, text = 'extends: recommended\n') => {
    const path = join(root, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-discovery-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the rules file in the document folder', () => {
    const rules = file('.shipshape.yaml');
    assert.equal(findRulesFile(join(root, 'Dockerfile'), root), rules);
  });

  it('prefers .shipshape.yaml, then .yml, then .json within one folder', () => {
    const json = file('.shipshape.json', '{}');
    assert.equal(findRulesFile(join(root, 'Dockerfile'), root), json);
    const yml = file('.shipshape.yml');
    assert.equal(findRulesFile(join(root, 'Dockerfile'), root), yml);
    const yaml = file('.shipshape.yaml');
    assert.equal(findRulesFile(join(root, 'Dockerfile'), root), yaml);
  });

  it('takes the nearest ancestor: a nested rules file wins for files below it', () => {
    const top = file('.shipshape.yaml');
    const nested = file('services/api/.shipshape.yml');
    assert.equal(findRulesFile(join(root, 'services/api/deploy/pod.yaml'), root), nested);
    assert.equal(findRulesFile(join(root, 'services/web/Dockerfile'), root), top);
  });

  it('stops at the workspace folder root', () => {
    file('.shipshape.yaml');
    const workspace = join(root, 'project');
    mkdirSync(join(workspace, 'app'), { recursive: true });
    assert.equal(findRulesFile(join(workspace, 'app', 'Dockerfile'), workspace), undefined);
  });

  it('without a workspace root, stops at the repository root (.git)', () => {
    file('.shipshape.yaml');
    mkdirSync(join(root, 'repo', '.git'), { recursive: true });
    assert.equal(findRulesFile(join(root, 'repo', 'app', 'Dockerfile')), undefined);
    const inside = file('repo/.shipshape.yaml');
    assert.equal(findRulesFile(join(root, 'repo', 'app', 'Dockerfile')), inside);
  });

  it('an explicit path (--config, shipshape.rulesFile) overrides discovery', () => {
    file('.shipshape.yaml');
    const team = file('policy/team.yaml', 'extends: strict\n');
    const resolver = new ConfigResolver();
    const resolution = resolver.resolve({ filePath: join(root, 'Dockerfile'), configPath: team, workspaceRoot: root });
    assert.equal(resolution.rulesFile?.path, team);
    assert.equal(resolution.config.profile, 'strict');
  });

  it('caches discovery per folder until invalidated', () => {
    const resolver = new ConfigResolver();
    const doc = join(root, 'app', 'Dockerfile');
    assert.equal(resolver.rulesFileFor({ filePath: doc, workspaceRoot: root }), undefined);
    const created = file('.shipshape.yaml');
    assert.equal(resolver.rulesFileFor({ filePath: doc, workspaceRoot: root }), undefined, 'cached');
    resolver.invalidate(created);
    assert.equal(resolver.rulesFileFor({ filePath: doc, workspaceRoot: root }), created);
  });

  it('knows the rules file names', () => {
    assert.ok(isRulesFileName('/x/.shipshape.yaml'));
    assert.ok(isRulesFileName('.shipshape.json'));
    assert.ok(!isRulesFileName('/x/shipshape.yaml'));
  });
});
