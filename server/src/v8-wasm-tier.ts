import { setFlagsFromString } from 'node:v8';

/**
 * Keeps the shell parser's WebAssembly (tree-sitter-bash, 1.4 MB, most of it one huge lexer
 * function) in V8's baseline tier, Liftoff. Imported first by the server and the CLI, before the
 * engine compiles the module. Tiering it up with TurboFan cost about 45 MB of peak memory and more
 * CPU than it saved: in the language server, on the benchmark Dockerfiles, peak memory went from
 * 115 to 72 MB (1,000 lines) and from 179 to 126 MB (10,000 lines), open → diagnostics from 238 to
 * 158 ms and from 664 to 398 ms; the CLI linted the 5,000-file benchmark tree in 3.2–3.35 s instead
 * of 3.6–4.7 s. A RUN line still parses in tens of microseconds.
 */
setFlagsFromString('--liftoff-only');
