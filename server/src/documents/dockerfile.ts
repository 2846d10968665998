import { DockerfileParser, type Arg, type Dockerfile, type Env, type From, type Instruction, type ModifiableInstruction } from 'dockerfile-ast';
import { parseSegments } from './dockerfile-segments';
import { variableRefs } from './variables';
import { LineIndex } from '../engine/text';
import type { Range } from '../engine/types';
import { hasVariables, parseImageRef, type ImageRef } from './image';

export interface Stage {
  index: number;
  from: From;
  /** Lower-cased `AS` name. */
  alias?: string;
  /** The stage this one builds on when `FROM` names an earlier stage. */
  base?: Stage;
  isScratch: boolean;
  instructions: Instruction[];
}

/** An image named somewhere in the Dockerfile, with the text as written and as the build resolves it. */
export interface ImageUse {
  where: 'FROM' | 'COPY --from' | 'RUN --mount';
  instruction: Instruction;
  /** Range of the reference as written (`${BASE}` for an ARG-based FROM). */
  range: Range;
  written: string;
  resolved: string;
  /** Parsed resolved reference; undefined when variables without defaults remain. */
  ref?: ImageRef;
  stage?: Stage;
}

/** A Dockerfile over `dockerfile-ast`, with stages, ARG-resolved images and the final stage. */
export class DockerfileModel {
  readonly ast: Dockerfile;
  readonly lines: LineIndex;
  readonly stages: Stage[] = [];
  readonly instructions: Instruction[];
  private images?: ImageUse[];
  private readonly stageByInstruction = new Map<Instruction, Stage>();
  private readonly keywords = new Map<Instruction, string>();
  /** The ARGs before the first FROM, which every FROM (and an ARG re-declared in a stage) sees. */
  private readonly globalArgs: Instruction[];

  constructor(readonly text: string, options: { incremental?: boolean } = {}) {
    const segments = options.incremental === false ? undefined : parseSegments(text);
    this.ast = segments ? segments[0].ast : DockerfileParser.parse(text);
    this.lines = new LineIndex(text);
    this.instructions = segments ? segments.flatMap((s) => s.instructions) : this.ast.getInstructions();
    for (const instruction of this.instructions) memoizeReads(instruction);
    let current: Stage | undefined;
    for (const instruction of this.instructions) {
      if (instruction.getKeyword() === 'FROM') {
        const from = instruction as From;
        const alias = from.getBuildStage()?.toLowerCase() ?? undefined;
        const written = from.getImage() ?? '';
        const base = this.stageNamed(written, this.stages.length);
        current = {
          index: this.stages.length,
          from,
          alias,
          base,
          isScratch: !base && written.toLowerCase() === 'scratch',
          instructions: [],
        };
        this.stages.push(current);
      } else if (current) {
        current.instructions.push(instruction);
      }
      if (current) this.stageByInstruction.set(instruction, current);
    }
    this.globalArgs = this.instructions.filter((i) => !this.stageByInstruction.has(i) && this.keyword(i) === 'ARG');
  }

  get finalStage(): Stage | undefined {
    return this.stages[this.stages.length - 1];
  }

  /** An earlier stage by alias or index, as `FROM` and `COPY --from` may name it. */
  stageNamed(name: string, before: number): Stage | undefined {
    const lower = name.toLowerCase();
    if (/^\d+$/.test(lower)) {
      const index = Number(lower);
      return index < before ? this.stages[index] : undefined;
    }
    for (let i = Math.min(before, this.stages.length) - 1; i >= 0; i--) {
      if (this.stages[i].alias === lower) return this.stages[i];
    }
    return undefined;
  }

  stageOf(instruction: Instruction): Stage | undefined {
    const known = this.stageByInstruction.get(instruction);
    if (known) return known;
    const line = instruction.getRange().start.line;
    let found: Stage | undefined;
    for (const stage of this.stages) if (stage.from.getRange().start.line <= line) found = stage;
    return found;
  }

  /** The stage and its ancestors through `FROM <stage>`, nearest first. */
  lineage(stage: Stage): Stage[] {
    const out: Stage[] = [];
    for (let s: Stage | undefined = stage; s && out.length <= this.stages.length; s = s.base) out.push(s);
    return out;
  }

  /** The stage at the root of a lineage: the one built on an image. */
  rootOf(stage: Stage): Stage {
    const chain = this.lineage(stage);
    return chain[chain.length - 1];
  }

  /** The last instruction with a keyword in a stage or, failing that, in the stages it builds on. */
  lastInLineage(stage: Stage, keyword: string): Instruction | undefined {
    for (const s of this.lineage(stage)) {
      for (let i = s.instructions.length - 1; i >= 0; i--) {
        if (this.keyword(s.instructions[i]) === keyword) return s.instructions[i];
      }
    }
    return undefined;
  }

  /** The USER the final stage runs as (from it or the stages it builds on), with ARGs expanded. */
  finalUser(): { instruction: Instruction; range: Range; value: string } | undefined {
    const final = this.finalStage;
    const instruction = final && this.lastInLineage(final, 'USER');
    const range = instruction?.getArgumentsRange();
    if (!instruction || !range) return undefined;
    return { instruction, range, value: this.expand(instruction.getArgumentsContent() ?? '', instruction).trim() };
  }

  keyword(instruction: Instruction): string {
    let keyword = this.keywords.get(instruction);
    if (keyword === undefined) this.keywords.set(instruction, (keyword = instruction.getKeyword().toUpperCase()));
    return keyword;
  }

  imageUses(): ImageUse[] {
    if (!this.images) this.images = this.collectImages();
    return this.images;
  }

  private collectImages(): ImageUse[] {
    const uses: ImageUse[] = [];
    for (const stage of this.stages) {
      if (stage.base || stage.isScratch) continue;
      const arg = stage.from.getArguments()[0];
      if (!arg) continue;
      const written = arg.getValue();
      const resolved = this.expand(written, stage.from);
      uses.push(this.imageUse('FROM', stage.from, arg.getRange(), written, resolved, stage));
    }
    for (const instruction of this.instructions) {
      const keyword = this.keyword(instruction);
      if (keyword !== 'COPY' && keyword !== 'RUN') continue;
      const stage = this.stageOf(instruction);
      const before = stage ? stage.index : 0;
      for (const flag of (instruction as ModifiableInstruction).getFlags()) {
        const name = flag.getName().toLowerCase();
        if (keyword === 'COPY' && name === 'from') {
          const value = flag.getValue();
          const range = flag.getValueRange();
          if (!value || !range || this.stageNamed(value, before)) continue;
          uses.push(this.imageUse('COPY --from', instruction, range, value, this.expand(value, instruction), stage));
        }
        if (keyword === 'RUN' && name === 'mount') {
          for (const option of flag.getOptions()) {
            if (option.getName().toLowerCase() !== 'from') continue;
            const value = option.getValue();
            const range = option.getValueRange();
            if (!value || !range || this.stageNamed(value, before)) continue;
            uses.push(this.imageUse('RUN --mount', instruction, range, value, this.expand(value, instruction), stage));
          }
        }
      }
    }
    return uses;
  }

  private imageUse(where: ImageUse['where'], instruction: Instruction, range: Range, written: string, resolved: string, stage?: Stage): ImageUse {
    const isScratch = resolved.toLowerCase() === 'scratch';
    const ref = hasVariables(resolved) || isScratch ? undefined : parseImageRef(resolved);
    return { where, instruction, range, written, resolved, ref, stage };
  }

  /**
   * The value of a variable at an instruction, as BuildKit sees it: in FROM, the global ARGs; in a
   * stage, the last ENV or ARG before the line, an ARG without value taking the global default.
   * `null` for a declared variable without a value, undefined for an unknown one.
   */
  resolveVariable(name: string, instruction: Instruction, line = instruction.getRange().start.line): string | null | undefined {
    const stage = this.keyword(instruction) === 'FROM' ? undefined : this.stageOf(instruction);
    const global = () => lastValue(this.globalArgs, name, line);
    if (!stage) return global();
    const env = lastValue(stage.instructions.filter((i) => this.keyword(i) === 'ENV'), name, line);
    if (env !== undefined) return env;
    const arg = lastValue(stage.instructions.filter((i) => this.keyword(i) === 'ARG'), name, line);
    return arg === null ? global() : arg;
  }

  /** Substitutes `$VAR` / `${VAR}` with ARG defaults visible at the instruction; unknown ones stay. */
  expand(value: string, instruction: Instruction): string {
    if (!value.includes('$')) return value;
    const line = instruction.getRange().start.line;
    let out = '';
    let at = 0;
    for (const ref of variableRefs(value)) {
      const resolved = this.resolveVariable(ref.name, instruction, line);
      const set = resolved !== undefined && resolved !== null && resolved !== '';
      const text = ref.op === '-' ? (set ? resolved! : ref.word ?? '') : ref.op === '+' ? (set ? ref.word ?? '' : '') : set ? resolved! : value.slice(ref.start, ref.end);
      out += value.slice(at, ref.start) + text;
      at = ref.end;
    }
    return out + value.slice(at);
  }

}

/** The value the last of these ARG/ENV instructions before `line` gives a variable. */
function lastValue(instructions: Instruction[], name: string, line: number): string | null | undefined {
  for (let i = instructions.length - 1; i >= 0; i--) {
    const instruction = instructions[i];
    if (instruction.getRange().start.line >= line) continue;
    const properties = instruction.getKeyword().toUpperCase() === 'ARG' ? [(instruction as Arg).getProperty()] : (instruction as Env).getProperties();
    for (const property of properties) if (property && property.getName() === name) return property.getValue();
  }
  return undefined;
}

/**
 * dockerfile-ast recomputes arguments, ranges and flags from the text on every call, and dozens of
 * rules ask for them: the model's instructions are immutable, so each read is computed once.
 * Callers must not mutate the arrays they get.
 */
const MEMOIZED = [
  'getKeyword', 'getRange', 'getInstructionRange', 'getArguments', 'getArgumentsRange', 'getArgumentsRanges',
  'getArgumentsContent', 'getRawArgumentsContent', 'getExpandedArguments', 'getVariables', 'getFlags',
  'getProperties', 'getProperty', 'getJSONStrings', 'getHeredocs',
] as const;

const MEMOIZED_MARK = Symbol('memoized');

function memoizeReads(instruction: Instruction): void {
  const target = instruction as unknown as Record<string | symbol, unknown>;
  if (target[MEMOIZED_MARK]) return; // a cached segment's instruction, memoized in an earlier lint
  target[MEMOIZED_MARK] = true;
  for (const name of MEMOIZED) {
    const original = target[name];
    if (typeof original !== 'function' || original.length > 0) continue;
    let computed = false;
    let value: unknown;
    target[name] = function memoized(this: unknown) {
      if (!computed) {
        value = (original as () => unknown).call(this);
        computed = true;
      }
      return value;
    };
  }
}
