import {
  relateDeployedCommit,
  type IsAncestor,
} from './deployedCommitRelation';

const HEAD = 'a'.repeat(40);
const PARENT = 'b'.repeat(40);
const SIDE = 'c'.repeat(40);
const UNFETCHED = 'd'.repeat(40);

/** A history PARENT → HEAD, plus SIDE on another branch; UNFETCHED is not known. */
const isAncestor: IsAncestor = async (ancestor, descendant) => {
  const known = [HEAD, PARENT, SIDE];
  if (!known.includes(ancestor) || !known.includes(descendant)) {
    return undefined;
  }
  return (
    ancestor === descendant || (ancestor === PARENT && descendant === HEAD)
  );
};

describe('relateDeployedCommit', () => {
  it.each([
    ['head', HEAD],
    ['behind', PARENT],
    ['diverged', SIDE],
    ['unknown', UNFETCHED],
    ['unknown', undefined],
  ])('is %s for a deployed %s', async (relation, deployed) => {
    expect(await relateDeployedCommit(deployed, HEAD, isAncestor)).toBe(
      relation,
    );
  });

  it('is ahead when the head is an ancestor of the deployed commit', async () => {
    expect(await relateDeployedCommit(HEAD, PARENT, isAncestor)).toBe('ahead');
  });

  it('does not ask about commits when the App deployed the head', async () => {
    const asked = jest.fn(isAncestor);
    await relateDeployedCommit(HEAD, HEAD, asked);
    expect(asked).not.toHaveBeenCalled();
  });
});
