import { Fragment, type ReactNode } from 'react';

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Reverses the server's HTML escaping of a highlight fragment. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

export interface HighlightPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a search highlight ("nước <mark>tôm</mark> &amp; cá") into plain and
 * marked parts. Only <mark> tags are recognised; everything else stays text,
 * so no markup from the data can ever reach the DOM.
 */
export function parseHighlight(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let marked = false;
  for (const token of html.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>') marked = true;
    else if (token === '</mark>') marked = false;
    else if (token) parts.push({ text: unescapeHtml(token), marked });
  }
  return parts;
}

/** Renders a highlight fragment as text with <mark> elements, without dangerouslySetInnerHTML. */
export function Highlight({ html }: { html: string }) {
  const nodes: ReactNode[] = parseHighlight(html).map((part, index) =>
    part.marked ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their position
      <mark key={index}>{part.text}</mark>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their position
      <Fragment key={index}>{part.text}</Fragment>
    ),
  );
  return <>{nodes}</>;
}
