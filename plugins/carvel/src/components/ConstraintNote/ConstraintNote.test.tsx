import { render, screen } from '@testing-library/react';
import { ConstraintNote } from './ConstraintNote';

const NOTE =
  'kapp-controller\'s "<2.0.0" admits 2.0.0 prereleases (e.g. 2.0.0-rc.1)';

describe('ConstraintNote', () => {
  it('shows how kapp-controller reads the constraint', () => {
    render(<ConstraintNote note={NOTE} />);
    expect(screen.getByTestId('constraint-note')).toHaveTextContent(
      `Note: ${NOTE}`,
    );
  });

  it('shows nothing when the constraint reads as written', () => {
    const { container } = render(<ConstraintNote />);
    expect(container).toBeEmptyDOMElement();
  });
});
