import { DeployedCommitMemory } from './DeployedCommitMemory';

const app = (name: string) => ({ cluster: 'build', namespace: 'gitops', name });
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('DeployedCommitMemory', () => {
  it('keeps the last deployed commit of an App through reconciles that deployed nothing', () => {
    const memory = new DeployedCommitMemory();
    expect(memory.deployedCommit(app('x'), undefined)).toBeUndefined();
    expect(memory.deployedCommit(app('x'), A)).toBe(A);
    expect(memory.deployedCommit(app('x'), undefined)).toBe(A);
    expect(memory.deployedCommit(app('x'), B)).toBe(B);
    expect(memory.deployedCommit(app('x'), undefined)).toBe(B);
    expect(memory.deployedCommit(app('y'), undefined)).toBeUndefined();
  });

  it('forgets the App seen longest ago beyond its bound', () => {
    const memory = new DeployedCommitMemory(2);
    memory.deployedCommit(app('first'), A);
    memory.deployedCommit(app('second'), A);
    memory.deployedCommit(app('first'), B);
    memory.deployedCommit(app('third'), A);
    expect(memory.deployedCommit(app('second'), undefined)).toBeUndefined();
    expect(memory.deployedCommit(app('first'), undefined)).toBe(B);
    expect(memory.deployedCommit(app('third'), undefined)).toBe(A);
  });
});
