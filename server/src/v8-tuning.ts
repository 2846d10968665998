import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a latency-bound server on a small machine, set before anything else of the bundle
 * runs (this module is imported first), so that they apply to every function and to the shell
 * parser's WebAssembly, compiled when the engine is prepared.
 *
 * - `--interrupt-budget`: V8 optimises a function with TurboFan, on background threads, once it
 *   has run "enough"; Node 20's default (67,584) is tuned for long-running programs. In the first
 *   keystrokes that background compiling competed with the lint and the editor for the CPU
 *   (measured on 2 cores: the server used 0.9 cores of background threads while its main thread
 *   linted). With 1,000,000 fewer, hotter functions are optimised: edit → diagnostics on a
 *   1,000-line Dockerfile went from a median of 3.5–4.6 ms (p90 11.6 ms) to 3.0–3.1 ms (p90
 *   8.5–8.8 ms); 2,000,000 and 4,000,000 were no better.
 * - `--liftoff-only`: the shell parser (tree-sitter-bash, 1.4 MB of WebAssembly, most of it one
 *   huge lexer function) stays in V8's baseline WebAssembly tier. Tiering it up with TurboFan cost
 *   about 45 MB of peak memory and enough CPU to slow the first lint: on the benchmark
 *   Dockerfiles peak memory went from 115 to 72 MB (1,000 lines) and 179 to 126 MB (10,000
 *   lines), open → diagnostics from 238 to 158 ms and 664 to 398 ms. A RUN line still parses in
 *   tens of microseconds.
 */
setFlagsFromString('--interrupt-budget=1000000');
setFlagsFromString('--liftoff-only');
