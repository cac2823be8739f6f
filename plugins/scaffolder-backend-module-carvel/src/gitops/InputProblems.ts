import { InputError } from '@backstage/errors';

/** Collects every problem with an action's input, so the user sees all of them at once. */
export class InputProblems {
  private readonly problems: string[] = [];

  add(problem: string | undefined): void {
    if (problem) this.problems.push(problem);
  }

  get size(): number {
    return this.problems.length;
  }

  /** Throws one InputError listing every problem, if there are any. */
  throwIfAny(actionId: string): void {
    if (this.problems.length > 0) throw this.toInputError(actionId);
  }

  /** One InputError listing every problem. */
  toInputError(actionId: string): InputError {
    if (this.problems.length === 1) {
      return new InputError(`${actionId}: ${this.problems[0]}`);
    }
    return new InputError(
      `${actionId}: ${
        this.problems.length
      } problems with the input:\n${this.problems
        .map(p => `- ${p}`)
        .join('\n')}`,
    );
  }
}
