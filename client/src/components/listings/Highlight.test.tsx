import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import { Highlight, parseHighlight, unescapeHtml } from './Highlight';

describe('parseHighlight', () => {
  it('splits plain and marked parts', () => {
    expect(parseHighlight('nước <mark>tôm</mark> và <mark>cá</mark>')).toEqual([
      { text: 'nước ', marked: false },
      { text: 'tôm', marked: true },
      { text: ' và ', marked: false },
      { text: 'cá', marked: true },
    ]);
  });

  it('reverses the server’s HTML escaping inside and outside marks', () => {
    expect(parseHighlight('<mark>R&amp;D</mark> &lt;b&gt; &quot;x&quot; &#39;y&#39;')).toEqual([
      { text: 'R&D', marked: true },
      { text: ' <b> "x" \'y\'', marked: false },
    ]);
  });

  it('keeps any other tag as text', () => {
    expect(parseHighlight('<b>tôm</b> <mark>cá</mark>')).toEqual([
      { text: '<b>tôm</b> ', marked: false },
      { text: 'cá', marked: true },
    ]);
  });

  it('returns nothing for an empty fragment and survives a mark left open', () => {
    expect(parseHighlight('')).toEqual([]);
    expect(parseHighlight('<mark>tôm')).toEqual([{ text: 'tôm', marked: true }]);
  });
});

describe('unescapeHtml', () => {
  it('decodes only the five escapes the server produces, once', () => {
    expect(unescapeHtml('&amp;lt; &nbsp; &amp;')).toBe('&lt; &nbsp; &');
  });
});

describe('<Highlight>', () => {
  it('renders <mark> elements and never markup from the data', () => {
    const { container } = render(
      <p>
        <Highlight html={'&lt;img src=x onerror=alert(1)&gt; <mark>tôm</mark> thẻ'} />
      </p>,
    );
    const p = container.querySelector('p') as HTMLElement;
    expect(p.querySelectorAll('mark')).toHaveLength(1);
    expect(p.querySelector('mark')?.textContent).toBe('tôm');
    expect(p.querySelector('img')).toBeNull();
    expect(p.textContent).toBe('<img src=x onerror=alert(1)> tôm thẻ');
  });
});
