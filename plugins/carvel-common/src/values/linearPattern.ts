import {
  Assertion,
  parsePattern,
  PatternNode,
  preview,
  UnsupportedPatternError,
} from './patternSyntax';

/** Thrown when testing a string would take more steps than allowed: the work is counted, not timed. */
export class PatternBudgetExceededError extends Error {
  constructor(readonly pattern: string, readonly maxSteps: number) {
    super(
      `a string is too long to be checked against the pattern '${preview(
        pattern,
      )}' (more than ${maxSteps} steps)`,
    );
    this.name = 'PatternBudgetExceededError';
  }
}

type Instruction =
  | { op: 'char'; matches: (codePoint: number) => boolean }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; to: number }
  | { op: 'assert'; assertion: Assertion }
  | { op: 'match' };

export interface LinearPatternLimits {
  /** Instructions after expanding counted repetition such as `{2,500}`. */
  maxProgramSize: number;
  /** Thread steps for one `test`; bounds the work for long strings. */
  maxSteps: number;
}

export const DEFAULT_PATTERN_LIMITS: LinearPatternLimits = {
  maxProgramSize: 10_000,
  maxSteps: 20_000_000,
};

function compile(
  pattern: string,
  root: PatternNode,
  maxProgramSize: number,
): Instruction[] {
  const program: Instruction[] = [];
  const push = (instruction: Instruction): number => {
    if (program.length >= maxProgramSize) {
      throw new UnsupportedPatternError(
        pattern,
        `expands to more than ${maxProgramSize} instructions`,
      );
    }
    program.push(instruction);
    return program.length - 1;
  };
  const emit = (node: PatternNode): void => {
    switch (node.kind) {
      case 'char':
        push({ op: 'char', matches: node.matches });
        return;
      case 'assert':
        push({ op: 'assert', assertion: node.assertion });
        return;
      case 'sequence':
        node.items.forEach(emit);
        return;
      case 'alternation': {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          if (i === node.options.length - 1) {
            emit(option);
            return;
          }
          const split = push({ op: 'split', first: 0, second: 0 });
          emit(option);
          jumps.push(push({ op: 'jump', to: 0 }));
          program[split] = {
            op: 'split',
            first: split + 1,
            second: program.length,
          };
        });
        for (const jump of jumps)
          program[jump] = { op: 'jump', to: program.length };
        return;
      }
      case 'repeat':
        emitRepeat(node.node, node.min, node.max);
        return;
      default:
        return;
    }
  };
  function emitRepeat(node: PatternNode, min: number, max: number): void {
    if (min > maxProgramSize || (max !== Infinity && max > maxProgramSize)) {
      throw new UnsupportedPatternError(
        pattern,
        `repeats more than ${maxProgramSize} times`,
      );
    }
    for (let i = 0; i < min; i++) emit(node);
    if (max === Infinity) {
      const loop = push({ op: 'split', first: 0, second: 0 });
      emit(node);
      push({ op: 'jump', to: loop });
      program[loop] = { op: 'split', first: loop + 1, second: program.length };
      return;
    }
    const optionalSplits: number[] = [];
    for (let i = min; i < max; i++) {
      optionalSplits.push(push({ op: 'split', first: 0, second: 0 }));
      emit(node);
    }
    for (const split of optionalSplits) {
      program[split] = {
        op: 'split',
        first: split + 1,
        second: program.length,
      };
    }
  }
  emit(root);
  push({ op: 'match' });
  return program;
}

function isWordCharacter(codePoint: number): boolean {
  return (
    (codePoint >= 0x30 && codePoint <= 0x39) ||
    (codePoint >= 0x41 && codePoint <= 0x5a) ||
    (codePoint >= 0x61 && codePoint <= 0x7a) ||
    codePoint === 0x5f
  );
}

/**
 * A regular expression that answers `test` in time linear in the string's length
 * (a Thompson NFA run in lock step, as RE2 does), so a Package author's `pattern`
 * such as `^(a+)+$` cannot hang the scaffolder. Backreferences and lookaround,
 * which need backtracking, are refused when the pattern is compiled.
 */
export class LinearPattern {
  private readonly program: Instruction[];
  private readonly marks: Uint32Array;
  private generation = 0;

  constructor(
    readonly source: string,
    private readonly limits: LinearPatternLimits = DEFAULT_PATTERN_LIMITS,
  ) {
    this.program = compile(source, parsePattern(source), limits.maxProgramSize);
    this.marks = new Uint32Array(this.program.length);
  }

  /** Whether the pattern matches anywhere in `input`; throws PatternBudgetExceededError past the step limit. */
  test(input: string): boolean {
    const { program, marks } = this;
    let steps = 0;
    let matched = false;
    let previous = -1;
    let next = input.length > 0 ? input.codePointAt(0)! : -1;
    let position = 0;
    const holds = (assertion: Assertion): boolean => {
      switch (assertion) {
        case 'start':
          return position === 0;
        case 'end':
          return position === input.length;
        default: {
          const boundary = isWordCharacter(previous) !== isWordCharacter(next);
          return assertion === 'wordBoundary' ? boundary : !boundary;
        }
      }
    };
    const stack: number[] = [];
    const addThread = (threads: number[], start: number) => {
      stack.push(start);
      while (stack.length > 0) {
        const pc = stack.pop()!;
        if (marks[pc] === this.generation) continue;
        marks[pc] = this.generation;
        if (++steps > this.limits.maxSteps) {
          throw new PatternBudgetExceededError(
            this.source,
            this.limits.maxSteps,
          );
        }
        const instruction = program[pc];
        switch (instruction.op) {
          case 'char':
            threads.push(pc);
            break;
          case 'jump':
            stack.push(instruction.to);
            break;
          case 'split':
            stack.push(instruction.second, instruction.first);
            break;
          case 'assert':
            if (holds(instruction.assertion)) stack.push(pc + 1);
            break;
          default:
            matched = true;
        }
      }
    };
    this.nextGeneration();
    let threads: number[] = [];
    addThread(threads, 0);
    while (!matched && position < input.length) {
      const codePoint = next;
      const width = codePoint > 0xffff ? 2 : 1;
      previous = codePoint;
      position += width;
      next = position < input.length ? input.codePointAt(position)! : -1;
      this.nextGeneration();
      const following: number[] = [];
      for (const pc of threads) {
        const instruction = program[pc] as { matches(c: number): boolean };
        if (instruction.matches(codePoint)) addThread(following, pc + 1);
      }
      // Unanchored search: a match may also start here.
      addThread(following, 0);
      threads = following;
    }
    return matched;
  }

  private nextGeneration(): void {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.marks.fill(0);
      this.generation = 1;
    }
  }
}
