// Bundles the extension client, the language server, the CLI and the engine with esbuild.
// `tsc -b` type-checks separately (`npm run typecheck`); esbuild only strips types.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // The CommonJS builds of dependencies (not the `module` condition's ESM): their exports are plain
  // properties, not the getters esbuild wraps ESM in, which dockerfile-ast's parser reads in its hot loops.
  conditions: [],
  // yaml's ES module build (the same code as its CommonJS one): bundled as ES modules its exports
  // are plain bindings; imported from CommonJS every isMap()/isScalar() call of ours read a getter.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  define: { SERVER_VERSION: JSON.stringify(pkg.version) },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.js' }),
]);

// The shell parser's WebAssembly ships beside the bundles, which load it from their own folder.
const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), 'dist/tree-sitter-bash.wasm');
