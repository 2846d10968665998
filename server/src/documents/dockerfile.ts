import * as dockerfileAst from 'dockerfile-ast';
import { DockerfileParser, type Arg, type Dockerfile, type Env, type From, type Instruction, type ModifiableInstruction } from 'dockerfile-ast';
import { parseSegments, type ParsedSegment, type PlacedSegment } from './dockerfile-segments';
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

/**
 * A unit of incremental linting: one parsed piece of the file (a stage, or what precedes the first
 * FROM) with its instructions and the stages they belong to.
 */
export interface DockerfileUnit {
  segment: ParsedSegment;
  start: number;
  end: number;
  instructions: Instruction[];
  /** The stages of the unit's instructions (usually one; none for the global ARGs). */
  stages: Stage[];
}

export interface DockerfileModelOptions {
  /** False: parse the file in one piece (the reference the incremental parse is tested against). */
  incremental?: boolean;
  /** The document's previous version: pieces that did not change are taken from it, not parsed again. */
  previous?: DockerfileModel;
}

/** A Dockerfile over `dockerfile-ast`, with stages, ARG-resolved images and the final stage. */
export class DockerfileModel {
  readonly ast: Dockerfile;
  readonly lines: LineIndex;
  readonly stages: Stage[];
  /**
   * The instructions rules look at: every instruction of the file, or of one unit in a view made by
   * `scoped` (stages, variables and lineage stay whole there).
   */
  readonly instructions: Instruction[];
  /** The stages rules report on: all, or a unit's in a scoped view. */
  readonly focusStages: Stage[];
  /** The text rules scan, as offsets: the whole file, or a unit's piece in a scoped view. */
  readonly scope: { start: number; end: number };
  /** The pieces the file was parsed in; undefined when it was parsed whole. */
  readonly segments?: PlacedSegment[];
  private images?: ImageUse[];
  private stageSegmentIds?: Map<Stage, string>;
  /** Per parsed piece, the stages its instructions belong to. */
  private readonly pieceStages: Stage[][];
  /** The ARGs before the first FROM, which every FROM (and an ARG re-declared in a stage) sees. */
  private readonly globalArgs: Instruction[];
  private unitList?: DockerfileUnit[];

  /** `view` is for `scoped` only: the model a view shares everything with, and the unit it shows. */
  constructor(readonly text: string, options: DockerfileModelOptions = {}, view?: { of: DockerfileModel; unit: DockerfileUnit }) {
    if (view) {
      // Every field assigned, as below: a view is an ordinary instance of the class (V8 handles
      // one shape; a view made with Object.create turned each model into a prototype).
      const { of: model, unit } = view;
      this.segments = model.segments;
      this.ast = model.ast;
      this.lines = model.lines;
      this.stages = model.stages;
      this.focusStages = unit.stages.filter((s) => unit.instructions.includes(s.from));
      this.scope = { start: unit.start, end: unit.end };
      this.instructions = unit.instructions;
      this.pieceStages = model.pieceStages;
      this.globalArgs = model.globalArgs;
      this.unitList = model.units();
      this.stageSegmentIds = model.stageSegmentIds;
      return;
    }
    const segments = options.incremental === false ? undefined : parseSegments(text, options.previous?.segments && segmentsByLine(options.previous.segments));
    this.segments = segments;
    this.ast = segments ? segments[0].segment.ast : DockerfileParser.parse(text);
    this.lines = new LineIndex(text);
    this.stages = [];
    this.focusStages = this.stages;
    this.scope = { start: 0, end: text.length };
    const pieces = segments ? segments.map((s) => s.segment.instructions) : [this.ast.getInstructions()];
    for (const piece of pieces) prepareInstructions(piece);
    this.instructions = pieces.length === 1 ? pieces[0] : concat(pieces);
    let current: Stage | undefined;
    const globalArgs: Instruction[] = [];
    this.pieceStages = pieces.map((piece) => {
      const stages: Stage[] = current && piece.length > 0 && (piece[0] as Prepared)[KEYWORD] !== 'FROM' ? [current] : [];
      for (const instruction of piece) {
        const keyword = (instruction as Prepared)[KEYWORD];
        if (keyword === 'FROM') stages.push((current = this.newStage(instruction as From)));
        else if (current) current.instructions.push(instruction);
        else if (keyword === 'ARG') globalArgs.push(instruction);
      }
      return stages;
    });
    this.globalArgs = globalArgs;
  }

  private newStage(from: From): Stage {
    const alias = from.getBuildStage()?.toLowerCase() ?? undefined;
    const written = from.getImage() ?? '';
    const base = this.stageNamed(written, this.stages.length);
    const stage: Stage = { index: this.stages.length, from, alias, base, isScratch: !base && written.toLowerCase() === 'scratch', instructions: [] };
    this.stages.push(stage);
    return stage;
  }

  /** The units of incremental linting, in file order; undefined when the file was parsed whole. */
  units(): DockerfileUnit[] | undefined {
    if (!this.segments) return undefined;
    if (!this.unitList) {
      const ids = new Map<Stage, string>();
      this.unitList = this.segments.map(({ segment, start, end }, i) => {
        const stages = this.pieceStages[i];
        for (const stage of stages) ids.set(stage, `${ids.get(stage) ?? ''}${segment.id},`);
        return { segment, start, end, instructions: segment.instructions, stages };
      });
      this.stageSegmentIds = ids;
    }
    return this.unitList;
  }

  /**
   * A view of this model for rules that look at one unit: `instructions`, `focusStages`, `scope`
   * and what derives from them (image uses, shell sites) are the unit's; stages, lineage, variables
   * and positions are the file's.
   */
  scoped(unit: DockerfileUnit): DockerfileModel {
    return new DockerfileModel(this.text, {}, { of: this, unit });
  }

  /** The ids of the pieces a stage was parsed in, for cache keys. */
  segmentIdsOf(stage: Stage): string {
    this.units();
    return this.stageSegmentIds?.get(stage) ?? '';
  }

  /** The ids of the pieces holding the global ARGs, for cache keys. */
  globalArgSegmentIds(): string {
    const ids = new Set<number>();
    for (const arg of this.globalArgs) {
      const line = arg.getRange().start.line;
      const placed = this.segments?.find((s, i, all) => s.segment.line <= line && (i + 1 === all.length || all[i + 1].segment.line > line));
      if (placed) ids.add(placed.segment.id);
    }
    return [...ids].join(',');
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
    const line = instruction.getRange().start.line;
    const stages = this.stages;
    let lo = 0;
    let hi = stages.length - 1;
    if (hi < 0 || stages[0].from.getRange().start.line > line) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (stages[mid].from.getRange().start.line <= line) lo = mid;
      else hi = mid - 1;
    }
    return stages[lo];
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
    return (instruction as Prepared)[KEYWORD] ?? keywordOf(instruction);
  }

  /** The images the instructions in focus name (FROM of the focus stages, COPY --from, RUN --mount from=). */
  imageUses(): ImageUse[] {
    if (!this.images) this.images = this.collectImages();
    return this.images;
  }

  /** The image a stage's FROM names (undefined for `FROM <stage>`, `scratch` and a FROM without image). */
  fromImage(stage: Stage): ImageUse | undefined {
    if (stage.base || stage.isScratch) return undefined;
    const arg = stage.from.getArguments()[0];
    if (!arg) return undefined;
    const written = arg.getValue();
    return this.imageUse('FROM', stage.from, arg.getRange(), written, this.expand(written, stage.from), stage);
  }

  private collectImages(): ImageUse[] {
    const uses: ImageUse[] = [];
    for (const stage of this.focusStages) {
      const use = this.fromImage(stage);
      if (use) uses.push(use);
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

const KEYWORD = Symbol('keyword');
type Prepared = Instruction & { [KEYWORD]?: string };

function keywordOf(instruction: Instruction): string {
  return instruction.getKeyword().toUpperCase();
}

/** Instruction lists already prepared: a reused piece's are, from the lint that parsed it. */
const prepared = new WeakSet<Instruction[]>();

/** Notes each instruction's upper-case keyword, once per parse. */
function prepareInstructions(instructions: Instruction[]): void {
  if (prepared.has(instructions)) return;
  prepared.add(instructions);
  for (const instruction of instructions) (instruction as Prepared)[KEYWORD] = keywordOf(instruction);
}

/**
 * dockerfile-ast recomputes arguments, ranges and flags from the text on every call, and several
 * rules ask for them: an instruction never changes, so each read is computed once per instance.
 * The methods are wrapped once, on the classes, with a slot per class that defines them (a
 * subclass's method calling the parent's with `super` gets the parent's value, not its own).
 * Callers must not mutate what they get.
 */
const MEMOIZED = [
  'getKeyword', 'getBuildStage', 'getImage', 'getRange', 'getInstructionRange', 'getArguments', 'getArgumentsRange', 'getArgumentsRanges',
  'getArgumentsContent', 'getRawArgumentsContent', 'getExpandedArguments', 'getVariables', 'getFlags',
  'getProperties', 'getProperty', 'getJSONStrings', 'getHeredocs',
] as const;

const READS = Symbol('reads');
const NOT_READ = Symbol('not read');

function memoizeClassReads(): void {
  const classes = (Object.values(dockerfileAst) as unknown[]).filter(
    (value): value is { prototype: object } =>
      typeof value === 'function' && (value === dockerfileAst.Instruction || (value as { prototype: unknown }).prototype instanceof dockerfileAst.Instruction),
  );
  // One numbered slot per (class, method) pair, in an array on each instance: no hashing per read.
  const wrap: { prototype: Record<string, unknown>; name: string; original: () => unknown }[] = [];
  for (const cls of classes) {
    const prototype = cls.prototype as Record<string, unknown>;
    for (const name of MEMOIZED) {
      if (!Object.prototype.hasOwnProperty.call(prototype, name)) continue;
      const original = prototype[name];
      if (typeof original === 'function' && original.length === 0) wrap.push({ prototype, name, original: original as () => unknown });
    }
  }
  const slots = wrap.length;
  wrap.forEach(({ prototype, name, original }, slot) => {
    prototype[name] = function memoized(this: { [READS]?: unknown[] }) {
      let reads = this[READS];
      if (!reads) this[READS] = reads = new Array<unknown>(slots).fill(NOT_READ);
      const known = reads[slot];
      if (known !== NOT_READ) return known;
      return (reads[slot] = original.call(this));
    };
  });
}

memoizeClassReads();

/** Arrays joined (what `flat()` does, without its generic slow path). */
function concat<T>(arrays: T[][]): T[] {
  let length = 0;
  for (const array of arrays) length += array.length;
  const out = new Array<T>(length);
  let at = 0;
  for (const array of arrays) for (const item of array) out[at++] = item;
  return out;
}

function segmentsByLine(segments: PlacedSegment[]): Map<number, ParsedSegment> {
  return new Map(segments.map(({ segment }) => [segment.line, segment]));
}
