import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { RelativeTime } from './RelativeTime';

const now = Date.parse('2024-05-01T10:00:00Z');

describe('RelativeTime', () => {
  it('says how long ago, with the exact time on hover', async () => {
    await renderInTestApp(
      <RelativeTime iso="2024-05-01T09:58:00Z" now={now} />,
    );
    const time = screen.getByText('2 min ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2024-05-01T09:58:00Z');
    expect(time.getAttribute('title')).toContain('(2024-05-01T09:58:00Z)');
  });

  it('renders nothing for a missing or unreadable time', async () => {
    const { container } = await renderInTestApp(
      <>
        <RelativeTime now={now} />
        <RelativeTime iso="yesterday" now={now} />
      </>,
    );
    expect(container).toHaveTextContent('');
  });
});
