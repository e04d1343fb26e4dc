import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { ApiError } from '../../api/errors';
import i18n from '../../i18n';
import { renderWithProviders } from '../../test/render';
import { QueryView } from './QueryView';
import type { QueryLike } from './queryState';

type Rows = { data: string[] };

function query(patch: Partial<QueryLike<Rows>>): QueryLike<Rows> {
  return { data: undefined, error: null, isPending: false, isError: false, refetch: jest.fn(), ...patch };
}

const list = (data: Rows) => (
  <ul>
    {data.data.map((item) => (
      <li key={item}>{item}</li>
    ))}
  </ul>
);

describe('QueryView', () => {
  it('announces loading and shows placeholders while the first load runs', () => {
    const { container } = renderWithProviders(
      <QueryView query={query({ isPending: true })} errorTitle="Failed">
        {list}
      </QueryView>,
    );
    expect(screen.getByRole('status').textContent).toBe(i18n.t('common.loading'));
    expect(container.querySelectorAll('.skeleton')).toHaveLength(2);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('renders a custom loading state when given one', () => {
    renderWithProviders(
      <QueryView query={query({ isPending: true })} errorTitle="Failed" loading={<p>Wait…</p>}>
        {list}
      </QueryView>,
    );
    expect(screen.getByText('Wait…')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the error in words with a retry button that refetches', () => {
    const refetch = jest.fn();
    const error = new ApiError({ status: 0, code: 'network', message: 'offline' });
    renderWithProviders(
      <QueryView query={query({ isError: true, error, refetch })} errorTitle="Could not load the list">
        {list}
      </QueryView>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load the list');
    expect(alert.textContent).toContain(i18n.t('errors.network'));
    fireEvent.click(screen.getByRole('button', { name: i18n.t('common.retry') }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('lets the caller replace the error block', () => {
    renderWithProviders(
      <QueryView
        query={query({ isError: true, error: new Error('x') })}
        errorTitle="Failed"
        renderError={(error) => <p>Custom: {(error as Error).message}</p>}
      >
        {list}
      </QueryView>,
    );
    expect(screen.getByText('Custom: x')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the empty state for an empty list, and not the children', () => {
    const children = jest.fn(list);
    renderWithProviders(
      <QueryView query={query({ data: { data: [] } })} errorTitle="Failed" empty={<p>Nothing yet</p>}>
        {children}
      </QueryView>,
    );
    expect(screen.getByText('Nothing yet')).toBeTruthy();
    expect(children).not.toHaveBeenCalled();
  });

  it('calls children with the data when there is some', () => {
    renderWithProviders(
      <QueryView query={query({ data: { data: ['tôm', 'cá'] } })} errorTitle="Failed" empty={<p>Nothing yet</p>}>
        {list}
      </QueryView>,
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['tôm', 'cá']);
    expect(screen.queryByText('Nothing yet')).toBeNull();
  });

  it('renders children for empty data when no empty state is given', () => {
    renderWithProviders(
      <QueryView query={query({ data: { data: [] } })} errorTitle="Failed">
        {(data) => <p>{data.data.length} items</p>}
      </QueryView>,
    );
    expect(screen.getByText('0 items')).toBeTruthy();
  });

  it('honours a custom isEmpty (e.g. a list filtered in the browser)', () => {
    renderWithProviders(
      <QueryView
        query={query({ data: { data: ['a', 'b'] } })}
        errorTitle="Failed"
        isEmpty={(data) => data.data.every((item) => item === 'z')}
        empty={<p>No match</p>}
      >
        {list}
      </QueryView>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('keeps showing the data with the error above it when a refresh fails', () => {
    renderWithProviders(
      <QueryView query={query({ data: { data: ['tôm'] }, isError: true, error: new Error('x') })} errorTitle="Stale">
        {list}
      </QueryView>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Stale');
    expect(screen.getByRole('listitem').textContent).toBe('tôm');
  });

  it('leaves a failed "load more" of an infinite query to the caller', () => {
    const pages = { pages: [{ data: ['a'] }], pageParams: [null] };
    renderWithProviders(
      <QueryView
        query={{
          data: pages,
          error: new Error('x'),
          isPending: false,
          isError: true,
          isRefetchError: false,
          refetch: jest.fn(),
        }}
        errorTitle="Failed"
        empty={<p>Empty</p>}
      >
        {(data) => <p>{data.pages.length} page</p>}
      </QueryView>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('1 page')).toBeTruthy();
  });
});
