import mjml2html from 'mjml';
import type { OutgoingMail } from './queue';

/** A block of a mail's body; each renders as MJML (HTML) and as plain text. */
export type MailBlock =
  | { p: string }
  | { button: { label: string; url: string } }
  | { items: { title: string; detail?: string; url?: string }[] }
  /** Small print (a link's lifetime, why the mail came). */
  | { note: string };

export interface MailContent {
  lang: 'vi' | 'en';
  subject: string;
  /** The line mail clients show after the subject. */
  preheader?: string;
  heading: string;
  blocks: MailBlock[];
  /** The last lines: who sent it and why. */
  footer: string[];
  /**
   * A link that ends this kind of mail without signing in: `url` (a page, in
   * the body) and `oneClickUrl` (RFC 8058: List-Unsubscribe with
   * List-Unsubscribe-Post, which mail clients POST to).
   */
  unsubscribe?: { url: string; oneClickUrl: string; label: string };
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const BRAND = '#0b5ed7';
const INK = '#1f2937';
const MUTED = '#6b7280';

function blockMjml(block: MailBlock): string {
  if ('p' in block) return `<mj-text>${escapeHtml(block.p)}</mj-text>`;
  if ('note' in block) return `<mj-text font-size="13px" color="${MUTED}">${escapeHtml(block.note)}</mj-text>`;
  if ('button' in block)
    return `<mj-button href="${escapeHtml(block.button.url)}" background-color="${BRAND}" border-radius="6px" font-weight="600" align="left">${escapeHtml(block.button.label)}</mj-button>`;
  const rows = block.items
    .map((item) => {
      const title = item.url
        ? `<a href="${escapeHtml(item.url)}" style="color:${BRAND};font-weight:600;text-decoration:none">${escapeHtml(item.title)}</a>`
        : `<strong>${escapeHtml(item.title)}</strong>`;
      const detail = item.detail
        ? `<br/><span style="color:${MUTED};font-size:13px">${escapeHtml(item.detail)}</span>`
        : '';
      return `<mj-text padding="6px 25px">${title}${detail}</mj-text>`;
    })
    .join('\n');
  return `${rows}<mj-spacer height="6px" />`;
}

function blockText(block: MailBlock): string {
  if ('p' in block) return block.p;
  if ('note' in block) return block.note;
  if ('button' in block) return `${block.button.label}:\n${block.button.url}`;
  return block.items
    .map((i) => `- ${i.title}${i.detail ? ` (${i.detail})` : ''}${i.url ? `\n  ${i.url}` : ''}`)
    .join('\n');
}

/**
 * Renders a mail's content with MJML (responsive HTML that mail clients,
 * Outlook included, display alike) and as plain text. Every value is
 * escaped here: templates pass plain strings.
 */
export async function renderMail(content: MailContent): Promise<RenderedMail> {
  const footer = [
    ...content.footer.map(
      (line) => `<mj-text font-size="12px" color="${MUTED}" padding="2px 25px">${escapeHtml(line)}</mj-text>`,
    ),
    content.unsubscribe
      ? `<mj-text font-size="12px" padding="8px 25px"><a href="${escapeHtml(content.unsubscribe.url)}" style="color:${MUTED}">${escapeHtml(content.unsubscribe.label)}</a></mj-text>`
      : '',
  ].join('\n');
  const source = `<mjml lang="${content.lang}">
  <mj-head>
    <mj-title>${escapeHtml(content.subject)}</mj-title>
    ${content.preheader ? `<mj-preview>${escapeHtml(content.preheader)}</mj-preview>` : ''}
    <mj-attributes>
      <mj-all font-family="'Be Vietnam Pro', 'Segoe UI', Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.55" color="${INK}" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section padding="20px 0 8px">
      <mj-column><mj-text font-size="18px" font-weight="700" color="${BRAND}">TechBridge · Cầu nối công nghệ</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="12px 0">
      <mj-column>
        <mj-text font-size="20px" font-weight="700">${escapeHtml(content.heading)}</mj-text>
        ${content.blocks.map(blockMjml).join('\n')}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 0 24px">
      <mj-column>${footer}</mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const { html, errors } = await mjml2html(source, { validationLevel: 'strict' });
  if (errors.length) throw new Error(`mail template: ${errors.map((e) => e.formattedMessage).join('; ')}`);
  const text = [
    content.heading,
    '',
    ...content.blocks.flatMap((b) => [blockText(b), '']),
    '--',
    ...content.footer,
    ...(content.unsubscribe ? [`${content.unsubscribe.label}: ${content.unsubscribe.url}`] : []),
  ].join('\n');
  return { subject: content.subject, html, text };
}

/** A rendered mail, ready to queue: the unsubscribe link also goes into the List-Unsubscribe headers. */
export async function composeMail(
  key: string,
  to: string,
  content: MailContent,
  options: Pick<OutgoingMail, 'sendAfter' | 'guard' | 'awaited'> = {},
): Promise<OutgoingMail> {
  const rendered = await renderMail(content);
  const headers: Record<string, string> = { 'Content-Language': content.lang };
  if (content.unsubscribe) {
    headers['List-Unsubscribe'] = `<${content.unsubscribe.oneClickUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { key, to, ...rendered, headers, ...options };
}
